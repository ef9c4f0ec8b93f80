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

    private readonly IReadOnlyList<string> _signs = Results.ValueList<string>.Empty;
    private readonly IReadOnlyList<string> _signKeys = Results.ValueList<string>.Empty;

    /// <summary>Gets the key of the question's text in the text catalogue: <c>question.{JsonId}.text</c> unless a rule set rewords it.</summary>
    internal string TextKey { get; init; } = $"question.{JsonId}.text";

    /// <summary>
    /// Gets the registry key of <see cref="Lead"/> (<see cref="Texts.TextRegistry"/>), for example
    /// <c>question.neckSwellingOrAirway.text</c> or <c>question.newOrWorseningLimbWeakness.text@2.0</c>.
    /// </summary>
    public string LeadKey => TextKey;

    /// <summary>
    /// Gets the question's lead: the whole question for a question of one sign, else the line that introduces its list of
    /// <see cref="Signs"/> (for example <c>Is any of these true for you?</c>). <see cref="Text"/> joins them.
    /// </summary>
    public string Lead { get; init; } = string.Empty;

    /// <summary>Gets the signs a question names, one a line after <see cref="Lead"/>; empty for a question of one sign.</summary>
    public IReadOnlyList<string> Signs { get => _signs; init => _signs = Results.ValueList<string>.CopyOf(value); }

    /// <summary>Gets the registry key of each sign of <see cref="Signs"/>, in the same order.</summary>
    public IReadOnlyList<string> SignKeys { get => _signKeys; init => _signKeys = Results.ValueList<string>.CopyOf(value); }

    /// <summary>
    /// Gets how to answer a question of several signs, shown between the lead and its signs: <c>Answer yes if any of these
    /// is true.</c> (key <see cref="AnswerHintKey"/>); <see langword="null"/> for a question of one sign.
    /// </summary>
    public string? AnswerHint { get; init; }

    /// <summary>Gets the registry key of <see cref="AnswerHint"/> (<c>question.answerYesIfAny</c>), or <see langword="null"/> when there is none.</summary>
    public string? AnswerHintKey => SignKeys.Count == 0 ? null : AnswerYesIfAnyKey;

    /// <summary>
    /// Gets the note shown after the signs, or <see langword="null"/> (rule set 3.0's <c>woundDischarge</c> and
    /// <c>saddleNumbness</c>). Where the note depends on the report (3.0's <c>woundDischarge</c>: up to day 90 and from day 91),
    /// the question without a report carries the last note of the document, the reading that misses no leak when the leak
    /// question is not asked; <see cref="RuleSet.QuestionText"/> gives the report's.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>Gets the registry key of <see cref="Note"/>, or <see langword="null"/> when there is none.</summary>
    public string? NoteKey { get; init; }

    /// <summary>Gets the notes shown after the signs, each when its condition on the surgery holds (3.0: the <c>woundDischarge</c> note up to day 90 and from day 91).</summary>
    internal IReadOnlyList<QuestionNote> Notes { get; init; } = Array.Empty<QuestionNote>();

    /// <summary>
    /// Gets whether the question is asked of clinicians only (<c>"askedBy": "clinician"</c> in the rule-set document; rule
    /// set 3.0's <c>imagingShowsHardwareProblem</c>): a patient interview never asks it, so it does not apply to a patient's
    /// report (<see cref="RuleSet.Applicability(QuestionId, SurgeryRegion?, int)"/>) and, unknown, cannot keep a triage
    /// from being settled. A front end may still send its answer, which counts in full.
    /// </summary>
    public bool IsClinicianOnly { get; init; }

    /// <summary>The key of the instruction between a lead and its signs.</summary>
    internal const string AnswerYesIfAnyKey = "question.answerYesIfAny";

    /// <summary>
    /// The question worded in a catalogue: its lead, hint, signs and note, and <see cref="Text"/> joining them, one a line
    /// (the lead, the instruction "Answer yes if any of these is true.", each sign after "- ", then the note:
    /// clinical-criteria-3.0.md section 3). The fever question names the engine's fever threshold in both units, written
    /// as the language writes numbers (default 38.0 °C / 100.4 °F, clinical-criteria.md section 2), wherever its texts place it.
    /// </summary>
    internal Question WordedIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius = DefaultFeverCelsius) =>
        WordedIn(catalogue, feverCelsius, Notes.Count == 0 ? null : Notes.Where(n => ReferenceEquals(n.When, When.Always)).Select(n => n.TextKey).DefaultIfEmpty(Notes[^1].TextKey).First());

    /// <summary>The question worded for a report of a surgery region and day count: with the note whose condition holds for it.</summary>
    internal Question WordedIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius, SurgeryRegion? region, int daysSinceSurgery) =>
        WordedIn(catalogue, feverCelsius, Notes.Where(n => Engine.Internal.Facts.HoldsOnSurgery(n.When, region, daysSinceSurgery)).Select(n => n.TextKey).FirstOrDefault());

    /// <summary>The question's joined text in a catalogue (<see cref="WordedIn(Texts.Internal.TextCatalogue, decimal)"/>).</summary>
    internal string TextIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius = DefaultFeverCelsius) => WordedIn(catalogue, feverCelsius).Text;

    /// <summary>The question's joined text for a report of a surgery region and day count.</summary>
    internal string TextIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius, SurgeryRegion? region, int daysSinceSurgery) =>
        WordedIn(catalogue, feverCelsius, region, daysSinceSurgery).Text;

    private Question WordedIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius, string? noteKey)
    {
        var lead = Fill(catalogue, TextKey, feverCelsius);
        var signs = SignKeys.Select(k => Fill(catalogue, k, feverCelsius)).ToArray();
        var hint = signs.Length == 0 ? null : catalogue.Get(AnswerYesIfAnyKey);
        var note = noteKey is null ? null : Fill(catalogue, noteKey, feverCelsius);
        IEnumerable<string> lines = [lead, .. hint is null ? [] : new[] { hint }, .. signs.Select(sign => "- " + sign), .. note is null ? [] : new[] { note }];
        return this with
        {
            Lead = lead,
            Signs = signs,
            AnswerHint = hint,
            Note = note,
            NoteKey = noteKey,
            Text = string.Join('\n', lines),
        };
    }

    private static string Fill(Texts.Internal.TextCatalogue catalogue, string key, decimal feverCelsius) =>
        catalogue.FormatAny(key, ("feverCelsius", catalogue.Number(feverCelsius)), ("feverFahrenheit", catalogue.Number((feverCelsius * 9 / 5) + 32)));

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
