namespace SpineTriage.ConsoleHost.Screens;

/// <summary>Runs an <see cref="Conversation"/> on a screen until it gives a result or stops.</summary>
internal static class InterviewSession
{
    /// <summary>Asks until the interview is over.</summary>
    /// <param name="interview">The interview.</param>
    /// <param name="screen">The front-end.</param>
    /// <returns><see cref="ExitCodes.Success"/> with a result; <see cref="ExitCodes.InvalidInput"/> when it stopped without one.</returns>
    public static int Run(Conversation interview, IInterviewScreen screen)
    {
        screen.Introduce();
        while (interview.Current is { } prompt)
        {
            var reply = interview.Submit(screen.Ask(prompt));
            if (reply.Kind == ReplyKind.Invalid)
            {
                screen.Reject(reply.Message);
            }
        }

        if (interview.Result is { } result)
        {
            screen.Show(result, interview.RuleSet, interview.StoppedEarly);
            return ExitCodes.Success;
        }

        screen.Abort(interview.AbortReason!);
        return ExitCodes.InvalidInput;
    }
}
