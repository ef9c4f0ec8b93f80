using System.Collections.Frozen;
using System.Text;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Results.Internal;
using SpineTriage.Rules;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// The texts of one engine in one language, resolved once when the engine is built: the catalogue with the
/// integrator's overrides, the dispositions by urgency, the advice tables, the rules' and questions' texts, and the
/// text-set identity (a SHA-256 hash of the language, every catalogue text after overrides and the rules' clinician texts).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class EngineTexts
{
    public EngineTexts(int index, TextCatalogue catalogue, RuleSetEdition edition, IReadOnlyList<Rule> rules, decimal feverThresholdCelsius = Question.DefaultFeverCelsius)
    {
        Index = index;
        Catalogue = catalogue;
        Dispositions = new string[(int)Urgency.Emergency + 1];
        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            Dispositions[(int)urgency] = catalogue.Get($"disposition.{urgency.JsonName()}");
        }

        Advice = edition.AdviceFor(catalogue);
        RuleTexts = [.. rules.Select(r => new RuleText(
            catalogue.Find(r.TitleKey) ?? r.Title,
            catalogue.Find(r.PatientExplanationKey) ?? r.PatientExplanation,
            catalogue.Has(r.TitleKey) ? r.TitleKey : null,
            catalogue.Has(r.PatientExplanationKey) ? r.PatientExplanationKey : null))];
        EmergencyExplanations = rules
            .Where(r => catalogue.Has(r.PatientExplanationKey + EmergencySuffix))
            .ToFrozenDictionary(r => r.Id, r => new KeyedText(r.PatientExplanationKey + EmergencySuffix, catalogue.Get(r.PatientExplanationKey + EmergencySuffix)), StringComparer.Ordinal);
        SettledNotAsked = new KeyedText(SettledNotAskedKey, catalogue.Get(SettledNotAskedKey));
        SettledDoNotKnow = new KeyedText(SettledDoNotKnowKey, catalogue.Get(SettledDoNotKnowKey));
        Rules = Array.AsReadOnly(rules.Select((r, i) => r.ToDefinition() with { Title = RuleTexts[i].Title, PatientExplanation = RuleTexts[i].PatientExplanation }).ToArray());
        Questions = Array.AsReadOnly(edition.Questions.Select(q => q.WordedIn(catalogue, feverThresholdCelsius)).ToArray());
        Identity = new TextSetIdentity(catalogue.Language, Sha256Hash.Of(Describe(catalogue, Rules)));
    }

    /// <summary>Gets the language's place in <see cref="TextCatalogue.Languages"/>: where its findings are kept.</summary>
    public int Index { get; }

    public string Language => Catalogue.Language;

    /// <summary>Gets the catalogue of the language with the overrides.</summary>
    public TextCatalogue Catalogue { get; }

    /// <summary>Gets the disposition text of each urgency, by urgency code.</summary>
    public string[] Dispositions { get; }

    public AdviceTables Advice { get; }

    /// <summary>The suffix of the key of a rule's explanation as an emergency result words it (no call "today", no request for more answers).</summary>
    public const string EmergencySuffix = "@emergency";

    /// <summary>The key of <c>unresolved-red-flag</c>'s explanation in a settled result whose unresolved red flags were all not asked.</summary>
    public const string SettledNotAskedKey = "result.settledNotAsked";

    /// <summary>The key of <c>unresolved-red-flag</c>'s explanation in a settled result where a red flag was also answered "don't know".</summary>
    public const string SettledDoNotKnowKey = "result.settledDoNotKnow";

    /// <summary>Gets each rule's title and patient explanation with their keys, in catalogue order.</summary>
    public RuleText[] RuleTexts { get; }

    /// <summary>Gets, by rule id, the explanation of each rule that has its own wording for an emergency result.</summary>
    public FrozenDictionary<string, KeyedText> EmergencyExplanations { get; }

    /// <summary>Gets <c>unresolved-red-flag</c>'s explanation in a settled result whose unresolved red flags were all not asked.</summary>
    public KeyedText SettledNotAsked { get; }

    /// <summary>Gets <c>unresolved-red-flag</c>'s explanation in a settled result where a red flag was also answered "don't know".</summary>
    public KeyedText SettledDoNotKnow { get; }

    /// <summary>Gets the rules in evaluation order with their texts in this language.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Gets the questions in asking order with their texts in this language.</summary>
    public IReadOnlyList<Question> Questions { get; }

    public TextSetIdentity Identity { get; }

    /// <summary>The canonical text of the text-set hash: the catalogue (language, then key and text per line) and each rule's clinician texts.</summary>
    internal static string Describe(TextCatalogue catalogue, IEnumerable<RuleDefinition> rules)
    {
        var text = new StringBuilder("spinetriage-text-set\n").Append(catalogue.Describe()).Append("clinician\n");
        foreach (var rule in rules)
        {
            text.Append(string.Join('\u001f', rule.Id, rule.Consideration, rule.Source, rule.ClinicianRationale)).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>A rule's title and patient explanation in one language, with their registry keys (null for a text not in the registry).</summary>
internal readonly record struct RuleText(string Title, string PatientExplanation, string? TitleKey, string? PatientExplanationKey);

/// <summary>A text with its registry key.</summary>
internal sealed record KeyedText(string Key, string Text);
