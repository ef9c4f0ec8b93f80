using System.Text.Json;
using CsCheck;
using FluentAssertions;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Texts;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// Issue 27 item 2: the structured result and step contract. Every text of a result carries its registry key; the safety
/// net comes in its parts; an emergency result asks for no more answers and no call "today"; a settled result names the
/// red flags it did not need to ask as not asked; the step JSON gives each input its limits; the renderers show the
/// library's texts as they are.
/// </summary>
public class StructuredResultTests
{
    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Every_text_of_a_result_is_the_registry_text_of_its_key_and_the_safety_net_parts_are_its_lines(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        Gen.Select(ruleSet.WithEngine, Gen.Bool).Sample(sample =>
        {
            var ((engine, report), spanish) = sample;
            var result = engine.Evaluate(engine.Validate(report with { Language = spanish ? TextLanguages.Spanish : null }).GetValueOrThrow());
            var texts = engine.TextsIn(result.TextSet!.Language);

            result.Disposition.Should().Be(texts.Get(result.DispositionKey!));
            result.Findings.Should().OnlyContain(f => f.Title == texts.Get(f.TitleKey!) && f.PatientExplanation == texts.Get(f.PatientExplanationKey!));
            result.CareAdviceKeys.Select(texts.Get).Should().Equal(result.CareAdvice);
            result.WarningKeys.Should().HaveSameCount(result.Warnings);
            var parts = result.SafetyNetParts!;
            parts.Lines.Should().Equal(result.SafetyNet);
            parts.SignKeys.Select(texts.Get).Should().Equal(parts.Signs);
            texts.Get(parts.ClosingKey).Should().Be(parts.Closing);
            (parts.Intro is null ? null : texts.Get(parts.IntroKey!)).Should().Be(parts.Intro);
            TriageJson.ParseResult(TriageJson.SerializeResult(result)).GetValueOrThrow().Should().Be(result);
        }, iter: PropertyRuns.Scaled(1_000));
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void An_emergency_result_has_no_patient_text_that_asks_for_more_answers_or_for_a_call_today(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        var lowerFindings = 0;
        Gen.Select(ruleSet.WithEngine, Gen.Bool).Sample(sample =>
        {
            var ((engine, report), spanish) = sample;
            var result = engine.Evaluate(engine.Validate(report with { Language = spanish ? TextLanguages.Spanish : null }).GetValueOrThrow());
            if (result.Urgency != Urgency.Emergency)
            {
                return;
            }

            lowerFindings += result.Findings.Count(f => f.Urgency < Urgency.Emergency);
            string[] patientTexts = [result.Disposition, .. result.Findings.SelectMany(f => new[] { f.Title, f.PatientExplanation }), .. result.CareAdvice, .. result.SafetyNet, .. result.Warnings];
            patientTexts.Should().NotContain(t => t.Contains("today", StringComparison.OrdinalIgnoreCase) || t.Contains(" hoy", StringComparison.OrdinalIgnoreCase), "an emergency needs care now, not a call today");
            patientTexts.Should().NotContain(t => t.Contains("answer the rest", StringComparison.Ordinal) || t.Contains("responda al resto", StringComparison.Ordinal));
        }, iter: PropertyRuns.Scaled(2_000));

        lowerFindings.Should().BePositive("the sample must hold emergencies with findings below emergency");
    }

    [Fact]
    public void A_settled_result_names_the_red_flags_it_did_not_need_to_ask_as_not_asked_and_asks_for_no_more_answers()
    {
        // Rule set 2.0 named: an urgent wound sign; the red flags whose yes alone gives urgent are left out, so no answer
        // to them can change the urgency.
        var engine = ReportBuilder.EngineV2();
        var report = ReportBuilder.AllRedFlagsDeniedV2().Yes(Q.WoundDischarge).Without(Q.NewOrWorseningLimbNumbness).Without(Q.CalfPainOrSwelling);

        var result = engine.Evaluate(report);
        var doNotKnow = engine.Evaluate(report.With(Q.NewOrWorseningLimbNumbness, Answer.Unknown));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.IsSettled.Should().BeTrue();
        result.NotAskedQuestions.Should().Equal(Q.NewOrWorseningLimbNumbness, Q.CalfPainOrSwelling);
        var finding = result.Findings.Single(f => f.RuleId == "unresolved-red-flag");
        finding.Evidence.Should().Equal("newOrWorseningLimbNumbness: not asked", "calfPainOrSwelling: not asked");
        finding.PatientExplanationKey.Should().Be("result.settledNotAsked");
        finding.PatientExplanation.Should().Be(TextRegistry.English.Get("result.settledNotAsked"));
        var unknown = doNotKnow.Findings.Single(f => f.RuleId == "unresolved-red-flag");
        unknown.Evidence.Should().Equal("newOrWorseningLimbNumbness: unknown", "calfPainOrSwelling: not asked");
        unknown.PatientExplanationKey.Should().Be("result.settledDoNotKnow");
        doNotKnow.Urgency.Should().Be(result.Urgency, "only texts differ; the decision is the same");
        doNotKnow.Findings.Select(f => f.RuleId).Should().Equal(result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void The_step_json_gives_each_item_its_texts_with_their_keys_and_the_limits_of_its_input()
    {
        var engine = ReportBuilder.EngineV2();
        var interview = new TriageInterview(engine);
        var partial = new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today };

        using var first = JsonDocument.Parse(TriageJson.SerializeStep(interview.Next(partial).GetValueOrThrow()));
        var next = first.RootElement.GetProperty("next");
        first.RootElement.GetProperty("done").GetBoolean().Should().BeFalse();
        next.GetProperty("id").GetString().Should().Be("bladderOrBowelControlLoss");
        next.GetProperty("leadKey").GetString().Should().Be("question.bladderOrBowelControlLoss.text");
        next.GetProperty("signs").GetArrayLength().Should().Be(2);
        next.GetProperty("answerHint").GetString().Should().Be("Answer yes if any of these is true.");
        next.GetProperty("input").GetProperty("values").EnumerateArray().Select(v => v.GetString()).Should().Equal("yes", "no", "unknown");
        first.RootElement.GetProperty("provisional").GetProperty("urgency").GetString().Should().Be("urgent");

        var toTemperature = ReportBuilder.AllRedFlagsDeniedV2();
        toTemperature = toTemperature with { Answers = AnswerSet.From(toTemperature.Answers.Where(a => !new[] { Q.Fever, Q.HeadacheWithStiffNeck, Q.SpinalFluidLeakSigns, Q.WoundDischarge, Q.WoundRednessOrSwelling, Q.WoundBleeding, Q.WoundOpening, Q.ChestPainOrBreathlessness, Q.NewOrWorseningLimbNumbness, Q.CalfPainOrSwelling, Q.PainNotControlled, Q.NewSwallowingDifficulty }.Contains(a.Key))) };
        using var temperature = JsonDocument.Parse(TriageJson.SerializeStep(interview.Next(toTemperature).GetValueOrThrow()));
        var input = temperature.RootElement.GetProperty("next").GetProperty("input");
        temperature.RootElement.GetProperty("next").GetProperty("kind").GetString().Should().Be("temperature");
        temperature.RootElement.GetProperty("next").GetProperty("leadKey").GetString().Should().Be("interview.temperature.text");
        input.GetProperty("celsius").GetProperty("min").GetDecimal().Should().Be(InputLimits.MinCelsius);
        input.GetProperty("fahrenheit").GetProperty("max").GetDecimal().Should().Be(InputLimits.MaxFahrenheit);
        input.GetProperty("maxDecimals").GetInt32().Should().Be(2);

        // The limits are the engine's: just outside them a temperature is refused.
        engine.Validate(toTemperature with { Temperature = Temperature.Celsius(InputLimits.MaxCelsius + 0.01m) }).IsSuccess.Should().BeFalse();
        engine.Validate(toTemperature with { Temperature = Temperature.Celsius(InputLimits.MaxCelsius) }).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void The_plain_text_and_markdown_renderers_show_the_result_s_texts_and_list_the_safety_net_signs()
    {
        var engine = ReportBuilder.EngineV2();
        var result = engine.Evaluate(ReportBuilder.AllRedFlagsDeniedV2().Yes(Q.WoundDischarge));

        var text = TriageText.SerializeResult(result, engine.RuleSet);
        var markdown = TriageMarkdown.SerializeResult(result, engine.RuleSet);

        text.Should().StartWith("URGENT (code 4): today, within hours\n" + result.Disposition + "\n");
        text.Should().Contain("  " + result.SafetyNetParts!.Intro + "\n");
        foreach (var sign in result.SafetyNetParts.Signs)
        {
            text.Should().Contain("    - " + sign + "\n");
            markdown.Should().Contain("- " + sign + "\n");
        }

        markdown.Should().StartWith("# URGENT (code 4): today, within hours\n\n**");
        markdown.Should().Contain("## Safety net\n").And.Contain("(urgent, rule `wound-signs`)");
    }
}
