using SpineTriage.Engine;
using SpineTriage.Interview.Internal;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.Interview;

/// <summary>
/// The questions of a nurse line, one at a time: given a report in which the items not yet asked are absent,
/// <see cref="Next(SymptomReport)"/> says what to ask next, or that the triage is settled, with the provisional result either way.
/// </summary>
/// <remarks>
/// <para>
/// Stateless, immutable and thread-safe: the report is the whole state of a conversation, so one interview serves
/// any number of them, and a conversation can be resumed on another server. The caller adds each reply to the report
/// (an answer under <see cref="SymptomReport.Answers"/>, including "don't know" as <see cref="Answer.Unknown"/>; a
/// temperature or pain score, or the measurement listed in <see cref="SymptomReport.Skipped"/> when the patient has
/// none to give) and calls <see cref="Next(SymptomReport)"/> again.
/// </para>
/// <para>
/// Asking order (<see cref="Items"/>): the questions of the engine's rule set (<see cref="Rules.RuleSet.Questions"/>) in
/// their order, with the measured temperature just before the fever question and the pain score after the red flags,
/// before the pain questions. A question that does not apply to the report (<see cref="Rules.RuleSet.Applicability(QuestionId, SurgeryRegion?, int)"/>:
/// in rule set 2.0, the neck questions after surgery that included no part of the neck, the early questions after day 42)
/// is not asked; the surgery region and the dates are part of the partial report, not steps of the interview. A measured temperature at or above the fever threshold answers the fever question, which is then not
/// asked; below it the fever question is still asked (chills and shivering count).
/// </para>
/// <para>
/// Stop rule: the interview is settled when every item was asked, or as soon as no further answer can change the
/// urgency: the urgency with every question not yet asked answered yes, and a temperature or pain score not yet asked
/// at its highest, equals the urgency with every question not yet asked answered no, a temperature not yet asked at its
/// lowest (a normal temperature settles a fever answered "don't know" as absent) and no pain score. A skipped measurement counts as
/// not measured, not at its highest. The rules are monotonic, so these are the highest and lowest urgencies over every
/// way the interview could go on; a red flag not yet asked that could raise the urgency makes the highest differ from
/// the lowest, so the interview never stops before it. Comparing with the provisional urgency instead would stop too
/// early: a red flag not yet asked counts as unknown, which alone gives urgent.
/// </para>
/// </remarks>
public sealed class TriageInterview
{
    private readonly InterviewItem _temperature;
    private readonly InterviewItem _painScore;

    /// <summary>Builds an interview over an engine (its rules, fever threshold and clock), asking in the engine's language.</summary>
    /// <param name="engine">The engine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    public TriageInterview(ITriageEngine engine)
        : this(engine, engine?.Options.Language!)
    {
    }

    /// <summary>Builds an interview over an engine whose items are worded in a language (the engine's texts with its overrides).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>: the items and the result of every step are worded in it (a report that names no <see cref="SymptomReport.Language"/> is evaluated in it).</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="language"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public TriageInterview(ITriageEngine engine, string language)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(language);
        Engine = engine;
        var texts = engine.RuleSet.TextsIn(language);
        Language = language;
        var items = new List<InterviewItem>(texts.Questions.Count + 2);
        InterviewItem? temperature = null;
        InterviewItem? painScore = null;
        foreach (var question in texts.Questions)
        {
            if (question.Id == QuestionId.Fever)
            {
                items.Add(temperature = InterviewItem.Temperature(items.Count + 1, texts.Catalogue));
            }

            if (!question.IsRedFlag && painScore is null)
            {
                items.Add(painScore = InterviewItem.PainScore(items.Count + 1, texts.Catalogue));
            }

            items.Add(InterviewItem.Of(question, items.Count + 1));
        }

        _temperature = temperature!;
        _painScore = painScore!;
        Items = items.AsReadOnly();
    }

    /// <summary>Gets the engine that evaluates the reports.</summary>
    public ITriageEngine Engine { get; }

    /// <summary>Gets the language the items are worded in.</summary>
    public string Language { get; }

    /// <summary>
    /// Gets every item in asking order: the questions of the engine's rule set (18 in rule set 1.0, 27 in 2.0), the
    /// temperature and the pain score. A question that does not apply to a report is skipped for it.
    /// </summary>
    public IReadOnlyList<InterviewItem> Items { get; }

    /// <summary>Says what to ask next about a partial report, or that the triage is settled.</summary>
    /// <param name="partial">
    /// The report so far: the dates and every reply given; an item not yet asked is absent (a question missing from the
    /// answers, a measurement neither given nor listed in <see cref="SymptomReport.Skipped"/>).
    /// </param>
    /// <returns>The next step with the provisional result, or every validation error of the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partial"/> is <see langword="null"/>.</exception>
    public Outcome<InterviewStep> Next(SymptomReport partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        return Next(partial, earliestSurgeryDate: null);
    }

    /// <summary>
    /// Says what to ask next when the surgery date is known only to lie in a period: from
    /// <paramref name="earliestSurgeryDate"/> to the report's <see cref="SymptomReport.SurgeryDate"/>, its most recent day
    /// (docs/interview.md, "An approximate surgery date").
    /// </summary>
    /// <remarks>
    /// Every item that applies on any day of the period is asked (the questions of the early period as long as the
    /// period reaches into it, those of later periods as long as it reaches into them); the decision is the report's,
    /// with its most recent date, so every time window of the rules is read as early as it could be. The step says
    /// <see cref="InterviewStep.IsSurgeryDateApproximate"/>. The stop rule is unchanged: it stops only when no answer to
    /// any question can change the urgency.
    /// </remarks>
    /// <param name="partial">The report so far, with the most recent possible surgery date as <see cref="SymptomReport.SurgeryDate"/>.</param>
    /// <param name="earliestSurgeryDate">The earliest possible surgery date; on or before the report's surgery date.</param>
    /// <returns>
    /// The next step with the provisional result, or every validation error of the report; an earliest date after the
    /// surgery date is the error <see cref="ErrorCodes.DateOrder"/> at <c>$.earliestSurgeryDate</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="partial"/> is <see langword="null"/>.</exception>
    public Outcome<InterviewStep> Next(SymptomReport partial, DateOnly earliestSurgeryDate)
    {
        ArgumentNullException.ThrowIfNull(partial);
        return Next(partial, (DateOnly?)earliestSurgeryDate);
    }

    private Outcome<InterviewStep> Next(SymptomReport partial, DateOnly? earliestSurgeryDate)
    {
        // The language is chosen once, for the interview: a report that names none is worded in it, result included
        // (the engine's own language needs no naming, so the report, and its hash, stay as given).
        if (partial.Language is null && !string.Equals(Language, Engine.Options.Language, StringComparison.Ordinal))
        {
            partial = partial with { Language = Language };
        }

        var validation = Engine.Validate(partial);
        if (!validation.TryGetValue(out var report))
        {
            return Outcome.Failure<InterviewStep>(validation.Errors);
        }

        if (earliestSurgeryDate > partial.SurgeryDate)
        {
            return Outcome.Failure<InterviewStep>(
            [
                new ValidationError(
                    "$.earliestSurgeryDate",
                    ErrorCodes.DateOrder,
                    "earliestSurgeryDate must be on or before surgeryDate (the most recent possible surgery date)."),
            ]);
        }

        var approximate = earliestSurgeryDate is not null;
        var result = Engine.Evaluate(report);
        var applicable = ApplicableQuestions(report);
        if (earliestSurgeryDate is { } earliest)
        {
            AddApplicableUpTo(applicable, report, report.AssessedOn.DayNumber - earliest.DayNumber);
        }

        var pending = Pending(partial, applicable);
        if (pending is null)
        {
            return Outcome.Success(new InterviewStep(null, result, stoppedEarly: false) { IsSurgeryDateApproximate = approximate });
        }

        var openTemperature = !IsAsked(_temperature, partial);
        var highest = UrgencyBounds.Highest(Engine, report, openTemperature, openPainScore: !IsAsked(_painScore, partial));
        return highest == UrgencyBounds.Lowest(Engine, report, openTemperature)
            ? Outcome.Success(new InterviewStep(null, result, stoppedEarly: true) { IsSurgeryDateApproximate = approximate })
            : Outcome.Success(new InterviewStep(pending, result, stoppedEarly: false, Remaining(partial, applicable)) { IsSurgeryDateApproximate = approximate });
    }

    // The questions that apply on some day from the report's day count to the latest one: the applicability of every
    // question is the same between two days at which a condition may change, so those days (and the first) suffice.
    private void AddApplicableUpTo(HashSet<QuestionId> applicable, ValidatedReport report, int latestDay)
    {
        var first = report.DaysSinceSurgery;
        var days = new SortedSet<int>();
        foreach (var question in Engine.RuleSet.Questions)
        {
            QuestionApplicability.AddChangeDays(question.AppliesWhen, days);
        }

        foreach (var day in days.GetViewBetween(first + 1, Math.Max(first + 1, latestDay)))
        {
            if (day > latestDay)
            {
                continue;
            }

            foreach (var question in Engine.RuleSet.Questions)
            {
                if (Engine.RuleSet.Applicability(question.Id, report.Report.SurgeryRegion, day).Applies)
                {
                    applicable.Add(question.Id);
                }
            }
        }
    }

    /// <summary>Whether an item was asked, by the report alone: answered, measured or skipped; fever also by a measured fever.</summary>
    /// <param name="item">An item of <see cref="Items"/>.</param>
    /// <param name="partial">The report so far.</param>
    /// <returns><see langword="true"/> when <see cref="Next(SymptomReport)"/> would not ask it again.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public bool IsAsked(InterviewItem item, SymptomReport partial)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(partial);
        return item.Kind switch
        {
            InterviewItemKind.Temperature => partial.Temperature.HasValue || partial.IsSkipped(Measurement.Temperature),
            InterviewItemKind.PainScore => partial.PainScore.HasValue || partial.IsSkipped(Measurement.PainScore),
            _ => partial.Answers.IsGiven(item.Question!.Id)
                 || (item.Question.Id == QuestionId.Fever && HasMeasuredFever(partial)),
        };
    }

    /// <summary>Whether the report's temperature is at or above the engine's fever threshold: it answers the fever question.</summary>
    /// <param name="partial">The report so far.</param>
    /// <returns><see langword="true"/> for a measured fever.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partial"/> is <see langword="null"/>.</exception>
    public bool HasMeasuredFever(SymptomReport partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        return partial.Temperature is { } temperature
            && Enum.IsDefined(temperature.Unit)
            && temperature.ToCelsius() >= Engine.RuleSet.FeverThresholdCelsius;
    }

    /// <summary>The questions of the engine's rule set that apply to a report, by its region and days since surgery.</summary>
    private HashSet<QuestionId> ApplicableQuestions(ValidatedReport report)
    {
        var applicable = new HashSet<QuestionId>();
        foreach (var question in Engine.RuleSet.Applicability(report))
        {
            if (question.Applies)
            {
                applicable.Add(question.Question);
            }
        }

        return applicable;
    }

    private InterviewItem? Pending(SymptomReport partial, HashSet<QuestionId> applicable)
    {
        foreach (var item in Items)
        {
            if (Applies(item, applicable) && !IsAsked(item, partial))
            {
                return item;
            }
        }

        return null;
    }

    private int Remaining(SymptomReport partial, HashSet<QuestionId> applicable)
    {
        var count = 0;
        foreach (var item in Items)
        {
            if (Applies(item, applicable) && !IsAsked(item, partial))
            {
                count++;
            }
        }

        return count;
    }

    private static bool Applies(InterviewItem item, HashSet<QuestionId> applicable) =>
        item.Question is not { } question || applicable.Contains(question.Id);
}
