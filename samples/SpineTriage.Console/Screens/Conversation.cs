using System.Globalization;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// One conversation of the console's interview, a thin front-end over the library's <see cref="TriageInterview"/>: it
/// asks the dates and, for a rule set whose questions depend on the region (2.0), whether the operation included any part
/// of the neck (and after "no", which part of the back), then keeps every reply in a <see cref="SymptomReport"/> and asks
/// the library what to ask next, until the library says the triage is settled.
/// </summary>
/// <remarks>
/// Not thread-safe: one interview is one conversation. "Don't know" is an explicit <see cref="Answer.Unknown"/>; a blank
/// temperature or pain score (or <c>n</c>, <c>no</c>, <c>none</c> for the temperature) is listed as skipped, so the
/// library settles it as not measured. The region is recorded only as the patient gives it: "yes" to the neck is
/// <see cref="SurgeryRegion.Cervical"/> (any level of the neck, a cervico-thoracic fusion included); after "no", the part
/// of the back; a blank (not known) at either prompt leaves the region not given, so the neck questions still apply.
/// </remarks>
internal sealed class Conversation
{
    /// <summary>Invalid replies in a row after which the interview stops instead of asking again.</summary>
    public const int MaxInvalidReplies = 5;

    /// <summary>The longest reply read, in characters: a longer one is not understood (and only this much of it is kept).</summary>
    public const int MaxReplyLength = 4096;

    // The first day after surgery and a day far past any early period: the two ends of the day count.
    private static readonly int[] ProbeDays = [0, 100_000];

    private readonly TriageEngine _engine;
    private readonly Prompts _texts;
    private readonly TriageInterview _interview;
    private readonly Prompt _surgeryDatePrompt;
    private readonly Prompt _assessmentDatePrompt;
    private readonly Prompt _neckPrompt;
    private readonly Prompt _backPrompt;
    private readonly bool _asksRegion;
    private int _invalidReplies;
    private DateOnly? _surgeryDate;
    private SymptomReport? _dates;
    private bool _notNeck;
    private SymptomReport? _report;
    private QuestionId[] _applicable = [];

    /// <summary>Starts a conversation.</summary>
    /// <param name="engine">The engine: its rule set's questions are asked, in the engine's language.</param>
    /// <param name="language">The language of the console's own prompts and of the replies (should be the engine's).</param>
    public Conversation(TriageEngine engine, ConsoleLanguage language = ConsoleLanguage.English)
    {
        _engine = engine;
        _texts = Prompts.For(language);
        _interview = new TriageInterview(engine);
        _surgeryDatePrompt = new(PromptKind.SurgeryDate, _texts.SurgeryDate, _texts.SurgeryDateHint);
        _assessmentDatePrompt = new(PromptKind.AssessmentDate, _texts.AssessmentDate, Prompts.With(_texts.AssessmentDateHint, Iso(engine.Today)));
        _neckPrompt = new(PromptKind.NeckRegion, _texts.Neck, _texts.NeckChoices);
        _backPrompt = new(PromptKind.BackRegion, _texts.Back, _texts.BackChoices);
        _asksRegion = DependsOnRegion(engine.RuleSet);
        Current = _surgeryDatePrompt;
    }

    /// <summary>Gets the console's own texts, in the conversation's language.</summary>
    public Prompts Texts => _texts;

    /// <summary>Gets the rule set whose questions are asked and which triages the answers.</summary>
    public RuleSet RuleSet => _engine.RuleSet;

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
            return Abort(_texts.InputEnded);
        }

        var error = line.Length > MaxReplyLength
            ? Prompts.With(_texts.ReplyTooLong, MaxReplyLength.ToString(CultureInfo.InvariantCulture))
            : Take(prompt, line.Trim());
        if (error is not null)
        {
            _invalidReplies++;
            return _invalidReplies >= MaxInvalidReplies
                ? Abort(Prompts.With(_texts.TooManyInvalid, MaxInvalidReplies.ToString(CultureInfo.InvariantCulture)))
                : new Reply(ReplyKind.Invalid, error);
        }

        _invalidReplies = 0;
        MoveOn();
        return Reply.Accepted;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether any question of the rule set applies for some surgery regions and not for others (none in rule set 1.0).</summary>
    private static bool DependsOnRegion(RuleSet ruleSet) =>
        ruleSet.Questions.Any(q => ProbeDays.Any(day =>
            Enum.GetValues<SurgeryRegion>().Any(region => ruleSet.Applicability(q.Id, region, day).Applies != ruleSet.Applicability(q.Id, null, day).Applies)));

    private Prompt PromptFor(InterviewItem item)
    {
        switch (item.Kind)
        {
            case InterviewItemKind.Temperature:
                return new(PromptKind.Temperature, item.Text, _texts.TemperatureHint);
            case InterviewItemKind.PainScore:
                return new(PromptKind.PainScore, item.Text, _texts.PainHint);
            default:
                // Numbered among the questions that apply to this patient (the library asks no other).
                var question = item.Question!;
                var index = Array.IndexOf(_applicable, question.Id);
                return index < 0
                    ? new(PromptKind.Question, item.Text, _texts.Answers, question, question.Order, _engine.RuleSet.Questions.Count)
                    : new(PromptKind.Question, item.Text, _texts.Answers, question, index + 1, _applicable.Length);
        }
    }

    /// <summary>Takes a reply into the interview's report.</summary>
    /// <returns><see langword="null"/> when taken, otherwise what is wrong with it.</returns>
    private string? Take(Prompt prompt, string text)
    {
        switch (prompt.Kind)
        {
            case PromptKind.SurgeryDate:
                if (!ReplyParser.TryDate(text, out var surgeryDate))
                {
                    return _texts.SurgeryDateFormat;
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
                    return _texts.AssessmentDateFormat;
                }

                var dates = new SymptomReport { SurgeryDate = _surgeryDate!.Value, AssessedOn = assessedOn };
                var validation = _engine.Validate(dates);
                if (validation.Errors.Any(e => e.Path == "$.surgeryDate"))
                {
                    // The dates are in the wrong order: either may be mistyped, so both are asked again.
                    _surgeryDate = null;
                    Current = _surgeryDatePrompt;
                    return string.Join(" ", validation.Errors.Select(e => e.Message)) + " " + _texts.BothDatesAgain;
                }

                if (!validation.IsSuccess)
                {
                    return string.Join(" ", validation.Errors.Select(e => e.Message));
                }

                if (_asksRegion)
                {
                    _dates = dates;
                }
                else
                {
                    Begin(dates);
                }

                return null;

            case PromptKind.NeckRegion:
                if (!ReplyParser.TryNeck(text, _texts.Language, out var neck))
                {
                    return Prompts.With(_texts.AnswerChoices, _texts.NeckChoices);
                }

                if (neck == false)
                {
                    _notNeck = true; // the part of the back is asked next
                }
                else
                {
                    Begin(neck == true ? _dates! with { SurgeryRegion = SurgeryRegion.Cervical } : _dates!);
                }

                return null;

            case PromptKind.BackRegion:
                if (!ReplyParser.TryBack(text, _texts.Language, out var back))
                {
                    return Prompts.With(_texts.AnswerChoices, _texts.BackChoices);
                }

                Begin(_dates! with { SurgeryRegion = back });
                return null;

            case PromptKind.Temperature:
                if (ReplyParser.IsNotMeasured(text, _texts.Language))
                {
                    _report = _report! with { Skipped = [.. _report.Skipped, Measurement.Temperature] };
                    return null;
                }

                if (!ReplyParser.TryTemperature(text, _texts.Language, out var temperature))
                {
                    return _texts.TemperatureFormat;
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
                    return _texts.PainFormat;
                }

                _report = _report! with { PainScore = painScore };
                return null;

            default:
                if (!ReplyParser.TryAnswer(text, _texts.Language, out var answer))
                {
                    return Prompts.With(_texts.AnswerChoices, _texts.Answers);
                }

                _report = _report! with { Answers = _report.Answers.With(prompt.Question!.Id, answer) };
                return null;
        }
    }

    /// <summary>Starts the library's interview on the preamble's report: the dates and the region, if given.</summary>
    private void Begin(SymptomReport preamble)
    {
        // The preamble was checked reply by reply, so an invalid report here is a bug, not bad input.
        var validated = _engine.Validate(preamble).GetValueOrThrow();
        _applicable = _engine.RuleSet.Applicability(validated).Where(a => a.Applies).Select(a => a.Question).ToArray();
        _report = preamble;
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
            Current = _surgeryDate is null ? _surgeryDatePrompt : _dates is null ? _assessmentDatePrompt : _notNeck ? _backPrompt : _neckPrompt;
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
