using System.Globalization;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;

namespace SpineTriage.Verification.Internal;

/// <summary>
/// One verification of one rule set: engines of it at its own thresholds and at the edges of the allowed ones (the
/// properties hold for any valid options), each with an interview, a second set of engines built again from the same
/// document, and the report generator, all on a fixed clock.
/// </summary>
internal sealed class VerificationRun
{
    /// <summary>The verification clock's today: every generated report is assessed around it.</summary>
    public static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly (decimal Fever, int Pain)[] Edges = [(37.5m, 6), (39.5m, 10), (38.3m, 7)];

    public VerificationRun(RuleSetEdition edition, TriageEngineOptions options)
    {
        Edition = edition;
        var clock = new FixedClock(Today);
        var variants = new[] { options }.Concat(Edges.Select(e => options with { FeverThresholdCelsius = e.Fever, SeverePainScore = e.Pain })).ToArray();
        Engines = [.. variants.Select(o => new TriageEngine(edition, o, clock))];
        Fresh = [.. variants.Select(o => new TriageEngine(edition, o, clock))];
        Interviews = [.. Engines.Select(e => new TriageInterview(e))];
        Generator = new ReportGenerator(edition, Today);
        Questions = Engines[0].RuleSet.Questions;
        Askable = [.. Interviews[0].Items.Where(i => i.QuestionId is not null).Select(i => i.QuestionId!.Value)];
        Overlap = VersionOverlap.For(edition);
        if (Overlap is not null)
        {
            var older = RuleSetEdition.Find(Overlap.Older)!;
            OlderLine = [.. variants.Select(o => new TriageEngine(older, o with { RuleSet = Overlap.Older }, clock))];
        }
    }

    /// <summary>Gets the overlap with the line before, for a shipped line after the first; otherwise <see langword="null"/>.</summary>
    public Overlap? Overlap { get; }

    /// <summary>Gets engines of the line before, with the same options as <see cref="Engines"/>, when there is an <see cref="Overlap"/>.</summary>
    public TriageEngine[]? OlderLine { get; }

    public RuleSetEdition Edition { get; }

    /// <summary>Gets the engines: the rule set's own thresholds first, then the edges.</summary>
    public TriageEngine[] Engines { get; }

    /// <summary>Gets engines built again with the same document and options, for determinism.</summary>
    public TriageEngine[] Fresh { get; }

    public TriageInterview[] Interviews { get; }

    public ReportGenerator Generator { get; }

    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Gets the questions an interview can ask (a clinician-only question is not one of them).</summary>
    public HashSet<QuestionId> Askable { get; }

    public static int DaysSinceSurgery(SymptomReport report) => (report.AssessedOn ?? Today).DayNumber - report.SurgeryDate.DayNumber;

    public static QuestionApplicability Applicability(ITriageEngine engine, SymptomReport report, QuestionId question) =>
        engine.RuleSet.Applicability(question, report.SurgeryRegion, DaysSinceSurgery(report));

    public static bool Applies(ITriageEngine engine, SymptomReport report, QuestionId question) => Applicability(engine, report, question).Applies;

    /// <summary>Validates and evaluates; a valid report refused throws, and the property fails with the error codes.</summary>
    public static TriageResult Evaluate(ITriageEngine engine, SymptomReport report)
    {
        var validated = engine.Validate(report);
        return validated.IsSuccess
            ? engine.Evaluate(validated.Value!)
            : throw new InvalidOperationException($"the generated report was refused ({string.Join(", ", validated.Errors.Select(e => $"{e.Path} {e.Code}"))})");
    }

    /// <summary>
    /// The red-flag questions that count as red flags for the report, apply and are answered neither yes nor no; a measured
    /// temperature answers the fever question (clinical-criteria.md section 2).
    /// </summary>
    public IEnumerable<Question> Unresolved(ITriageEngine engine, SymptomReport report) =>
        Questions.Where(q => Applicability(engine, report, q.Id) is { Applies: true, IsRedFlag: true }
            && report.Answers[q.Id] == Answer.Unknown
            && !(q.JsonId == "fever" && report.Temperature.HasValue));

    /// <summary>The report as a counterexample: the engine's thresholds and the generated report as JSON.</summary>
    public string Describe(Sample sample)
    {
        var ruleSet = Engines[sample.Engine].RuleSet;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"fever threshold {ruleSet.FeverThresholdCelsius} °C, severe pain {ruleSet.SeverePainScore}, today {Today:yyyy-MM-dd}: {TriageJson.SerializeReport(sample.Report)}");
    }

    /// <summary>How a report answers a question, in words.</summary>
    public static string Given(SymptomReport report, Question question) =>
        report.Answers.IsGiven(question.Id) ? Serialization.Internal.JsonNames.Of(report.Answers[question.Id]) : "not given";

    /// <summary>The absent questions the interview can ask answered as the patient would: those that apply as replied, the others as <paramref name="inapplicable"/> makes the reply (<see langword="null"/>: left absent).</summary>
    public AnswerSet Fill(ITriageEngine engine, SymptomReport report, Patient patient, Func<Answer, Answer?>? inapplicable)
    {
        var answers = report.Answers;
        foreach (var question in Questions.Where(q => !report.Answers.IsGiven(q.Id) && Askable.Contains(q.Id)))
        {
            var reply = Applies(engine, report, question.Id) ? patient.Answers[question.Id] : inapplicable?.Invoke(patient.Answers[question.Id]);
            answers = reply is { } answer ? answers.With(question.Id, answer) : answers;
        }

        return answers;
    }

    /// <summary>The partial report with every item not yet asked answered as the patient would (see <see cref="Fill"/>), measurements not skipped given.</summary>
    public SymptomReport Complete(ITriageEngine engine, SymptomReport partial, Patient patient, Func<Answer, Answer?>? inapplicable) => partial with
    {
        Answers = Fill(engine, partial, patient, inapplicable),
        Temperature = partial.Temperature ?? (partial.IsSkipped(Measurement.Temperature) ? null : patient.Temperature),
        PainScore = partial.PainScore ?? (partial.IsSkipped(Measurement.PainScore) ? null : patient.PainScore),
    };

    /// <summary>
    /// Asks and answers as the patient would, up to <paramref name="maxSteps"/> items or until settled; says what went wrong
    /// when the interview asks a question that does not apply, asks an item twice or does not end.
    /// </summary>
    public static (InterviewStep Step, List<string> Asked, SymptomReport Partial, string? Failure) Follow(TriageInterview interview, SymptomReport partial, Patient patient, int maxSteps = int.MaxValue)
    {
        var asked = new List<string>();
        for (var i = 0; ; i++)
        {
            var step = interview.Next(partial).GetValueOrThrow();
            if (step.IsSettled || i == maxSteps)
            {
                return (step, asked, partial, null);
            }

            var item = step.Ask!;
            if (interview.IsAsked(item, partial))
            {
                return (step, asked, partial, $"the interview asked {item.JsonName} again");
            }

            if (item.QuestionId is { } question && !Applies(interview.Engine, partial, question))
            {
                return (step, asked, partial, $"the interview asked {item.JsonName}, which does not apply (after {string.Join(", ", asked)})");
            }

            asked.Add(item.JsonName);
            if (asked.Count > interview.Items.Count)
            {
                return (step, asked, partial, "the interview did not end");
            }

            partial = item.Kind switch
            {
                InterviewItemKind.Temperature => patient.Temperature is { } t ? partial with { Temperature = t } : partial with { Skipped = [.. partial.Skipped, Measurement.Temperature] },
                InterviewItemKind.PainScore => patient.PainScore is { } p ? partial with { PainScore = p } : partial with { Skipped = [.. partial.Skipped, Measurement.PainScore] },
                _ => partial with { Answers = partial.Answers.With(item.QuestionId!.Value, patient.Answers[item.QuestionId!.Value]) },
            };
        }
    }
}

/// <summary>One generated example: which engine, the report, and a seed for the property's other made-up values.</summary>
internal sealed record Sample(int Engine, SymptomReport Report, int Seed);

/// <summary>What one example showed: whether it met the property's premise, and what broke it.</summary>
internal readonly record struct Verdict(bool Exercised, string? Failure)
{
    public static Verdict Pass => new(true, null);

    public static Verdict Vacuous => new(false, null);

    public static Verdict Fail(string why) => new(true, why);
}
