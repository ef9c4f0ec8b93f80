using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.TestSupport.Floors;

/// <summary>
/// The independent readings of the criteria (the hand-coded floors, written from clinical-criteria*.md and not from the
/// library's catalogue), one per shipped rule set, in the common form the tests compare the engine with.
/// </summary>
public static class Floor
{
    /// <summary>The rule id that marks a result incomplete: a red flag neither confirmed nor denied.</summary>
    public const string UnresolvedRedFlag = "unresolved-red-flag";

    /// <summary>Whether a floor exists for the rule set <paramref name="selector"/> names.</summary>
    /// <param name="selector">A rule set selector ("1.0", "2.0").</param>
    /// <returns><see langword="true"/> for every shipped rule set.</returns>
    public static bool Covers(string selector) => selector is RuleSets.V1 or RuleSets.V2 || (selector is RuleSets.V3 && Three is not null);

    /// <summary>
    /// Rule set 3.0's floor, <c>HandCodedTriageThree</c>, is written apart from the rule set, from clinical-criteria-3.0.md
    /// (issue 28); it is found by name so that this registry reads it as soon as it is in the assembly, and a branch
    /// without it says so (<c>CriteriaAgreementTests.Every_shipped_rule_set_has_an_independent_reading_of_its_criteria</c>).
    /// </summary>
    private static readonly Type? Three = typeof(Floor).Assembly.GetType("SpineTriage.TestSupport.Floors.HandCodedTriageThree");

    /// <summary>Decides <paramref name="report"/> by the floor of the options' rule set.</summary>
    /// <param name="report">A report validated by an engine of the options' rule set.</param>
    /// <param name="options">The rule set and thresholds.</param>
    /// <returns>The urgency, the fired rules in the criteria's catalogue order and whether the result is complete.</returns>
    public static FloorResult Decide(ValidatedReport report, TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (decision, ruleId) = options.RuleSet switch
        {
            RuleSets.V1 => (HandCodedTriage.Evaluate(report, options), (Func<int, string>)HandCodedTriage.RuleId),
            RuleSets.V2 => (HandCodedTriageTwo.Evaluate(report, options), HandCodedTriageTwo.RuleId),
            RuleSets.V3 when Three is not null => (
                (FloorDecision)Three.GetMethod("Evaluate", [typeof(ValidatedReport), typeof(TriageEngineOptions)])!.Invoke(null, [report, options])!,
                i => (string)Three.GetMethod("RuleId", [typeof(int)])!.Invoke(null, [i])!),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.RuleSet, "No independent reading of this rule set; add one with its criteria."),
        };
        return new FloorResult(decision.Urgency, decision.RuleIds(ruleId));
    }
}

/// <summary>What a floor decides: the urgency, the fired rules (in the criteria's catalogue order) and completeness.</summary>
/// <param name="Urgency">The highest urgency of any rule that fired.</param>
/// <param name="RuleIds">The ids of the rules that fired, in the criteria's catalogue order.</param>
public sealed record FloorResult(Urgency Urgency, IReadOnlyList<string> RuleIds)
{
    /// <summary>Gets a value indicating whether every red flag is resolved (the unresolved-red-flag rule did not fire).</summary>
    public bool IsComplete => !RuleIds.Contains(Floor.UnresolvedRedFlag);
}
