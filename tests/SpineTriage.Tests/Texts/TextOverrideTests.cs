using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Texts;
using SpineTriage.Texts.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Texts;

public class TextOverrideTests
{
    private const string NurseLine = "Call the spine nurse line on 0800 000 000 today. If no one answers, go to urgent care.";

    private static TriageEngineOptions With(params TextOverride[] overrides) => new() { TextOverrides = overrides };

    private static IReadOnlyList<ValidationError> Errors(params TextOverride[] overrides) => With(overrides).Validate();

    [Fact]
    public void Default_options_have_no_errors()
    {
        TriageEngineOptions.Default.Validate().Should().BeEmpty();
        With(new TextOverride("en", "disposition.urgent", NurseLine)).Validate().Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_key_is_refused_with_its_code_and_the_key_named()
    {
        var errors = Errors(new TextOverride("en", "disposition.urgnet", NurseLine));

        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.UnknownTextKey && e.Path == "TextOverrides[0].Key" && e.Message.Contains("'disposition.urgnet'"));
    }

    [Fact]
    public void A_key_of_a_clinician_text_or_a_rule_that_does_not_exist_is_not_a_key()
    {
        Errors(new TextOverride("en", "rule.cauda-equina.consideration", "x")).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownTextKey);
        Errors(new TextOverride("en", "rule.no-such-rule.title", "x")).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownTextKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_or_blank_text_is_refused(string text)
    {
        var errors = Errors(new TextOverride("en", "question.fever.text", text));

        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.Required && e.Path == "TextOverrides[0].Text" && e.Message.Contains("'question.fever.text' in 'en'"));
    }

    [Fact]
    public void A_null_text_or_override_is_refused()
    {
        Errors(new TextOverride("en", "disposition.soon", null!)).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.Required);
        Errors([null!]).Should().ContainSingle().Which.Path.Should().Be("TextOverrides[0]");
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_refused_and_one_at_the_limit_is_allowed()
    {
        Errors(new TextOverride("en", "disposition.soon", new string('a', TriageEngineOptions.MaxTextLength))).Should().BeEmpty();
        Errors(new TextOverride("en", "disposition.soon", new string('a', TriageEngineOptions.MaxTextLength + 1)))
            .Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLong);
    }

    [Fact]
    public void A_missing_placeholder_is_refused_naming_it()
    {
        var errors = Errors(new TextOverride("en", "warning.feverAnsweredNo", "Fever was answered no, but {temperature} is a fever."));

        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.PlaceholderMismatch && e.Message.Contains("missing {threshold}") && e.Message.Contains("warning.feverAnsweredNo"));
    }

    [Fact]
    public void An_extra_placeholder_is_refused_naming_it()
    {
        var errors = Errors(new TextOverride("en", "disposition.urgent", "Call {clinic} today."));

        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.PlaceholderMismatch && e.Message.Contains("not allowed {clinic}"));
    }

    [Fact]
    public void Placeholders_kept_in_another_order_are_allowed()
    {
        Errors(new TextOverride("en", "warning.feverAnsweredNo", "Limit {threshold}; measured {temperature}: fever counts as present.")).Should().BeEmpty();
        Errors(new TextOverride("en", "question.fever.sign.1", "{feverFahrenheit} °F ({feverCelsius} °C) or more.")).Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_language_of_an_override_or_of_the_engine_is_refused()
    {
        Errors(new TextOverride("fr", "disposition.urgent", NurseLine)).Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.UnknownLanguage && e.Path == "TextOverrides[0].Language");
        (TriageEngineOptions.Default with { Language = "fr" }).Validate().Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.UnknownLanguage && e.Path == "Language");
        (TriageEngineOptions.Default with { Language = null! }).Validate().Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownLanguage);
    }

    [Fact]
    public void A_key_overridden_twice_in_one_language_is_refused()
    {
        var errors = Errors(new TextOverride("en", "disposition.urgent", NurseLine), new TextOverride("en", "disposition.urgent", NurseLine + " Now."));

        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Code == ErrorCodes.DuplicateKey && e.Path == "TextOverrides[1]");
    }

    [Fact]
    public void A_disposition_given_both_ways_is_a_conflict_and_a_disposition_route_is_checked_like_an_override()
    {
        var both = With(new TextOverride("en", "disposition.urgent", NurseLine)) with { Dispositions = DispositionTexts.Default with { Urgent = "Other." } };
        both.Validate().Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Code == ErrorCodes.Conflict && e.Path == "Dispositions.Urgent");

        var extra = TriageEngineOptions.Default with { Dispositions = DispositionTexts.Default with { Soon = "Call {clinic}." } };
        extra.Validate().Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.PlaceholderMismatch);
    }

    [Fact]
    public void Every_error_is_reported_together_and_building_an_engine_throws_with_the_codes()
    {
        var options = With(
            new TextOverride("en", "nope", "x"),
            new TextOverride("xx", "disposition.urgent", "x"),
            new TextOverride("en", "disposition.soon", " ")) with
        { FeverThresholdCelsius = 45m };

        options.Validate().Select(e => e.Code).Should().BeEquivalentTo(
            [ErrorCodes.OutOfRange, ErrorCodes.UnknownTextKey, ErrorCodes.UnknownLanguage, ErrorCodes.Required]);
        var build = () => new TriageEngine(options);
        build.Should().Throw<ArgumentException>().WithMessage("*[unknownTextKey]*").WithMessage("*'nope'*").WithMessage("*[outOfRange]*");
    }

    [Fact]
    public void An_override_changes_the_text_in_results_listings_and_the_interview()
    {
        var engine = new TriageEngine(
            With(
                new TextOverride("en", "disposition.urgent", NurseLine),
                new TextOverride("en", "rule.fever.title", "Fever"),
                new TextOverride("en", "question.fever.text", "Hot?"),
                new TextOverride("en", "question.fever.sign.1", "{feverCelsius} °C / {feverFahrenheit} °F or more."),
                new TextOverride("en", "safetyNet.callBack", "Call us back at 0800 000 000.")) with
            { RuleSet = RuleSets.V1 },
            TestClock.At(ReportBuilder.Today));
        var result = engine.Evaluate(engine.Validate(ReportBuilder.AllRedFlagsDenied().With(QuestionId.Fever, Answer.Yes)).Value!);

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Disposition.Should().Be(NurseLine);
        result.Findings.Should().Contain(f => f.RuleId == "fever" && f.Title == "Fever");
        result.SafetyNet[^1].Should().Be("Call us back at 0800 000 000.");
        engine.RuleSet.Find("fever")!.Title.Should().Be("Fever");
        engine.RuleSet.Questions.Single(q => q.Id == QuestionId.Fever).Text.Should().Be("Hot?\nAnswer yes if any of these is true.\n- 38.0 °C / 100.4 °F or more.\n- Shivering and chills.");
        new TriageInterview(engine).Items.Single(i => i.QuestionId == QuestionId.Fever).Text.Should().StartWith("Hot?\n").And.Contain("38.0 °C");
    }

    [Fact]
    public void Dispositions_stay_a_compatible_route_in_the_engines_language()
    {
        var engine = new TriageEngine(TriageEngineOptions.Default with { RuleSet = RuleSets.V1, Dispositions = DispositionTexts.Default with { Urgent = NurseLine } }, TestClock.At(ReportBuilder.Today));
        var result = engine.Evaluate(engine.Validate(ReportBuilder.AllRedFlagsDenied().With(QuestionId.Fever, Answer.Yes)).Value!);

        result.Disposition.Should().Be(NurseLine);
        engine.TextSet.Should().NotBe(new TriageEngine(TriageEngineOptions.Default with { RuleSet = RuleSets.V1 }).TextSet);
    }

    [Fact]
    public void Dispositions_change_only_the_engines_language_and_leave_the_others_their_own_texts()
    {
        var spanish = TextLanguages.All[^1];
        var plain = new TriageEngine(TriageEngineOptions.Default with { RuleSet = RuleSets.V1 }, TestClock.At(ReportBuilder.Today));
        var engine = new TriageEngine(TriageEngineOptions.Default with { RuleSet = RuleSets.V1, Dispositions = DispositionTexts.Default with { Urgent = NurseLine } }, TestClock.At(ReportBuilder.Today));
        var report = ReportBuilder.AllRedFlagsDenied().With(QuestionId.Fever, Answer.Yes) with { Language = spanish };

        var result = engine.Evaluate(engine.Validate(report).Value!);

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Disposition.Should().Be(plain.Evaluate(plain.Validate(report).Value!).Disposition, "the Dispositions option words the engine's language (English) only");
        result.Disposition.Should().NotBe(NurseLine);
        engine.TextSetFor(spanish).Should().Be(plain.TextSetFor(spanish));
    }

    [Fact]
    public void An_override_changes_the_text_set_hash_and_never_the_rule_set_hash()
    {
        foreach (var selector in RuleSets.Selectors)
        {
            var plain = new TriageEngine(new TriageEngineOptions { RuleSet = selector });
            var overridden = new TriageEngine(With(new TextOverride("en", "disposition.urgent", NurseLine)) with { RuleSet = selector });
            var otherLanguageOnly = new TriageEngine(With(new TextOverride(TextLanguages.All[^1], "advice.selfCare", "Rest.")) with { RuleSet = selector });

            overridden.RuleSet.Identity.Should().Be(plain.RuleSet.Identity);
            overridden.TextSet.Hash.Should().NotBe(plain.TextSet.Hash);
            overridden.TextSet.Language.Should().Be("en");
            otherLanguageOnly.RuleSet.Identity.Should().Be(plain.RuleSet.Identity);
            otherLanguageOnly.TextSetFor(TextLanguages.All[^1]).Should().NotBe(plain.TextSetFor(TextLanguages.All[^1]));
            new TriageEngine(new TriageEngineOptions { RuleSet = selector }).TextSet.Should().Be(plain.TextSet, "the hash is a function of the texts");
        }
    }

    [Fact]
    public void The_rule_set_hash_changes_with_a_threshold_and_not_with_the_language()
    {
        var plain = new TriageEngine(new TriageEngineOptions());
        var spanish = new TriageEngine(new TriageEngineOptions { Language = TextLanguages.All[^1] });

        spanish.RuleSet.Hash.Should().Be(plain.RuleSet.Hash);
        new TriageEngine(new TriageEngineOptions { FeverThresholdCelsius = 38.5m }).RuleSet.Hash.Should().NotBe(plain.RuleSet.Hash);
        plain.RuleSet.CanonicalDescription.Should().NotContain(plain.RuleSet.Rules[0].Title).And.NotContain(plain.RuleSet.Questions[0].Text);
    }

    [Fact]
    public void Decisions_with_overrides_of_every_text_equal_decisions_without_on_generated_reports()
    {
        // Every key of every language overridden: decisions (urgency, completeness, rules, evidence, unanswered, settled) stay.
        var everything = TextLanguages.All.SelectMany(language => TextCatalogue.For(language).Keys.Select(key =>
        {
            var placeholders = TextCatalogue.Placeholders(TextCatalogue.For(language).Raw(key));
            return new TextOverride(language, key, $"Reworded {key} " + string.Concat(placeholders.Select(p => "{" + p + "} ")));
        })).ToArray();
        foreach (var (selector, reports) in new[] { (RuleSets.V1, ReportGen.Sample(1129, PropertyRuns.Scaled(1500))), (RuleSets.V2, ReportGen.SampleV2(1129, PropertyRuns.Scaled(1500))) })
        {
            var plain = new TriageEngine(new TriageEngineOptions { RuleSet = selector }, TestClock.At(ReportGen.Today));
            var reworded = new TriageEngine(With(everything) with { RuleSet = selector }, TestClock.At(ReportGen.Today));
            reworded.RuleSet.Identity.Should().Be(plain.RuleSet.Identity);
            foreach (var report in reports)
            {
                var expected = plain.Triage(report);
                var actual = reworded.Triage(report);
                actual.IsSuccess.Should().Be(expected.IsSuccess);
                if (expected.TryGetValue(out var a) && actual.TryGetValue(out var b))
                {
                    Decision(b).Should().Be(Decision(a), ReportGen.Print(report));
                    b.Disposition.Should().StartWith("Reworded disposition.");
                    b.TextSet.Should().NotBe(a.TextSet);
                }
            }
        }
    }

    /// <summary>Everything of a result that is decided rather than worded.</summary>
    internal static string Decision(TriageResult result) => string.Join(
        " | ",
        result.Urgency,
        result.IsComplete,
        result.IsSettled,
        result.DaysSinceSurgery,
        string.Join(",", result.Findings.Select(f => $"{f.RuleId}:{f.Urgency}:{string.Join(";", f.Evidence)}")),
        string.Join(",", result.UnansweredQuestions),
        string.Join(",", result.NotAskedQuestions),
        result.CareAdvice.Count,
        result.SafetyNet.Count,
        result.Warnings.Count,
        result.RuleSet);

    [Fact]
    public void A_placeholder_error_names_what_is_missing_and_what_is_not_allowed_in_words()
    {
        Errors(new TextOverride("en", "warning.feverAnsweredNo", "Fever was answered no, but {temperature} is a fever.")).Should().ContainSingle().Which.Message
            .Should().EndWith("must have exactly the placeholders of the default text ({temperature}, {threshold}): missing {threshold}.");
        Errors(new TextOverride("en", "warning.feverAnsweredNo", "{temperature} {threshold} {clinic}")).Should().ContainSingle().Which.Message
            .Should().EndWith("({temperature}, {threshold}): not allowed {clinic}.");
        Errors(new TextOverride("en", "warning.feverAnsweredNo", "{temperature} {clinic}")).Should().ContainSingle().Which.Message
            .Should().EndWith("({temperature}, {threshold}): missing {threshold}, not allowed {clinic}.");
        Errors(new TextOverride("en", "disposition.urgent", "Call {clinic} today.")).Should().ContainSingle().Which.Message
            .Should().EndWith("the placeholders of the default text (none): not allowed {clinic}.");
    }

    [Fact]
    public void A_blank_text_for_a_key_with_placeholders_is_one_required_error_not_also_a_placeholder_error()
    {
        Errors(new TextOverride("en", "warning.feverAnsweredNo", "  ")).Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.Required && e.Path == "TextOverrides[0].Text");
    }

    [Fact]
    public void A_too_long_text_for_a_key_with_placeholders_is_one_too_long_error_not_also_a_placeholder_error()
    {
        Errors(new TextOverride("en", "warning.feverAnsweredNo", new string('x', TriageEngineOptions.MaxTextLength + 1))).Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Code == ErrorCodes.TooLong && e.Path == "TextOverrides[0].Text");
    }

    [Fact]
    public void Text_overrides_cannot_be_set_to_null()
    {
        FluentActions.Invoking(() => TriageEngineOptions.Default with { TextOverrides = null! }).Should().Throw<ArgumentNullException>().WithParameterName("value");
    }
}
