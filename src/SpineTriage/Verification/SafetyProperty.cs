namespace SpineTriage.Verification;

/// <summary>
/// One safety property every rule set must keep (clinical-criteria*.md, "Safety properties"), checked by
/// <see cref="RuleSetVerifier"/> over generated reports: its stable id and what it says.
/// </summary>
/// <remarks>Immutable. The properties are <see cref="RuleSetVerifier.Properties"/>; there is no other way to make one.</remarks>
public sealed class SafetyProperty
{
    internal SafetyProperty(string id, string description, bool shippedLinesOnly = false)
    {
        Id = id;
        Description = description;
        ShippedLinesOnly = shippedLinesOnly;
    }

    /// <summary>Gets the stable id, for example <c>yes-never-lowers-the-urgency</c>.</summary>
    public string Id { get; }

    /// <summary>Gets what the property says, in one sentence.</summary>
    public string Description { get; }

    /// <summary>
    /// Gets whether the property compares two shipped rule-set lines (versions agree where they overlap): it runs for the
    /// shipped lines only, and is not run on a local edition.
    /// </summary>
    public bool ShippedLinesOnly { get; }

    /// <summary>The id.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;
}
