using System.Globalization;
using System.Text;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Results.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// The rule catalogue an engine evaluates: version, content hash and every rule in evaluation order
/// (highest urgency first). Produced by <see cref="TriageEngine.RuleSet"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleSet
{
    internal RuleSet(IReadOnlyList<Rule> rules, TriageEngineOptions options)
    {
        Rules = Array.AsReadOnly(rules.Select(r => r.ToDefinition()).ToArray());
        FeverThresholdCelsius = options.FeverThresholdCelsius;
        SeverePainScore = options.SeverePainScore;
        CanonicalDescription = Describe(Rules, FeverThresholdCelsius, SeverePainScore);
        Identity = new RuleSetIdentity(Version, Sha256Hash.Of(CanonicalDescription));
    }

    /// <summary>Gets the rule-set version, <c>1.0.1</c>.</summary>
    public string Version { get; } = RuleCatalogue.Version;

    /// <summary>Gets the content hash, <c>sha256:</c> and 64 hex digits, over <see cref="CanonicalDescription"/>.</summary>
    public string Hash => Identity.Hash;

    /// <summary>Gets the version and hash together, as results carry them.</summary>
    public RuleSetIdentity Identity { get; }

    /// <summary>Gets the rules in evaluation order: highest urgency first, then the order of the clinical criteria.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Gets the fever threshold the rules use, in °C.</summary>
    public decimal FeverThresholdCelsius { get; }

    /// <summary>Gets the pain score at or above which pain is severe.</summary>
    public int SeverePainScore { get; }

    /// <summary>
    /// Gets the canonical text the hash is computed over: the version, the thresholds that change results,
    /// and every field of every rule, one rule a line. Disposition texts are not part of it: rewording or
    /// translating them does not change which rules fire or the urgency.
    /// </summary>
    public string CanonicalDescription { get; }

    /// <summary>Finds a rule by id.</summary>
    /// <param name="ruleId">The rule id, for example <c>fever</c>.</param>
    /// <returns>The rule, or <see langword="null"/> when there is none with that id.</returns>
    public RuleDefinition? Find(string ruleId) => Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal));

    /// <summary>Gets the rule set's version history, newest last, for example why the hash of a version changed.</summary>
    public IReadOnlyList<string> Changes { get; } = RuleCatalogue.Changes;

    private static string Describe(IEnumerable<RuleDefinition> rules, decimal feverThreshold, int severePain)
    {
        var text = new StringBuilder()
            .Append("spinetriage-rule-set\n")
            .Append("version=").Append(RuleCatalogue.Version).Append('\n')
            .Append("feverThresholdCelsius=").Append(feverThreshold.ToString("0.0###", CultureInfo.InvariantCulture)).Append('\n')
            .Append("severePainScore=").Append(severePain.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var rule in rules)
        {
            text.Append(string.Join(
                '\u001f',
                rule.Id,
                rule.Urgency.JsonName(),
                rule.Title,
                rule.Condition,
                rule.Consideration,
                rule.Source,
                rule.PatientExplanation,
                rule.ClinicianRationale)).Append('\n');
        }

        return text.ToString();
    }
}
