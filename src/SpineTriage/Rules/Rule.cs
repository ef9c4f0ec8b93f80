using SpineTriage.Results;

namespace SpineTriage.Rules;

/// <summary>One rule of the catalogue: its identity, texts and condition. The engine evaluates it; the catalogue lists it.</summary>
internal sealed class Rule(string id, Urgency urgency)
{
    public string Id { get; } = id;

    public Urgency Urgency { get; } = urgency;

    public required string Title { get; init; }

    public required Condition When { get; init; }

    public required string Consideration { get; init; }

    public required string Source { get; init; }

    public required string PatientExplanation { get; init; }

    public string ClinicianRationale => $"Consider: {Consideration}. Fired because: {When.Description}.";

    public RuleDefinition ToDefinition() => new(Id, Urgency, Title, When.Description, Consideration, Source, PatientExplanation, ClinicianRationale);
}

/// <summary>Builds the ordered rule list and resolves references from one rule to an earlier one.</summary>
internal sealed class RuleList
{
    private readonly List<Rule> _rules = [];

    public IReadOnlyList<Rule> Rules => _rules;

    public void Add(Rule rule)
    {
        if (_rules.Count == 64)
        {
            throw new InvalidOperationException("The engine keeps fired rules in 64 bits; split the rule set.");
        }

        if (_rules.Any(r => r.Id == rule.Id))
        {
            throw new InvalidOperationException($"Rule id {rule.Id} is declared twice.");
        }

        if (_rules.Count > 0 && rule.Urgency > _rules[^1].Urgency)
        {
            throw new InvalidOperationException($"Rule {rule.Id} must come before the rules of lower urgency: findings are ordered by urgency, then by rule order.");
        }

        _rules.Add(rule);
    }

    /// <summary>A condition on an earlier rule, which is therefore evaluated first.</summary>
    public Condition DidNotFire(string ruleId)
    {
        var index = _rules.FindIndex(r => r.Id == ruleId);
        return index < 0
            ? throw new InvalidOperationException($"Rule {ruleId} must be declared before a rule that depends on it.")
            : new NotFired(ruleId, 1UL << index);
    }
}
