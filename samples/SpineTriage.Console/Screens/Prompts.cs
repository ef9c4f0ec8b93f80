using System.Text.RegularExpressions;
using SpineTriage.Texts;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// The console interview's texts in one language, read from the library's text registry (<see cref="TextRegistry"/>,
/// keys <c>prompt.*</c> and <c>label.prompt.*</c>, docs/texts.md): the console keeps no words of its own. Texts with one
/// <c>{placeholder}</c> are filled by <see cref="With"/>. The interview and its screens take one of these, so no logic
/// is written twice.
/// </summary>
internal sealed partial class Prompts
{
    private Prompts(ConsoleLanguage language)
    {
        var texts = TextRegistry.For(language.Code());
        Language = language;
        Registry = texts;
        PlainTitle = texts.Get("prompt.plainTitle");
        TerminalTitle = texts.Get("prompt.terminalTitle");
        NotADiagnosis = texts.Get("prompt.notADiagnosis");
        Emergency = texts.Get("prompt.emergency");
        AnswerEach = texts.Raw("prompt.answerEach");
        SurgeryDate = texts.Get("prompt.surgeryDate");
        AssessmentDate = texts.Get("prompt.assessmentDate");
        Neck = texts.Get("prompt.neck");
        Back = texts.Get("prompt.back");
        InputEnded = texts.Get("prompt.inputEnded");
        ReplyTooLong = texts.Raw("prompt.replyTooLong");
        TooManyInvalid = texts.Raw("prompt.tooManyInvalid");
        SurgeryDateFormat = texts.Get("prompt.surgeryDateFormat");
        AssessmentDateFormat = texts.Get("prompt.assessmentDateFormat");
        BothDatesAgain = texts.Get("prompt.bothDatesAgain");
        AnswerChoices = texts.Raw("prompt.answerChoices");
        TemperatureFormat = texts.Get("prompt.temperatureFormat");
        PainFormat = texts.Get("prompt.painFormat");
        NotUnderstood = texts.Get("label.prompt.notUnderstood");
        Settled = texts.Raw("prompt.settled");
        Answers = texts.Get("label.prompt.answerChoices");
        NeckChoices = texts.Get("label.prompt.neckChoices");
        BackChoices = texts.Get("label.prompt.backChoices");
        SurgeryDateHint = texts.Get("label.prompt.surgeryDateHint");
        AssessmentDateHint = texts.Raw("label.prompt.assessmentDateHint");
        TemperatureHint = texts.Get("label.prompt.temperatureHint");
        PainHint = texts.Get("label.prompt.painHint");
    }

    /// <summary>Gets the English texts.</summary>
    public static Prompts English { get; } = new(ConsoleLanguage.English);

    /// <summary>Gets the Spanish texts (usted; translation to be reviewed by a qualified medical translator before clinical use).</summary>
    public static Prompts Spanish { get; } = new(ConsoleLanguage.Spanish);

    /// <summary>Gets the language of the texts, which is also the language replies are read in.</summary>
    public ConsoleLanguage Language { get; }

    /// <summary>Gets the library's registry in this language.</summary>
    public TextRegistry Registry { get; }

    /// <summary>Gets the title of the plain (piped) interview (<c>prompt.plainTitle</c>).</summary>
    public string PlainTitle { get; }

    /// <summary>Gets the title of the terminal interview (<c>prompt.terminalTitle</c>).</summary>
    public string TerminalTitle { get; }

    /// <summary>Gets the line that this is not a diagnosis (<c>prompt.notADiagnosis</c>).</summary>
    public string NotADiagnosis { get; }

    /// <summary>Gets the emergency line (<c>prompt.emergency</c>).</summary>
    public string Emergency { get; }

    /// <summary>Gets how to answer each question; one placeholder, the choices (<c>prompt.answerEach</c>).</summary>
    public string AnswerEach { get; }

    /// <summary>Gets the surgery-date prompt (<c>prompt.surgeryDate</c>).</summary>
    public string SurgeryDate { get; }

    /// <summary>Gets the assessment-date prompt (<c>prompt.assessmentDate</c>).</summary>
    public string AssessmentDate { get; }

    /// <summary>Gets the neck prompt (<c>prompt.neck</c>).</summary>
    public string Neck { get; }

    /// <summary>Gets the back prompt (<c>prompt.back</c>).</summary>
    public string Back { get; }

    /// <summary>Gets the message when the input ends early (<c>prompt.inputEnded</c>).</summary>
    public string InputEnded { get; }

    /// <summary>Gets the message of a reply too long; one placeholder, the limit (<c>prompt.replyTooLong</c>).</summary>
    public string ReplyTooLong { get; }

    /// <summary>Gets the message after too many replies not understood; one placeholder, the count (<c>prompt.tooManyInvalid</c>).</summary>
    public string TooManyInvalid { get; }

    /// <summary>Gets the surgery-date format message (<c>prompt.surgeryDateFormat</c>).</summary>
    public string SurgeryDateFormat { get; }

    /// <summary>Gets the assessment-date format message (<c>prompt.assessmentDateFormat</c>).</summary>
    public string AssessmentDateFormat { get; }

    /// <summary>Gets the message asking for both dates again (<c>prompt.bothDatesAgain</c>).</summary>
    public string BothDatesAgain { get; }

    /// <summary>Gets the message naming the choices; one placeholder, the choices (<c>prompt.answerChoices</c>).</summary>
    public string AnswerChoices { get; }

    /// <summary>Gets the temperature format message (<c>prompt.temperatureFormat</c>).</summary>
    public string TemperatureFormat { get; }

    /// <summary>Gets the pain-score format message (<c>prompt.painFormat</c>).</summary>
    public string PainFormat { get; }

    /// <summary>Gets the label before the reason a reply was not understood (<c>label.prompt.notUnderstood</c>; scripts look for it).</summary>
    public string NotUnderstood { get; }

    /// <summary>Gets the line when the interview stops early; one placeholder, the urgency (<c>prompt.settled</c>).</summary>
    public string Settled { get; }

    /// <summary>Gets the choices at a yes/no/don't-know question, for example <c>y = yes, n = no, d = don't know</c>.</summary>
    public string Answers { get; }

    /// <summary>Gets the choices at the neck prompt.</summary>
    public string NeckChoices { get; }

    /// <summary>Gets the choices at the back prompt.</summary>
    public string BackChoices { get; }

    /// <summary>Gets the hint at the surgery date.</summary>
    public string SurgeryDateHint { get; }

    /// <summary>Gets the hint at the assessment date; one placeholder, today's date.</summary>
    public string AssessmentDateHint { get; }

    /// <summary>Gets the hint at the temperature.</summary>
    public string TemperatureHint { get; }

    /// <summary>Gets the hint at the pain score.</summary>
    public string PainHint { get; }

    /// <summary>Gets the texts of a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The texts.</returns>
    public static Prompts For(ConsoleLanguage language) => language == ConsoleLanguage.Spanish ? Spanish : English;

    /// <summary>Fills the one placeholder of a text (whatever its name) with a value.</summary>
    /// <param name="text">A text with one <c>{placeholder}</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The text filled.</returns>
    public static string With(string text, string value) => Placeholder().Replace(text, value.Replace("$", "$$", StringComparison.Ordinal));

    [GeneratedRegex(@"\{[A-Za-z0-9]+\}")]
    private static partial Regex Placeholder();
}
