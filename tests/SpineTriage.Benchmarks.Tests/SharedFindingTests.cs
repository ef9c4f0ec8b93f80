using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;

namespace SpineTriage.Benchmarks.Tests;

/// <summary>
/// The engine makes a finding the first time it sees its evidence and shares it afterwards
/// (docs/performance.md). A result must not depend on which reports the engine saw before.
/// </summary>
public class SharedFindingTests
{
    private const uint Seed = 5_150;

    private static readonly SymptomReport[] Reports =
        [.. ReportGen.Sample(Seed, 10_000)];

    [Fact]
    public void Results_are_the_same_whatever_order_the_engine_saw_the_reports_in()
    {
        var forward = ReferenceReport.Engine();
        var backward = ReferenceReport.Engine();

        var inOrder = Reports.Select(r => Evaluate(forward, r)).ToArray();
        var reversed = Reports.Reverse().Select(r => Evaluate(backward, r)).Reverse().ToArray();

        Enumerable.Range(0, Reports.Length).Where(i => !inOrder[i].Equals(reversed[i])).Should().BeEmpty();
    }

    [Fact]
    public void A_warm_engine_gives_the_result_of_an_engine_that_never_saw_a_report()
    {
        var warm = ReferenceReport.Engine();
        foreach (var report in Reports)
        {
            Evaluate(warm, report);
        }

        var differing = Reports.Take(300).Where(r => !Evaluate(warm, r).Equals(Evaluate(ReferenceReport.Engine(), r)));

        differing.Should().BeEmpty();
    }

    private static TriageResult Evaluate(TriageEngine engine, SymptomReport report) =>
        engine.Evaluate(ReferenceReport.Validated(engine, report));
}
