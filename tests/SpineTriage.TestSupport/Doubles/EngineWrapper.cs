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
public sealed class EngineWrapper(ITriageEngine inner, Func<ValidatedReport, TriageResult, TriageResult> change) : TriageEngineDouble
{
    /// <summary>A wrapper that changes nothing.</summary>
    /// <param name="inner">The engine.</param>
    /// <returns>The wrapper.</returns>
    public static EngineWrapper PassThrough(ITriageEngine inner) => new(inner, (_, result) => result);

    /// <inheritdoc/>
    public override TriageEngineOptions Options => inner.Options;

    /// <inheritdoc/>
    public override RuleSet RuleSet => inner.RuleSet;

    /// <inheritdoc/>
    public override TimeProvider TimeProvider => inner.TimeProvider;

    /// <inheritdoc/>
    public override TextSetIdentity TextSet => inner.TextSet;

    /// <inheritdoc/>
    public override Outcome<ValidatedReport> Validate(SymptomReport report) => inner.Validate(report);

    /// <inheritdoc/>
    public override TriageResult Evaluate(ValidatedReport report) => change(report, inner.Evaluate(report));
}
