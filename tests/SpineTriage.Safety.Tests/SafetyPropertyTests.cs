using CsCheck;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// The safety properties of clinical-criteria.md section 7 and clinical-criteria-2.0.md section 8, checked over generated
/// valid reports of every shipped rule set (<see cref="ShippedRuleSet"/>) rather than only by examples: each property is
/// written once and runs for each selector of <see cref="RuleSets.Selectors"/>.
/// </summary>
[Trait("Category", "Safety")]
public class SafetyPropertyTests
{
    private const int Iterations = 3_000;

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Answering_yes_to_any_question_applicable_or_not_never_lowers_the_urgency(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        ruleSet.WithEngine.Sample(
            (engine, report) =>
            {
                var before = engine.Evaluate(report).Urgency;
                foreach (var question in ruleSet.Questions.Where(q => report.Answers[q] != Answer.Yes))
                {
                    var after = engine.Evaluate(report.With(question, Answer.Yes)).Urgency;
                    after.Code().Should().BeGreaterThanOrEqualTo(
                        before.Code(), "{0} changed from {1} to yes (applies: {2})", question, Describe(report.Answers, question), ShippedRuleSet.Applies(engine, report, question));
                }
            },
            iter: PropertyRuns.Scaled(1_000),
            print: ReportGen.Print);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_higher_temperature_in_either_unit_never_lowers_the_urgency(string selector)
    {
        Gen.Select(ShippedRuleSet.For(selector).WithEngine, ReportGen.Temperature, ReportGen.Temperature).Sample(
            (sample, first, second) =>
            {
                var (lower, higher) = first.ToCelsius() <= second.ToCelsius() ? (first, second) : (second, first);
                var atLower = sample.Engine.Evaluate(sample.Report with { Temperature = lower }).Urgency;
                var atHigher = sample.Engine.Evaluate(sample.Report with { Temperature = higher }).Urgency;
                atHigher.Code().Should().BeGreaterThanOrEqualTo(atLower.Code(), "{0} is at least as warm as {1}", higher, lower);
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => $"{s.Item2} / {s.Item3} with {ReportGen.Print(s.Item1)}");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_higher_pain_score_never_lowers_the_urgency(string selector)
    {
        Gen.Select(ShippedRuleSet.For(selector).WithEngine, Gen.Int[0, 10], Gen.Int[0, 10]).Sample(
            (sample, first, second) =>
            {
                var (lower, higher) = (Math.Min(first, second), Math.Max(first, second));
                var atLower = sample.Engine.Evaluate(sample.Report with { PainScore = lower }).Urgency;
                var atHigher = sample.Engine.Evaluate(sample.Report with { PainScore = higher }).Urgency;
                atHigher.Code().Should().BeGreaterThanOrEqualTo(atLower.Code(), "pain {0} is at least pain {1}", higher, lower);
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => $"pain {s.Item2} / {s.Item3} with {ReportGen.Print(s.Item1)}");
    }

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
    public void Any_emergency_finding_makes_the_result_an_emergency(string selector)
    {
        ShippedRuleSet.For(selector).WithEngine.Sample(
            (engine, report) =>
            {
                var result = engine.Evaluate(report);

                if (result.Findings.Any(f => f.Urgency == Urgency.Emergency))
                {
                    result.Urgency.Should().Be(Urgency.Emergency);
                }
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: ReportGen.Print);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.SelectorsWithFloor), MemberType = typeof(ShippedRuleSet))]
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
    public void A_report_with_an_applicable_red_flag_unresolved_is_never_below_urgent_and_never_complete(string selector)
    {
        ShippedRuleSet.For(selector).WithEngine.Sample(
            (engine, report) =>
            {
                var unresolved = UnresolvedRedFlags(engine, report).ToArray();

                var result = engine.Evaluate(report);

                if (unresolved.Length > 0)
                {
                    result.Urgency.Code().Should().BeGreaterThanOrEqualTo(Urgency.Urgent.Code(), "{0} applies and is unknown", string.Join(", ", unresolved));
                }

                result.UnansweredQuestions.Should().BeEquivalentTo(unresolved);
                result.IsComplete.Should().Be(unresolved.Length == 0);
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
    public void Every_valid_report_gets_the_same_result_every_time_and_through_its_json(string selector)
    {
        ShippedRuleSet.For(selector).WithEngine.Sample(
            (engine, report) =>
            {
                var first = engine.Triage(report);
                first.IsSuccess.Should().BeTrue();

                var again = engine.Triage(report);
                var fromJson = engine.TriageJson(TriageJson.SerializeReport(report));
                var fromNewEngine = new TriageEngine(engine.Options, engine.TimeProvider).Triage(report);

                again.Value.Should().Be(first.Value);
                fromJson.Value.Should().Be(first.Value);
                fromNewEngine.Value.Should().Be(first.Value);
                TriageJson.SerializeResult(again.Value!).Should().Be(TriageJson.SerializeResult(first.Value!));
            },
            iter: PropertyRuns.Scaled(500),
            print: ReportGen.Print);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Risk_factors_never_change_the_urgency_or_the_findings(string selector)
    {
        Gen.Select(ShippedRuleSet.For(selector).WithEngine, ReportGen.RiskFactors).Sample(
            (sample, riskFactors) =>
            {
                var without = sample.Engine.Evaluate(sample.Report with { RiskFactors = [] });
                var with = sample.Engine.Evaluate(sample.Report with { RiskFactors = riskFactors });

                with.Urgency.Should().Be(without.Urgency);
                with.Findings.Should().Equal(without.Findings);
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => $"risk factors [{string.Join(", ", s.Item2)}] with {ReportGen.Print(s.Item1)}");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Every_result_above_self_care_is_explained_by_a_finding_at_its_urgency(string selector)
    {
        ShippedRuleSet.For(selector).WithEngine.Sample(
            (engine, report) =>
            {
                var result = engine.Evaluate(report);

                result.Findings.Should().NotBeEmpty();
                result.Findings.Max(f => f.Urgency).Should().Be(result.Urgency);
                if (result.Urgency > Urgency.SelfCare)
                {
                    result.Findings.Should().Contain(f => f.Urgency == result.Urgency && f.Evidence.Count > 0 && f.PatientExplanation.Length > 0);
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
    public void Every_finding_cites_only_facts_of_its_own_report(string selector)
    {
        // One engine triages every sample, so findings it keeps for equal evidence are shared across reports.
        var engine = ShippedRuleSet.For(selector).Engine;
        ShippedRuleSet.For(selector).Valid.Sample(
            report =>
            {
                var facts = FactsOf(engine, report);

                var result = engine.Evaluate(report);

                foreach (var finding in result.Findings)
                {
                    finding.Evidence.Where(line => !facts.Contains(line)).Should().BeEmpty("{0} cites only facts of the report", finding.RuleId);
                }

                var unresolved = result.Findings.SingleOrDefault(f => f.RuleId == "unresolved-red-flag");
                unresolved?.Evidence.Should().BeEquivalentTo(UnresolvedRedFlags(engine, report).Select(q => $"{JsonId(engine, q)}: unknown"));
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: ReportGen.Print);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_fahrenheit_temperature_triages_like_the_same_temperature_in_celsius(string selector)
    {
        Gen.Select(ShippedRuleSet.For(selector).WithEngine, Gen.Int[860, 1130]).Sample(
            (sample, tenths) =>
            {
                var fahrenheit = Temperature.Fahrenheit(tenths / 10m);
                // A report may give at most 2 decimal places. A tenth of a °F is (k - 320) / 18 °C, at least 1/90 °C
                // from any threshold in tenths of a °C that it does not equal, so rounding to hundredths never crosses one.
                var celsius = Temperature.Celsius(Math.Round(fahrenheit.ToCelsius(), 2));

                var inFahrenheit = sample.Engine.Evaluate(sample.Report with { Temperature = fahrenheit });
                var inCelsius = sample.Engine.Evaluate(sample.Report with { Temperature = celsius });

                inFahrenheit.Urgency.Should().Be(inCelsius.Urgency);
                inFahrenheit.Findings.Select(f => f.RuleId).Should().Equal(inCelsius.Findings.Select(f => f.RuleId));
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => $"{s.Item2 / 10m} °F with {ReportGen.Print(s.Item1)}");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Questions_that_do_not_apply_unknown_or_not_asked_give_the_same_result_as_answered_no(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        ruleSet.WithEngine.Sample(
            (engine, report) =>
            {
                var notApplicable = ruleSet.Questions.Where(q => !ShippedRuleSet.Applies(engine, report, q) && report.Answers[q] != Answer.Yes).ToArray();
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
            iter: PropertyRuns.Scaled(Iterations),
            print: ReportGen.Print);
    }

    /// <summary>Fever is present (clinical-criteria.md section 2): answered yes, or measured at or above the threshold.</summary>
    internal static bool FeverPresent(SymptomReport report, decimal thresholdCelsius) =>
        report.Answers[QuestionId.Fever] == Answer.Yes
        || (report.Temperature is { } t && t.ToCelsius() >= thresholdCelsius);

    /// <summary>Every evidence line the report could support, in the contract's form.</summary>
    internal static HashSet<string> FactsOf(TriageEngine engine, SymptomReport report)
    {
        var facts = engine.RuleSet.Questions.Where(q => report.Answers[q.Id] == Answer.Yes).Select(q => $"{q.JsonId}: yes")
            .Concat(UnresolvedRedFlags(engine, report).Select(q => $"{JsonId(engine, q)}: unknown"))
            .ToHashSet(StringComparer.Ordinal);
        facts.Add($"daysSinceSurgery: {(report.AssessedOn ?? engine.Today).DayNumber - report.SurgeryDate.DayNumber}");
        if (report.PainScore is { } pain)
        {
            facts.Add($"painScore: {pain}");
        }

        if (report.Temperature is { } temperature && temperature.ToCelsius() >= engine.RuleSet.FeverThresholdCelsius)
        {
            facts.Add($"temperature: {temperature}");
        }

        return facts;
    }

    /// <summary>The red-flag questions that apply as red flags and are answered neither yes nor no; a measured temperature answers fever.</summary>
    internal static IEnumerable<QuestionId> UnresolvedRedFlags(TriageEngine engine, SymptomReport report) =>
        engine.RuleSet.Questions
            .Where(q => ShippedRuleSet.Applicability(engine, report, q.Id) is { Applies: true, IsRedFlag: true } && report.Answers[q.Id] == Answer.Unknown)
            .Where(q => !(q.Id == QuestionId.Fever && report.Temperature.HasValue))
            .Select(q => q.Id);

    private static string JsonId(TriageEngine engine, QuestionId question) => engine.RuleSet.Questions.Single(q => q.Id == question).JsonId;

    private static AnswerSet AllUnknownsAnsweredNo(ShippedRuleSet ruleSet, AnswerSet answers) =>
        AnswerSet.From(ruleSet.Questions.Select(q => KeyValuePair.Create(q, answers[q] == Answer.Unknown ? Answer.No : answers[q])));

    private static string Describe(AnswerSet answers, QuestionId question) =>
        answers.IsGiven(question) ? answers[question].ToString().ToLowerInvariant() : "not given";
}
