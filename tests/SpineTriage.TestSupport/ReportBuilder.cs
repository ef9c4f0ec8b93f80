using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.TestSupport;

/// <summary>Builders for reports, so a test states only what matters to it.</summary>
public static class ReportBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public static readonly DateOnly SurgeryDate = new(2026, 9, 1);

    public static TriageEngine Engine(TriageEngineOptions? options = null) => new(options, TestClock.At(Today));

    /// <summary>Every red flag answered no: a report that triages to self care unless a test changes it.</summary>
    public static SymptomReport AllRedFlagsDenied() => new()
    {
        SurgeryDate = SurgeryDate,
        AssessedOn = Today,
        Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Select(q => KeyValuePair.Create(q.Id, Answer.No))),
    };

    public static SymptomReport With(this SymptomReport report, QuestionId question, Answer answer) =>
        report with { Answers = report.Answers.With(question, answer) };

    public static SymptomReport Yes(this SymptomReport report, params QuestionId[] questions) =>
        questions.Aggregate(report, (r, q) => r.With(q, Answer.Yes));

    public static TriageResult Evaluate(this TriageEngine engine, SymptomReport report)
    {
        var outcome = engine.Triage(report);
        if (!outcome.IsSuccess)
        {
            throw new InvalidOperationException("Test report is invalid (a bug in the test or the generator): " + string.Join("; ", outcome.Errors));
        }

        return outcome.Value;
    }

    public static IEnumerable<string> RuleIds(this TriageResult result) => result.Findings.Select(f => f.RuleId);
}
