using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;
using SpineTriage.TestSupport;
using SpineTriage.Texts;
using SpineTriage.Texts.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Texts;

public class TextLanguageTests
{
    private static readonly TriageEngine Engine = new(new TriageEngineOptions(), TestClock.At(ReportGen.Today));

    [Fact]
    public void The_supported_languages_are_the_embedded_catalogues_english_first()
    {
        TextLanguages.All.Should().Contain(TextLanguages.English).And.BeInAscendingOrder(StringComparer.Ordinal);
        TextLanguages.All[0].Should().Be("en");
        TextLanguages.All.Should().Equal(typeof(TextCatalogue).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("SpineTriage.Texts.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n["SpineTriage.Texts.".Length..^".json".Length]).Order(StringComparer.Ordinal));
        TextLanguages.IsSupported("en").Should().BeTrue();
        TextLanguages.IsSupported("EN").Should().BeFalse();
        TextLanguages.IsSupported(null).Should().BeFalse();
    }

    [Fact]
    public void Every_language_has_every_key_of_english_with_the_same_placeholders()
    {
        foreach (var language in TextLanguages.All)
        {
            var catalogue = TextCatalogue.For(language);
            catalogue.Language.Should().Be(language);
            catalogue.Keys.Should().Equal(TextCatalogue.English.Keys, language);
            foreach (var key in catalogue.Keys)
            {
                TextCatalogue.Placeholders(catalogue.Raw(key)).Order(StringComparer.Ordinal)
                    .Should().Equal(TextCatalogue.Placeholders(TextCatalogue.English.Raw(key)).Order(StringComparer.Ordinal), $"{language} {key}");
            }
        }
    }

    [Fact]
    public void Every_placeholder_is_filled_in_every_language_in_results_listings_and_interviews()
    {
        foreach (var language in TextLanguages.All)
        {
            foreach (var selector in RuleSets.Selectors)
            {
                var engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector, Language = language });
                var texts = engine.RuleSet.Questions.Select(q => q.Text)
                    .Concat(engine.RuleSet.Rules.SelectMany(r => new[] { r.Title, r.PatientExplanation }))
                    .Concat(new TriageInterview(engine).Items.Select(i => i.Text))
                    .ToList();
                var deciding = new TriageEngine(new TriageEngineOptions { RuleSet = selector, Language = language }, TestClock.At(ReportGen.Today));
                foreach (var report in selector == RuleSets.V1 ? ReportGen.Sample(5, 200) : ReportGen.SampleV2(5, 200))
                {
                    if (deciding.Triage(report).TryGetValue(out var result))
                    {
                        texts.Add(result.Disposition);
                        texts.AddRange(result.Findings.SelectMany(f => new[] { f.Title, f.PatientExplanation }));
                        texts.AddRange(result.CareAdvice.Concat(result.SafetyNet).Concat(result.Warnings));
                    }
                }

                texts.Should().OnlyContain(t => t.Length > 0 && !t.Contains('{') && !t.Contains('}'), $"{language} {selector}");
            }
        }
    }

    [Fact]
    public void A_report_names_its_language_and_an_unknown_one_is_refused_at_its_path()
    {
        var json = """{"surgeryDate":"2026-11-01","language":"fr"}""";

        Engine.TriageJson(json).Errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Path == "$.language" && e.Code == ErrorCodes.UnknownLanguage && e.Message.Contains("\"fr\""));
        Engine.TriageJson("""{"surgeryDate":"2026-11-01","language":5}""").Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.WrongType);
        Engine.Validate(new SymptomReport { SurgeryDate = new(2026, 11, 1), Language = "" }).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownLanguage);
        TriageJson.ParseReport("""{"surgeryDate":"2026-11-01","language":"en"}""").Value!.Language.Should().Be("en");
        TriageJson.ParseReport("""{"surgeryDate":"2026-11-01","language":null}""").Value!.Language.Should().BeNull();
    }

    [Fact]
    public void The_report_language_round_trips_and_is_absent_from_canonical_json_when_not_given()
    {
        var report = new SymptomReport { SurgeryDate = new(2026, 11, 1), Language = "en" };

        TriageJson.ParseReport(TriageJson.SerializeReport(report)).Value.Should().Be(report);
        TriageJson.SerializeReport(report with { Language = null }).Should().NotContain("language");
        report.Should().NotBe(report with { Language = null });
    }

    [Fact]
    public void The_report_language_words_the_result_and_else_the_engine_language_does()
    {
        var language = TextLanguages.All[^1];
        var report = ReportBuilder.AllRedFlagsDenied().With(QuestionId.Fever, Answer.Yes);
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1, Language = language }, TestClock.At(ReportBuilder.Today));
        var english = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }, TestClock.At(ReportBuilder.Today));

        var inEngineLanguage = engine.Triage(report).Value!;
        var inEnglish = engine.Triage(report with { Language = "en" }).Value!;

        inEngineLanguage.TextSet.Should().Be(engine.TextSet).And.Be(english.TextSetFor(language));
        inEngineLanguage.Disposition.Should().Be(TextCatalogue.For(language).Get("disposition.urgent"));
        inEnglish.Should().Be(english.Triage(report).Value, "the same texts in English whatever the engine's language");
        inEnglish.TextSet!.Language.Should().Be("en");
    }

    [Fact]
    public void Decisions_are_identical_in_every_language_on_generated_reports()
    {
        foreach (var (selector, reports) in new[] { (RuleSets.V1, ReportGen.Sample(2026, PropertyRuns.Scaled(2000))), (RuleSets.V2, ReportGen.SampleV2(2026, PropertyRuns.Scaled(2000))) })
        {
            var engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector }, TestClock.At(ReportGen.Today));
            foreach (var report in reports)
            {
                var decisions = TextLanguages.All.Select(language => engine.Triage(report with { Language = language }))
                    .Select(o => o.TryGetValue(out var r) ? TextOverrideTests.Decision(r) : "invalid " + string.Join(",", o.Errors.Select(e => e.Path + e.Code)))
                    .ToArray();
                decisions.Distinct().Should().ContainSingle(ReportGen.Print(report));
            }
        }
    }

    [Fact]
    public void Findings_are_equal_within_a_language_and_worded_in_the_reports_language()
    {
        var report = ReportBuilder.AllRedFlagsDenied().With(QuestionId.WoundDischarge, Answer.Yes);
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }, TestClock.At(ReportBuilder.Today));
        var first = engine.Triage(report with { Language = "en" }).Value!.Findings[0];
        var again = engine.Triage(report with { Language = "en" }).Value!.Findings[0];
        var other = engine.Triage(report with { Language = TextLanguages.All[^1] }).Value!.Findings[0];

        again.Should().Be(first);
        if (TextLanguages.All.Count > 1)
        {
            other.Should().NotBe(first);
            other.Title.Should().Be(TextCatalogue.For(TextLanguages.All[^1]).Get($"rule.{first.RuleId}.title"));
        }
    }

    [Fact]
    public void Listings_in_a_language_use_its_texts_and_an_unknown_language_is_refused()
    {
        var language = TextLanguages.All[^1];
        var catalogue = TextCatalogue.For(language);

        Engine.RuleSet.QuestionsIn(language).Should().OnlyContain(q => q.Text == q.TextIn(catalogue));
        Engine.RuleSet.QuestionsIn(language).Select(q => (q.Id, q.IsRedFlag, q.Applicability)).Should().Equal(Engine.RuleSet.Questions.Select(q => (q.Id, q.IsRedFlag, q.Applicability)));
        Engine.RuleSet.RulesIn(language).Select(r => (r.Id, r.Urgency, r.Condition)).Should().Equal(Engine.RuleSet.Rules.Select(r => (r.Id, r.Urgency, r.Condition)));
        System.Text.Json.JsonDocument.Parse(TriageJson.SerializeQuestions(Engine.RuleSet, language)).RootElement.GetProperty("questions")
            .EnumerateArray().Select(q => q.GetProperty("text").GetString()).Should().Equal(Engine.RuleSet.QuestionsIn(language).Select(q => q.Text));
        TriageJson.SerializeRuleSet(Engine.RuleSet, language).Should().Contain("\"hash\": \"" + Engine.RuleSet.Hash + "\"");
        var unknown = () => Engine.RuleSet.QuestionsIn("fr");
        unknown.Should().Throw<ArgumentException>().WithMessage("*fr*");
        new TriageInterview(Engine, language).Items.Where(i => i.Question is not null).Select(i => i.Text)
            .Should().Equal(Engine.RuleSet.QuestionsIn(language).Select(q => q.Text));
    }

    [Fact]
    public void An_audit_record_names_the_text_set_and_its_record_hash_covers_it()
    {
        var validated = Engine.Validate(ReportBuilder.AllRedFlagsDenied() with { Language = TextLanguages.All[^1] }).Value!;
        var result = Engine.Evaluate(validated);
        var record = new AuditChain().Append(AuditRecord.Create(Engine, validated, result));

        record.TextSet.Should().Be(result.TextSet);
        var line = record.ToJsonLine();
        line.Should().Contain("\"textSet\":{\"language\":\"" + TextLanguages.All[^1] + "\",\"hash\":\"" + result.TextSet!.Hash + "\"}");
        var read = AuditRecord.ParseJsonLine(line).Value!;
        read.Should().Be(record);
        Intact(read).Should().BeTrue();

        var altered = AuditRecord.ParseJsonLine(line.Replace(result.TextSet.Hash, "sha256:" + new string('0', 64), StringComparison.Ordinal)).Value!;
        altered.TextSet!.Hash.Should().NotBe(result.TextSet.Hash);
        Intact(altered).Should().BeFalse("the record hash covers the text set");
    }

    [Fact]
    public void An_audit_record_without_a_text_set_still_verifies_with_its_text_set_unknown()
    {
        var validated = Engine.Validate(ReportBuilder.AllRedFlagsDenied()).Value!;
        var old = new AuditChain().Append(AuditRecord.Create(Engine, validated, Engine.Evaluate(validated) with { TextSet = null }));
        var line = old.ToJsonLine();

        line.Should().NotContain("textSet");
        var read = AuditRecord.ParseJsonLine(line).Value!;
        read.TextSet.Should().BeNull();
        Intact(read).Should().BeTrue();
    }

    private static bool Intact(AuditRecord record) =>
        record.RecordHash == AuditRecordHash.Compute(record, null) && record.PreviousHash == AuditChain.Genesis;

    [Fact]
    public void A_result_without_a_text_set_reads_with_its_text_set_unknown()
    {
        var result = Engine.Evaluate(Engine.Validate(ReportBuilder.AllRedFlagsDenied()).Value!);
        var json = TriageJson.SerializeResult(result with { TextSet = null });

        json.Should().NotContain("textSet");
        TriageJson.ParseResult(json).Value!.TextSet.Should().BeNull();
        TriageJson.ParseResult(TriageJson.SerializeResult(result)).Value.Should().BeEquivalentTo(result);
        TriageJson.ParseResult(json.Replace("\"ruleSet\"", "\"textSet\": {\"language\": \"en\"}, \"ruleSet\"", StringComparison.Ordinal)).Errors
            .Should().ContainSingle().Which.Path.Should().Be("$.textSet.hash");
    }

    [Fact]
    public void The_rules_of_every_rule_set_are_worded_in_the_catalogue_of_the_language_asked_for()
    {
        foreach (var selector in RuleSets.Selectors)
        {
            var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;
            var keys = RuleSetEdition.Find(selector)!.Document.Rules.ToDictionary(r => r.Id);
            foreach (var language in TextLanguages.All)
            {
                var catalogue = TextCatalogue.For(language);
                ruleSet.RulesIn(language).Should().AllSatisfy(rule =>
                {
                    rule.Title.Should().Be(catalogue.Get(keys[rule.Id].TitleKey));
                    rule.PatientExplanation.Should().Be(catalogue.Get(keys[rule.Id].ExplanationKey));
                });
            }

            ruleSet.RulesIn("es").Select(r => r.PatientExplanation).Should().NotIntersectWith(ruleSet.RulesIn("en").Select(r => r.PatientExplanation));
        }
    }
}
