namespace SpineTriage.Rules;

/// <summary>
/// The selectors of the rule sets an engine can run (<see cref="Engine.TriageEngineOptions.RuleSet"/>). A selector
/// names a line of rule sets: <c>1.0</c> is the 1.x line, <c>2.0</c> the 2.x line, each at its latest version in the
/// library. Results and audit records carry the exact version (<see cref="Results.RuleSetIdentity"/>, for example
/// <c>2.0.0</c>).
/// </summary>
public static class RuleSets
{
    /// <summary>Rule set 1.0 (clinical-criteria.md): the warning signs of the source page; 18 questions.</summary>
    public const string V1 = "1.0";

    /// <summary>
    /// Rule set 2.0 (clinical-criteria-2.0.md): 1.0 with the early post-operative and neck-surgery warning signs; 27
    /// questions, some of which apply only after neck surgery or in the first six weeks.
    /// </summary>
    public const string V2 = "2.0";

    /// <summary>The rule set of a new engine: <see cref="V2"/>.</summary>
    public const string Default = V2;

    /// <summary>Gets every selector, oldest first.</summary>
    public static IReadOnlyList<string> Selectors { get; } = Array.AsReadOnly(new[] { V1, V2 });
}
