using System.Globalization;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// The question flow of a nurse line, shared by the terminal and the plain-text front-ends: the dates, then
/// the questions of <see cref="QuestionCatalogue.All"/> in asking order, with the measured temperature asked
/// just before the fever question (it answers it too) and the pain score after the red flags, before the pain
/// questions. After each answer it stops as soon as no further answer can change the urgency.
/// </summary>
/// <remarks>
/// Not thread-safe: one interview is one conversation. A question not yet asked is absent from the answers;
/// "don't know" is an explicit <see cref="Answer.Unknown"/>.
/// </remarks>
internal sealed class Interview
{
    /// <summary>Invalid replies in a row after which the interview stops instead of asking again.</summary>
    public const int MaxInvalidReplies = 5;

    private readonly TriageEngine _engine;
    private readonly InterviewStep[] _steps;
    private int _next;
    private int _invalidReplies;
    private DateOnly? _surgeryDate;
    private DateOnly? _assessedOn;
    private AnswerSet _answers = AnswerSet.Empty;
    private int? _painScore;
    private Temperature? _temperature;

    public Interview(TriageEngine engine)
    {
        _engine = engine;
        _steps = Steps(engine.Today);
    }

    /// <summary>Gets the step to ask now, or <see langword="null"/> when the interview is over.</summary>
    public InterviewStep? Current => Result is null && AbortReason is null ? _steps[_next] : null;

    /// <summary>Gets the triage result once the interview is over, or <see langword="null"/>.</summary>
    public TriageResult? Result { get; private set; }

    /// <summary>Gets whether the interview stopped before the last step because no answer could raise the urgency.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Gets why the interview stopped without a result, or <see langword="null"/>.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>Takes the reply to <see cref="Current"/>.</summary>
    /// <param name="line">The line typed, or <see langword="null"/> at the end of the input.</param>
    /// <returns>Whether it was taken; if not, why.</returns>
    public Reply Submit(string? line)
    {
        var step = Current ?? throw new InvalidOperationException("The interview is over.");
        if (line is null)
        {
            return Abort("The input ended before the interview was complete, so no triage was given.");
        }

        var error = Take(step, line.Trim());
        if (error is not null)
        {
            _invalidReplies++;
            return _invalidReplies >= MaxInvalidReplies
                ? Abort(string.Create(CultureInfo.InvariantCulture, $"{MaxInvalidReplies} replies in a row were not understood, so the interview stopped without a triage."))
                : new Reply(ReplyKind.Invalid, error);
        }

        _invalidReplies = 0;
        _next++;
        MoveOn();
        return Reply.Accepted;
    }

    private static InterviewStep[] Steps(DateOnly today)
    {
        var steps = new List<InterviewStep>
        {
            new(StepKind.SurgeryDate, "On what date was the operation?", "yyyy-MM-dd"),
            new(StepKind.AssessmentDate, "On what date are the symptoms assessed?", $"yyyy-MM-dd, blank for today ({Iso(today)})"),
        };
        foreach (var question in QuestionCatalogue.All)
        {
            if (question.Id == QuestionId.Fever)
            {
                steps.Add(new(StepKind.Temperature, "If you have measured your temperature, what was it?", "for example 38.4 C or 100.9 F; blank if not measured"));
            }

            if (!question.IsRedFlag && !steps.Exists(s => s.Kind == StepKind.PainScore))
            {
                steps.Add(new(StepKind.PainScore, "How bad is your back or neck pain now, from 0 (none) to 10 (worst imaginable)?", "0-10; blank to skip"));
            }

            steps.Add(new(StepKind.Question, question.Text, ReplyParser.AnswerChoices, question));
        }

        return [.. steps];
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Takes a reply into the interview's state.</summary>
    /// <returns><see langword="null"/> when taken, otherwise what is wrong with it.</returns>
    private string? Take(InterviewStep step, string text)
    {
        switch (step.Kind)
        {
            case StepKind.SurgeryDate:
                if (!ReplyParser.TryDate(text, out var surgeryDate))
                {
                    return "Please give the date as yyyy-MM-dd, for example 2026-09-01.";
                }

                return Keep(new SymptomReport { SurgeryDate = surgeryDate }, "$.surgeryDate", () => _surgeryDate = surgeryDate);

            case StepKind.AssessmentDate:
                var assessedOn = _engine.Today;
                if (text.Length > 0 && !ReplyParser.TryDate(text, out assessedOn))
                {
                    return "Please give the date as yyyy-MM-dd, or leave it blank for today.";
                }

                return Keep(new SymptomReport { SurgeryDate = _surgeryDate!.Value, AssessedOn = assessedOn }, "$", () => _assessedOn = assessedOn);

            case StepKind.Temperature:
                if (text.Length == 0)
                {
                    return null;
                }

                if (!ReplyParser.TryTemperature(text, out var temperature))
                {
                    return "Please give the temperature with its unit, for example 38.4 C or 100.9 F, or leave it blank.";
                }

                return Keep(Report() with { Temperature = temperature }, "$.temperature", () => _temperature = temperature);

            case StepKind.PainScore:
                if (text.Length == 0)
                {
                    return null;
                }

                if (!ReplyParser.TryPainScore(text, out var painScore))
                {
                    return "Please give a whole number from 0 to 10, or leave it blank.";
                }

                _painScore = painScore;
                return null;

            default:
                if (!ReplyParser.TryAnswer(text, out var answer))
                {
                    return $"Please answer {ReplyParser.AnswerChoices}.";
                }

                _answers = _answers.With(step.Question!.Id, answer);
                return null;
        }
    }

    /// <summary>Keeps a value when the report with it is valid, so the engine's own input rules judge the reply.</summary>
    /// <returns><see langword="null"/> when kept, otherwise the engine's errors for the fields under <paramref name="pathPrefix"/>.</returns>
    private string? Keep(SymptomReport candidate, string pathPrefix, Action keep)
    {
        var errors = _engine.Validate(candidate).Errors.Where(e => e.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            return string.Join(" ", errors.Select(e => e.Message));
        }

        keep();
        return null;
    }

    private SymptomReport Report() => new()
    {
        SurgeryDate = _surgeryDate!.Value,
        AssessedOn = _assessedOn,
        Answers = _answers,
        PainScore = _painScore,
        Temperature = _temperature,
    };

    private void MoveOn()
    {
        if (_assessedOn is null)
        {
            return;
        }

        var asked = Validated(Report());
        var result = _engine.Evaluate(asked);
        if (_next == _steps.Length)
        {
            Result = result;
            return;
        }

        // The urgency is settled when the highest reachable urgency (every question not yet asked answered yes)
        // equals the lowest (every one answered no). Comparing with the current result alone would stop every
        // interview without an emergency sign after the last emergency question: a red flag not yet asked counts
        // as unknown, which is urgent, so a patient with nothing wrong would be told to call today.
        var lowest = _engine.Evaluate(Validated(Report() with { Answers = _answers.WithNotGivenAs(Answer.No) })).Urgency;
        if (_engine.HighestReachableUrgency(asked) == lowest)
        {
            StoppedEarly = true;
            Result = result;
        }
    }

    private ValidatedReport Validated(SymptomReport report)
    {
        var validation = _engine.Validate(report);

        // Every reply was checked when it was taken, so an invalid report here is a bug, not bad input.
        return validation.Value ?? throw new InvalidOperationException("The interview built an invalid report.");
    }

    private Reply Abort(string reason)
    {
        AbortReason = reason;
        return new Reply(ReplyKind.Aborted, reason);
    }
}
