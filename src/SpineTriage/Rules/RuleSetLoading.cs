using SpineTriage.Engine;

namespace SpineTriage.Rules;

/// <summary>
/// Loads a rule-set document into an engine for the console's <c>ruleset verify|diff FILE</c> (issue 26 item 5): a
/// temporary internal seam over <see cref="RuleSetDocument.Read"/> and <see cref="RuleSetEdition.From"/> until the public
/// load API with validation (issue 26 item 2) lands, which then replaces this class.
/// </summary>
internal static class RuleSetLoading
{
    /// <summary>Reads, builds and makes an engine of a rule-set document.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON (already known to be JSON).</param>
    /// <param name="origin">Where it came from, for messages (a file name).</param>
    /// <param name="clock">The engine's clock.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="FormatException">The document is not a usable rule set; the message names the JSON path.</exception>
    public static TriageEngine Load(Stream utf8Json, string origin, TimeProvider clock)
    {
        try
        {
            return new TriageEngine(RuleSetEdition.From(RuleSetDocument.Read(utf8Json, origin)), null, clock);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            // What an engine refuses to build from a read document: a text key without text, a condition it cannot read.
            throw new FormatException($"{origin}: {e.Message}", e);
        }
    }
}
