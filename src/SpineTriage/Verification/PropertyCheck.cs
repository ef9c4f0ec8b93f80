using System.Globalization;

namespace SpineTriage.Verification;

/// <summary>
/// What checking one safety property on a rule set found (<see cref="RuleSetVerifier.Check"/>): held, failed with the
/// smallest counterexample found, or not run.
/// </summary>
/// <remarks>
/// Immutable. A counterexample is a generated report (never one of a patient) as JSON, with the engine's thresholds and
/// what went wrong.
/// </remarks>
public sealed class PropertyCheck
{
    internal PropertyCheck(SafetyProperty property, PropertyStatus status, int examples, int exercised, string? counterexample, string? note)
    {
        Property = property;
        Status = status;
        Examples = examples;
        Exercised = exercised;
        Counterexample = counterexample;
        Note = note;
    }

    /// <summary>Gets the property checked.</summary>
    public SafetyProperty Property { get; }

    /// <summary>Gets whether it held, failed or was not run.</summary>
    public PropertyStatus Status { get; }

    /// <summary>Gets whether the property held (<see cref="PropertyStatus.Held"/>).</summary>
    public bool Held => Status == PropertyStatus.Held;

    /// <summary>Gets the number of generated examples checked (up to the first failure).</summary>
    public int Examples { get; }

    /// <summary>
    /// Gets the number of examples that met the property's premise and so tested it (for example the settled results of
    /// "a settled triage never changes"); equal to <see cref="Examples"/> for a property without a premise.
    /// </summary>
    public int Exercised { get; }

    /// <summary>Gets the smallest counterexample found, when the property failed: the thresholds, the generated report as JSON, and what went wrong.</summary>
    public string? Counterexample { get; }

    /// <summary>Gets why the property was not run, when it was not.</summary>
    public string? Note { get; }

    /// <summary>One line: the property's id and its outcome.</summary>
    /// <returns>For example <c>emergency-finding-gives-emergency: held (1000 examples)</c>.</returns>
    public override string ToString() => Status switch
    {
        PropertyStatus.Held => string.Create(CultureInfo.InvariantCulture, $"{Property.Id}: held ({Examples} examples{(Exercised != Examples ? $", {Exercised} exercised" : "")})"),
        PropertyStatus.Failed => $"{Property.Id}: FAILED: {Counterexample}",
        _ => $"{Property.Id}: not run ({Note})",
    };
}
