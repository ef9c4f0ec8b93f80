namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// The console interview's own texts, in one place so that their readability is tested
/// (PromptReadabilityTests of the console tests: each Flesch-Kincaid grade 8 or below, mean 6 or below, issue 11). The questions, measurement prompts and results come from the library's text catalogue (docs/texts.md).
/// Texts with <c>{0}</c> take one value (a number, an urgency name or a list of choices).
/// </summary>
internal static class PromptTexts
{
    public const string PlainTitle = "SpineTriage: what to do after spine surgery with an implant. This helps you decide. It is not a diagnosis.";

    public const string TerminalTitle = "SpineTriage: what to do after spine surgery with an implant";

    public const string NotADiagnosis = "This helps you decide what to do. It is not a diagnosis.";

    public const string Emergency = "If you have an emergency, call for an ambulance now.";

    public const string AnswerEach = "Answer each question {0}.";

    public const string SurgeryDate = "On what date was the operation?";

    public const string AssessmentDate = "On what date are the symptoms assessed?";

    public const string Neck = "Did your operation include any part of your neck?";

    public const string Back = "Which part of your back was operated on?";

    public const string InputEnded = "The input ended before the interview was complete, so no triage was given.";

    public const string ReplyTooLong = "Your reply is longer than {0} characters, so it was not read. Please answer briefly.";

    public const string TooManyInvalid = "{0} replies in a row were not understood, so the interview stopped without a triage.";

    public const string SurgeryDateFormat = "Please give the date as yyyy-MM-dd, for example 2026-09-01.";

    public const string AssessmentDateFormat = "Please give the date as yyyy-MM-dd, or leave it blank for today.";

    public const string BothDatesAgain = "Please give both dates again, starting with the date of the operation.";

    public const string AnswerChoices = "Please answer {0}.";

    public const string TemperatureFormat = "Please give the temperature with its unit, for example 38.4 C or 100.9 F. Leave it blank (or n) if you did not measure it.";

    public const string PainFormat = "Please give a whole number from 0 to 10, or leave it blank.";

    /// <summary>The label before the reason a reply was not understood (scripts look for it; measured with a reason after it).</summary>
    public const string NotUnderstood = "Not understood:";

    /// <summary>Fills the one value of a text with <c>{0}</c>.</summary>
    public static string With(string text, string value) => text.Replace("{0}", value, StringComparison.Ordinal);

    public const string Settled = "No further answer can change the urgency ({0}). So the rest of the questions were not asked.";
}
