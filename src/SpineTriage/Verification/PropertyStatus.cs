namespace SpineTriage.Verification;

/// <summary>The outcome of checking one safety property on a rule set (<see cref="PropertyCheck.Status"/>).</summary>
public enum PropertyStatus
{
    /// <summary>Every generated report kept the property.</summary>
    Held = 1,

    /// <summary>A generated report broke it: <see cref="PropertyCheck.Counterexample"/> is the smallest one found.</summary>
    Failed = 2,

    /// <summary>The property does not apply to the rule set (versions agree where they overlap, on a local edition or the first line).</summary>
    NotRun = 3,
}
