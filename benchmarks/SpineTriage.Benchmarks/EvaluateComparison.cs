using BenchmarkDotNet.Attributes;
using SpineTriage.Benchmarks.Alternatives;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.TestSupport.Floors;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks;

/// <summary>
/// Rule set 2.0 evaluated four ways on the same validated <see cref="ReferenceReport.Report"/>: SpineTriage with its
/// full explanation, a Microsoft RulesEngine workflow, NRules, and the hand-coded floor; and rule set 1.0 on
/// <see cref="ReferenceReport.ReportOneZero"/> by SpineTriage and its floor, so that both rule sets are measured.
/// </summary>
[MemoryDiagnoser]
public class EvaluateComparison
{
    private static readonly TriageEngineOptions Options = ReferenceReport.TwoZero();
    private static readonly TriageEngineOptions OptionsOneZero = ReferenceReport.OneZero();

    private readonly TriageEngine _engine = ReferenceReport.Engine(Options);
    private readonly TriageEngine _engineOneZero = ReferenceReport.Engine(OptionsOneZero);
    private readonly RulesEngineTriage _workflow = new(Options);
    private readonly NRulesTriage _nrules = new(Options);
    private ValidatedReport _report = null!;
    private ValidatedReport _reportOneZero = null!;

    /// <summary>Validates the reference reports once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _report = ReferenceReport.Validated(_engine, ReferenceReport.Report);
        _reportOneZero = ReferenceReport.Validated(_engineOneZero, ReferenceReport.ReportOneZero);
    }

    /// <summary>SpineTriage, rule set 2.0: every rule, the full explained result.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public TriageResult SpineTriage() => _engine.Evaluate(_report);

    /// <summary>Microsoft RulesEngine, rule set 2.0: the workflow's lambda-expression rules.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public Task<Decision> RulesEngineWorkflow() => _workflow.EvaluateAsync(_report);

    /// <summary>NRules, rule set 2.0: one session per evaluation.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public Decision NRulesSession() => _nrules.Evaluate(_report);

    /// <summary>The hand-coded floor of rule set 2.0: if-statements, no text.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public FloorDecision HandCodedFloor() => HandCodedTriageTwo.Evaluate(_report, Options);

    /// <summary>SpineTriage, rule set 1.0, on the 1.0 reference report.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public TriageResult SpineTriageOneZero() => _engineOneZero.Evaluate(_reportOneZero);

    /// <summary>The hand-coded floor of rule set 1.0, on the 1.0 reference report.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public FloorDecision HandCodedFloorOneZero() => HandCodedTriage.Evaluate(_reportOneZero, OptionsOneZero);
}
