namespace SpineTriage.Results;

/// <summary>
/// The safety net of a result in its parts (issue 27): the opening line, the emergency signs not present (one a line)
/// and the call-back line, each with its key in the text registry (<see cref="Texts.TextRegistry"/>), so that a host
/// shows the signs as a list without parsing <see cref="TriageResult.SafetyNet"/>, which holds the same lines in the
/// same order (<see cref="Intro"/> when there is one, the signs, <see cref="Closing"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SafetyNetParts
{
    private readonly IReadOnlyList<string> _signs = ValueList<string>.Empty;
    private readonly IReadOnlyList<string> _signKeys = ValueList<string>.Empty;

    /// <summary>Gets the line that opens the list of signs, or <see langword="null"/> when no sign is listed.</summary>
    public string? Intro { get; init; }

    /// <summary>Gets the registry key of <see cref="Intro"/>, or <see langword="null"/> when there is none.</summary>
    public string? IntroKey { get; init; }

    /// <summary>Gets the emergency signs that are not present, one a line, in the rule set's order.</summary>
    public IReadOnlyList<string> Signs { get => _signs; init => _signs = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the registry key of each sign of <see cref="Signs"/>, in the same order.</summary>
    public IReadOnlyList<string> SignKeys { get => _signKeys; init => _signKeys = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the call-back line that ends the safety net.</summary>
    public required string Closing { get; init; }

    /// <summary>Gets the registry key of <see cref="Closing"/>.</summary>
    public required string ClosingKey { get; init; }

    /// <summary>Gets the lines in the order of <see cref="TriageResult.SafetyNet"/>: the intro (when there is one), the signs, the closing line.</summary>
    public IReadOnlyList<string> Lines => [.. Intro is null ? [] : new[] { Intro }, .. Signs, Closing];

    /// <summary>Counts the signs; the texts are not patient data, but the type follows the result's rule of naming no text.</summary>
    /// <returns>For example <c>SafetyNetParts: 3 signs</c>.</returns>
    public override string ToString() => $"SafetyNetParts: {Signs.Count} sign{(Signs.Count == 1 ? "" : "s")}";
}
