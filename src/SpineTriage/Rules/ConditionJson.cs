using System.Text.Json.Nodes;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// Conditions as a rule-set document writes them (docs/schemas/rule-set.schema.json): one JSON object per condition
/// with exactly one property naming its kind, for example <c>{"yes": "saddleNumbness"}</c>,
/// <c>{"all": [ … ]}</c>, <c>{"fact": "woundSign"}</c> or <c>{"fever": "present"}</c>.
/// </summary>
internal static class ConditionJson
{
    /// <summary>The kinds of condition a document may write, each the one property of its object.</summary>
    public static IReadOnlyList<string> Kinds { get; } = Array.AsReadOnly(new[]
    {
        "all", "any", "not", "yes", "no", "unknown", "fact", "fever", "painScoreAtLeast", "daysSinceSurgery",
        "surgeryRegion", "surgeryRegionNotGiven", "riskFactor", "fired", "noRuleAboveFired", "redFlagUnresolved",
    });

    /// <summary>Writes a condition as JSON; named facts are written by reference (<c>{"fact": id}</c>).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="factId">The id of a named fact.</param>
    /// <param name="severePainScore">The severe pain score: a pain condition at that score is written as <c>"severePainScore"</c>.</param>
    public static JsonNode Write(Condition condition, Func<NamedFact, string> factId, int severePainScore) => condition switch
    {
        AllOf all => Of("all", new JsonArray([.. all.Conditions.Select(c => Write(c, factId, severePainScore))])),
        AnyOf any => Of("any", new JsonArray([.. any.Conditions.Select(c => Write(c, factId, severePainScore))])),
        NotOf not => Of("not", Write(not.Condition, factId, severePainScore)),
        AnswerIs answer => Of(JsonNames.Of(answer.Answer), JsonValue.Create(JsonNames.Of(answer.Question))),
        NamedFact fact => Of("fact", JsonValue.Create(factId(fact))),
        FeverIs fever => Of("fever", JsonValue.Create(JsonNames.Of(fever.Presence))),
        PainScoreAtLeast pain => Of("painScoreAtLeast", pain.Score == severePainScore ? JsonValue.Create("severePainScore") : JsonValue.Create(pain.Score)),
        DaysSinceSurgeryWithin days => Of("daysSinceSurgery", Range(days)),
        RegionIs region => Of("surgeryRegion", new JsonArray([.. region.Regions.Select(r => JsonValue.Create(JsonNames.Of(r)))])),
        RegionNotGiven => Of("surgeryRegionNotGiven", JsonValue.Create(true)),
        RiskFactorPresent risk => Of("riskFactor", JsonValue.Create(JsonNames.Of(risk.RiskFactor))),
        RuleFired fired => Of("fired", JsonValue.Create(fired.RuleId)),
        NoRuleAboveFired => Of("noRuleAboveFired", JsonValue.Create(true)),
        RedFlagUnresolved => Of("redFlagUnresolved", JsonValue.Create(true)),
        _ => throw new InvalidOperationException($"A {condition.GetType().Name} has no JSON form."),
    };

    private static JsonObject Range(DaysSinceSurgeryWithin days)
    {
        var range = new JsonObject();
        if (days.Min is { } min)
        {
            range["min"] = min;
        }

        if (days.Max is { } max)
        {
            range["max"] = max;
        }

        return range;
    }

    private static JsonObject Of(string kind, JsonNode? value) => new() { [kind] = value };

    /// <summary>Gets the camelCase name of a presence, as documents write it.</summary>
    public static string Name(Presence presence) => presence switch
    {
        Presence.Present => "present",
        Presence.Absent => "absent",
        _ => "unknown",
    };
}
