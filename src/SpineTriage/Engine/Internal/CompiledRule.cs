using System.Runtime.CompilerServices;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// A rule as the engine evaluates it: its condition as a <see cref="RuleTest"/> (which the engine compiles
/// with the other rules' into a <see cref="RuleTable"/>), and a place for its finding for every
/// evidence it can give (<see cref="Condition.Space"/>). A finding is made the first time its evidence is
/// seen and then shared by every result that has the same evidence, so evaluation seldom allocates one.
/// Findings are immutable and equal whoever makes them, so threads may race to fill a place harmlessly.
/// Only evidence that names a measured temperature is made for each report.
/// </summary>
internal sealed class CompiledRule
{
    private readonly EvidenceSpace _space;
    private readonly string _rationale;
    private readonly Finding?[] _findings;

    public CompiledRule(Rule rule)
    {
        Rule = rule;
        Test = RuleTest.Of(rule.When);
        _space = rule.When.Space;
        _rationale = rule.ClinicianRationale;
        _findings = new Finding?[_space.Count];
    }

    public Rule Rule { get; }

    /// <summary>Gets the rule's condition as the engine tests it.</summary>
    public RuleTest Test { get; }

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
        Interlocked.CompareExchange(ref _findings[index], made, null);
        return Volatile.Read(ref _findings[index])!;
    }

    private Finding Explain(in Evidence evidence)
    {
        var lines = default(EvidenceWriter);
        Rule.When.AddEvidence(evidence, ref lines);
        return new Finding
        {
            RuleId = Rule.Id,
            Urgency = Rule.Urgency,
            Title = Rule.Title,
            PatientExplanation = Rule.PatientExplanation,
            ClinicianRationale = _rationale,
            Evidence = ValueList<string>.Own(lines.ToArray()),
            Source = Rule.Source,
        };
    }
}

/// <summary>
/// A rule's condition as the engine tests it (through a <see cref="RuleTable"/>): it holds when no rule of
/// <see cref="Unless"/> above it fired and the report's facts (<see cref="Facts.Bits"/>) meet both clauses.
/// A condition has at most <see cref="MaxClauses"/> clauses; a missing clause is <see cref="Always"/>.
/// </summary>
internal readonly record struct RuleTest(ulong Unless, ulong First, ulong Second)
{
    public const int MaxClauses = 2;

    /// <summary>A clause every report meets: <see cref="Facts.Bits"/> always holds one of the two fever facts.</summary>
    public const ulong Always = ulong.MaxValue;

    public static RuleTest Of(Condition condition)
    {
        var clauses = condition.Clauses;
        if (clauses.Count > MaxClauses)
        {
            throw new InvalidOperationException($"A rule condition has {clauses.Count} clauses; the engine tests at most {MaxClauses}.");
        }

        return new RuleTest(condition.Unless, clauses.Count > 0 ? clauses[0] : Always, clauses.Count > 1 ? clauses[1] : Always);
    }
}
