using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>How an interview is shown and read: a thin front-end over <see cref="Conversation"/>.</summary>
internal interface IInterviewScreen
{
    /// <summary>Shows what the interview is, before the first question.</summary>
    void Introduce();

    /// <summary>Asks one prompt.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <returns>The line typed, or <see langword="null"/> at the end of the input.</returns>
    string? Ask(Prompt prompt);

    /// <summary>Says why a reply was not understood; the same prompt (or, after dates in the wrong order, the surgery date) is asked again.</summary>
    /// <param name="message">What is wrong with the reply.</param>
    void Reject(string message);

    /// <summary>Says that the interview stopped without a result.</summary>
    /// <param name="reason">Why.</param>
    void Abort(string reason);

    /// <summary>Shows the result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set that gave it.</param>
    /// <param name="stoppedEarly">Whether questions were left out because no answer could raise the urgency.</param>
    void Show(TriageResult result, RuleSet ruleSet, bool stoppedEarly);
}
