using CsCheck;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// The safety properties of rule set 2.0 (clinical-criteria-2.0.md section 8): property 3 as 2.0 reads it, and
/// properties 6 (a yes is never ignored), 7 (applicability only removes uncertainty) and 8 (versions agree where they
/// overlap), over generated 2.0 reports with regions and days around the edges of applicability.
/// </summary>
[Trait("Category", "Safety")]
public class RuleSetTwoSafetyPropertyTests
{
    private static readonly QuestionId[] OneZeroQuestions = [.. QuestionCatalogue.All.Select(q => q.Id)];

    [Fact]
    public void Property_3_a_report_with_an_applicable_red_flag_unknown_is_never_below_urgent_and_never_complete()
    {
        ReportGen.WithEngineV2.Sample(
            (engine, report) =>
            {
                var result = engine.Evaluate(report);
                var feverKnown = report.Answers[QuestionId.Fever] != Answer.Unknown || report.Temperature.HasValue;
                var unresolved = engine.RuleSet.Questions
                    .Where(q => Applicability(engine, report, q.Id) is { Applies: true, IsRedFlag: true } && report.Answers[q.Id] == Answer.Unknown)
                    .Where(q => q.Id != QuestionId.Fever || !feverKnown)
                    .Select(q => q.Id)
                    .ToArray();

                result.UnansweredQuestions.Should().BeEquivalentTo(unresolved);
                result.IsComplete.Should().Be(unresolved.Length == 0);
                if (unresolved.Length > 0)
                {
                    result.Urgency.Code().Should().BeGreaterThanOrEqualTo(Urgency.Urgent.Code(), "{0} applies and is unknown", unresolved[0]);
                }
            },
            iter: PropertyRuns.Scaled(3_000),
            print: ReportGen.Print);
    }

    [Fact]
    public void Property_6_answering_yes_to_any_question_applicable_or_not_never_lowers_the_urgency()
    {
        ReportGen.WithEngineV2.Sample(
            (engine, report) =>
            {
                var before = engine.Evaluate(report).Urgency;
                foreach (var question in ReportGen.QuestionsV2.Where(q => report.Answers[q] != Answer.Yes))
                {
                    var after = engine.Evaluate(report.With(question, Answer.Yes)).Urgency;
                    after.Code().Should().BeGreaterThanOrEqualTo(before.Code(), "{0} answered yes (applies: {1})", question, Applies(engine, report, question));
                }
            },
            iter: PropertyRuns.Scaled(1_000),
            print: ReportGen.Print);
    }

    [Fact]
    public void Property_7_non_applicable_questions_unknown_or_not_asked_give_the_same_result_as_answered_no()
    {
        ReportGen.WithEngineV2.Sample(
            (engine, report) =>
            {
                var notApplicable = ReportGen.QuestionsV2.Where(q => !Applies(engine, report, q) && report.Answers[q] != Answer.Yes).ToArray();
                var answeredNo = notApplicable.Aggregate(report, (r, q) => r.With(q, Answer.No));
                var unknown = notApplicable.Aggregate(report, (r, q) => r.With(q, Answer.Unknown));
                var notAsked = notApplicable.Aggregate(report, (r, q) => r.Without(q));

                var expected = engine.Evaluate(answeredNo);
                foreach (var variant in new[] { unknown, notAsked })
                {
                    var actual = engine.Evaluate(variant);
                    actual.Urgency.Should().Be(expected.Urgency);
                    actual.Findings.Should().Equal(expected.Findings);
                    actual.IsComplete.Should().Be(expected.IsComplete);
                    actual.UnansweredQuestions.Should().Equal(expected.UnansweredQuestions);
                }
            },
            iter: PropertyRuns.Scaled(3_000),
            print: ReportGen.Print);
    }

    [Fact]
    public void Property_8_rule_sets_1_0_and_2_0_agree_where_they_overlap()
    {
        var overlap = Gen.Select(
            ReportGen.ValidV2,
            Gen.Int[91, 3 * 365],
            Gen.OneOf(Gen.Const(SurgeryRegion.Thoracic), Gen.Const(SurgeryRegion.Lumbar), Gen.Const(SurgeryRegion.Sacral)),
            Gen.Frequency((2, Gen.Const(Answer.No)), (1, Gen.Const(Answer.Unknown)), (1, Gen.Const((Answer)(-1)))).Array[9],
            (report, day, region, newAnswers) =>
            {
                var placed = report.OnDay(day) with { SurgeryRegion = region };
                var added = ReportGen.QuestionsV2.Except(OneZeroQuestions).ToArray();
                for (var i = 0; i < added.Length; i++)
                {
                    var applies = ReportGen.EngineV2.RuleSet.Applicability(added[i], region, day).Applies;
                    placed = applies || (int)newAnswers[i] < 0 ? placed.With(added[i], Answer.No) : placed.With(added[i], newAnswers[i]);
                    placed = !applies && (int)newAnswers[i] < 0 ? placed.Without(added[i]) : placed;
                }

                return placed;
            });
        var engines = ReportGen.EnginesV2.Zip(ReportGen.Engines).ToArray();

        Gen.Select(Gen.OneOf(engines.Select(Gen.Const).ToArray()), overlap).Sample(
            (pair, report) =>
            {
                var (two, one) = pair;
                var oneZeroReport = report with { Answers = AnswerSet.From(report.Answers.Where(a => OneZeroQuestions.Contains(a.Key))) };

                var byTwo = two.Evaluate(report);
                var byOne = one.Evaluate(oneZeroReport);

                byTwo.Urgency.Should().Be(byOne.Urgency);
                Decisions(byTwo).Should().Equal(Decisions(byOne));
                byTwo.IsComplete.Should().Be(byOne.IsComplete);
                byTwo.RuleSet.Version.Should().Be("2.0.0");
                byOne.RuleSet.Version.Should().Be("1.0.1");
            },
            iter: PropertyRuns.Scaled(3_000),
            print: s => ReportGen.Print(s.Item2));
    }

    // What a finding decides and tells the patient; the clinician rationale quotes the rule's words, which name the
    // wider hardware-symptom fact and "applicable" red flags in 2.0.
    private static IEnumerable<string> Decisions(TriageResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.Urgency} {f.Title} {f.PatientExplanation} {f.Source} [{string.Join("; ", f.Evidence)}]");

    private static bool Applies(TriageEngine engine, SymptomReport report, QuestionId question) => Applicability(engine, report, question).Applies;

    private static Rules.QuestionApplicability Applicability(TriageEngine engine, SymptomReport report, QuestionId question) =>
        engine.RuleSet.Applicability(question, report.SurgeryRegion, (report.AssessedOn ?? ReportGen.Today).DayNumber - report.SurgeryDate.DayNumber);
}
