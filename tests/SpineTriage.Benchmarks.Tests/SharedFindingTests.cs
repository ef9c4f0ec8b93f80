using CsCheck;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Benchmarks.Tests;

/// <summary>
/// The engine keeps no cache between evaluations (docs/performance.md, "What an evaluation costs"); this holds it to
/// that: a result must not depend on which reports the engine saw before, under every rule set.
/// </summary>
public class SharedFindingTests
{
    private const uint Seed = 5_150;

    private static readonly SymptomReport[] ReportsOneZero = [.. ReportGen.Sample(Seed, 10_000)];

    private static readonly SymptomReport[] ReportsTwoZero = ReportGen.ValidV2.Array[10_000].Generate(new PCG(Seed, Seed), null!, out _);

    public static TheoryData<string> RuleSetSelectors() => new(RuleSets.Selectors);

    [Theory]
    [MemberData(nameof(RuleSetSelectors))]
    public void Results_are_the_same_whatever_order_the_engine_saw_the_reports_in(string ruleSet)
    {
        var reports = Reports(ruleSet);
        var forward = Engine(ruleSet);
        var backward = Engine(ruleSet);

        var inOrder = reports.Select(r => Evaluate(forward, r)).ToArray();
        var reversed = reports.Reverse().Select(r => Evaluate(backward, r)).Reverse().ToArray();

        Enumerable.Range(0, reports.Length).Where(i => !inOrder[i].Equals(reversed[i])).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RuleSetSelectors))]
    public void A_warm_engine_gives_the_result_of_an_engine_that_never_saw_a_report(string ruleSet)
    {
        var reports = Reports(ruleSet);
        var warm = Engine(ruleSet);
        foreach (var report in reports)
        {
            Evaluate(warm, report);
        }

        var differing = reports.Take(300).Where(r => !Evaluate(warm, r).Equals(Evaluate(Engine(ruleSet), r)));

        differing.Should().BeEmpty();
    }

    private static SymptomReport[] Reports(string ruleSet) => ruleSet == RuleSets.V1 ? ReportsOneZero : ReportsTwoZero;

    private static TriageEngine Engine(string ruleSet) => ReferenceReport.Engine(new TriageEngineOptions { RuleSet = ruleSet });

    private static TriageResult Evaluate(TriageEngine engine, SymptomReport report) =>
        engine.Evaluate(ReferenceReport.Validated(engine, report));
}
