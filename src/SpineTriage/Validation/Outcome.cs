using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace SpineTriage.Validation;

/// <summary>
/// A value, or every error that prevented it: the one "value or errors" shape of SpineTriage (validation,
/// strict JSON reading, triage). Never both, never neither.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>Immutable and thread-safe. A failure holds at least one error.</remarks>
public sealed class Outcome<T>
    where T : notnull
{
    private readonly T? _value;

    internal Outcome(T value)
    {
        _value = value;
        Errors = ReadOnlyCollection<ValidationError>.Empty;
        IsSuccess = true;
    }

    internal Outcome(ReadOnlyCollection<ValidationError> errors)
    {
        Errors = errors;
        IsSuccess = false;
    }

    /// <summary>A success when <paramref name="errors"/> is empty, else a failure (the value, if any, is dropped).</summary>
    internal Outcome(T? value, IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            _value = value ?? throw new ArgumentNullException(nameof(value), "A success needs a value.");
            Errors = ReadOnlyCollection<ValidationError>.Empty;
            IsSuccess = true;
        }
        else
        {
            Errors = Array.AsReadOnly(errors.ToArray());
        }
    }

    /// <summary>Gets whether there is a value (and no error).</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess { get; }

    /// <summary>Gets the value, or <see langword="null"/> (<see langword="default"/>) on failure.</summary>
    public T? Value => _value;

    /// <summary>Gets every error, in the order found; empty on success.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Gets the value when there is one.</summary>
    /// <param name="value">The value, on success.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    /// <summary>Gets the value, or throws when there is none.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The outcome is a failure; the message names the first error's code and path, never a value.</exception>
    public T GetValueOrThrow() => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The outcome is a failure with {Errors.Count} error(s); the first is {Errors[0].Code} at {Errors[0].Path}.");

    /// <summary>Converts the value, keeping the errors of a failure.</summary>
    /// <typeparam name="TResult">The type of the converted value.</typeparam>
    /// <param name="convert">The conversion, called only on success.</param>
    /// <returns>The converted outcome.</returns>
    public Outcome<TResult> Map<TResult>(Func<T, TResult> convert)
        where TResult : notnull
    {
        ArgumentNullException.ThrowIfNull(convert);
        return IsSuccess ? new Outcome<TResult>(convert(_value!)) : new Outcome<TResult>((ReadOnlyCollection<ValidationError>)Errors);
    }

    /// <summary>Says whether this is a success or a failure and how many errors it has; never the value, which may hold patient data.</summary>
    /// <returns>For example <c>Outcome&lt;TriageResult&gt;: success</c> or <c>Outcome&lt;TriageResult&gt;: 2 errors</c>.</returns>
    public override string ToString() =>
        $"Outcome<{typeof(T).Name}>: " + (IsSuccess ? "success" : $"{Errors.Count} error(s)");
}

/// <summary>Creates <see cref="Outcome{T}"/> values.</summary>
public static class Outcome
{
    /// <summary>A success with its value.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static Outcome<T> Success<T>(T value)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Outcome<T>(value);
    }

    /// <summary>A failure with its errors (copied).</summary>
    /// <typeparam name="T">The type of the value there is not.</typeparam>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty or holds <see langword="null"/>.</exception>
    public static Outcome<T> Failure<T>(IEnumerable<ValidationError> errors)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(errors);
        var copy = errors.ToArray();
        if (copy.Length == 0 || Array.Exists(copy, e => e is null))
        {
            throw new ArgumentException("A failure needs at least one error, and no null error.", nameof(errors));
        }

        return new Outcome<T>(Array.AsReadOnly(copy));
    }
}
