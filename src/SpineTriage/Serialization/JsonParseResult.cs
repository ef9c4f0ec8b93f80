using System.Diagnostics.CodeAnalysis;
using SpineTriage.Validation;

namespace SpineTriage.Serialization;

/// <summary>The outcome of reading JSON strictly: the value, or every error with its JSON path. Never an exception for bad input.</summary>
/// <typeparam name="T">The type read.</typeparam>
/// <remarks>Immutable.</remarks>
public sealed class JsonParseResult<T>
    where T : class
{
    internal JsonParseResult(T? value, IReadOnlyList<ValidationError> errors)
    {
        Value = errors.Count == 0 ? value : null;
        Errors = errors;
    }

    /// <summary>Gets whether the JSON was read without error; then <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    /// <summary>Gets the value read, or <see langword="null"/> when there were errors.</summary>
    public T? Value { get; }

    /// <summary>Gets every error found; empty on success.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
