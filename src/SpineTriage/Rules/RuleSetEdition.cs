using System.Collections.Frozen;
using SpineTriage.Reports;
using SpineTriage.Serialization.Internal;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// One rule set as the engine builds it from its document (<see cref="RuleSetDocument"/>, the shipped ones in
/// <c>Rules/Documents/</c>): its selector and exact version, its question catalogue in asking order, its rules, its
/// safety-net signs and advice.
/// </summary>
internal sealed class RuleSetEdition
{
    // The advice tables of each embedded catalogue, built on first use and shared by every engine whose overrides leave them alone.
    private readonly FrozenDictionary<string, Lazy<AdviceTables>> _defaultAdvice;
    private readonly FrozenDictionary<QuestionId, Question> _byId;

    private RuleSetEdition(RuleSetDocument document)
    {
        Document = document;
        // A local edition reports the line it is based on (docs/rule-sets.md), else the line of its own major version.
        Selector = document.Name != LoadedRuleSet.ShippedName && RuleSets.Selectors.Contains(document.BasedOn, StringComparer.Ordinal) ? document.BasedOn! : document.Selector;
        Name = document.Name;
        Version = document.Version;
        Changes = document.Changes;
        var conditions = document.Conditions(document.FeverCelsius, document.SeverePainScore);
        Questions = Array.AsReadOnly(document.Questions.Select((q, i) =>
        {
            if (!QuestionIds.TryParse(q.Id, out var id))
            {
                throw new FormatException($"{q.Path}.id: unknown question '{ConditionBuilder.Cut(q.Id)}'.");
            }

            if (q.ClinicianOnly && q.RedFlag)
            {
                // A patient interview never asks it, so unknown it could never be resolved: a red flag must be asked of the patient.
                throw new FormatException($"{q.Path}.askedBy: a red flag is asked of the patient, not of clinicians only.");
            }

            var question = new Question(id, q.Id, q.RedFlag, string.Empty, i + 1)
            {
                TextKey = q.Lead,
                SignKeys = q.Signs.Count == 0 ? Array.Empty<string>() : q.Signs,
                Notes = q.Notes.Count == 0 ? Array.Empty<QuestionNote>() : Array.AsReadOnly(q.Notes.Select(n => new QuestionNote(n.TextKey, conditions.Read(n.When, n.Path + ".when"))).ToArray()),
                IsClinicianOnly = q.ClinicianOnly,
                AppliesWhen = conditions.Read(q.AppliesWhen, q.Path + ".appliesWhen"),
                CountsAsRedFlagWhen = conditions.Read(q.RedFlagWhen, q.Path + ".redFlagWhen"),
            };
            return question.WordedIn(TextCatalogue.English);
        }).ToArray());
        _byId = Questions.ToFrozenDictionary(q => q.Id);
        if (_byId.Count != Questions.Count)
        {
            throw new FormatException($"{document.Origin}: a question id is listed twice.");
        }

        ReportReading = ReportReader.Reading(QuestionVocabulary.With(Questions.Select(q => q.Id)));
        Ids = Array.AsReadOnly(document.Rules.Select(r => r.Id).ToArray());
        EmergencySigns = Array.AsReadOnly(document.Signs.Select(s => new SafetyNetSign(
            s.Id,
            s.TextKey,
            fever => document.Conditions(fever, document.SeverePainScore).Read(s.PresentWhen, s.Path + ".presentWhen"),
            conditions.Read(s.ListedWhen, s.Path + ".listedWhen"))).ToArray());
        ConditionalAdvice = Array.AsReadOnly(document.ConditionalAdvice.Select(a => new ConditionalAdvice(a.Id, a.TextKey, conditions.Read(a.When, a.Path + ".when"))).ToArray());
        if (ConditionalAdvice.Count > AdviceTables.MaxConditionalAdvice)
        {
            throw new FormatException($"$.advice.when: at most {AdviceTables.MaxConditionalAdvice} conditional advice lines.");
        }

        _defaultAdvice = TextCatalogue.Languages.ToFrozenDictionary(
            language => language,
            language => new Lazy<AdviceTables>(() => new AdviceTables(TextCatalogue.For(language), this)),
            StringComparer.Ordinal);
    }

    /// <summary>Builds a rule set from a document.</summary>
    /// <exception cref="FormatException">The document is not a usable rule set; the message names the JSON path.</exception>
    public static RuleSetEdition From(RuleSetDocument document) => new(document);

    /// <summary>Gets rule set 1.0 (clinical-criteria.md), at its latest version.</summary>
    public static RuleSetEdition One { get; } = new(RuleSetDocument.Embedded(RuleSets.V1));

    /// <summary>Gets rule set 2.0 (clinical-criteria-2.0.md), at its latest version.</summary>
    public static RuleSetEdition Two { get; } = new(RuleSetDocument.Embedded(RuleSets.V2));

    /// <summary>Gets rule set 3.0 (clinical-criteria-3.0.md), at its latest version.</summary>
    public static RuleSetEdition Three { get; } = new(RuleSetDocument.Embedded(RuleSets.V3));

    /// <summary>Gets every line, oldest first.</summary>
    public static IReadOnlyList<RuleSetEdition> All { get; } = [One, Two, Three];

    /// <summary>Gets the document the rule set was built from.</summary>
    public RuleSetDocument Document { get; }

    /// <summary>Gets the selector that names the line: <c>1.0</c> or <c>2.0</c>.</summary>
    public string Selector { get; }

    /// <summary>Gets the rule set's name: <c>spinetriage</c> for the shipped ones.</summary>
    public string Name { get; }

    /// <summary>Gets the exact version of the line's latest rule set, for example <c>2.1.0</c>.</summary>
    public string Version { get; }

    public IReadOnlyList<string> Changes { get; }

    /// <summary>Gets the questions in asking order.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Gets the strict reader of reports for the rule set: the shipped questions and its own.</summary>
    public ReadRoot<SymptomReport> ReportReading { get; }

    /// <summary>Gets the rule ids in catalogue order; they do not depend on the thresholds.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Gets the emergency signs of the safety net, in the order it lists them.</summary>
    public IReadOnlyList<SafetyNetSign> EmergencySigns { get; }

    /// <summary>Gets the care advice given when a condition holds (rule set 2.0: the early period), in order.</summary>
    public IReadOnlyList<ConditionalAdvice> ConditionalAdvice { get; }

    /// <summary>Gets the advice tables in English, without overrides.</summary>
    public AdviceTables Advice => _defaultAdvice[Texts.TextLanguages.English].Value;

    /// <summary>The advice tables of a catalogue: shared when no advice or safety-net text of it is overridden, else its own.</summary>
    public AdviceTables AdviceFor(TextCatalogue texts) => texts.Overridden.Any(Rules.Advice.IsAdviceKey)
        ? new AdviceTables(texts, this)
        : _defaultAdvice[texts.Language].Value;

    /// <summary>Finds a line by its selector.</summary>
    public static RuleSetEdition? Find(string? selector) => All.FirstOrDefault(e => string.Equals(e.Selector, selector, StringComparison.Ordinal));

    /// <summary>Builds the rules with the engine's thresholds, in catalogue order.</summary>
    public IReadOnlyList<Rule> Build(decimal feverThresholdCelsius, int severePainScore)
    {
        var conditions = Document.Conditions(feverThresholdCelsius, severePainScore);
        var rules = new RuleList();
        foreach (var spec in Document.Rules)
        {
            rules.Add(new Rule(spec.Id, spec.Urgency)
            {
                When = conditions.Read(spec.When, spec.Path + ".when"),
                Consideration = spec.Consideration,
                Source = spec.Source,
                TitleKey = spec.TitleKey,
                PatientExplanationKey = spec.ExplanationKey,
            });
        }

        return rules.Rules;
    }

    /// <summary>Gets whether the rule set has a question.</summary>
    public bool Has(QuestionId question) => _byId.ContainsKey(question);

    /// <summary>Gets a question of the rule set.</summary>
    public Question Get(QuestionId question) => _byId[question];
}

/// <summary>A care-advice line given when its condition holds (rule set 2.0: the early-period advice).</summary>
/// <param name="Id">The line's id in the document.</param>
/// <param name="TextKey">The key of its text.</param>
/// <param name="When">When it is given.</param>
internal sealed record ConditionalAdvice(string Id, string TextKey, Condition When);
