using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;
using SpineTriage.Texts.Internal;
using SpineTriage.Validation;
using SpineTriage.Validation.Internal;

namespace SpineTriage.Engine;

/// <summary>
/// Triages symptom reports with a rule set (3.0 by default, 1.0 or 2.0 on request: <see cref="TriageEngineOptions.RuleSet"/>):
/// validates a report, evaluates every rule (not only the first that fires) and returns the urgency with its full
/// explanation. One engine type serves every rule set; build one engine per rule set to run them side by side.
/// </summary>
/// <remarks>
/// Build one engine and share it: it is immutable and thread-safe, costly only to build. "Today" comes
/// from the <see cref="System.TimeProvider"/> it was built with (its local date), so tests can fix it.
/// </remarks>
public sealed class TriageEngine : ITriageEngine
{
    private static readonly ValueList<string> NoStrings = ValueList<string>.Empty;

    private const string UnresolvedRedFlagRule = "unresolved-red-flag";
    private const string FeverAnsweredNo = "warning.feverAnsweredNo";
    private const string FeverAnsweredYes = "warning.feverAnsweredYes";
    private static readonly ValueList<string> FeverAnsweredNoKeys = ValueList<string>.Own([FeverAnsweredNo]);
    private static readonly ValueList<string> FeverAnsweredYesKeys = ValueList<string>.Own([FeverAnsweredYes]);

    // The registry key of each urgency's disposition, by urgency code.
    private static readonly string[] DispositionKeys = [.. Enumerable.Range(0, (int)Urgency.Emergency + 1).Select(u => Enum.IsDefined((Urgency)u) ? $"disposition.{((Urgency)u).JsonName()}" : "")];

    // Built once: its rules compile expressions, most of the cost of building an engine. Validators are immutable.
    private static readonly TriageEngineOptionsValidator OptionsValidator = new();

    private readonly RuleEvaluator _rules;
    private readonly EngineTexts[] _texts; // by language index (TextCatalogue.Languages)
    private readonly EngineTexts _defaultTexts;
    private readonly SymptomReportValidator _validator;
    private readonly RuleSetEdition _edition;
    private readonly (Condition Present, Condition? ListedWhen)[] _signs; // the safety net's, in its order
    private readonly Condition[] _conditionalAdvice; // the care advice given when its condition holds, in order

    /// <summary>Builds an engine.</summary>
    /// <param name="options">The options; <see cref="TriageEngineOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for "today"; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of its allowed range; the message lists every such option.</exception>
    public TriageEngine(TriageEngineOptions? options = null, TimeProvider? timeProvider = null)
        : this(null, options, timeProvider)
    {
    }

    /// <summary>Builds an engine of a rule set built from a document, or of the shipped one the options name.</summary>
    internal TriageEngine(RuleSetEdition? edition, TriageEngineOptions? options, TimeProvider? timeProvider)
    {
        options ??= TriageEngineOptions.Default;
        CheckOptions(options);
        Options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _edition = edition ?? options.LoadedRuleSet?.Edition ?? RuleSetEdition.Find(options.RuleSet)!;
        FeverThresholdCelsius = options.FeverThresholdCelsius ?? _edition.Document.FeverCelsius;
        SeverePainScore = options.SeverePainScore ?? _edition.Document.SeverePainScore;
        var rules = _edition.Build(FeverThresholdCelsius, SeverePainScore);
        _rules = new RuleEvaluator(rules, _edition.Questions, FeverThresholdCelsius);
        _texts = [.. TextCatalogue.Languages.Select((language, index) => new EngineTexts(index, TextCatalogue.For(language).WithEmergencyNumber(options.EmergencyNumber).WithOverrides(OverridesOf(options, language)), _edition, rules, FeverThresholdCelsius))];
        _defaultTexts = _texts.Single(t => t.Language == options.Language);
        _signs = [.. _edition.EmergencySigns.Select(s => (s.Present(FeverThresholdCelsius), ReferenceEquals(s.ListedWhen, When.Always) ? null : s.ListedWhen))];
        _conditionalAdvice = [.. _edition.ConditionalAdvice.Select(a => a.When)];
        foreach (var condition in _conditionalAdvice)
        {
            _rules.Check(condition, default);
        }

        // A safety-net sign is read after every rule, so it may name any rule that fired.
        foreach (var condition in _signs.SelectMany(s => new[] { s.Present, s.ListedWhen }).OfType<Condition>())
        {
            _rules.Check(condition, _rules.AfterAllRules);
        }

        _validator = new SymptomReportValidator(TimeProvider, _edition);
        RuleSet = new RuleSet(_edition, rules, FeverThresholdCelsius, SeverePainScore, _texts, _defaultTexts);
    }

    /// <summary>
    /// Gets the fever threshold the engine uses, in °C: <see cref="TriageEngineOptions.FeverThresholdCelsius"/> when set,
    /// else the rule set's own (<c>thresholds.feverCelsius</c> of its document).
    /// </summary>
    internal decimal FeverThresholdCelsius { get; }

    /// <summary>Gets the severe pain score the engine uses: the option when set, else the rule set's own.</summary>
    internal int SeverePainScore { get; }

    /// <summary>Gets the options the engine was built with.</summary>
    public TriageEngineOptions Options { get; }

    /// <summary>Gets the clock that tells today's date.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the rule set the engine evaluates: its selector, exact version and hash, its questions and their applicability, and its rules.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>
    /// Gets the identity of the texts of the engine's language (<see cref="TriageEngineOptions.Language"/>), as its results
    /// carry it when the report names no language: the language and the text-set hash (docs/texts.md).
    /// </summary>
    public TextSetIdentity TextSet => _defaultTexts.Identity;

    /// <summary>Gets the identity of the engine's texts in a language, as results worded in that language carry it.</summary>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>.</param>
    /// <returns>The language and its text-set hash, after the engine's overrides.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public TextSetIdentity TextSetFor(string language) => RuleSet.TextsIn(language).Identity;

    /// <summary>
    /// Gets the engine's texts in a language as a host reads them (issue 27): the registry with the engine's overrides and
    /// its <see cref="TriageEngineOptions.EmergencyNumber"/>, the words its results in that language are made of.
    /// </summary>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>.</param>
    /// <returns>The texts.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public Texts.TextRegistry TextsIn(string language) => new(RuleSet.TextsIn(language).Catalogue);

    /// <summary>Gets today's date from the engine's clock.</summary>
    public DateOnly Today => _validator.Today();

    /// <summary>Validates a report against every input rule of the contract.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The validated report, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public Outcome<ValidatedReport> Validate(SymptomReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var check = _validator.Validate(report);
        return check.IsValid
            ? Outcome.Success(new ValidatedReport(report, _validator.AssessedOn(report), _edition))
            : Outcome.Failure<ValidatedReport>(ErrorLimit.Cap(check.Errors.Select(e => new ValidationError(e.PropertyName, e.ErrorCode, e.ErrorMessage)), 0, Options.MaxErrors));
    }

    /// <summary>Evaluates every rule against a validated report and explains the result.</summary>
    /// <param name="report">A report from <see cref="Validate(SymptomReport)"/>.</param>
    /// <returns>The result. Pure: the same report always gives an equal result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="report"/> was validated by an engine of another rule set, or made by <see cref="ValidatedReport.ForTestDouble"/>.</exception>
    public TriageResult Evaluate(ValidatedReport report)
    {
        CheckRuleSet(report);
        var texts = TextsOf(report.Report.Language);
        var facts = _rules.Read(report);
        Span<bool> fired = _rules.Rules.Length <= 256 ? stackalloc bool[_rules.Rules.Length] : new bool[_rules.Rules.Length];
        var urgency = _rules.Fire(facts, fired);
        var unanswered = UnresolvedRedFlags(facts, notAskedOnly: false);
        var notAsked = UnresolvedRedFlags(facts, notAskedOnly: true);
        var settled = _rules.IsSettled(report, facts, urgency);
        var findings = _rules.Findings(facts, fired, texts.RuleTexts);
        Reword(findings, texts, urgency, settled, unanswered.Count, notAsked.Count);
        var conditionalAdvice = ConditionalAdviceToGive(facts);
        var signs = EmergencySignsToList(facts, fired);
        var (warnings, warningKeys) = Warnings(facts, texts.Catalogue);
        return new TriageResult
        {
            ReportId = report.Report.ReportId,
            Urgency = urgency,
            Disposition = texts.Dispositions[(int)urgency],
            DispositionKey = DispositionKeys[(int)urgency],
            IsComplete = !facts.AnyRedFlagUnresolved,
            DaysSinceSurgery = report.DaysSinceSurgery,
            Findings = ValueList<Finding>.Own(findings),
            UnansweredQuestions = unanswered,
            NotAskedQuestions = notAsked,
            IsSettled = settled,
            CareAdvice = texts.Advice.CareAdvice(report.RiskFactorMask, urgency == Urgency.SelfCare, conditionalAdvice),
            CareAdviceKeys = texts.Advice.CareAdviceKeys(report.RiskFactorMask, urgency == Urgency.SelfCare, conditionalAdvice),
            SafetyNet = texts.Advice.SafetyNet(signs),
            SafetyNetParts = texts.Advice.SafetyNetParts(signs),
            Warnings = warnings,
            WarningKeys = warningKeys,
            RuleSet = RuleSet.Identity,
            TextSet = texts.Identity,
        };
    }

    /// <summary>
    /// Words the findings as the whole result needs them (issue 27; decisions unchanged): in an emergency result, a finding
    /// below emergency neither asks for a call "today" nor for more answers (its <c>@emergency</c> explanation); in a
    /// settled result whose unresolved red flags include some not asked, <c>unresolved-red-flag</c> says that no answer
    /// to them could change the urgency instead of asking for them.
    /// </summary>
    private static void Reword(Finding[] findings, EngineTexts texts, Urgency urgency, bool settled, int unanswered, int notAsked)
    {
        for (var i = 0; i < findings.Length; i++)
        {
            var finding = findings[i];
            KeyedText? text = null;
            if (urgency == Urgency.Emergency && finding.Urgency < Urgency.Emergency)
            {
                text = texts.EmergencyExplanations.GetValueOrDefault(finding.RuleId);
            }
            else if (settled && notAsked > 0 && string.Equals(finding.RuleId, UnresolvedRedFlagRule, StringComparison.Ordinal))
            {
                text = unanswered == notAsked ? texts.SettledNotAsked : texts.SettledDoNotKnow;
            }

            if (text is not null)
            {
                findings[i] = finding with { PatientExplanation = text.Text, PatientExplanationKey = text.Key };
            }
        }
    }

    /// <summary>Validates and evaluates a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The result, or every validation error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public Outcome<TriageResult> Triage(SymptomReport report)
    {
        var validation = Validate(report);
        return validation.IsSuccess ? Outcome.Success(Evaluate(validation.Value)) : Outcome.Failure<TriageResult>(validation.Errors);
    }

    /// <summary>
    /// Reads report JSON strictly (see <see cref="Serialization.TriageJson.ParseReport(string)"/>), validates and evaluates it.
    /// Errors in the JSON and errors of the input rules are reported together.
    /// </summary>
    /// <param name="json">The report JSON (a leading byte-order mark character, U+FEFF, is allowed, as in the UTF-8 form).</param>
    /// <returns>The result, or every error of the JSON and of the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public Outcome<TriageResult> TriageJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Triage(ReportReader.Read(json, Options.MaxReportBytes, Options.MaxErrors, _edition.ReportReading));
    }

    /// <summary>Reads UTF-8 report JSON strictly, validates and evaluates it; all errors are reported together.</summary>
    /// <param name="utf8Json">The report JSON as UTF-8 (a leading byte-order mark is allowed).</param>
    /// <returns>The result, or every error of the JSON and of the report.</returns>
    public Outcome<TriageResult> TriageJson(ReadOnlySpan<byte> utf8Json) => Triage(ReportReader.Read(utf8Json, Options.MaxReportBytes, Options.MaxErrors, _edition.ReportReading));

    /// <summary>
    /// The highest urgency this report could still reach if every question absent from it that applies to it were answered
    /// yes and a missing pain score or temperature were given at its highest (a question that does not apply is not asked,
    /// and unknown it counts as no). The rules are monotonic, so this is an upper
    /// bound over every way an interview could go on. <see cref="Interview.TriageInterview"/> uses it, with the
    /// matching lower bound, to decide when to stop asking: use that rather than comparing this with the current
    /// urgency, which would stop too early (a red flag not yet asked is unknown and alone gives urgent).
    /// </summary>
    /// <param name="report">A validated report; questions absent from its answers count as not yet asked.</param>
    /// <returns>The highest reachable urgency.</returns>
    public Urgency HighestReachableUrgency(ValidatedReport report)
    {
        CheckRuleSet(report);
        return UrgencyOf(report, Answer.Yes, report.Report.Temperature ?? Reports.Temperature.Celsius(45.0m), report.Report.PainScore ?? 10);
    }

    /// <summary>
    /// The urgency of a report whose absent questions are all answered <paramref name="absentAs"/>, with the given
    /// temperature and pain score, without building a result: the bounds of the interview (and the reference for
    /// <see cref="TriageResult.IsSettled"/> in the tests). Reads the completed facts word and allocates nothing.
    /// </summary>
    internal Urgency UrgencyOf(ValidatedReport report, Answer absentAs, Temperature? temperature, int? painScore)
    {
        CheckRuleSet(report);
        return _rules.UrgencyOf(_rules.Read(report, absentAs, temperature, painScore));
    }

    private Outcome<TriageResult> Triage(ReportReader.Outcome read)
    {
        if (read.Errors.Count == 0)
        {
            return Triage(read.Partial!);
        }

        if (read.Partial is null)
        {
            return Outcome.Failure<TriageResult>(read.AllErrors(Options.MaxErrors));
        }

        // The fields that were read are checked too, so one answer lists every problem; a field that
        // already has a JSON error is not reported twice. At most MaxErrors are listed, then how many more.
        var jsonPaths = read.Errors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var more = _validator.Validate(read.Partial).Errors
            .Select(e => new ValidationError(e.PropertyName, e.ErrorCode, e.ErrorMessage))
            .Where(e => !jsonPaths.Contains(e.Path));
        return Outcome.Failure<TriageResult>(ErrorLimit.Cap([.. read.Errors, .. more], read.Omitted, Options.MaxErrors));
    }

    /// <summary>The unresolved red flags of the facts in asking order (only those absent from the report's answers, when asked).</summary>
    private ValueList<QuestionId> UnresolvedRedFlags(in Facts facts, bool notAskedOnly)
    {
        if (!facts.AnyRedFlagUnresolved)
        {
            return ValueList<QuestionId>.Empty;
        }

        var count = 0;
        foreach (var question in _rules.RedFlags)
        {
            count += facts.IsUnresolvedRedFlag(question) && !(notAskedOnly && facts.IsGiven(question.Id)) ? 1 : 0;
        }

        var questions = new QuestionId[count];
        var next = 0;
        foreach (var question in _rules.RedFlags)
        {
            if (next < count && facts.IsUnresolvedRedFlag(question) && !(notAskedOnly && facts.IsGiven(question.Id)))
            {
                questions[next++] = question.Id;
            }
        }

        return ValueList<QuestionId>.Own(questions);
    }

    /// <summary>Refuses options out of their allowed ranges, naming every such option.</summary>
    /// <exception cref="ArgumentException">An option is out of its allowed range.</exception>
    internal static void CheckOptions(TriageEngineOptions options)
    {
        var errors = OptionErrors(options);
        if (errors.Count != 0)
        {
            throw new ArgumentException(
                "Invalid triage engine options: " + string.Join(" ", errors.Select(e => $"{e.Message} [{e.Code}]")),
                nameof(options));
        }
    }

    /// <summary>Every error of the options, with its code and path (<see cref="TriageEngineOptions.Validate"/>).</summary>
    internal static IReadOnlyList<ValidationError> OptionErrors(TriageEngineOptions options) =>
        [.. OptionsValidator.Validate(options).Errors.Select(e => new ValidationError(e.PropertyName, e.ErrorCode, e.ErrorMessage))];

    /// <summary>The overrides of a language: those of <see cref="TriageEngineOptions.TextOverrides"/>, and in the engine's language the dispositions that differ from the English defaults.</summary>
    private static IEnumerable<KeyValuePair<string, string>> OverridesOf(TriageEngineOptions options, string language)
    {
        foreach (var given in options.TextOverrides.Where(o => o.Language == language))
        {
            yield return KeyValuePair.Create(given.Key, given.Text);
        }

        if (language != options.Language)
        {
            yield break;
        }

        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            var key = $"disposition.{urgency.JsonName()}";
            var text = options.Dispositions.For(urgency);
            if (!string.Equals(text, TextCatalogue.English.Get(key), StringComparison.Ordinal))
            {
                yield return KeyValuePair.Create(key, text);
            }
        }
    }

    /// <summary>The texts of a report's language (validated: one of the engine's), or of the engine's.</summary>
    private EngineTexts TextsOf(string? language)
    {
        if (language is null)
        {
            return _defaultTexts;
        }

        foreach (var texts in _texts)
        {
            if (string.Equals(texts.Language, language, StringComparison.Ordinal))
            {
                return texts;
            }
        }

        throw new ArgumentException("The report's language has no text catalogue: validate it with this engine.", nameof(language));
    }

    private void CheckRuleSet(ValidatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Edition is null)
        {
            throw new ArgumentException(
                "The report was made by ValidatedReport.ForTestDouble, not validated by an engine: a triage engine evaluates only the reports it validated.",
                nameof(report));
        }

        if (!ReferenceEquals(report.Edition, _edition))
        {
            throw new ArgumentException(
                $"The report was validated for rule set {report.Edition.Selector}; this engine runs rule set {_edition.Selector}: validate it with this engine.",
                nameof(report));
        }
    }

    // The conditional care advice whose condition holds (bit i: line i of the rule set).
    private int ConditionalAdviceToGive(in Facts facts)
    {
        var give = 0;
        for (var i = 0; i < _conditionalAdvice.Length; i++)
        {
            give |= RuleEvaluator.Holds(_conditionalAdvice[i], facts) ? 1 << i : 0;
        }

        return give;
    }

    // The safety net lists each emergency sign that is not present, where it may apply (bit i: sign i of the rule set).
    private int EmergencySignsToList(in Facts facts, ReadOnlySpan<bool> fired)
    {
        var list = 0;
        for (var i = 0; i < _signs.Length; i++)
        {
            var (present, listedWhen) = _signs[i];
            list |= !_rules.HoldsAfterRules(present, facts, fired) && (listedWhen is null || _rules.HoldsAfterRules(listedWhen, facts, fired)) ? 1 << i : 0;
        }

        return list;
    }

    private (ValueList<string> Lines, ValueList<string> Keys) Warnings(in Facts facts, TextCatalogue texts)
    {
        if (facts.FeverContradiction)
        {
            return (
                ValueList<string>.Own([texts.Format(FeverAnsweredNo, ("temperature", $"{facts.Temperature}"), ("threshold", When.Format(FeverThresholdCelsius)))]),
                FeverAnsweredNoKeys);
        }

        if (facts.FeverAnswerContradicted)
        {
            return (
                ValueList<string>.Own([texts.Format(FeverAnsweredYes, ("temperature", $"{facts.Temperature}"), ("threshold", When.Format(FeverThresholdCelsius)))]),
                FeverAnsweredYesKeys);
        }

        return (NoStrings, NoStrings);
    }
}
