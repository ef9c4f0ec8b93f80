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
    public static Urgency Lowest(ITriageEngine engine, ValidatedReport report, bool openTemperature) =>
        UrgencyOf(engine, report, Answer.No, openTemperature ? Coldest : report.Report.Temperature, report.Report.PainScore) ?? Urgency.SelfCare;

    /// <summary>The urgency with every absent question answered yes, and the open measurements at their highest.</summary>
    public static Urgency Highest(ITriageEngine engine, ValidatedReport report, bool openTemperature, bool openPainScore) =>
        UrgencyOf(engine, report, Answer.Yes, openTemperature ? Hottest : report.Report.Temperature, openPainScore ? 10 : report.Report.PainScore) ?? Urgency.Emergency;

    /// <summary>
    /// The urgency the engine gives the report completed: each applicable question absent from it answered
    /// <paramref name="absentAs"/>, with the given temperature and pain score, assessed on the same day. Read through
    /// <see cref="ITriageEngine"/> only, so any engine (or test double) bounds its own interview.
    /// <see langword="null"/> when the engine rejects the completed report: the bounds then stay apart (fail closed,
    /// the interview goes on asking).
    /// </summary>
    private static Urgency? UrgencyOf(ITriageEngine engine, ValidatedReport report, Answer absentAs, Temperature? temperature, int? painScore)
    {
        var open = new List<Question>();
        var applicability = engine.RuleSet.Applicability(report);
        for (var i = 0; i < applicability.Count; i++)
        {
            if (applicability[i].Applies && !report.Report.Answers.IsGiven(applicability[i].Question))
            {
                open.Add(engine.RuleSet.Questions[i]);
            }
        }

        var completed = report.Report with
        {
            AssessedOn = report.AssessedOn,
            Answers = report.Report.Answers.WithNotGivenAs(absentAs, open),
            Temperature = temperature,
            PainScore = painScore,
        };
        return engine.Validate(completed).TryGetValue(out var validated) ? engine.Evaluate(validated).Urgency : null;
    }
}
