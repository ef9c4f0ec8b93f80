using SpineTriage.Serialization.Internal;

namespace SpineTriage.Reports;

/// <summary>
/// The question catalogue of rule set 1.0 in asking order (clinical-criteria.md section 3). It stays the 1.0 view:
/// the questions of the rule set an engine runs (rule set 2.0 by default, with nine more questions, another asking
/// order and question applicability) are <see cref="Rules.RuleSet.Questions"/> of <see cref="Engine.TriageEngine.RuleSet"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class QuestionCatalogue
{
    private static readonly Question[] Items =
    [
        Ask(QuestionId.BladderOrBowelControlLoss, true, "Since this began, have you lost control of your bladder or bowels, or been unable to pass urine?"),
        Ask(QuestionId.SaddleNumbness, true, "Do you have new numbness around your genitals, buttocks or inner thighs?"),
        Ask(QuestionId.NewOrWorseningLimbWeakness, true, "Do you have new or worsening weakness in an arm or a leg?"),
        Ask(QuestionId.SuddenSeverePainAfterFallOrInjury, true, "Did sudden, severe pain start after a fall or an injury?"),
        Ask(QuestionId.Fever, true, "Do you have a fever (38.0 °C / 100.4 °F or higher), or shivering and chills?"),
        Ask(QuestionId.WoundDischarge, true, "Is there any discharge or fluid coming from your wound?"),
        Ask(QuestionId.WoundRednessOrSwelling, true, "Is the redness or swelling around your wound increasing?"),
        Ask(QuestionId.ChestPainOrBreathlessness, true, "Do you have new chest pain, or are you suddenly short of breath?"),
        Ask(QuestionId.NewOrWorseningLimbNumbness, true, "Do you have new or worsening numbness in an arm or a leg?"),
        Ask(QuestionId.CalfPainOrSwelling, true, "Is one of your calves painful, swollen, warm or red?"),
        Ask(QuestionId.PainReturnedAfterImprovement, false, "Has your back or neck pain come back or got worse after a period when it was improving?"),
        Ask(QuestionId.NewOrWorseningPain, false, "Is your back or neck pain new, or getting worse?"),
        Ask(QuestionId.InstabilityOrMovement, false, "Does your spine feel unstable, or do you feel something moving or clicking at the surgery site?"),
        Ask(QuestionId.RadiatingLimbPain, false, "Does pain spread into an arm or a leg?"),
        Ask(QuestionId.LocalizedTenderness, false, "Is the skin over the surgery site tender to touch?"),
        Ask(QuestionId.PainWorseWithMovement, false, "Is the pain worse when you move or in certain positions?"),
        Ask(QuestionId.LumpOverHardware, false, "Can you feel a hard lump or bump under the skin where your implant is?"),
        Ask(QuestionId.ImagingShowsHardwareProblem, false, "(clinician) Has an X-ray or scan shown loosening, breakage or shifting of hardware, or a fusion that has not healed?"),
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
        var index = (int)id;
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

    private static Question Ask(QuestionId id, bool isRedFlag, string text) =>
        new(id, JsonNames.Of(id), isRedFlag, text, (int)id + 1);
}
