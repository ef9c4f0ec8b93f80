using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.TestSupport;

/// <summary>Builders for reports, so a test states only what matters to it.</summary>
public static class ReportBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public static readonly DateOnly SurgeryDate = new(2026, 9, 1);

    /// <summary>An engine of rule set 1.0 (whatever rule set <paramref name="options"/> name), its clock at <see cref="Today"/>.</summary>
    public static TriageEngine EngineV1(TriageEngineOptions? options = null) =>
        new((options ?? TriageEngineOptions.Default) with { RuleSet = RuleSets.V1 }, TestClock.At(Today));

    /// <summary>An engine of rule set 2.0 (whatever rule set <paramref name="options"/> name), its clock at <see cref="Today"/>.</summary>
    public static TriageEngine EngineV2(TriageEngineOptions? options = null) =>
        new((options ?? TriageEngineOptions.Default) with { RuleSet = RuleSets.V2 }, TestClock.At(Today));

    /// <summary>The questions of rule set 2.0 in its asking order.</summary>
    public static IReadOnlyList<Question> QuestionsV2 { get; } = EngineV2().RuleSet.Questions;

    /// <summary>Every red flag of rule set 1.0 answered no: a report that triages to self care under rule set 1.0 unless a test changes it.</summary>
    public static SymptomReport AllRedFlagsDenied() => new()
    {
        SurgeryDate = SurgeryDate,
        AssessedOn = Today,
        Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Select(q => KeyValuePair.Create(q.Id, Answer.No))),
    };

    /// <summary>
    /// Every red flag of rule set 2.0 answered no, on <paramref name="daysSinceSurgery"/> (default: day 84, past the
    /// early period and within 90 days) with the region given (default: not given, so the neck questions apply): a report
    /// that triages to self care under rule set 2.0 unless a test changes it.
    /// </summary>
    public static SymptomReport AllRedFlagsDeniedV2(int daysSinceSurgery = 84, SurgeryRegion? region = null) => new()
    {
        SurgeryDate = Today.AddDays(-daysSinceSurgery),
        AssessedOn = Today,
        SurgeryRegion = region,
        Answers = AnswerSet.From(QuestionsV2.Where(q => q.IsRedFlag).Select(q => KeyValuePair.Create(q.Id, Answer.No))),
    };

    /// <summary>The report with the dates moved so that it is assessed on day <paramref name="daysSinceSurgery"/>.</summary>
    public static SymptomReport OnDay(this SymptomReport report, int daysSinceSurgery) =>
        report with { SurgeryDate = Today.AddDays(-daysSinceSurgery), AssessedOn = Today };

    /// <summary>The report with its answer to <paramref name="question"/> removed (not asked).</summary>
    public static SymptomReport Without(this SymptomReport report, QuestionId question) =>
        report with { Answers = AnswerSet.From(report.Answers.Where(a => a.Key != question)) };

    public static SymptomReport With(this SymptomReport report, QuestionId question, Answer answer) =>
        report with { Answers = report.Answers.With(question, answer) };

    public static SymptomReport Yes(this SymptomReport report, params QuestionId[] questions) =>
        questions.Aggregate(report, (r, q) => r.With(q, Answer.Yes));

    public static TriageResult Evaluate(this ITriageEngine engine, SymptomReport report)
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
