using BenchmarkDotNet.Attributes;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks;

/// <summary>What an integrator pays for each entry point of the library, on <see cref="ReferenceReport"/>.</summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private readonly TriageEngine _engine = ReferenceReport.Engine();
    private readonly IReadOnlyList<Rule> _rules = RuleSetEdition.One.Build(38.0m, 8);
    private readonly byte[] _utf8Json = System.Text.Encoding.UTF8.GetBytes(ReferenceReport.Json);
    private ValidatedReport _validated = null!;

    /// <summary>Validates the reference report once, for <see cref="Evaluate"/>.</summary>
    [GlobalSetup]
    public void Setup() => _validated = ReferenceReport.Validated(_engine, ReferenceReport.Report);

    /// <summary>Evaluate on a validated report, with the full explained result.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public TriageResult Evaluate() => _engine.Evaluate(_validated);

    /// <summary>Validation alone: the input rules of the contract.</summary>
    /// <returns>The validation.</returns>
    [Benchmark]
    public Outcome<ValidatedReport> Validate() => _engine.Validate(ReferenceReport.Report);

    /// <summary>Validate and evaluate (<see cref="TriageEngine.Triage(SymptomReport)"/>).</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public Outcome<TriageResult> ValidateAndEvaluate() => _engine.Triage(ReferenceReport.Report);

    /// <summary>Strict JSON reading, validation and evaluation from a string.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public Outcome<TriageResult> ParseValidateAndEvaluateString() => _engine.TriageJson(ReferenceReport.Json);

    /// <summary>Strict JSON reading, validation and evaluation from UTF-8 bytes.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public Outcome<TriageResult> ParseValidateAndEvaluateUtf8() => _engine.TriageJson(_utf8Json);

    /// <summary>Building an engine: options validation, the rule catalogue, its description and hash.</summary>
    /// <returns>The engine.</returns>
    [Benchmark]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods.")]
    public TriageEngine BuildEngine() => new(ReferenceReport.OneZero(), TimeProvider.System);

    /// <summary>The rule-set hash: the canonical description of the built rules and its SHA-256.</summary>
    /// <returns>The hash.</returns>
    [Benchmark]
    public string RuleSetHash() => new RuleSet(RuleSetEdition.One, _rules).Hash;
}
