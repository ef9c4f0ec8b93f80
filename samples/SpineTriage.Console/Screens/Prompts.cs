namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// The console interview's own texts in one language: one property for each constant of <see cref="PromptTexts"/>
/// (English, from it) and <see cref="SpanishPromptTexts"/> (Spanish, from it), plus the choices and hints shown after
/// each prompt. The interview and its screens take one of these, so no logic is written twice.
/// </summary>
internal sealed class Prompts
{
    /// <summary>Gets the English texts (the interview's texts before languages, unchanged).</summary>
    public static Prompts English { get; } = new()
    {
        Language = ConsoleLanguage.English,
        PlainTitle = PromptTexts.PlainTitle,
        TerminalTitle = PromptTexts.TerminalTitle,
        NotADiagnosis = PromptTexts.NotADiagnosis,
        Emergency = PromptTexts.Emergency,
        AnswerEach = PromptTexts.AnswerEach,
        SurgeryDate = PromptTexts.SurgeryDate,
        AssessmentDate = PromptTexts.AssessmentDate,
        Neck = PromptTexts.Neck,
        Back = PromptTexts.Back,
        InputEnded = PromptTexts.InputEnded,
        ReplyTooLong = PromptTexts.ReplyTooLong,
        TooManyInvalid = PromptTexts.TooManyInvalid,
        SurgeryDateFormat = PromptTexts.SurgeryDateFormat,
        AssessmentDateFormat = PromptTexts.AssessmentDateFormat,
        BothDatesAgain = PromptTexts.BothDatesAgain,
        AnswerChoices = PromptTexts.AnswerChoices,
        TemperatureFormat = PromptTexts.TemperatureFormat,
        PainFormat = PromptTexts.PainFormat,
        NotUnderstood = PromptTexts.NotUnderstood,
        Settled = PromptTexts.Settled,
        Answers = ReplyParser.AnswerChoices,
        NeckChoices = ReplyParser.NeckChoices,
        BackChoices = ReplyParser.BackChoices,
        SurgeryDateHint = "yyyy-MM-dd",
        AssessmentDateHint = "yyyy-MM-dd, blank for today ({0})",
        TemperatureHint = "for example 38.4 C or 100.9 F; blank or n if not measured",
        PainHint = "0-10; blank to skip",
    };

    /// <summary>
    /// Gets the Spanish texts (usted; translation to be reviewed by a qualified medical translator before clinical use).
    /// The hints and choices are measured by SpanishPromptReadabilityTests.
    /// </summary>
    public static Prompts Spanish { get; } = new()
    {
        Language = ConsoleLanguage.Spanish,
        PlainTitle = SpanishPromptTexts.PlainTitle,
        TerminalTitle = SpanishPromptTexts.TerminalTitle,
        NotADiagnosis = SpanishPromptTexts.NotADiagnosis,
        Emergency = SpanishPromptTexts.Emergency,
        AnswerEach = SpanishPromptTexts.AnswerEach,
        SurgeryDate = SpanishPromptTexts.SurgeryDate,
        AssessmentDate = SpanishPromptTexts.AssessmentDate,
        Neck = SpanishPromptTexts.Neck,
        Back = SpanishPromptTexts.Back,
        InputEnded = SpanishPromptTexts.InputEnded,
        ReplyTooLong = SpanishPromptTexts.ReplyTooLong,
        TooManyInvalid = SpanishPromptTexts.TooManyInvalid,
        SurgeryDateFormat = SpanishPromptTexts.SurgeryDateFormat,
        AssessmentDateFormat = SpanishPromptTexts.AssessmentDateFormat,
        BothDatesAgain = SpanishPromptTexts.BothDatesAgain,
        AnswerChoices = SpanishPromptTexts.AnswerChoices,
        TemperatureFormat = SpanishPromptTexts.TemperatureFormat,
        PainFormat = SpanishPromptTexts.PainFormat,
        NotUnderstood = SpanishPromptTexts.NotUnderstood,
        Settled = SpanishPromptTexts.Settled,
        Answers = ReplyParser.SpanishAnswerChoices,
        NeckChoices = ReplyParser.SpanishNeckChoices,
        BackChoices = ReplyParser.SpanishBackChoices,
        SurgeryDateHint = "aaaa-MM-dd",
        AssessmentDateHint = "aaaa-MM-dd, en blanco para hoy ({0})",
        TemperatureHint = "por ejemplo 38,4 C o 100,9 F; en blanco o n si no se la tomó",
        PainHint = "de 0 a 10; en blanco para no responder",
    };

    /// <summary>Gets the language of the texts, which is also the language replies are read in.</summary>
    public required ConsoleLanguage Language { get; init; }

    /// <summary>Gets <see cref="PromptTexts.PlainTitle"/> in this language.</summary>
    public required string PlainTitle { get; init; }

    /// <summary>Gets <see cref="PromptTexts.TerminalTitle"/> in this language.</summary>
    public required string TerminalTitle { get; init; }

    /// <summary>Gets <see cref="PromptTexts.NotADiagnosis"/> in this language.</summary>
    public required string NotADiagnosis { get; init; }

    /// <summary>Gets <see cref="PromptTexts.Emergency"/> in this language.</summary>
    public required string Emergency { get; init; }

    /// <summary>Gets <see cref="PromptTexts.AnswerEach"/> in this language.</summary>
    public required string AnswerEach { get; init; }

    /// <summary>Gets <see cref="PromptTexts.SurgeryDate"/> in this language.</summary>
    public required string SurgeryDate { get; init; }

    /// <summary>Gets <see cref="PromptTexts.AssessmentDate"/> in this language.</summary>
    public required string AssessmentDate { get; init; }

    /// <summary>Gets <see cref="PromptTexts.Neck"/> in this language.</summary>
    public required string Neck { get; init; }

    /// <summary>Gets <see cref="PromptTexts.Back"/> in this language.</summary>
    public required string Back { get; init; }

    /// <summary>Gets <see cref="PromptTexts.InputEnded"/> in this language.</summary>
    public required string InputEnded { get; init; }

    /// <summary>Gets <see cref="PromptTexts.ReplyTooLong"/> in this language.</summary>
    public required string ReplyTooLong { get; init; }

    /// <summary>Gets <see cref="PromptTexts.TooManyInvalid"/> in this language.</summary>
    public required string TooManyInvalid { get; init; }

    /// <summary>Gets <see cref="PromptTexts.SurgeryDateFormat"/> in this language.</summary>
    public required string SurgeryDateFormat { get; init; }

    /// <summary>Gets <see cref="PromptTexts.AssessmentDateFormat"/> in this language.</summary>
    public required string AssessmentDateFormat { get; init; }

    /// <summary>Gets <see cref="PromptTexts.BothDatesAgain"/> in this language.</summary>
    public required string BothDatesAgain { get; init; }

    /// <summary>Gets <see cref="PromptTexts.AnswerChoices"/> in this language.</summary>
    public required string AnswerChoices { get; init; }

    /// <summary>Gets <see cref="PromptTexts.TemperatureFormat"/> in this language.</summary>
    public required string TemperatureFormat { get; init; }

    /// <summary>Gets <see cref="PromptTexts.PainFormat"/> in this language.</summary>
    public required string PainFormat { get; init; }

    /// <summary>Gets <see cref="PromptTexts.NotUnderstood"/> in this language.</summary>
    public required string NotUnderstood { get; init; }

    /// <summary>Gets <see cref="PromptTexts.Settled"/> in this language.</summary>
    public required string Settled { get; init; }

    /// <summary>Gets the choices at a yes/no/don't-know question, for example <c>y = yes, n = no, d = don't know</c>.</summary>
    public required string Answers { get; init; }

    /// <summary>Gets the choices at the neck prompt.</summary>
    public required string NeckChoices { get; init; }

    /// <summary>Gets the choices at the back prompt.</summary>
    public required string BackChoices { get; init; }

    /// <summary>Gets the hint at the surgery date.</summary>
    public required string SurgeryDateHint { get; init; }

    /// <summary>Gets the hint at the assessment date; <c>{0}</c> is today's date.</summary>
    public required string AssessmentDateHint { get; init; }

    /// <summary>Gets the hint at the temperature.</summary>
    public required string TemperatureHint { get; init; }

    /// <summary>Gets the hint at the pain score.</summary>
    public required string PainHint { get; init; }

    /// <summary>Gets the texts of a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The texts.</returns>
    public static Prompts For(ConsoleLanguage language) => language == ConsoleLanguage.Spanish ? Spanish : English;
}
