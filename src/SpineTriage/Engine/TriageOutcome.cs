using System.Diagnostics.CodeAnalysis;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Engine;

/// <summary>
/// The outcome of a triage from an unchecked input: a <see cref="TriageResult"/> when the input is valid,
/// otherwise every validation error and no result.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class TriageOutcome
{
    private TriageOutcome(TriageResult? result, IReadOnlyList<ValidationError> errors)
    {
        Result = result;
        Errors = errors;
    }

    /// <summary>Gets whether the input was valid and triaged; then <see cref="Result"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Result))]
    public bool IsSuccess => Result is not null;

    /// <summary>Gets the result, or <see langword="null"/> when the input was invalid.</summary>
    public TriageResult? Result { get; }

    /// <summary>Gets every error of an invalid input; empty on success.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    internal static TriageOutcome Success(TriageResult result) => new(result, []);

    internal static TriageOutcome Failure(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
