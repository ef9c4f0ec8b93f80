using SpineTriage.Rules;

namespace SpineTriage.Reports;

/// <summary>One question of the catalogue: what to ask, in which order, and whether it is a red flag.</summary>
/// <param name="Id">The question's identifier.</param>
/// <param name="JsonId">The camelCase id used in report JSON, for example <c>saddleNumbness</c>.</param>
/// <param name="IsRedFlag">Whether the question is a red flag: every red flag must be answered before a disposition below urgent is given.</param>
/// <param name="Text">The question in plain language, as a nurse or an app asks it.</param>
/// <param name="Order">The 1-based asking order within its rule set.</param>
public sealed record Question(QuestionId Id, string JsonId, bool IsRedFlag, string Text, int Order)
{
    /// <summary>
    /// Gets when the question applies (<see cref="When.Always"/> for every question of rule set 1.0). A question
    /// that does not apply is not asked and its being unknown leaves the report complete; a yes to it still counts.
    /// </summary>
    internal Condition AppliesWhen { get; init; } = When.Always;

    /// <summary>Gets the key of the question's text in the text catalogue: <c>question.{JsonId}.text</c> unless a rule set rewords it.</summary>
    internal string TextKey { get; init; } = $"question.{JsonId}.text";

    /// <summary>
    /// Gets the keys of the signs the lead names, one a line after "Answer yes if any of these is true." (rule set 3.0,
    /// clinical-criteria-3.0.md section 3); empty for a question of one sign, or worded whole under <see cref="TextKey"/>.
    /// </summary>
    internal IReadOnlyList<string> SignKeys { get; init; } = Array.Empty<string>();

    /// <summary>Gets the notes shown after the signs, each when its condition on the surgery holds (3.0: the <c>woundDischarge</c> note up to day 90 and from day 91).</summary>
    internal IReadOnlyList<QuestionNote> Notes { get; init; } = Array.Empty<QuestionNote>();

    /// <summary>
    /// Gets whether the question is asked of clinicians only (<c>"askedBy": "clinician"</c> in the rule-set document; rule
    /// set 3.0's <c>imagingShowsHardwareProblem</c>): a patient interview never asks it, so it does not apply to a patient's
    /// report (<see cref="RuleSet.Applicability(QuestionId, SurgeryRegion?, int)"/>) and, unknown, cannot keep a triage
    /// from being settled. A front end may still send its answer, which counts in full.
    /// </summary>
    public bool IsClinicianOnly { get; init; }

    /// <summary>
    /// The question's text in a catalogue; the fever question names the engine's fever threshold in both units, written as
    /// the language writes numbers (default 38.0 °C / 100.4 °F, clinical-criteria.md section 2). A question of several
    /// signs reads as its lead line, the instruction "Answer yes if any of these is true.", one sign a line, then its note.
    /// Where the note depends on the report (3.0's <c>woundDischarge</c>), the text without a report carries the last note
    /// of the document: from day 91, "clear, watery fluid counts here too", the reading that misses no leak when the leak
    /// question is not asked (<see cref="TextIn(Texts.Internal.TextCatalogue, decimal, SurgeryRegion?, int)"/> picks the report's).
    /// </summary>
    internal string TextIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius = DefaultFeverCelsius) =>
        Join(catalogue, feverCelsius, Notes.Count == 0 ? [] : [.. Notes.Where(n => ReferenceEquals(n.When, When.Always)).Select(n => n.TextKey).DefaultIfEmpty(Notes[^1].TextKey)]);

    /// <summary>The question's text for a report of a surgery region and day count: the notes whose condition holds for it.</summary>
    internal string TextIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius, SurgeryRegion? region, int daysSinceSurgery) =>
        Join(catalogue, feverCelsius, [.. Notes.Where(n => Engine.Internal.Facts.HoldsOnSurgery(n.When, region, daysSinceSurgery)).Select(n => n.TextKey)]);

    /// <summary>The key of the instruction between a lead and its signs.</summary>
    internal const string AnyOfTheseKey = "question.anyOfThese@3.0";

    private string Join(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius, IReadOnlyList<string> noteKeys)
    {
        (string, string)[] values = [("feverCelsius", catalogue.Number(feverCelsius)), ("feverFahrenheit", catalogue.Number((feverCelsius * 9 / 5) + 32))];
        var lead = catalogue.FormatAny(TextKey, values);
        if (SignKeys.Count == 0 && noteKeys.Count == 0)
        {
            return lead;
        }

        var lines = new List<string> { lead };
        if (SignKeys.Count > 0)
        {
            lines.Add(catalogue.Get(AnyOfTheseKey));
            lines.AddRange(SignKeys.Select(k => "- " + catalogue.FormatAny(k, values)));
        }

        lines.AddRange(noteKeys.Select(k => catalogue.FormatAny(k, values)));
        return string.Join('\n', lines);
    }

    /// <summary>The fever threshold the criteria give, quoted where no engine's threshold is known (issue 27: the engine's is quoted otherwise).</summary>
    internal const decimal DefaultFeverCelsius = 38.0m;

    /// <summary>
    /// Gets when a red-flag question counts as a red flag (<see cref="When.Always"/> but for <c>recentFallOrInjury</c> of
    /// rule set 2.0, whose yes alone reaches urgent only within 90 days of surgery): where it does not, its being unknown
    /// leaves the report complete, so that a yes never gives a lower urgency than "don't know" (safety property 6).
    /// </summary>
    internal Condition CountsAsRedFlagWhen { get; init; } = When.Always;

    /// <summary>
    /// Gets when the question counts as a red flag, in words: <c>always</c> for every red flag but
    /// <c>recentFallOrInjury</c> of rule set 2.0 (<c>within 90 days (days since surgery ≤ 90)</c>), and <c>never</c> for a
    /// question that is not a red flag.
    /// </summary>
    public string RedFlagApplicability => IsRedFlag ? CountsAsRedFlagWhen.Description : "never";

    /// <summary>
    /// Gets when the question applies, in words: <c>always</c>, or the derived fact it depends on, for example
    /// <c>neck surgery possible (surgeryRegion cervical or surgeryRegion not given)</c>. A question that does not apply
    /// to a report is not asked and its being unknown leaves the report complete; a yes to it still counts.
    /// <see cref="RuleSet.Applicability(QuestionId, SurgeryRegion?, int)"/> tells whether it applies to a report, and why.
    /// </summary>
    public string Applicability => AppliesWhen.Description;
}

/// <summary>A note shown after a question's signs when its condition on the surgery holds.</summary>
/// <param name="TextKey">The key of the note's text.</param>
/// <param name="When">When it is shown: a condition on the surgery region and the days since surgery.</param>
internal sealed record QuestionNote(string TextKey, Condition When);
