using CsCheck;
using FluentAssertions;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests;

/// <summary>One shared engine gives every thread the same results as a single thread (clinical-criteria.md 7.4).</summary>
[Trait("Category", "Safety")]
public class ConcurrencyTests
{
    private const int ReportsPerBatch = 2_000;

    [Fact]
    public void Thousands_of_reports_triaged_concurrently_on_one_engine_give_the_sequential_results()
    {
        ReportGen.Valid.Array[PropertyRuns.Scaled(ReportsPerBatch)].Sample(
            reports =>
            {
                var engine = ReportGen.Engine;
                var sequential = reports.Select(r => engine.Triage(r).Value!).ToArray();
                var sequentialJson = sequential.Select(r => TriageJson.SerializeResult(r, indented: false)).ToArray();
                var json = reports.Select(r => TriageJson.SerializeReport(r)).ToArray();

                // Each thread walks the batch from a different start, as evaluations, JSON reads and
                // serializations of different reports interleave on the shared engine.
                var concurrent = new TriageResult?[reports.Length * 2];
                var concurrentJson = new string?[reports.Length * 2];
                Parallel.For(
                    0,
                    concurrent.Length,
                    new ParallelOptions { MaxDegreeOfParallelism = 16 },
                    i =>
                    {
                        var index = (int)((i * 7919L) % reports.Length);
                        var outcome = i % 2 == 0 ? engine.Triage(reports[index]) : engine.TriageJson(json[index]);
                        concurrent[i] = outcome.Value;
                        concurrentJson[i] = outcome.Value is null ? null : TriageJson.SerializeResult(outcome.Value, indented: false);
                    });

                for (var i = 0; i < concurrent.Length; i++)
                {
                    var index = (int)((i * 7919L) % reports.Length);
                    concurrent[i].Should().Be(sequential[index], "report {0} must triage alike on every thread", index);
                    concurrentJson[i].Should().Be(sequentialJson[index]);
                }
            },
            iter: PropertyRuns.Scaled(2),
            threads: 1,
            print: reports => $"{reports.Length} reports");
    }
}
