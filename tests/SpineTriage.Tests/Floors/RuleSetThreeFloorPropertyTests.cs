using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.TestSupport.Floors;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Floors;

/// <summary>
/// The safety properties of clinical-criteria-3.0.md section 8 checked on the floor of rule set 3.0 itself, over the
/// generated reports of rule set 2.0 with the five 3.0 questions answered in turn yes, no, unknown or not at all: the
/// floor is an independent reading only if it keeps the properties the engine must keep. Property 8 compares it with
/// the floor of rule set 2.0 (<see cref="HandCodedTriageTwo"/>), written earlier from the 2.0 criteria.
/// </summary>
public class RuleSetThreeFloorPropertyTests
{
    private static readonly ShippedRuleSet Two = ShippedRuleSet.For(RuleSets.V2);

    private static readonly TriageEngineOptions Default = new();

    private static readonly Answer?[] Choices = [Answer.Yes, Answer.No, Answer.Unknown, null, Answer.No, null];

    /// <summary>Generated 2.0 reports (fixed seed) with the 3.0 questions answered: every combination turns up.</summary>
    private static readonly SymptomReport[] Reports = [.. Two.Sample(20261208, PropertyRuns.Scaled(3_000)).Select(r => WithNewAnswers(r))];

    [Fact]
    public void A_yes_to_any_question_applicable_or_not_never_lowers_the_floor_s_urgency()
    {
        foreach (var report in Reports)
        {
            var before = Decide(report).Urgency;
            foreach (var question in HandCodedTriageThree.AskingOrder)
            {
                Decide(report.With(question, Answer.Yes)).Urgency.Code().Should().BeGreaterThanOrEqualTo(before.Code(), "a yes to {0}", question);
            }
        }
    }

    [Fact]
    public void A_higher_temperature_or_pain_score_never_lowers_the_floor_s_urgency()
    {
        foreach (var report in Reports)
        {
            var before = Decide(report).Urgency.Code();
            Decide(report with { Temperature = Temperature.Celsius(39.0m) }).Urgency.Code().Should().BeGreaterThanOrEqualTo(before);
            Decide(report with { PainScore = 10 }).Urgency.Code().Should().BeGreaterThanOrEqualTo(before);
        }
    }

    [Fact]
    public void An_applicable_red_flag_unknown_keeps_the_floor_at_urgent_or_above_and_incomplete()
    {
        foreach (var report in Reports)
        {
            var days = Days(report);
            foreach (var question in HandCodedTriageThree.AskingOrder.Where(q => q != Q.Fever && HandCodedTriageThree.IsRedFlagFor(q, report.SurgeryRegion, days)))
            {
                var result = Decide(report.With(question, Answer.Unknown));

                result.Urgency.Code().Should().BeGreaterThanOrEqualTo(Urgency.Urgent.Code());
                result.IsComplete.Should().BeFalse();
            }
        }
    }

    [Fact]
    public void Questions_that_do_not_apply_unknown_or_answered_no_give_the_same_floor_result()
    {
        foreach (var report in Reports)
        {
            var days = Days(report);
            var notApplying = HandCodedTriageThree.AskingOrder.Where(q => !HandCodedTriageThree.AppliesTo(q, report.SurgeryRegion, days) && report.Answers[q] != Answer.Yes).ToArray();
            var unknown = notApplying.Aggregate(report, (r, q) => r.With(q, Answer.Unknown));
            var no = notApplying.Aggregate(report, (r, q) => r.With(q, Answer.No));

            Decide(unknown).Should().BeEquivalentTo(Decide(no), o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void Every_result_above_self_care_has_a_rule_of_its_own_urgency_and_self_care_is_expected_recovery_alone()
    {
        foreach (var report in Reports)
        {
            var result = Decide(report);
            if (result.Urgency == Urgency.SelfCare)
            {
                result.RuleIds.Should().Equal("expected-recovery");
            }
            else
            {
                result.RuleIds.Should().NotContain("expected-recovery");
            }
        }
    }

    [Fact]
    public void Where_the_versions_overlap_the_3_0_floor_decides_as_the_2_0_floor()
    {
        // Section 8, property 8: past day 90, a region other than cervical, strokeOrSeizureSigns no, the other four new
        // questions no or unknown, and no yes to the six questions whose meaning or rules changed.
        Q[] changedMeaning = [Q.WoundDischarge, Q.HeadacheWithStiffNeck, Q.SpinalFluidLeakSigns, Q.CalfPainOrSwelling, Q.ChestPainOrBreathlessness, Q.NeckSwellingOrAirway];
        var compared = 0;
        foreach (var report in Two.Sample(20261209, PropertyRuns.Scaled(6_000)))
        {
            if (Days(report) <= 90 || report.SurgeryRegion is null or SurgeryRegion.Cervical
                || report.Answers.Any(a => a.Value == Answer.Yes && changedMeaning.Contains(a.Key)))
            {
                continue;
            }

            var two = Floor.Decide(Two.Engine.Validate(report).GetValueOrThrow(), Two.Engine.Options);
            var three = Decide(NoOrUnknownToTheNewQuestions(report));
            var threeAllNo = Decide(HandCodedTriageThree.NewQuestions.Aggregate(report, (x, q) => x.With(q, Answer.No)));

            three.Should().BeEquivalentTo(two, o => o.WithStrictOrdering());
            threeAllNo.Should().BeEquivalentTo(two, o => o.WithStrictOrdering());
            compared++;
        }

        compared.Should().BeGreaterThan(PropertyRuns.Scaled(6_000) / 20, "the sample must hold many reports where the versions overlap");
    }

    private static SymptomReport WithNewAnswers(SymptomReport report, int index)
    {
        var answers = report.Answers;
        for (var i = 0; i < HandCodedTriageThree.NewQuestions.Count; i++)
        {
            var choice = Choices[(index + (i * 5) + (index / 7)) % Choices.Length];
            answers = choice is { } answer ? answers.With(HandCodedTriageThree.NewQuestions[i], answer) : answers;
        }

        return report with { Answers = answers };
    }

    private static SymptomReport WithNewAnswers(SymptomReport report) =>
        WithNewAnswers(report, report.Answers.Count + (report.SurgeryDate.DayNumber % 97));

    private static FloorResult Decide(SymptomReport report) => HandCodedTriageThree.Decide(report, ReportGen.Today);

    private static int Days(SymptomReport report) => (report.AssessedOn ?? ReportGen.Today).DayNumber - report.SurgeryDate.DayNumber;

    /// <summary>The report with strokeOrSeizureSigns no and the other four new questions no, unknown or not given (never yes).</summary>
    private static SymptomReport NoOrUnknownToTheNewQuestions(SymptomReport report)
    {
        var withNew = WithNewAnswers(report);
        var answers = withNew.Answers.With(Q.StrokeOrSeizureSigns, Answer.No);
        foreach (var question in HandCodedTriageThree.NewQuestions.Where(q => answers[q] == Answer.Yes))
        {
            answers = answers.With(question, Answer.No);
        }

        return withNew with { Answers = answers };
    }
}
