using System.Collections.ObjectModel;

namespace SpineTriage.Internal;

/// <summary>
/// A rule as the engine evaluates it: the questions that trigger it, and a place for its finding for every
/// evidence it can give (<see cref="Condition.Space"/>). A finding is made the first time its evidence is
/// seen and then shared by every result that has the same evidence, so evaluation seldom allocates one.
/// Findings are immutable and equal whoever makes them, so threads may race to fill a place harmlessly.
/// Only evidence that names a measured temperature is made for each report.
/// </summary>
internal sealed class CompiledRule
{
    private static readonly ReadOnlyCollection<string> NoLines = ReadOnlyCollection<string>.Empty;

    private readonly uint _trigger;
    private readonly Condition _condition;
    private readonly EvidenceSpace _space;
    private readonly string _rationale;
    private readonly Finding?[] _findings;

    public CompiledRule(Rule rule)
    {
        Rule = rule;
        _trigger = rule.When.Trigger;
        _condition = rule.When;
        _space = rule.When.Space;
        _rationale = rule.ClinicianRationale;
        _findings = new Finding?[_space.Count];
    }

    public Rule Rule { get; }

    /// <summary>Whether the rule fires; <paramref name="fired"/> has a bit per rule index that already fired.</summary>
    public bool IsMet(in Facts facts, ulong fired) =>
        (_trigger == 0 || (facts.Yes & _trigger) != 0) && _condition.IsMet(facts, fired);

    /// <summary>The finding of the rule for a report on which it fired.</summary>
    public Finding FindingFor(in Facts facts)
    {
        var index = _space.IndexOf(facts);
        if (index < 0)
        {
            return Explain(_space.Of(facts));
        }

        return _findings[index] ?? Remember(index, Explain(_space.Of(facts)));
    }

    /// <summary>Keeps the first finding made for an evidence; a thread that lost the race uses the kept one.</summary>
    private Finding Remember(int index, Finding made) => Interlocked.CompareExchange(ref _findings[index], made, null) ?? made;

    private Finding Explain(in Evidence evidence)
    {
        var lines = default(EvidenceWriter);
        _condition.AddEvidence(evidence, ref lines);
        return new Finding
        {
            RuleId = Rule.Id,
            Urgency = Rule.Urgency,
            Title = Rule.Title,
            PatientExplanation = Rule.PatientExplanation,
            ClinicianRationale = _rationale,
            Evidence = lines.Count == 0 ? NoLines : Array.AsReadOnly(lines.ToArray()),
            Source = Rule.Source,
        };
    }
}
