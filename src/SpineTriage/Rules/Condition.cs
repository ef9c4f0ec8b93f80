using System.Globalization;
using SpineTriage.Reports;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// When a rule fires: an immutable tree built with <see cref="When"/>. A condition states only what must hold;
/// its description (in the catalogue, the docs and the rule-set hash) is generated from the tree, and the
/// engine compiles the tree into its own fast form (<c>SpineTriage.Engine.Internal</c>).
/// </summary>
internal abstract class Condition
{
    /// <summary>Gets the condition in words, generated from the tree.</summary>
    public abstract string Description { get; }

    /// <summary>Gets the words of the negated condition (<see cref="When.Not"/>).</summary>
    public virtual string NegatedDescription => $"not ({Description})";

    /// <summary>Gets whether the description lists alternatives, so that it needs brackets inside "and".</summary>
    internal virtual bool ListsAlternatives => false;

    /// <inheritdoc />
    public override string ToString() => Description;
}

/// <summary>Every condition holds (an empty <see cref="When.All"/>: true).</summary>
internal sealed class AllOf : Condition
{
    public AllOf(IEnumerable<Condition> conditions)
    {
        Items = conditions.Select(c => c ?? throw new ArgumentNullException(nameof(conditions))).ToArray();
        Conditions = Array.AsReadOnly(Items);
        Description = Conditions.Count == 0
            ? "always"
            : string.Join(" and ", Conditions.Select(c => c.ListsAlternatives || c is AllOf { Conditions.Count: > 1 } ? $"({c.Description})" : c.Description));
    }

    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>Gets the conditions as an array, for the engine to read without an enumerator (never changed).</summary>
    internal Condition[] Items { get; }

    public override string Description { get; }

    public override string NegatedDescription => Conditions.Count == 1 ? Conditions[0].NegatedDescription : base.NegatedDescription;
}

/// <summary>At least one condition holds (an empty <see cref="When.Any"/>: false).</summary>
internal sealed class AnyOf : Condition
{
    public AnyOf(IEnumerable<Condition> conditions)
    {
        Items = conditions.Select(c => c ?? throw new ArgumentNullException(nameof(conditions))).ToArray();
        Conditions = Array.AsReadOnly(Items);
        Description = Describe(Conditions);
    }

    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>Gets the conditions as an array, for the engine to read without an enumerator (never changed).</summary>
    internal Condition[] Items { get; }

    public override string Description { get; }

    public override string NegatedDescription => Conditions.Count == 1 ? Conditions[0].NegatedDescription : base.NegatedDescription;

    internal override bool ListsAlternatives => Conditions.Count > 1;

    // Three or more yes answers read as a list, "a, b or c yes"; otherwise each alternative is named whole.
    private static string Describe(IReadOnlyList<Condition> conditions)
    {
        if (conditions.Count == 0)
        {
            return "never";
        }

        if (conditions.Count >= 3 && conditions.All(c => c is AnswerIs { Answer: Answer.Yes }))
        {
            var names = conditions.Select(c => JsonNames.Of(((AnswerIs)c).Question)).ToArray();
            return $"{string.Join(", ", names[..^1])} or {names[^1]} yes";
        }

        return string.Join(" or ", conditions.Select(c => c is AllOf { Conditions.Count: > 1 } || c.ListsAlternatives ? $"({c.Description})" : c.Description));
    }
}

/// <summary>The condition does not hold.</summary>
internal sealed class NotOf(Condition condition) : Condition
{
    public Condition Condition { get; } = condition ?? throw new ArgumentNullException(nameof(condition));

    public override string Description => Condition.NegatedDescription;

    public override string NegatedDescription => Condition.Description;
}

/// <summary>A question answered yes, no or unknown (not answered, "don't know", or not asked).</summary>
internal sealed class AnswerIs(QuestionId question, Answer answer) : Condition
{
    public QuestionId Question { get; } = question;

    public Answer Answer { get; } = answer;

    public override string Description => $"{JsonNames.Of(Question)} {JsonNames.Of(Answer)}";

    public override string NegatedDescription => Answer == Answer.Unknown
        ? $"{JsonNames.Of(Question)} answered"
        : $"{JsonNames.Of(Question)} not {JsonNames.Of(Answer)}";
}

/// <summary>
/// The derived fact fever (clinical-criteria.md section 2): present when <c>fever</c> is yes or a measured
/// temperature is at or above the threshold; absent when not present and <c>fever</c> is no or a lower
/// temperature was measured; otherwise unknown. The threshold is the engine's; it is named here for the words.
/// </summary>
internal sealed class FeverIs(Presence presence, decimal thresholdCelsius) : Condition
{
    public Presence Presence { get; } = presence;

    public decimal ThresholdCelsius { get; } = thresholdCelsius;

    public override string Description => Presence switch
    {
        Presence.Present => $"fever present (fever yes, or a measured temperature at or above {When.Format(ThresholdCelsius)} °C)",
        Presence.Absent => $"fever absent (fever no, or a measured temperature below {When.Format(ThresholdCelsius)} °C, and fever not present)",
        _ => "fever unknown",
    };

    public override string NegatedDescription => Presence switch
    {
        Presence.Present => "fever not present",
        Presence.Absent => "fever not absent",
        _ => "fever known",
    };
}

/// <summary>The pain score given and at least <see cref="Score"/>.</summary>
internal sealed class PainScoreAtLeast(int score) : Condition
{
    public int Score { get; } = score;

    public override string Description => $"painScore ≥ {Score.ToString(CultureInfo.InvariantCulture)}";

    public override string NegatedDescription => $"painScore below {Score.ToString(CultureInfo.InvariantCulture)} or not given";
}

/// <summary>Days since surgery within an inclusive range; a missing end is open.</summary>
internal sealed class DaysSinceSurgeryWithin : Condition
{
    public DaysSinceSurgeryWithin(int? min, int? max)
    {
        if (min > max)
        {
            throw new ArgumentException($"The range of days since surgery is empty: {min} to {max}.", nameof(min));
        }

        Min = min;
        Max = max;
    }

    public int? Min { get; }

    public int? Max { get; }

    public override string Description => (Min, Max) switch
    {
        (null, null) => "days since surgery any",
        ({ } min, null) => $"days since surgery ≥ {Text(min)}",
        (null, { } max) => $"days since surgery ≤ {Text(max)}",
        ({ } min, { } max) => $"days since surgery {Text(min)} to {Text(max)}",
    };

    public override string NegatedDescription => (Min, Max) switch
    {
        (null, null) => "never",
        ({ } min, null) => $"days since surgery < {Text(min)}",
        (null, { } max) => $"days since surgery > {Text(max)}",
        ({ } min, { } max) => $"days since surgery not {Text(min)} to {Text(max)}",
    };

    private static string Text(int days) => days.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The surgery region given and one of <see cref="Regions"/>.</summary>
internal sealed class RegionIs : Condition
{
    public RegionIs(IEnumerable<SurgeryRegion> regions)
    {
        Items = regions.Distinct().ToArray();
        Regions = Array.AsReadOnly(Items);
        if (Regions.Any(r => !Enum.IsDefined(r)))
        {
            throw new ArgumentOutOfRangeException(nameof(regions), "Not a surgery region.");
        }
    }

    public IReadOnlyList<SurgeryRegion> Regions { get; }

    /// <summary>Gets the regions as an array, for the engine to read without an enumerator (never changed).</summary>
    internal SurgeryRegion[] Items { get; }

    public override string Description => $"surgeryRegion {Names(" or ")}";

    public override string NegatedDescription => $"surgeryRegion not {Names(" or ")}";

    private string Names(string separator) => Regions.Count == 0 ? "in no region" : string.Join(separator, Regions.Select(JsonNames.Of));
}

/// <summary>The surgery region not given.</summary>
internal sealed class RegionNotGiven : Condition
{
    public override string Description => "surgeryRegion not given";

    public override string NegatedDescription => "surgeryRegion given";
}

/// <summary>A risk factor present.</summary>
internal sealed class RiskFactorPresent(RiskFactor riskFactor) : Condition
{
    public RiskFactor RiskFactor { get; } = Enum.IsDefined(riskFactor) ? riskFactor : throw new ArgumentOutOfRangeException(nameof(riskFactor));

    public override string Description => $"riskFactors include {JsonNames.Of(RiskFactor)}";

    public override string NegatedDescription => $"riskFactors do not include {JsonNames.Of(RiskFactor)}";
}

/// <summary>A rule earlier in the catalogue fired; rules are evaluated in catalogue order.</summary>
internal sealed class RuleFired(string ruleId) : Condition
{
    public string RuleId { get; } = ruleId ?? throw new ArgumentNullException(nameof(ruleId));

    public override string Description => $"{RuleId} fired";

    public override string NegatedDescription => $"{RuleId} did not fire";
}

/// <summary>No rule above this one in the catalogue fired.</summary>
internal sealed class NoRuleAboveFired : Condition
{
    public override string Description => "no rule above fired";

    public override string NegatedDescription => "a rule above fired";
}

/// <summary>
/// A red-flag question that applies to the report is unknown; fever counts as answered when fever is
/// present or absent.
/// </summary>
/// <param name="someQuestionsConditional">Whether some question of the rule set applies only in some reports: only then do the words say "applicable".</param>
internal sealed class RedFlagUnresolved(bool someQuestionsConditional) : Condition
{
    private string Which => someQuestionsConditional ? "applicable red-flag" : "red-flag";

    public override string Description => $"any {Which} question unknown (fever counts as answered when fever is present or absent)";

    public override string NegatedDescription => $"every {Which} question answered (fever counts as answered when fever is present or absent)";
}

/// <summary>
/// A derived fact defined once by a condition, named in the words: present reads
/// "<see cref="PresentText"/> (the definition)", not present reads <see cref="AbsentText"/>.
/// </summary>
internal sealed class NamedFact(string presentText, string absentText, Condition definition) : Condition
{
    public string PresentText { get; } = presentText;

    public string AbsentText { get; } = absentText;

    public Condition Definition { get; } = definition ?? throw new ArgumentNullException(nameof(definition));

    public override string Description => $"{PresentText} ({Definition.Description})";

    public override string NegatedDescription => AbsentText;
}
