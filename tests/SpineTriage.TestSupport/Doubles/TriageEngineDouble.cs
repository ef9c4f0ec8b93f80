using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.TestSupport.Doubles;

/// <summary>
/// The part every engine double shares: <see cref="Triage"/> and <see cref="TriageJson(string)"/> are
/// <see cref="Validate"/> then <see cref="Evaluate"/>, as on the real engine; a double says only how it validates and decides.
/// </summary>
public abstract class TriageEngineDouble : ITriageEngine
{
    /// <inheritdoc/>
    public abstract TriageEngineOptions Options { get; }

    /// <inheritdoc/>
    public abstract RuleSet RuleSet { get; }

    /// <inheritdoc/>
    public abstract TimeProvider TimeProvider { get; }

    /// <inheritdoc/>
    public abstract TextSetIdentity TextSet { get; }

    /// <inheritdoc/>
    public abstract Outcome<ValidatedReport> Validate(SymptomReport report);

    /// <inheritdoc/>
    public abstract TriageResult Evaluate(ValidatedReport report);

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
