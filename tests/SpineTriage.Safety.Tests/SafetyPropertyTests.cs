using CsCheck;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// What the criteria of each shipped rule set say beyond the safety properties every rule set keeps (those are the
/// library's, <see cref="Verification.RuleSetVerifier"/>, run by <see cref="RuleSetVerifierTests"/>): the emergency red
/// flags and wound signs the criteria name, the emergency rules of the hand-coded floor, the fever question answered by a
/// measured temperature, the expected-recovery and unresolved-red-flag findings. Checked over generated valid reports of
/// every shipped rule set (<see cref="ShippedRuleSet"/>), each test written once for each selector of <see cref="RuleSets.Selectors"/>.
/// </summary>
[Trait("Category", "Safety")]
public class SafetyPropertyTests
{
    private const int Iterations = 3_000;

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Any_emergency_red_flag_gives_emergency_whatever_else_is_set(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        Gen.Select(ruleSet.WithEngine, Gen.OneOf([.. ruleSet.EmergencyFlags])).Sample(
            (sample, flag) =>
            {
                var result = sample.Engine.Evaluate(sample.Report.With(flag, Answer.Yes));

                result.Urgency.Should().Be(Urgency.Emergency, "{0} is yes", flag);
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => $"{s.Item2} yes with {ReportGen.Print(s.Item1)}");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Fever_with_a_wound_sign_gives_emergency_whatever_else_is_set(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        Gen.Select(ruleSet.WithEngine, Gen.OneOf([.. ruleSet.WoundSigns])).Sample(
            (sample, sign) =>
            {
                var report = sample.Report.With(sign, Answer.Yes);
                if (!FeverPresent(report, sample.Engine.RuleSet.FeverThresholdCelsius))
                {
                    report = report.With(QuestionId.Fever, Answer.Yes);
                }

                var result = sample.Engine.Evaluate(report);

                result.Urgency.Should().Be(Urgency.Emergency);
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => $"{s.Item2} yes with {ReportGen.Print(s.Item1)}");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void The_result_is_an_emergency_exactly_when_an_emergency_rule_of_the_criteria_holds(string selector)
    {
        ShippedRuleSet.For(selector).WithEngine.Sample(
            (engine, report) =>
            {
                var expected = ShippedRuleSet.ByTheCriteria(engine, report).Urgency == Urgency.Emergency;

                var result = engine.Evaluate(report);

                (result.Urgency == Urgency.Emergency).Should().Be(expected);
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: ReportGen.Print);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_measured_temperature_answers_the_fever_question(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        Gen.Select(ruleSet.WithEngine, ReportGen.Temperature).Sample(
            (sample, temperature) =>
            {
                var report = sample.Report with
                {
                    Temperature = temperature,
                    Answers = AllUnknownsAnsweredNo(ruleSet, sample.Report.Answers).With(QuestionId.Fever, Answer.Unknown),
                };

                var result = sample.Engine.Evaluate(report);

                result.UnansweredQuestions.Should().NotContain(QuestionId.Fever);
                result.Findings.Select(f => f.RuleId).Should().NotContain("unresolved-red-flag");
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => $"{s.Item2} with {ReportGen.Print(s.Item1)}");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_self_care_result_is_explained_by_expected_recovery_alone_and_no_other_result_by_it(string selector)
    {
        ShippedRuleSet.For(selector).WithEngine.Sample(
            (engine, report) =>
            {
                var result = engine.Evaluate(report);

                if (result.Urgency > Urgency.SelfCare)
                {
                    result.Findings.Select(f => f.RuleId).Should().NotContain("expected-recovery");
                }
                else
                {
                    result.Findings.Select(f => f.RuleId).Should().Equal("expected-recovery");
                }
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: ReportGen.Print);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void The_unresolved_red_flag_finding_cites_exactly_the_unresolved_red_flags(string selector)
    {
        var engine = ShippedRuleSet.For(selector).Engine;
        ShippedRuleSet.For(selector).Valid.Sample(
            report =>
            {
                var result = engine.Evaluate(report);

                var unresolved = result.Findings.SingleOrDefault(f => f.RuleId == "unresolved-red-flag");
                unresolved?.Evidence.Should().BeEquivalentTo(UnresolvedRedFlags(engine, report).Select(q => $"{JsonId(engine, q)}: {(report.Answers.IsGiven(q) ? "unknown" : "not asked")}"));
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: ReportGen.Print);
    }

    /// <summary>Fever is present (clinical-criteria.md section 2): answered yes, or measured at or above the threshold.</summary>
    internal static bool FeverPresent(SymptomReport report, decimal thresholdCelsius) =>
        report.Answers[QuestionId.Fever] == Answer.Yes
        || (report.Temperature is { } t && t.ToCelsius() >= thresholdCelsius);

    /// <summary>The red-flag questions that apply as red flags and are answered neither yes nor no; a measured temperature answers fever.</summary>
    internal static IEnumerable<QuestionId> UnresolvedRedFlags(TriageEngine engine, SymptomReport report) =>
        engine.RuleSet.Questions
            .Where(q => ShippedRuleSet.Applicability(engine, report, q.Id) is { Applies: true, IsRedFlag: true } && report.Answers[q.Id] == Answer.Unknown)
            .Where(q => !(q.Id == QuestionId.Fever && report.Temperature.HasValue))
            .Select(q => q.Id);

    private static string JsonId(TriageEngine engine, QuestionId question) => engine.RuleSet.Questions.Single(q => q.Id == question).JsonId;

    private static AnswerSet AllUnknownsAnsweredNo(ShippedRuleSet ruleSet, AnswerSet answers) =>
        AnswerSet.From(ruleSet.Questions.Select(q => KeyValuePair.Create(q, answers[q] == Answer.Unknown ? Answer.No : answers[q])));

}
