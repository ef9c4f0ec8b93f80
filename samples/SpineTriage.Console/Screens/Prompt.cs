using SpineTriage.Reports;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>What a prompt of the console interview asks for: the dates and the region (the console's own), then the library's items.</summary>
internal enum PromptKind
{
    SurgeryDate,
    AssessmentDate,

    /// <summary>Whether the operation included any part of the neck (rule sets whose questions depend on the region).</summary>
    NeckRegion,

    /// <summary>After "no" to the neck: which part of the back.</summary>
    BackRegion,
    Temperature,
    PainScore,
    Question,
}

/// <summary>One thing the console interview asks: a date, a measurement or a question of the catalogue.</summary>
/// <param name="Kind">What is asked.</param>
/// <param name="Text">The question to show.</param>
/// <param name="Choices">What may be answered, for example <c>y = yes, n = no, d = don't know</c>.</param>
/// <param name="Question">The catalogue question, for <see cref="PromptKind.Question"/>.</param>
/// <param name="Number">For a question, its number among the questions that apply to this patient, from 1.</param>
/// <param name="Count">For a question, how many questions apply to this patient.</param>
internal sealed record Prompt(PromptKind Kind, string Text, string Choices, Question? Question = null, int Number = 0, int Count = 0);

/// <summary>How the interview took a reply.</summary>
internal enum ReplyKind
{
    /// <summary>The reply was taken; the interview moved on (or is over).</summary>
    Accepted,

    /// <summary>The reply was not understood, or not accepted; a step is asked again.</summary>
    Invalid,

    /// <summary>The interview stopped without a result: the input ended, or too many replies were invalid.</summary>
    Aborted,
}

/// <summary>How the interview took a reply, and why when it did not.</summary>
/// <param name="Kind">Accepted, invalid or aborted.</param>
/// <param name="Message">Why the reply was invalid or the interview aborted.</param>
internal sealed record Reply(ReplyKind Kind, string Message = "")
{
    public static Reply Accepted { get; } = new(ReplyKind.Accepted);
}
