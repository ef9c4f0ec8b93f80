using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.TestSupport.Floors;

/// <summary>
/// The independent readings of the criteria (the hand-coded floors, written from clinical-criteria*.md and not from the
/// library's catalogue), one row per shipped rule set, in the common form the tests compare the engine with. A new rule
/// set's floor is one more row of <see cref="Rows"/>.
/// </summary>
public static class Floor
{
    /// <summary>The rule id that marks a result incomplete: a red flag neither confirmed nor denied.</summary>
    public const string UnresolvedRedFlag = "unresolved-red-flag";

    /// <summary>Gets the floors, one per shipped rule set.</summary>
    public static IReadOnlyList<FloorRow> Rows { get; } =
    [
        new(RuleSets.V1, HandCodedTriage.Evaluate, HandCodedTriage.RuleId, HandCodedTriage.Applies),
        new(RuleSets.V2, HandCodedTriageTwo.Evaluate, HandCodedTriageTwo.RuleId, HandCodedTriageTwo.Applies),
        new(RuleSets.V3, HandCodedTriageThree.Evaluate, HandCodedTriageThree.RuleId, HandCodedTriageThree.AppliesTo),
    ];

    /// <summary>Whether a floor exists for the rule set <paramref name="selector"/> names.</summary>
    /// <param name="selector">A rule set selector ("1.0", "2.0", "3.0").</param>
    /// <returns><see langword="true"/> for every shipped rule set.</returns>
    public static bool Covers(string selector) => Rows.Any(r => r.Selector == selector);

    /// <summary>Decides <paramref name="report"/> by the floor of the options' rule set.</summary>
    /// <param name="report">A report validated by an engine of the options' rule set.</param>
    /// <param name="options">The rule set and thresholds.</param>
    /// <returns>The urgency, the fired rules in the criteria's catalogue order and whether the result is complete; settledness is not decided here (<see cref="Decide(ITriageEngine, SymptomReport)"/> decides it).</returns>
    public static FloorResult Decide(ValidatedReport report, TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var row = RowOf(options.RuleSet);
        var decision = row.Evaluate(report, options);
        return new FloorResult(decision.Urgency, decision.RuleIds(row.RuleId));
    }

    /// <summary>
    /// Decides a report by the floor of the engine's rule set, whole: the urgency, the fired rules, completeness and
    /// settledness. Settled, by the criteria: no question that applies (by the floor's own reading of applicability) is
    /// absent, or the floor gives the same urgency with every such question answered yes and with every one answered no
    /// (the rules are monotonic, so no other way of answering them can change it); the temperature and pain score stay as given.
    /// </summary>
    /// <param name="engine">An engine of the rule set: it validates the report and its completions, and gives the thresholds; it decides nothing.</param>
    /// <param name="report">A valid report.</param>
    /// <returns>What the floor decides.</returns>
    public static FloorResult Decide(ITriageEngine engine, SymptomReport report)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(report);
        var row = RowOf(engine.Options.RuleSet);
        var validated = engine.Validate(report).GetValueOrThrow();
        var decision = row.Evaluate(validated, engine.Options);
        var absent = engine.RuleSet.Questions
            .Where(q => !report.Answers.IsGiven(q.Id) && row.Applies(q.Id, report.SurgeryRegion, validated.DaysSinceSurgery))
            .Select(q => q.Id)
            .ToArray();
        var settled = absent.Length == 0 || new[] { Answer.Yes, Answer.No }.All(answer =>
            row.Evaluate(engine.Validate(report with { Answers = absent.Aggregate(report.Answers, (a, q) => a.With(q, answer)) }).GetValueOrThrow(), engine.Options).Urgency == decision.Urgency);
        return new FloorResult(decision.Urgency, decision.RuleIds(row.RuleId)) { IsSettled = settled };
    }

    private static FloorRow RowOf(string selector) =>
        Rows.FirstOrDefault(r => r.Selector == selector)
        ?? throw new ArgumentOutOfRangeException(nameof(selector), selector, "No independent reading of this rule set; add a row to Floor.Rows with its criteria.");
}

/// <summary>The floor of one rule set: how it decides, names its rules and reads applicability.</summary>
/// <param name="Selector">The rule set's selector.</param>
/// <param name="Evaluate">Decides a validated report with the options' thresholds.</param>
/// <param name="RuleId">The rule id of a bit of <see cref="FloorDecision.Fired"/>.</param>
/// <param name="Applies">Whether a question applies for a surgery region and a day count, by the criteria.</param>
public sealed record FloorRow(
    string Selector,
    Func<ValidatedReport, TriageEngineOptions, FloorDecision> Evaluate,
    Func<int, string> RuleId,
    Func<QuestionId, SurgeryRegion?, int, bool> Applies);

/// <summary>What a floor decides: the urgency, the fired rules (in the criteria's catalogue order), completeness and settledness.</summary>
/// <param name="Urgency">The highest urgency of any rule that fired.</param>
/// <param name="RuleIds">The ids of the rules that fired, in the criteria's catalogue order.</param>
public sealed record FloorResult(Urgency Urgency, IReadOnlyList<string> RuleIds)
{
    /// <summary>Gets a value indicating whether every red flag is resolved (the unresolved-red-flag rule did not fire).</summary>
    public bool IsComplete => !RuleIds.Contains(Floor.UnresolvedRedFlag);

    /// <summary>Gets whether no way of answering the questions still open could change the urgency; <see langword="null"/> when not decided.</summary>
    public bool? IsSettled { get; init; }
}
