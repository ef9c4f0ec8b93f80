using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.TestSupport.Doubles;

/// <summary>
/// An <see cref="ITriageEngine"/> around another: validation is the inner engine's (real validated reports), and each
/// result is the inner engine's passed through <paramref name="change"/>. With the identity it must behave exactly as
/// the inner engine; with a change (for example an urgency lowered) it is an unsafe edition the safety properties
/// must catch.
/// </summary>
/// <param name="inner">The engine that validates and evaluates.</param>
/// <param name="change">What the wrapper does to each result.</param>
public sealed class EngineWrapper(ITriageEngine inner, Func<ValidatedReport, TriageResult, TriageResult> change) : ITriageEngine
{
    /// <summary>A wrapper that changes nothing.</summary>
    /// <param name="inner">The engine.</param>
    /// <returns>The wrapper.</returns>
    public static EngineWrapper PassThrough(ITriageEngine inner) => new(inner, (_, result) => result);

    /// <inheritdoc/>
    public TriageEngineOptions Options => inner.Options;

    /// <inheritdoc/>
    public RuleSet RuleSet => inner.RuleSet;

    /// <inheritdoc/>
    public TimeProvider TimeProvider => inner.TimeProvider;

    /// <inheritdoc/>
    public TextSetIdentity TextSet => inner.TextSet;

    /// <inheritdoc/>
    public Outcome<ValidatedReport> Validate(SymptomReport report) => inner.Validate(report);

    /// <inheritdoc/>
    public TriageResult Evaluate(ValidatedReport report) => change(report, inner.Evaluate(report));

    /// <inheritdoc/>
    public Outcome<TriageResult> Triage(SymptomReport report)
    {
        var validation = Validate(report);
        return validation.IsSuccess ? Outcome.Success(Evaluate(validation.Value)) : Outcome.Failure<TriageResult>(validation.Errors);
    }

    /// <inheritdoc/>
    public Outcome<TriageResult> TriageJson(string json)
    {
        var parsed = Serialization.TriageJson.ParseReport(json);
        return parsed.IsSuccess ? Triage(parsed.Value) : Outcome.Failure<TriageResult>(parsed.Errors);
    }

    /// <inheritdoc/>
    public Outcome<TriageResult> TriageJson(ReadOnlySpan<byte> utf8Json) => TriageJson(System.Text.Encoding.UTF8.GetString(utf8Json));
}
