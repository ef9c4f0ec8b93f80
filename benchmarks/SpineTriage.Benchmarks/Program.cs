using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SpineTriage.Benchmarks;

// `--compare`: a short run of the four Evaluate variants of rule set 2.0 (and SpineTriage and the floor on rule set 1.0)
// and the two JSON paths (rule set 2.0), ending with one machine-readable line: the fields of rule set 2.0 first, as
// before, then the 1.0 evaluation (spinetriage10_ns, floor10_ns, spinetriage10_bytes).
// Anything else goes to BenchmarkSwitcher, so `-- --filter *` runs every benchmark.
if (args is ["--compare"])
{
    // Short, but with enough iterations that one burst of load on a shared machine does not decide the mean.
    var config = Compare.Config.AddJob(Job.Default.WithId("compare").WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15));
    var summary = BenchmarkRunner.Run<EvaluateComparison>(config);
    var json = BenchmarkRunner.Run<JsonComparison>(config);
    Console.WriteLine(Compare.Line(summary, json));
    return Compare.AllSucceeded(summary, json) ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluateComparison).Assembly).Run(args, Compare.Config);
return 0;

/// <summary>The --compare line, read from BenchmarkDotNet's summary.</summary>
internal static class Compare
{
    /// <summary>
    /// Gets the configuration of every run: BenchmarkDotNet builds a project per run, which can take more
    /// than its default two minutes while other builds load the machine.
    /// </summary>
    public static IConfig Config { get; } = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));

    public static string Line(Summary summary, Summary json)
    {
        string Mean(string method) => Report(summary, method)?.ResultStatistics?.Mean.ToString("F1", CultureInfo.InvariantCulture) ?? "NA";
        var bytes = Report(summary, nameof(EvaluateComparison.SpineTriage))?.GcStats.GetBytesAllocatedPerOperation(Report(summary, nameof(EvaluateComparison.SpineTriage))!.BenchmarkCase);
        return "compare:"
            + $" spinetriage_ns={Mean(nameof(EvaluateComparison.SpineTriage))}"
            + $" rulesengine_ns={Mean(nameof(EvaluateComparison.RulesEngineWorkflow))}"
            + $" nrules_ns={Mean(nameof(EvaluateComparison.NRulesSession))}"
            + $" floor_ns={Mean(nameof(EvaluateComparison.HandCodedFloor))}"
            + $" spinetriage_bytes={bytes?.ToString(CultureInfo.InvariantCulture) ?? "NA"}"
            + $" json_ns={MeanOf(json, nameof(JsonComparison.SpineTriage))}"
            + $" json_floor_ns={MeanOf(json, nameof(JsonComparison.Floor))}"
            + $" json_bytes={Bytes(json, nameof(JsonComparison.SpineTriage))}"
            + $" spinetriage10_ns={Mean(nameof(EvaluateComparison.SpineTriageOneZero))}"
            + $" floor10_ns={Mean(nameof(EvaluateComparison.HandCodedFloorOneZero))}"
            + $" spinetriage10_bytes={Bytes(summary, nameof(EvaluateComparison.SpineTriageOneZero))}";
    }

    public static bool AllSucceeded(Summary summary, Summary json) =>
        summary.Reports.Length == 6 && summary.Reports.All(r => r.Success) && json.Reports.Length == 2 && json.Reports.All(r => r.Success);

    private static string MeanOf(Summary summary, string method) =>
        Report(summary, method)?.ResultStatistics?.Mean.ToString("F1", CultureInfo.InvariantCulture) ?? "NA";

    private static string Bytes(Summary summary, string method) =>
        Report(summary, method) is { } report
            ? report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)?.ToString(CultureInfo.InvariantCulture) ?? "NA"
            : "NA";

    private static BenchmarkReport? Report(Summary summary, string method) =>
        summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
}
