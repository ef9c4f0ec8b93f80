using CsCheck;
using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// Property 8 of clinical-criteria-2.0.md section 8, versions agree where they overlap, for the shipped line 1.0 → 2.0:
/// it compares two rule sets, so it runs for the shipped lines only; every other safety property is written once for
/// every rule set (<see cref="SafetyPropertyTests"/>).
/// </summary>
[Trait("Category", "Safety")]
public class VersionOverlapPropertyTests
{
    private static readonly ShippedRuleSet One = ShippedRuleSet.For(RuleSets.V1);

    private static readonly ShippedRuleSet Two = ShippedRuleSet.For(RuleSets.V2);

    [Fact]
    public void Rule_sets_1_0_and_2_0_agree_where_they_overlap()
    {
        var overlap = Gen.Select(
            Two.Valid,
            Gen.Int[91, 3 * 365],
            Gen.OneOf(Gen.Const(SurgeryRegion.Thoracic), Gen.Const(SurgeryRegion.Lumbar), Gen.Const(SurgeryRegion.Sacral)),
            Gen.Frequency((2, Gen.Const(Answer.No)), (1, Gen.Const(Answer.Unknown)), (1, Gen.Const((Answer)(-1)))).Array[9],
            (report, day, region, newAnswers) =>
            {
                var placed = report.OnDay(day) with { SurgeryRegion = region };
                var added = Two.Questions.Except(One.Questions).ToArray();
                for (var i = 0; i < added.Length; i++)
                {
                    var applies = Two.Engine.RuleSet.Applicability(added[i], region, day).Applies;
                    placed = applies || (int)newAnswers[i] < 0 ? placed.With(added[i], Answer.No) : placed.With(added[i], newAnswers[i]);
                    placed = !applies && (int)newAnswers[i] < 0 ? placed.Without(added[i]) : placed;
                }

                return placed;
            });
        var engines = Two.Engines.Zip(One.Engines).ToArray();

        Gen.Select(Gen.OneOf(engines.Select(Gen.Const).ToArray()), overlap).Sample(
            (pair, report) =>
            {
                var (two, one) = pair;
                var oneZeroReport = report with { Answers = AnswerSet.From(report.Answers.Where(a => One.Questions.Contains(a.Key))) };

                var byTwo = two.Evaluate(report);
                var byOne = one.Evaluate(oneZeroReport);

                byTwo.Urgency.Should().Be(byOne.Urgency);
                Decisions(byTwo).Should().Equal(Decisions(byOne));
                byTwo.IsComplete.Should().Be(byOne.IsComplete);
                byTwo.RuleSet.Version.Should().StartWith("2.");
                byOne.RuleSet.Version.Should().StartWith("1.");
            },
            iter: PropertyRuns.Scaled(3_000),
            print: s => ReportGen.Print(s.Item2));
    }

    // What a finding decides and tells the patient; the clinician rationale quotes the rule's words, which name the
    // wider hardware-symptom fact and "applicable" red flags in 2.0.
    private static IEnumerable<string> Decisions(TriageResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.Urgency} {f.Title} {f.PatientExplanation} {f.Source} [{string.Join("; ", f.Evidence)}]");
}
