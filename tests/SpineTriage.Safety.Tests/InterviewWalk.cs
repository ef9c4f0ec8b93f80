using SpineTriage.Engine;
using SpineTriage.Reports;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// Whether a question applies to a report, as the interview tests read it.
/// </summary>
internal static class InterviewWalk
{
    internal static bool Applies(ITriageEngine engine, SymptomReport report, QuestionId question) =>
        engine.RuleSet.Applicability(question, report.SurgeryRegion, AssessedOn(engine, report).DayNumber - report.SurgeryDate.DayNumber).Applies;

    // A report without an assessment date is assessed on the engine's today (the local date of its clock).
    private static DateOnly AssessedOn(ITriageEngine engine, SymptomReport report) =>
        report.AssessedOn ?? DateOnly.FromDateTime(engine.TimeProvider.GetLocalNow().DateTime);
}
