using System.Globalization;
using SpineTriage.Reports;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// Whether a question of a rule set applies to a report, and why (clinical-criteria-2.0.md section 3). A question that
/// does not apply is not asked by the interview, is not listed among unanswered questions, and its being unknown does not
/// make the report incomplete; a yes to it still counts exactly as if it applied.
/// </summary>
/// <param name="Question">The question.</param>
/// <param name="Applies">Whether it applies to the report.</param>
/// <param name="IsRedFlag">
/// Whether the question counts as a red flag for the report: its being unknown then makes the report incomplete and fires
/// <c>unresolved-red-flag</c> where it applies. In rule set 2.0 <c>recentFallOrInjury</c> counts only within 90 days.
/// </param>
/// <param name="Reason">
/// Why, in words: <c>always</c>, or the derived fact and the report's value, for example
/// <c>neck surgery possible: surgeryRegion not given</c> or <c>not early period: day 43 &gt; 42</c>. Names the region and
/// the day count only (never a date).
/// </param>
public sealed record QuestionApplicability(QuestionId Question, bool Applies, bool IsRedFlag, string Reason)
{
    /// <summary>Reads a question's applicability for a surgery region and a day count.</summary>
    internal static QuestionApplicability Of(Question question, SurgeryRegion? region, int daysSinceSurgery)
    {
        var condition = question.AppliesWhen;
        var isRedFlag = question.IsRedFlag && Holds(question.CountsAsRedFlagWhen, region, daysSinceSurgery);
        if (question.IsClinicianOnly)
        {
            return new(question.Id, false, isRedFlag, "asked of clinicians only: never in a patient interview");
        }

        if (condition is AllOf { Conditions.Count: 0 })
        {
            return new(question.Id, true, isRedFlag, "always");
        }

        var applies = Holds(condition, region, daysSinceSurgery);
        var detail = string.Join(", ", Details(condition, region, daysSinceSurgery).Distinct(StringComparer.Ordinal));
        var name = condition is NamedFact fact ? (applies ? fact.PresentText : fact.AbsentText) : (applies ? condition.Description : condition.NegatedDescription);
        return new(question.Id, applies, isRedFlag, detail.Length == 0 ? name : $"{name}: {detail}");
    }

    /// <summary>
    /// Adds to <paramref name="days"/> each day count at which a condition's truth may change: the first day of each
    /// window and the day after it. Between two such days the applicability of every question is the same.
    /// </summary>
    internal static void AddChangeDays(Condition condition, ISet<int> days)
    {
        switch (condition)
        {
            case AllOf all:
                foreach (var c in all.Conditions)
                {
                    AddChangeDays(c, days);
                }

                break;
            case AnyOf any:
                foreach (var c in any.Conditions)
                {
                    AddChangeDays(c, days);
                }

                break;
            case NotOf not:
                AddChangeDays(not.Condition, days);
                break;
            case NamedFact fact:
                AddChangeDays(fact.Definition, days);
                break;
            case DaysSinceSurgeryWithin within:
                if (within.Min is { } min)
                {
                    days.Add(min);
                }

                if (within.Max is { } max && max < int.MaxValue)
                {
                    days.Add(max + 1);
                }

                break;
        }
    }

    // Applicability depends on the surgery region and the days since surgery only (no answer, so no question, can change it).
    private static bool Holds(Condition condition, SurgeryRegion? region, int days) => condition switch
    {
        AllOf all => all.Conditions.All(c => Holds(c, region, days)),
        AnyOf any => any.Conditions.Any(c => Holds(c, region, days)),
        NotOf not => !Holds(not.Condition, region, days),
        NamedFact fact => Holds(fact.Definition, region, days),
        RegionIs regions => region is { } r && regions.Regions.Contains(r),
        RegionNotGiven => region is null,
        DaysSinceSurgeryWithin within => (within.Min is not { } min || days >= min) && (within.Max is not { } max || days <= max),
        _ => throw new InvalidOperationException($"A question's applicability may depend on the surgery region and the days since surgery only, not on a {condition.GetType().Name}."),
    };

    private static IEnumerable<string> Details(Condition condition, SurgeryRegion? region, int days) => condition switch
    {
        AllOf all => all.Conditions.SelectMany(c => Details(c, region, days)),
        AnyOf any => any.Conditions.SelectMany(c => Details(c, region, days)),
        NotOf not => Details(not.Condition, region, days),
        NamedFact fact => Details(fact.Definition, region, days),
        RegionIs or RegionNotGiven => [$"surgeryRegion {(region is { } r ? JsonNames.Of(r) : "not given")}"],
        DaysSinceSurgeryWithin within => DayDetails(within, days),
        _ => [],
    };

    private static IEnumerable<string> DayDetails(DaysSinceSurgeryWithin within, int days)
    {
        if (within.Min is { } min)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"day {days} {(days >= min ? "≥" : "<")} {min}");
        }

        if (within.Max is { } max)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"day {days} {(days <= max ? "≤" : ">")} {max}");
        }
    }
}
