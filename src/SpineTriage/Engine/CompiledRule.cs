using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace SpineTriage.Internal;

/// <summary>
/// A rule as the engine evaluates it: its condition's clauses, and a place for its finding for every
/// evidence it can give (<see cref="Condition.Space"/>). A finding is made the first time its evidence is
/// seen and then shared by every result that has the same evidence, so evaluation seldom allocates one.
/// Findings are immutable and equal whoever makes them, so threads may race to fill a place harmlessly.
/// Only evidence that names a measured temperature is made for each report.
/// </summary>
internal sealed class CompiledRule
{
    private static readonly ReadOnlyCollection<string> NoLines = ReadOnlyCollection<string>.Empty;

    private readonly ulong[] _clauses;
    private readonly ulong _unless;
    private readonly Condition _condition;
    private readonly EvidenceSpace _space;
    private readonly string _rationale;
    private readonly Finding?[] _findings;

    public CompiledRule(Rule rule)
    {
        Rule = rule;
        _clauses = [.. rule.When.Clauses];
        _unless = rule.When.Unless;
        _condition = rule.When;
        _space = rule.When.Space;
        _rationale = rule.ClinicianRationale;
        _findings = new Finding?[_space.Count];
    }

    public Rule Rule { get; }

    /// <summary>Whether the rule fires on a report with <paramref name="facts"/> (<see cref="Facts.Bits"/>), given the rules that fired before it.</summary>
    public bool IsMet(ulong facts, ulong fired)
    {
        if ((fired & _unless) != 0)
        {
            return false;
        }

        foreach (var clause in _clauses)
        {
            if ((facts & clause) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The finding of the rule for a report on which it fired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Finding FindingFor(in Facts facts)
    {
        var index = _space.IndexOf(facts);
        return index >= 0 && _findings[index] is { } shared ? shared : Make(index, facts);
    }

    // Kept out of FindingFor, so that the common path stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Finding Make(int index, in Facts facts)
    {
        var made = Explain(_space.Of(facts));
        if (index < 0)
        {
            return made;
        }

        // The first finding made for an evidence is kept; a thread that lost the race uses the kept one.
        return Interlocked.CompareExchange(ref _findings[index], made, null) ?? made;
    }

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
