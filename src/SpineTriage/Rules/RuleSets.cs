namespace SpineTriage.Rules;

/// <summary>
/// The selectors of the rule sets an engine can run (<see cref="Engine.TriageEngineOptions.RuleSet"/>). A selector
/// names a line of rule sets: <c>1.0</c> is the 1.x line, <c>2.0</c> the 2.x line, <c>3.0</c> the 3.x line, each at its latest version in the
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

    /// <summary>
    /// Rule set 3.0 (clinical-criteria-3.0.md): 2.0 with the warning signs it missed (speech after neck surgery, stroke
    /// or seizure, a severe headache, the belly, an epidural haematoma in the first two weeks, a lasting hoarse voice),
    /// a narrower wound-discharge question, and the imaging question asked of clinicians only; 32 questions.
    /// </summary>
    public const string V3 = "3.0";

    /// <summary>The rule set of a new engine: <see cref="V3"/>.</summary>
    public const string Default = V3;

    /// <summary>Gets every selector, oldest first.</summary>
    public static IReadOnlyList<string> Selectors { get; } = Array.AsReadOnly(new[] { V1, V2, V3 });

    /// <summary>
    /// The line of an exact rule-set version as results and audit records carry it (<see cref="Results.RuleSetIdentity.Version"/>):
    /// <c>1.0.0</c> and <c>1.0.1</c> are of line <c>1.0</c>, <c>2.0.0</c> of line <c>2.0</c>; a line is named by its major
    /// version, as a selector names the latest version of its major line.
    /// </summary>
    /// <param name="version">An exact version: three whole numbers separated by dots, each of at most 9 digits.</param>
    /// <returns>The selector of its line, or <see langword="null"/> when the text is not such a version or its major version is of no line of this library.</returns>
    public static string? SelectorOf(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var parts = version.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length is 0 or > 9 || !p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        return Selectors.FirstOrDefault(s => string.Equals(s[..s.IndexOf('.', StringComparison.Ordinal)], parts[0], StringComparison.Ordinal));
    }
}
