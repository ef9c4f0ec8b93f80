using BenchmarkDotNet.Attributes;
using SpineTriage.Benchmarks.Alternatives;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks;

/// <summary>
/// Rule set 1.0 evaluated four ways on the same validated <see cref="ReferenceReport"/>: SpineTriage with its
/// full explanation, a Microsoft RulesEngine workflow, NRules, and the hand-coded floor.
/// </summary>
[MemoryDiagnoser]
public class EvaluateComparison
{
    private readonly TriageEngine _engine = ReferenceReport.Engine();
    private readonly RulesEngineTriage _workflow = new(TriageEngineOptions.Default);
    private readonly NRulesTriage _nrules = new(TriageEngineOptions.Default);
    private ValidatedReport _report = null!;

    /// <summary>Validates the reference report once.</summary>
    [GlobalSetup]
    public void Setup() => _report = ReferenceReport.Validated(_engine, ReferenceReport.Report);

    /// <summary>SpineTriage: every rule, the full explained result.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public TriageResult SpineTriage() => _engine.Evaluate(_report);

    /// <summary>Microsoft RulesEngine: the workflow's lambda-expression rules.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public Task<Decision> RulesEngineWorkflow() => _workflow.EvaluateAsync(_report);

    /// <summary>NRules: one session per evaluation.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public Decision NRulesSession() => _nrules.Evaluate(_report);

    /// <summary>The hand-coded floor: if-statements, no text.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public FloorDecision HandCodedFloor() => HandCodedTriage.Evaluate(_report, TriageEngineOptions.Default);
}
