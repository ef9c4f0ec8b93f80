using System.Collections.Frozen;
using SpineTriage.Reports;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// One line of rule sets as the engine builds it (<see cref="RuleSets"/>): its selector and exact version, its
/// question catalogue in asking order, its rules, its safety-net signs and advice. Both lines are declared here; their
/// questions and rules are declared in <see cref="RuleCatalogue"/> (1.0) and <see cref="RuleCatalogueTwo"/> (2.0).
/// </summary>
internal sealed class RuleSetEdition
{
    private readonly Func<decimal, int, IReadOnlyList<Rule>> _build;

    // The advice tables of each embedded catalogue, built on first use and shared by every engine whose overrides leave them alone.
    private readonly FrozenDictionary<string, Lazy<AdviceTables>> _defaultAdvice;

    private RuleSetEdition(
        string selector,
        string version,
        IReadOnlyList<string> changes,
        IReadOnlyList<Question> questions,
        Func<decimal, int, IReadOnlyList<Rule>> build,
        IReadOnlyList<SafetyNetSign> emergencySigns,
        Condition? earlyPeriodAdvice)
    {
        Selector = selector;
        Version = version;
        Changes = changes;
        Questions = questions;
        QuestionsById = Array.AsReadOnly(questions.OrderBy(q => q.Id).ToArray());
        _build = build;
        EmergencySigns = emergencySigns;
        EarlyPeriodAdvice = earlyPeriodAdvice;
        Ids = Array.AsReadOnly(build(38.0m, 8).Select(r => r.Id).ToArray());
        _defaultAdvice = TextCatalogue.Languages.ToFrozenDictionary(
            language => language,
            language => new Lazy<AdviceTables>(() => new AdviceTables(TextCatalogue.For(language), emergencySigns, earlyPeriodAdvice is not null)),
            StringComparer.Ordinal);
        if (QuestionsById.Select((q, i) => (int)q.Id != i).Any(wrong => wrong))
        {
            throw new InvalidOperationException($"Rule set {selector} must have the questions 0 to {questions.Count - 1}: the engine keeps answers a bit per question id.");
        }
    }

    /// <summary>Gets rule set 1.0 (clinical-criteria.md), at its latest version.</summary>
    public static RuleSetEdition One { get; } = new(
        RuleSets.V1,
        RuleCatalogue.Version,
        RuleCatalogue.Changes,
        QuestionCatalogue.All,
        RuleCatalogue.Build,
        RuleCatalogue.EmergencySigns,
        earlyPeriodAdvice: null);

    /// <summary>Gets rule set 2.0 (clinical-criteria-2.0.md), at its latest version.</summary>
    public static RuleSetEdition Two { get; } = new(
        RuleSets.V2,
        RuleCatalogueTwo.Version,
        RuleCatalogueTwo.Changes,
        RuleCatalogueTwo.Questions,
        RuleCatalogueTwo.Build,
        RuleCatalogueTwo.EmergencySigns,
        When.EarlyPeriod);

    /// <summary>Gets every line, oldest first.</summary>
    public static IReadOnlyList<RuleSetEdition> All { get; } = [One, Two];

    /// <summary>Gets the selector that names the line: <c>1.0</c> or <c>2.0</c>.</summary>
    public string Selector { get; }

    /// <summary>Gets the exact version of the line's latest rule set, for example <c>2.0.0</c>.</summary>
    public string Version { get; }

    public IReadOnlyList<string> Changes { get; }

    /// <summary>Gets the questions in asking order.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Gets the questions in the order of their ids, as the engine lays out their answers.</summary>
    public IReadOnlyList<Question> QuestionsById { get; }

    /// <summary>Gets the rule ids in catalogue order; they do not depend on the thresholds.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Gets the emergency signs of the safety net, in the order it lists them.</summary>
    public IReadOnlyList<SafetyNetSign> EmergencySigns { get; }

    /// <summary>Gets when the early-period care advice is given, or <see langword="null"/> when the rule set has none.</summary>
    public Condition? EarlyPeriodAdvice { get; }

    /// <summary>Gets the advice tables in English, without overrides.</summary>
    public AdviceTables Advice => _defaultAdvice[Texts.TextLanguages.English].Value;

    /// <summary>The advice tables of a catalogue: shared when no advice or safety-net text of it is overridden, else its own.</summary>
    public AdviceTables AdviceFor(TextCatalogue texts) => texts.Overridden.Any(Rules.Advice.IsAdviceKey)
        ? new AdviceTables(texts, EmergencySigns, EarlyPeriodAdvice is not null)
        : _defaultAdvice[texts.Language].Value;

    /// <summary>Finds a line by its selector.</summary>
    public static RuleSetEdition? Find(string? selector) => All.FirstOrDefault(e => string.Equals(e.Selector, selector, StringComparison.Ordinal));

    /// <summary>Builds the rules with the engine's thresholds, in catalogue order.</summary>
    public IReadOnlyList<Rule> Build(decimal feverThresholdCelsius, int severePainScore) => _build(feverThresholdCelsius, severePainScore);

    public bool Has(QuestionId question) => (uint)question < (uint)QuestionsById.Count;
}
