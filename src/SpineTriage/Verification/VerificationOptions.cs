namespace SpineTriage.Verification;

/// <summary>How many reports <see cref="RuleSetVerifier"/> generates per property, and from which seed.</summary>
/// <remarks>Immutable. The same options on the same rule set generate the same reports on every run and machine.</remarks>
public sealed record VerificationOptions
{
    /// <summary>The default number of generated examples per property.</summary>
    public const int DefaultExamples = 1_000;

    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 20_261_208;

    /// <summary>Gets the options with the defaults.</summary>
    public static VerificationOptions Default { get; } = new();

    /// <summary>Gets the number of generated examples per property: 1 to 1,000,000; default <see cref="DefaultExamples"/>.</summary>
    public int Examples { get; init; } = DefaultExamples;

    /// <summary>Gets the seed of the generator; default <see cref="DefaultSeed"/>.</summary>
    public int Seed { get; init; } = DefaultSeed;
}
