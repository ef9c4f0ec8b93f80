using SpineTriage.Serialization.Internal;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Reports;

/// <summary>
/// The question catalogue of rule set 1.0 in asking order (clinical-criteria.md section 3). It stays the 1.0 view:
/// the questions of the rule set an engine runs (rule set 3.0 by default, with more questions, another asking
/// order and question applicability) are <see cref="Rules.RuleSet.Questions"/> of <see cref="Engine.TriageEngine.RuleSet"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class QuestionCatalogue
{
    private static readonly Question[] Items =
    [
        Ask(QuestionId.BladderOrBowelControlLoss, true),
        Ask(QuestionId.SaddleNumbness, true),
        Ask(QuestionId.NewOrWorseningLimbWeakness, true),
        Ask(QuestionId.SuddenSeverePainAfterFallOrInjury, true),
        Ask(QuestionId.Fever, true),
        Ask(QuestionId.WoundDischarge, true),
        Ask(QuestionId.WoundRednessOrSwelling, true),
        Ask(QuestionId.ChestPainOrBreathlessness, true),
        Ask(QuestionId.NewOrWorseningLimbNumbness, true),
        Ask(QuestionId.CalfPainOrSwelling, true),
        Ask(QuestionId.PainReturnedAfterImprovement, false),
        Ask(QuestionId.NewOrWorseningPain, false),
        Ask(QuestionId.InstabilityOrMovement, false),
        Ask(QuestionId.RadiatingLimbPain, false),
        Ask(QuestionId.LocalizedTenderness, false),
        Ask(QuestionId.PainWorseWithMovement, false),
        Ask(QuestionId.LumpOverHardware, false),
        Ask(QuestionId.ImagingShowsHardwareProblem, false),
    ];

    /// <summary>Gets every question of rule set 1.0 in its asking order.</summary>
    public static IReadOnlyList<Question> All { get; } = Array.AsReadOnly(Items);

    /// <summary>Gets the red-flag questions of rule set 1.0 in asking order.</summary>
    public static IReadOnlyList<Question> RedFlags { get; } = Array.AsReadOnly(Items.Where(q => q.IsRedFlag).ToArray());

    /// <summary>Gets the number of questions of rule set 1.0.</summary>
    public static int Count => Items.Length;

    /// <summary>Gets the catalogue entry of a question.</summary>
    /// <param name="id">The question.</param>
    /// <returns>The question's entry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not a question of rule set 1.0.</exception>
    public static Question Get(QuestionId id)
    {
        var index = id.Rank;
        if ((uint)index >= (uint)Items.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "Not a question of rule set 1.0.");
        }

        return Items[index];
    }

    /// <summary>Finds a question of rule set 1.0 by its JSON id (case-sensitive, as in report JSON).</summary>
    /// <param name="jsonId">The camelCase id, for example <c>saddleNumbness</c>.</param>
    /// <param name="question">The question, when found.</param>
    /// <returns><see langword="true"/> when <paramref name="jsonId"/> names a question.</returns>
    public static bool TryGet(string? jsonId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Question? question)
    {
        foreach (var item in Items)
        {
            if (string.Equals(item.JsonId, jsonId, StringComparison.Ordinal))
            {
                question = item;
                return true;
            }
        }

        question = null;
        return false;
    }

    private static Question Ask(QuestionId id, bool isRedFlag)
    {
        // The texts (lead and signs) of rule set 1.0's document.
        var question = Rules.RuleSetEdition.One.Get(id);
        return new Question(id, JsonNames.Of(id), isRedFlag, "", id.Rank + 1) { TextKey = question.LeadKey, SignKeys = question.SignKeys }.WordedIn(TextCatalogue.English);
    }
}
