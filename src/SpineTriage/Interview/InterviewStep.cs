using System.Diagnostics.CodeAnalysis;
using SpineTriage.Results;

namespace SpineTriage.Interview;

/// <summary>
/// What <see cref="TriageInterview.Next(Reports.SymptomReport)"/> says about a partial report: the item to ask next, or that the triage is
/// settled; with the provisional result either way.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class InterviewStep
{
    internal InterviewStep(InterviewItem? ask, TriageResult result, bool stoppedEarly, int remainingAtMost = 0)
    {
        Ask = ask;
        Result = result;
        StoppedEarly = stoppedEarly;
        RemainingAtMost = ask is null ? 0 : remainingAtMost;
    }

    /// <summary>Gets the item to ask next, or <see langword="null"/> when the triage is settled.</summary>
    public InterviewItem? Ask { get; }

    /// <summary>Gets whether the interview is over: nothing is left to ask, or no further answer can change the urgency.</summary>
    [MemberNotNullWhen(false, nameof(Ask))]
    public bool IsSettled => Ask is null;

    /// <summary>Gets whether the interview is over although items are left that were not asked, because no answer to them could change the urgency.</summary>
    public bool StoppedEarly { get; }

    /// <summary>
    /// Gets how many items may still be asked, at most, counting <see cref="Ask"/>: every item that applies to the
    /// report and was not asked yet. The interview may stop sooner (the stop rule) and a measured fever answers the fever
    /// question, so fewer may be asked, never more. 0 when <see cref="IsSettled"/>. For a progress display: "question N,
    /// at most <c>RemainingAtMost - 1</c> more".
    /// </summary>
    public int RemainingAtMost { get; }

    /// <summary>
    /// Gets whether the surgery date is approximate: the step was asked for with a period
    /// (<see cref="TriageInterview.Next(Reports.SymptomReport, DateOnly)"/>), and the result reads the most recent date of it.
    /// Tell the patient so with the result.
    /// </summary>
    public bool IsSurgeryDateApproximate { get; internal init; }

    /// <summary>
    /// Gets the result of the report as it stands, questions not yet asked counting as unknown (so an unasked red flag
    /// gives at least urgent). When <see cref="IsSettled"/>, it is the interview's result.
    /// </summary>
    public TriageResult Result { get; }

    /// <summary>Names the item to ask next, or that the interview is settled with its urgency; never a reply (patient data).</summary>
    /// <returns>For example <c>InterviewStep: ask 3: question newOrWorseningLimbWeakness (red flag)</c> or <c>InterviewStep: settled, urgent</c>.</returns>
    public override string ToString() => IsSettled
        ? $"InterviewStep: settled, {TriageResult.UrgencyText(Result.Urgency)}{(StoppedEarly ? " (stopped early)" : "")}"
        : $"InterviewStep: ask {Ask}";
}
