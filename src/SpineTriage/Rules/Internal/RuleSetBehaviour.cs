using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Rules.Internal;

/// <summary>
/// The checks of a rule-set document that only running it shows, on an engine of it with its own thresholds: each red
/// flag's yes alone (every other question answered no) reaches urgent wherever the question applies and counts as a red
/// flag; each rule fires for some report, among the extreme reports and a fixed sample of generated ones.
/// </summary>
internal static class RuleSetBehaviour
{
    /// <summary>The number of generated reports a rule must fire on one of (with the extreme ones) not to be refused as one that never fires.</summary>
    public const int GeneratedReports = 4000;

    private static readonly DateOnly SurgeryDate = new(2020, 1, 1); // every assessment date of the checks is in the past
    private static readonly SurgeryRegion?[] Regions = [null, SurgeryRegion.Cervical, SurgeryRegion.Thoracic, SurgeryRegion.Lumbar];
    private static readonly int[] Days = [0, 3, 14, 30, 42, 43, 60, 90, 91, 180, 365, 730];

    public static IEnumerable<ValidationError> Check(RuleSetDocument document, TriageEngine engine)
    {
        var questions = engine.RuleSet.Questions;
        var errors = new List<ValidationError>();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            if (!question.IsRedFlag)
            {
                continue;
            }

            foreach (var (region, days) in Contexts())
            {
                var answers = AnswerSet.Empty.WithNotGivenAs(Answer.No, questions.Where(q => q.Id != question.Id)).With(question.Id, Answer.Yes);
                var report = Report(region, days, answers, null, null);
                var applies = engine.RuleSet.Applicability(question.Id, region, days).Applies;
                if (!applies || engine.Validate(report) is not { IsSuccess: true } valid)
                {
                    continue;
                }

                var result = engine.Evaluate(valid.Value);
                if (result.Urgency < Urgency.Urgent && CountsAsRedFlag(engine, question, region, days))
                {
                    errors.Add(new ValidationError(
                        document.Questions[i].Path + ".redFlag",
                        ErrorCodes.RedFlagNotUrgent,
                        $"the red flag '{RuleSetLoader.Cut(question.JsonId)}' answered yes alone gives {result.Urgency.JsonName()} (day {days}, region {(region is { } r ? r.ToString().ToLowerInvariant() : "not given")}): a red flag's yes must reach urgent or emergency."));
                    break;
                }
            }
        }

        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in Reports(questions))
        {
            if (engine.Validate(report) is { IsSuccess: true } valid)
            {
                foreach (var finding in engine.Evaluate(valid.Value).Findings)
                {
                    fired.Add(finding.RuleId);
                }
            }

            if (fired.Count == document.Rules.Count)
            {
                break;
            }
        }

        errors.AddRange(document.Rules.Where(r => !fired.Contains(r.Id)).Select(r => new ValidationError(
            r.Path + ".when",
            ErrorCodes.RuleNeverFires,
            $"the rule '{RuleSetLoader.Cut(r.Id)}' fired for none of the extreme reports and {GeneratedReports} generated ones: it can never fire, or only in a combination so rare that it needs a case file (docs/rule-sets.md).")));
        return errors;
    }

    // A red flag counts as one where its red-flag condition holds: a report with it unknown and all else no is then incomplete.
    private static bool CountsAsRedFlag(TriageEngine engine, Question question, SurgeryRegion? region, int days)
    {
        var answers = AnswerSet.Empty.WithNotGivenAs(Answer.No, engine.RuleSet.Questions.Where(q => q.Id != question.Id));
        return question.Id == QuestionId.Fever
            || engine.Validate(Report(region, days, answers, null, null)) is not { IsSuccess: true } valid
            || !engine.Evaluate(valid.Value).IsComplete;
    }

    private static IEnumerable<(SurgeryRegion? Region, int Days)> Contexts() =>
        Regions.SelectMany(region => Days.Select(days => (region, days)));

    private static SymptomReport Report(SurgeryRegion? region, int days, AnswerSet answers, Temperature? temperature, int? pain) => new()
    {
        SurgeryDate = SurgeryDate,
        AssessedOn = SurgeryDate.AddDays(days),
        SurgeryRegion = region,
        Answers = answers,
        Temperature = temperature,
        PainScore = pain,
    };

    /// <summary>The extreme reports in every context, then generated ones from a fixed seed (the same every time).</summary>
    private static IEnumerable<SymptomReport> Reports(IReadOnlyList<Question> questions)
    {
        foreach (var (region, days) in Contexts())
        {
            foreach (var answer in new[] { Answer.No, Answer.Yes, Answer.Unknown })
            {
                var answers = AnswerSet.Empty.WithNotGivenAs(answer, questions);
                yield return Report(region, days, answers, null, null);
                yield return Report(region, days, answers, Temperature.Celsius(36.5m), 0);
                yield return Report(region, days, answers, Temperature.Celsius(40.0m), 10);
            }
        }

        var random = new Random(20261208);
        var riskFactors = Enum.GetValues<RiskFactor>();
        for (var n = 0; n < GeneratedReports; n++)
        {
            var answers = AnswerSet.From(questions.Select(q => KeyValuePair.Create(q.Id, random.Next(5) switch
            {
                0 => Answer.Yes,
                1 => Answer.Unknown,
                _ => Answer.No,
            })));
            var region = Regions[random.Next(Regions.Length)];
            var days = random.Next(2) == 0 ? Days[random.Next(Days.Length)] : random.Next(0, 800);
            yield return Report(region, days, answers, random.Next(3) == 0 ? null : Temperature.Celsius(36m + (random.Next(0, 50) / 10m)), random.Next(4) == 0 ? null : random.Next(0, 11)) with
            {
                RiskFactors = [.. riskFactors.Where(_ => random.Next(4) == 0)],
            };
        }
    }
}
