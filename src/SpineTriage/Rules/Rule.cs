using SpineTriage.Results;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Rules;

/// <summary>One rule of the catalogue: its identity, texts and condition. The engine evaluates it; the catalogue lists it.</summary>
internal sealed class Rule(string id, Urgency urgency)
{
    public string Id { get; } = id;

    public Urgency Urgency { get; } = urgency;

    /// <summary>Gets the title: the text catalogue's <c>rule.{id}.title</c> unless given (empty when neither; the rule list refuses it).</summary>
    public string Title { get; init; } = TextCatalogue.English.Find($"rule.{id}.title") ?? string.Empty;

    public required Condition When { get; init; }

    public required string Consideration { get; init; }

    public required string Source { get; init; }

    /// <summary>Gets the patient explanation: the text catalogue's <c>rule.{id}.patientExplanation</c> unless given.</summary>
    public string PatientExplanation { get; init; } = TextCatalogue.English.Find($"rule.{id}.patientExplanation") ?? string.Empty;

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
            throw new InvalidOperationException($"Rule {rule.Id} has no title or patient explanation: add rule.{rule.Id}.title and rule.{rule.Id}.patientExplanation to the text catalogue.");
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
