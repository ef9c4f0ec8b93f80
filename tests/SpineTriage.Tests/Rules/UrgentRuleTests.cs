using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// The urgent rules of clinical-criteria.md section 4 other than fever (see <see cref="FeverRuleTests"/>),
/// each shown firing and not firing at its boundary.
/// </summary>
public class UrgentRuleTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Fact]
    [Fires("sensory-deficit")]
    public void New_or_worsening_limb_numbness_is_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.NewOrWorseningLimbNumbness));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("sensory-deficit").Evidence.Should().Equal("newOrWorseningLimbNumbness: yes");
    }

    [Fact]
    [DoesNotFire("sensory-deficit")]
    public void Limb_numbness_unknown_is_not_a_sensory_deficit_but_an_unresolved_red_flag()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.NewOrWorseningLimbNumbness));

        result.RuleIds().Should().Equal("unresolved-red-flag");
        result.Finding("unresolved-red-flag").Evidence.Should().Equal("newOrWorseningLimbNumbness: unknown");
    }

    [Fact]
    [Fires("wound-signs")]
    public void Wound_discharge_without_fever_is_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.WoundDischarge));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("wound-signs").Evidence.Should().Equal("woundDischarge: yes");
    }

    [Fact]
    [Fires("wound-signs")]
    public void Increasing_wound_redness_without_fever_is_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.WoundRednessOrSwelling));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("wound-signs").Evidence.Should().Equal("woundRednessOrSwelling: yes");
    }

    [Fact]
    [Fires("wound-signs")]
    public void Both_wound_signs_are_evidence_of_one_wound_signs_finding()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.WoundRednessOrSwelling, Q.WoundDischarge));

        result.RuleIds().Should().Equal("wound-signs");
        result.Finding("wound-signs").Evidence.Should().Equal("woundDischarge: yes", "woundRednessOrSwelling: yes");
    }

    [Fact]
    [DoesNotFire("wound-signs")]
    public void Wound_discharge_unknown_is_not_a_wound_sign()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.WoundDischarge));

        result.RuleIds().Should().Equal("unresolved-red-flag");
    }

    [Fact]
    [Fires("possible-deep-vein-thrombosis")]
    public void A_painful_or_swollen_calf_is_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.CalfPainOrSwelling));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("possible-deep-vein-thrombosis").Evidence.Should().Equal("calfPainOrSwelling: yes");
    }

    [Fact]
    [DoesNotFire("possible-deep-vein-thrombosis")]
    public void Calf_pain_unknown_is_not_a_deep_vein_thrombosis_finding_but_an_unresolved_red_flag()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.CalfPainOrSwelling));

        result.RuleIds().Should().Equal("unresolved-red-flag");
        result.Finding("unresolved-red-flag").Evidence.Should().Equal("calfPainOrSwelling: unknown");
    }

    [Fact]
    [Fires("unresolved-red-flag")]
    public void A_red_flag_question_missing_from_the_answers_is_unresolved()
    {
        var report = ReportBuilder.AllRedFlagsDenied();
        report = report with { Answers = AnswerSet.From(report.Answers.Where(a => a.Key != Q.SaddleNumbness)) };

        var result = Engine.Evaluate(report);

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("unresolved-red-flag").Evidence.Should().Equal("saddleNumbness: not asked");
    }

    [Fact]
    [Fires("unresolved-red-flag")]
    public void A_red_flag_answered_unknown_gives_the_same_finding_as_a_missing_one()
    {
        var report = ReportBuilder.AllRedFlagsDenied();
        var missing = report with { Answers = AnswerSet.From(report.Answers.Where(a => a.Key != Q.SaddleNumbness)) };
        var unknown = report.Unknown(Q.SaddleNumbness);

        // The findings are the same; only NotAskedQuestions, IsSettled (saddle numbness could still be answered
        // yes, an emergency) and the evidence (issue 27: "not asked" kept apart from "don't know") tell the missing answer from "don't know".
        var fromMissing = Engine.Evaluate(missing);
        Engine.Evaluate(unknown).Should().Be(fromMissing with
        {
            NotAskedQuestions = [],
            IsSettled = true,
            Findings = [.. fromMissing.Findings.Select(f => f.RuleId == "unresolved-red-flag" ? f with { Evidence = ["saddleNumbness: unknown"] } : f)],
        });
        fromMissing.Finding("unresolved-red-flag").Evidence.Should().Equal("saddleNumbness: not asked");
        fromMissing.NotAskedQuestions.Should().Equal(Q.SaddleNumbness);
        fromMissing.IsSettled.Should().BeFalse();
    }

    [Fact]
    [DoesNotFire("unresolved-red-flag")]
    public void Every_red_flag_answered_no_leaves_nothing_unresolved()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied());

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("unresolved-red-flag")]
    public void An_empty_report_lists_every_red_flag_as_unknown_in_asking_order()
    {
        var result = Engine.Evaluate(new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today });

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("unresolved-red-flag").Evidence.Should().Equal(
            QuestionCatalogue.RedFlags.Select(q => $"{q.JsonId}: not asked"));
    }

    [Fact]
    [DoesNotFire("unresolved-red-flag")]
    public void A_question_that_is_not_a_red_flag_may_stay_unknown()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.NewOrWorseningPain, Q.ImagingShowsHardwareProblem));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [DoesNotFire("unresolved-red-flag")]
    public void A_measured_temperature_below_the_threshold_answers_the_fever_question()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Measured(Temperature.Celsius(37.0m)));

        result.RuleIds().Should().Equal("expected-recovery");
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    [DoesNotFire("unresolved-red-flag")]
    [Fires("fever")]
    public void A_measured_fever_answers_the_fever_question()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Measured(Temperature.Celsius(38.6m)));

        result.RuleIds().Should().Equal("fever");
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    [Fires("unresolved-red-flag")]
    public void Fever_unknown_without_a_measured_temperature_is_unresolved()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever));

        result.Finding("unresolved-red-flag").Evidence.Should().Equal("fever: unknown");
    }

    [Fact]
    [Fires("unresolved-red-flag")]
    public void Unresolved_red_flags_keep_a_report_with_only_minor_findings_at_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.CalfPainOrSwelling).Yes(Q.LumpOverHardware));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.RuleIds().Should().Equal("unresolved-red-flag", "hardware-irritation");
    }

    [Fact]
    [Fires("severe-escalating-pain")]
    [DoesNotFire("severe-pain")]
    public void Pain_8_that_is_getting_worse_is_urgent_severe_escalating_pain_and_not_also_severe_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(8).Yes(Q.NewOrWorseningPain));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.RuleIds().Should().Equal("severe-escalating-pain", "new-or-worsening-pain");
        result.Finding("severe-escalating-pain").Evidence.Should().Equal("painScore: 8", "newOrWorseningPain: yes");
    }

    [Fact]
    [Fires("severe-escalating-pain")]
    public void Pain_9_that_returned_after_improvement_is_severe_escalating_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(9).Yes(Q.PainReturnedAfterImprovement));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("severe-escalating-pain").Evidence.Should().Equal("painScore: 9", "painReturnedAfterImprovement: yes");
    }

    [Fact]
    [DoesNotFire("severe-escalating-pain")]
    public void Pain_7_that_is_getting_worse_is_not_severe_escalating_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(7).Yes(Q.NewOrWorseningPain));

        result.Urgency.Should().Be(Urgency.Soon);
        result.RuleIds().Should().Equal("new-or-worsening-pain");
    }

    [Fact]
    [DoesNotFire("severe-escalating-pain")]
    [Fires("severe-pain")]
    public void Pain_10_that_is_not_getting_worse_is_severe_pain_not_severe_escalating_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(10).No(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement));

        result.Urgency.Should().Be(Urgency.Soon);
        result.RuleIds().Should().Equal("severe-pain");
    }

    [Fact]
    [DoesNotFire("severe-escalating-pain")]
    public void Worsening_pain_without_a_pain_score_is_not_severe_escalating_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.NewOrWorseningPain));

        result.RuleIds().Should().Equal("new-or-worsening-pain");
    }
}
