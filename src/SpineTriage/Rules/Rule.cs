using SpineTriage.Results;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Rules;

/// <summary>One rule of the catalogue: its identity, texts and condition. The engine evaluates it; the catalogue lists it.</summary>
internal sealed class Rule(string id, Urgency urgency)
{
    public string Id { get; } = id;

    public Urgency Urgency { get; } = urgency;

    private readonly string? _title;
    private readonly string? _patientExplanation;

    /// <summary>Gets the key of the title in the text catalogue (default <c>rule.{id}.title</c>).</summary>
    public string TitleKey { get; init; } = $"rule.{id}.title";

    /// <summary>Gets the key of the patient explanation in the text catalogue (default <c>rule.{id}.patientExplanation</c>).</summary>
    public string PatientExplanationKey { get; init; } = $"rule.{id}.patientExplanation";

    /// <summary>Gets the title: the English text of <see cref="TitleKey"/> unless given (empty when neither; the rule list refuses it).</summary>
    public string Title
    {
        get => _title ?? TextCatalogue.English.Find(TitleKey) ?? string.Empty;
        init => _title = value;
    }

    public required Condition When { get; init; }

    public required string Consideration { get; init; }

    public required string Source { get; init; }

    /// <summary>Gets the patient explanation: the English text of <see cref="PatientExplanationKey"/> unless given.</summary>
    public string PatientExplanation
    {
        get => _patientExplanation ?? TextCatalogue.English.Find(PatientExplanationKey) ?? string.Empty;
        init => _patientExplanation = value;
    }

    public string ClinicianRationale => $"Consider: {Consideration}. Fired because: {When.Description}.";

    public RuleDefinition ToDefinition() => new(Id, Urgency, Title, When.Description, Consideration, Source, PatientExplanation, ClinicianRationale);
}

/// <summary>Builds the ordered rule list and checks that a rule refers only to rules declared before it.</summary>
internal sealed class RuleList
{
    private readonly List<Rule> _rules = [];

    public IReadOnlyList<Rule> Rules => _rules;

    public void Add(Rule rule)
    {
        if (rule.Title.Length == 0 || rule.PatientExplanation.Length == 0)
        {
            throw new InvalidOperationException($"Rule {rule.Id} has no title or patient explanation: add {rule.TitleKey} and {rule.PatientExplanationKey} to the text catalogue.");
        }

        if (_rules.Any(r => r.Id == rule.Id))
        {
            throw new InvalidOperationException($"Rule id {rule.Id} is declared twice.");
        }

        foreach (var id in RulesReferredTo(rule.When))
        {
            if (!_rules.Any(r => r.Id == id))
            {
                throw new InvalidOperationException($"Rule {id} must be declared before a rule that depends on it.");
            }
        }

        _rules.Add(rule);
    }

    private static IEnumerable<string> RulesReferredTo(Condition condition) => condition switch
    {
        RuleFired fired => [fired.RuleId],
        AllOf all => all.Conditions.SelectMany(RulesReferredTo),
        AnyOf any => any.Conditions.SelectMany(RulesReferredTo),
        NotOf not => RulesReferredTo(not.Condition),
        NamedFact fact => RulesReferredTo(fact.Definition),
        _ => [],
    };
}
