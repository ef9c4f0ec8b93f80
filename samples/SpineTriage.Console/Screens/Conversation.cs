using System.Globalization;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// One conversation of the console's interview, a thin front-end over the library's <see cref="TriageInterview"/>: it
/// asks the dates, then keeps every reply in a <see cref="SymptomReport"/> and asks the library what to ask next, until
/// the library says the triage is settled.
/// </summary>
/// <remarks>
/// Not thread-safe: one interview is one conversation. "Don't know" is an explicit <see cref="Answer.Unknown"/>; a blank
/// temperature or pain score (or <c>n</c>, <c>no</c>, <c>none</c> for the temperature) is listed as skipped, so the
/// library settles it as not measured.
/// </remarks>
internal sealed class Conversation
{
    /// <summary>Invalid replies in a row after which the interview stops instead of asking again.</summary>
    public const int MaxInvalidReplies = 5;

    /// <summary>The longest reply read, in characters: a longer one is not understood (and only this much of it is kept).</summary>
    public const int MaxReplyLength = 4096;

    private readonly TriageEngine _engine;
    private readonly TriageInterview _interview;
    private readonly Prompt _surgeryDatePrompt;
    private readonly Prompt _assessmentDatePrompt;
    private int _invalidReplies;
    private DateOnly? _surgeryDate;
    private SymptomReport? _report;

    public Conversation(TriageEngine engine)
    {
        _engine = engine;
        _interview = new TriageInterview(engine);
        _surgeryDatePrompt = new(PromptKind.SurgeryDate, "On what date was the operation?", "yyyy-MM-dd");
        _assessmentDatePrompt = new(PromptKind.AssessmentDate, "On what date are the symptoms assessed?", $"yyyy-MM-dd, blank for today ({Iso(engine.Today)})");
        Current = _surgeryDatePrompt;
    }

    /// <summary>Gets the prompt to ask now, or <see langword="null"/> when the interview is over.</summary>
    public Prompt? Current { get; private set; }

    /// <summary>Gets the triage result once the interview is over, or <see langword="null"/>.</summary>
    public TriageResult? Result { get; private set; }

    /// <summary>Gets whether the interview stopped before the last item because no answer could change the urgency.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Gets why the interview stopped without a result, or <see langword="null"/>.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>Takes the reply to <see cref="Current"/>.</summary>
    /// <param name="line">The line typed, or <see langword="null"/> at the end of the input.</param>
    /// <returns>Whether it was taken; if not, why.</returns>
    public Reply Submit(string? line)
    {
        var prompt = Current ?? throw new InvalidOperationException("The interview is over.");
        if (line is null)
        {
            return Abort("The input ended before the interview was complete, so no triage was given.");
        }

        var error = line.Length > MaxReplyLength
            ? string.Create(CultureInfo.InvariantCulture, $"Your reply is longer than {MaxReplyLength} characters, so it was not read. Please answer briefly.")
            : Take(prompt, line.Trim());
        if (error is not null)
        {
            _invalidReplies++;
            return _invalidReplies >= MaxInvalidReplies
                ? Abort(string.Create(CultureInfo.InvariantCulture, $"{MaxInvalidReplies} replies in a row were not understood, so the interview stopped without a triage."))
                : new Reply(ReplyKind.Invalid, error);
        }

        _invalidReplies = 0;
        MoveOn();
        return Reply.Accepted;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Prompt PromptFor(InterviewItem item) => item.Kind switch
    {
        InterviewItemKind.Temperature => new(PromptKind.Temperature, item.Text, "for example 38.4 C or 100.9 F; blank or n if not measured"),
        InterviewItemKind.PainScore => new(PromptKind.PainScore, item.Text, "0-10; blank to skip"),
        _ => new(PromptKind.Question, item.Text, ReplyParser.AnswerChoices, item.Question),
    };

    /// <summary>Takes a reply into the interview's report.</summary>
    /// <returns><see langword="null"/> when taken, otherwise what is wrong with it.</returns>
    private string? Take(Prompt prompt, string text)
    {
        switch (prompt.Kind)
        {
            case PromptKind.SurgeryDate:
                if (!ReplyParser.TryDate(text, out var surgeryDate))
                {
                    return "Please give the date as yyyy-MM-dd, for example 2026-09-01.";
                }

                var surgeryErrors = Errors(new SymptomReport { SurgeryDate = surgeryDate }, "$.surgeryDate");
                if (surgeryErrors is null)
                {
                    _surgeryDate = surgeryDate;
                }

                return surgeryErrors;

            case PromptKind.AssessmentDate:
                var assessedOn = _engine.Today;
                if (text.Length > 0 && !ReplyParser.TryDate(text, out assessedOn))
                {
                    return "Please give the date as yyyy-MM-dd, or leave it blank for today.";
                }

                var dates = new SymptomReport { SurgeryDate = _surgeryDate!.Value, AssessedOn = assessedOn };
                var validation = _engine.Validate(dates);
                if (validation.Errors.Any(e => e.Path == "$.surgeryDate"))
                {
                    // The dates are in the wrong order: either may be mistyped, so both are asked again.
                    _surgeryDate = null;
                    Current = _surgeryDatePrompt;
                    return string.Join(" ", validation.Errors.Select(e => e.Message)) + " Please give both dates again, starting with the date of the operation.";
                }

                if (!validation.IsSuccess)
                {
                    return string.Join(" ", validation.Errors.Select(e => e.Message));
                }

                _report = dates;
                return null;

            case PromptKind.Temperature:
                if (ReplyParser.IsNotMeasured(text))
                {
                    _report = _report! with { Skipped = [.. _report.Skipped, Measurement.Temperature] };
                    return null;
                }

                if (!ReplyParser.TryTemperature(text, out var temperature))
                {
                    return "Please give the temperature with its unit, for example 38.4 C or 100.9 F, or leave it blank (or n) if not measured.";
                }

                var withTemperature = _report! with { Temperature = temperature };
                var temperatureErrors = Errors(withTemperature, "$.temperature");
                if (temperatureErrors is null)
                {
                    _report = withTemperature;
                }

                return temperatureErrors;

            case PromptKind.PainScore:
                if (text.Length == 0)
                {
                    _report = _report! with { Skipped = [.. _report.Skipped, Measurement.PainScore] };
                    return null;
                }

                if (!ReplyParser.TryPainScore(text, out var painScore))
                {
                    return "Please give a whole number from 0 to 10, or leave it blank.";
                }

                _report = _report! with { PainScore = painScore };
                return null;

            default:
                if (!ReplyParser.TryAnswer(text, out var answer))
                {
                    return $"Please answer {ReplyParser.AnswerChoices}.";
                }

                _report = _report! with { Answers = _report.Answers.With(prompt.Question!.Id, answer) };
                return null;
        }
    }

    /// <summary>The engine's errors for the fields under <paramref name="pathPrefix"/>, so its own input rules judge the reply.</summary>
    /// <returns><see langword="null"/> when there are none.</returns>
    private string? Errors(SymptomReport candidate, string pathPrefix)
    {
        var errors = _engine.Validate(candidate).Errors.Where(e => e.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();
        return errors.Count > 0 ? string.Join(" ", errors.Select(e => e.Message)) : null;
    }

    private void MoveOn()
    {
        if (_report is null)
        {
            Current = _surgeryDate is null ? _surgeryDatePrompt : _assessmentDatePrompt;
            return;
        }

        // Every reply was checked when it was taken, so an invalid report here is a bug, not bad input.
        var step = _interview.Next(_report).GetValueOrThrow();
        if (step.IsSettled)
        {
            Current = null;
            Result = step.Result;
            StoppedEarly = step.StoppedEarly;
            return;
        }

        Current = PromptFor(step.Ask);
    }

    private Reply Abort(string reason)
    {
        Current = null;
        AbortReason = reason;
        return new Reply(ReplyKind.Aborted, reason);
    }
}
