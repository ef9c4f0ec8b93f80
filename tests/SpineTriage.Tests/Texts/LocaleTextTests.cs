using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Texts;

/// <summary>Issue 27 items 5 and 6: numbers and units follow the language (es-US), the emergency number is configured, urgent falls back to an emergency room.</summary>
public class LocaleTextTests
{
    public static TheoryData<string, string> SelectorsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var selector in RuleSets.Selectors)
        {
            foreach (var language in TextLanguages.All)
            {
                data.Add(selector, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SelectorsAndLanguages))]
    public void The_fever_question_quotes_the_configured_threshold_in_both_units(string selector, string language)
    {
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector, Language = language, FeverThresholdCelsius = 38.3m });

        var fever = engine.RuleSet.Questions.Single(q => q.Id == QuestionId.Fever).Text;

        fever.Should().Contain("38.3 °C").And.Contain("100.9 °F").And.NotContain("38.0").And.NotContain("38,");
    }

    [Theory]
    [MemberData(nameof(SelectorsAndLanguages))]
    public void The_default_fever_question_quotes_38_0_and_100_4(string selector, string language)
    {
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector, Language = language });

        engine.RuleSet.Questions.Single(q => q.Id == QuestionId.Fever).Text.Should().Contain("38.0 °C").And.Contain("100.4 °F");
    }

    [Theory]
    [MemberData(nameof(SelectorsAndLanguages))]
    public void The_emergency_texts_name_the_configured_number_and_911_by_default(string selector, string language)
    {
        var report = ReportBuilder.AllRedFlagsDenied().With(QuestionId.BladderOrBowelControlLoss, Answer.Yes) with { Language = language };
        var options = new TriageEngineOptions { RuleSet = selector };

        var byDefault = new TriageEngine(options, TestClock.At(ReportBuilder.Today)).Triage(report).Value!;
        var configured = new TriageEngine(options with { EmergencyNumber = "112" }, TestClock.At(ReportBuilder.Today)).Triage(report).Value!;

        byDefault.Urgency.Should().Be(Urgency.Emergency);
        byDefault.Disposition.Should().Contain("911");
        configured.Disposition.Should().Contain("112").And.NotContain("911");
        configured.Urgency.Should().Be(byDefault.Urgency);
        configured.Findings.Select(f => f.RuleId).Should().Equal(byDefault.Findings.Select(f => f.RuleId));
        configured.TextSet.Should().NotBe(byDefault.TextSet, "the number shown is part of the text set");
    }

    [Theory]
    [InlineData("")]
    [InlineData("nine-one-one")]
    [InlineData("911 ")]
    [InlineData("+1 800 555 0100 0000000")]
    public void An_emergency_number_that_is_not_a_telephone_number_is_refused(string number)
    {
        var errors = new TriageEngineOptions { EmergencyNumber = number }.Validate();

        errors.Should().ContainSingle(e => e.Path == "EmergencyNumber").Which.Code.Should().Be(ErrorCodes.InvalidFormat);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_urgent_disposition_falls_back_to_an_emergency_room_never_urgent_care(string language)
    {
        var urgent = TextRegistry.For(language).Get("disposition.urgent");

        urgent.Should().NotContainAny("urgent care", "urgencias", "centro de urgencias");
        urgent.Should().ContainAny("emergency room", "sala de emergencias");
    }

    [Fact]
    public void Spanish_is_written_for_the_united_states()
    {
        var spanish = TextRegistry.For(TextLanguages.Spanish);
        var texts = spanish.Keys.Select(spanish.Raw).ToList();

        texts.Should().NotContain(t => ContainsAny(t, "tumbar", "coche", "rojez", "hacer de vientre", "vendaje", "va a más", "barriga", "dormid", "urgencias"));
        texts.Should().NotContain(t => t.Contains("38,", StringComparison.Ordinal) || t.Contains("100,", StringComparison.Ordinal));
        spanish.Get("label.decimalSeparator").Should().Be(".");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Emergency_texts_never_say_urgencia_and_name_the_emergency_number(string language)
    {
        var registry = TextRegistry.For(language);
        var emergencyRules = RuleSets.Selectors.SelectMany(s => new TriageEngine(new TriageEngineOptions { RuleSet = s }).RuleSet.Rules)
            .Where(r => r.Urgency == Urgency.Emergency).Select(r => $"rule.{r.Id}.patientExplanation").Distinct();
        string[] keys = ["disposition.emergency", "safetyNet.seekEmergency", "prompt.emergency", .. emergencyRules];

        keys.Select(registry.Get).Should().NotContain(t => t.Contains("urgencia", StringComparison.OrdinalIgnoreCase));
        registry.Get("disposition.emergency").Should().Contain("911");
        registry.Get("prompt.emergency").Should().Contain("911");
    }

    public static TheoryData<string> Languages() => [.. TextLanguages.All];

    private static bool ContainsAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
