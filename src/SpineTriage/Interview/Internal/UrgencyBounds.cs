using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Interview.Internal;

/// <summary>
/// The lowest and highest urgency a report can still reach when the questions absent from it are answered:
/// the stop rule of an interview, and the reference that <see cref="TriageResult.IsSettled"/> is tested against.
/// </summary>
/// <remarks>
/// Rule set 1.0 is monotonic in the answers: a yes never gives a lower urgency than no or "don't know", and a "don't
/// know" never a lower one than no (an unknown red flag alone is urgent, a red flag answered yes at least urgent). So
/// the urgency with every absent question answered yes bounds every way of answering them from above, and with every
/// one answered no from below; when the two are equal no answer can change the urgency. A temperature or pain score
/// that may still be asked counts at its highest for the upper bound and at its lowest for the lower one (a temperature
/// below any threshold, which is lower than none: it settles a fever answered "don't know" as absent; no pain score).
/// The safety property tests check these bounds against random completions of random reports.
/// </remarks>
internal static class UrgencyBounds
{
    /// <summary>The highest plausible temperature (contract.md): a fever at any allowed threshold.</summary>
    private static readonly Temperature Hottest = Temperature.Celsius(45.0m);

    /// <summary>
    /// The lowest plausible temperature: below any allowed threshold. Lower than no temperature at all, because a
    /// measured temperature below the threshold settles a fever answered "don't know" as absent.
    /// </summary>
    private static readonly Temperature Coldest = Temperature.Celsius(30.0m);

    /// <summary>
    /// The urgency with every absent question answered no, an open temperature at its lowest, and the other
    /// measurements as they stand (no pain score is the lowest: the rules test only "at least" a score).
    /// </summary>
    public static Urgency Lowest(TriageEngine engine, ValidatedReport report, bool openTemperature) =>
        engine.UrgencyOf(report, Answer.No, openTemperature ? Coldest : report.Report.Temperature, report.Report.PainScore);

    /// <summary>The urgency with every absent question answered yes, and the open measurements at their highest.</summary>
    public static Urgency Highest(TriageEngine engine, ValidatedReport report, bool openTemperature, bool openPainScore) =>
        engine.UrgencyOf(report, Answer.Yes, openTemperature ? Hottest : report.Report.Temperature, openPainScore ? 10 : report.Report.PainScore);
}
