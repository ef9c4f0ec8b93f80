using System.Globalization;
using System.Text;
using SpineTriage.Engine;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Results.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Rules;

/// <summary>
/// The rule catalogue an engine evaluates: its line (<see cref="Selector"/>), exact version, content hash, its questions
/// with their applicability, and every rule in evaluation order (highest urgency first). Produced by
/// <see cref="TriageEngine.RuleSet"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleSet
{
    private readonly IReadOnlyList<EngineTexts> _texts;

    /// <summary>A rule set with its English texts only (benchmarks of the hash).</summary>
    internal RuleSet(RuleSetEdition edition, IReadOnlyList<Rule> rules)
        : this(edition, rules, edition.Document.FeverCelsius, edition.Document.SeverePainScore, [English(edition, rules)], English(edition, rules))
    {
    }

    internal RuleSet(RuleSetEdition edition, IReadOnlyList<Rule> rules, decimal feverThresholdCelsius, int severePainScore, IReadOnlyList<EngineTexts> texts, EngineTexts defaultTexts)
    {
        Edition = edition;
        _texts = texts;
        Version = edition.Version;
        Selector = edition.Selector;
        Changes = edition.Changes;
        Language = defaultTexts.Language;
        Questions = defaultTexts.Questions;
        Rules = defaultTexts.Rules;
        FeverThresholdCelsius = feverThresholdCelsius;
        SeverePainScore = severePainScore;
        Name = edition.Name;
        CanonicalDescription = Describe(Name, Version, edition.Questions, rules, FeverThresholdCelsius, SeverePainScore);
        Identity = new RuleSetIdentity(Version, Sha256Hash.Of(CanonicalDescription));
    }

    /// <summary>
    /// Gets the language of <see cref="Questions"/> and of the texts of <see cref="Rules"/>: the engine's
    /// <see cref="TriageEngineOptions.Language"/>. <see cref="QuestionsIn"/> and <see cref="RulesIn"/> give the others.
    /// </summary>
    public string Language { get; }

    /// <summary>Gets the questions in asking order with their texts in a language, after the engine's overrides.</summary>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>.</param>
    /// <returns>The questions, as <see cref="Questions"/> but worded in <paramref name="language"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public IReadOnlyList<Question> QuestionsIn(string language) => TextsIn(language).Questions;

    /// <summary>Gets the rules in evaluation order with their titles and patient explanations in a language, after the engine's overrides.</summary>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>.</param>
    /// <returns>The rules, as <see cref="Rules"/> but worded in <paramref name="language"/> (clinician texts stay in English).</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public IReadOnlyList<RuleDefinition> RulesIn(string language) => TextsIn(language).Rules;

    internal EngineTexts TextsIn(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        foreach (var texts in _texts)
        {
            if (string.Equals(texts.Language, language, StringComparison.Ordinal))
            {
                return texts;
            }
        }

        throw new ArgumentException($"There is no text catalogue for language '{StrictLanguage(language)}': use one of {string.Join(", ", _texts.Select(t => t.Language))}.", nameof(language));
    }

    private static EngineTexts English(RuleSetEdition edition, IReadOnlyList<Rule> rules) => new(0, Texts.Internal.TextCatalogue.English, edition, rules);

    private static string StrictLanguage(string language) => language.Length <= 16 ? language : language[..16] + "…";

    /// <summary>Gets the exact rule-set version: <c>1.1.0</c> for rule set 1.0, <c>2.1.0</c> for rule set 2.0, <c>3.0.0</c> for rule set 3.0.</summary>
    public string Version { get; }

    /// <summary>
    /// Gets the selector of the rule set's line, as <see cref="TriageEngineOptions.RuleSet"/> names it: <c>1.0</c>,
    /// <c>2.0</c> or <c>3.0</c> (see <see cref="RuleSets"/>).
    /// </summary>
    public string Selector { get; }

    /// <summary>
    /// Gets the rule set's questions in its asking order, with whether each is a red flag and when it applies
    /// (<see cref="Question.Applicability"/>). Rule set 1.0 has the 18 questions of <see cref="QuestionCatalogue.All"/>;
    /// rule set 2.0 has 27, rule set 3.0 has 32. An engine rejects answers to questions its rule set does not have.
    /// </summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>
    /// Gets the rule set's name: <c>spinetriage</c> for the shipped rule sets, an organisation's own for a local edition
    /// (<see cref="LoadedRuleSet"/>), whose name is then part of <see cref="CanonicalDescription"/> and so of the hash.
    /// </summary>
    public string Name { get; }

    /// <summary>Gets the content hash, <c>sha256:</c> and 64 hex digits, over <see cref="CanonicalDescription"/>.</summary>
    public string Hash => Identity.Hash;

    /// <summary>Gets the version and hash together, as results carry them.</summary>
    public RuleSetIdentity Identity { get; }

    /// <summary>Gets the rules in evaluation order: highest urgency first, then the order of the clinical criteria.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Gets the fever threshold the rules use, in °C: the engine's override when set, else the document's <c>thresholds.feverCelsius</c>.</summary>
    public decimal FeverThresholdCelsius { get; }

    /// <summary>Gets the pain score at or above which pain is severe: the engine's override when set, else the document's <c>thresholds.severePainScore</c>.</summary>
    public int SeverePainScore { get; }

    /// <summary>
    /// Gets the canonical text the hash is computed over: what decides, and nothing else. The version, the thresholds
    /// that change results, each question in asking order with when it counts as a red flag and when it applies, and
    /// each rule's id, urgency and condition, one a line. No text is part of it: rewording, translating or overriding a
    /// text does not change which rules fire or the urgency (the texts have their own hash, <see cref="TriageResult.TextSet"/>).
    /// Whether a question is asked of clinicians only (<see cref="Question.IsClinicianOnly"/>) is not part of it either:
    /// such a question cannot be a red flag, so it decides no urgency, finding or completeness, only what a patient
    /// interview asks and when a triage is settled.
    /// </summary>
    public string CanonicalDescription { get; }

    /// <summary>Finds a rule by id.</summary>
    /// <param name="ruleId">The rule id, for example <c>fever</c>.</param>
    /// <returns>The rule, or <see langword="null"/> when there is none with that id.</returns>
    public RuleDefinition? Find(string ruleId) => Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal));

    /// <summary>Gets the rule set's version history, newest first, for example why the hash of a version changed.</summary>
    public IReadOnlyList<string> Changes { get; }

    internal RuleSetEdition Edition { get; }

    /// <summary>Gets whether the rule set has a question: an engine rejects answers to the questions its rule set does not have.</summary>
    /// <param name="question">The question.</param>
    /// <returns><see langword="true"/> when the question is one of <see cref="Questions"/>.</returns>
    public bool Has(QuestionId question) => Edition.Has(question);

    /// <summary>
    /// Tells whether a question applies to a report of the given surgery region and days since surgery, and why
    /// (clinical-criteria-2.0.md section 3): for example, in rule set 2.0, <c>neckSwellingOrAirway</c> applies when
    /// neck surgery is possible (region cervical or not given), <c>woundBleeding</c> in the early period (day 42 or
    /// earlier). Every question of rule set 1.0 always applies.
    /// </summary>
    /// <param name="question">A question of the rule set.</param>
    /// <param name="surgeryRegion">The report's surgery region; <see langword="null"/> when not given.</param>
    /// <param name="daysSinceSurgery">The days from the surgery date to the assessment date (<see cref="ValidatedReport.DaysSinceSurgery"/>).</param>
    /// <returns>Whether it applies, and the reason.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="question"/> is not a question of the rule set.</exception>
    public QuestionApplicability Applicability(QuestionId question, SurgeryRegion? surgeryRegion, int daysSinceSurgery)
    {
        if (!Has(question))
        {
            throw new ArgumentOutOfRangeException(nameof(question), question, $"Not a question of rule set {Selector}.");
        }

        return QuestionApplicability.Of(Edition.Get(question), surgeryRegion, daysSinceSurgery);
    }

    /// <summary>
    /// Gets a question's text for a report of the given surgery region and day count: as <see cref="Question.Text"/>, with
    /// the notes whose condition holds for that report (rule set 3.0's <c>woundDischarge</c> says up to day 90 that clear,
    /// watery fluid is asked next, and from day 91 that it counts there too).
    /// </summary>
    /// <param name="question">A question of the rule set.</param>
    /// <param name="surgeryRegion">The report's surgery region; <see langword="null"/> when not given.</param>
    /// <param name="daysSinceSurgery">The days from the surgery date to the assessment date.</param>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>; <see langword="null"/> for <see cref="Language"/>.</param>
    /// <returns>The text, worded in the language after the engine's overrides, the fever threshold filled in.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="question"/> is not a question of the rule set.</exception>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public string QuestionText(QuestionId question, SurgeryRegion? surgeryRegion, int daysSinceSurgery, string? language = null)
    {
        if (!Has(question))
        {
            throw new ArgumentOutOfRangeException(nameof(question), question, $"Not a question of rule set {Selector}.");
        }

        return Edition.Get(question).TextIn(TextsIn(language ?? Language).Catalogue, FeverThresholdCelsius, surgeryRegion, daysSinceSurgery);
    }

    /// <summary>Tells, for every question of the rule set in asking order, whether it applies to a validated report, and why.</summary>
    /// <param name="report">The report (its surgery region and days since surgery decide).</param>
    /// <returns>One entry per question of <see cref="Questions"/>, in asking order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<QuestionApplicability> Applicability(ValidatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Array.AsReadOnly(Questions.Select(q => QuestionApplicability.Of(q, report.Report.SurgeryRegion, report.DaysSinceSurgery)).ToArray());
    }

    private static string Describe(string name, string version, IEnumerable<Question> questions, IEnumerable<Rule> rules, decimal feverThreshold, int severePain)
    {
        var text = new StringBuilder()
            .Append("spinetriage-rule-set\n");

        // The shipped rule sets' text (and hash) stay as they were; a local edition's names it, so no hash of it is a shipped one's.
        if (!string.Equals(name, LoadedRuleSet.ShippedName, StringComparison.Ordinal))
        {
            text.Append("name=").Append(name).Append('\n');
        }

        text
            .Append("version=").Append(version).Append('\n')
            .Append("feverThresholdCelsius=").Append(feverThreshold.ToString("0.0###", CultureInfo.InvariantCulture)).Append('\n')
            .Append("severePainScore=").Append(severePain.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var question in questions)
        {
            text.Append(string.Join('\u001f', "question", question.JsonId, question.RedFlagApplicability, question.Applicability)).Append('\n');
        }

        foreach (var rule in rules)
        {
            text.Append(string.Join('\u001f', "rule", rule.Id, rule.Urgency.JsonName(), rule.When.Description)).Append('\n');
        }

        return text.ToString();
    }
}
