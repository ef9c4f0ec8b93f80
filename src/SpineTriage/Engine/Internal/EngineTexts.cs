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
        RuleTexts = [.. rules.Select(r => (catalogue.Find(r.TitleKey) ?? r.Title, catalogue.Find(r.PatientExplanationKey) ?? r.PatientExplanation))];
        Rules = Array.AsReadOnly(rules.Select((r, i) => r.ToDefinition() with { Title = RuleTexts[i].Title, PatientExplanation = RuleTexts[i].PatientExplanation }).ToArray());
        Questions = Array.AsReadOnly(edition.Questions.Select(q => q with { Text = q.TextIn(catalogue, feverThresholdCelsius) }).ToArray());
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

    /// <summary>Gets each rule's title and patient explanation, in catalogue order.</summary>
    public (string Title, string PatientExplanation)[] RuleTexts { get; }

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
