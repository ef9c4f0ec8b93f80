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

    /// <summary>The question's text in a catalogue; the fever question names the engine's fever threshold in both units, written as the language writes numbers (default 38.0 °C / 100.4 °F, clinical-criteria.md section 2).</summary>
    internal string TextIn(Texts.Internal.TextCatalogue catalogue, decimal feverCelsius = DefaultFeverCelsius) =>
        catalogue.FormatAny(TextKey, ("feverCelsius", catalogue.Number(feverCelsius)), ("feverFahrenheit", catalogue.Number((feverCelsius * 9 / 5) + 32)));

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
