using System.Runtime.CompilerServices;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// A rule as the engine evaluates it: its condition compiled into clauses (which the engine puts with the
/// other rules' into a <see cref="RuleTable"/>), and a place for its finding for every evidence it can give
/// (<see cref="EvidenceSpace"/>). A finding is made the first time its evidence is seen and then shared by
/// every result that has the same evidence, so evaluation seldom allocates one. Findings are immutable and
/// equal whoever makes them, so threads may race to fill a place harmlessly. Evidence that names a measured
/// temperature (or a fact such as days since surgery) is made for each report.
/// </summary>
internal sealed class CompiledRule
{
    private readonly EvidenceSpace _space;
    private readonly string _rationale;
    private readonly Finding?[] _findings;

    public CompiledRule(Rule rule, FactLayout layout, RuleScope scope)
    {
        Rule = rule;
        Scope = scope;
        Clauses = ConditionCompiler.Compile(rule.When, layout, scope);
        _space = EvidenceSpace.Of(rule.When, layout);
        _rationale = rule.ClinicianRationale;
        _findings = new Finding?[_space.Count];
    }

    public Rule Rule { get; }

    /// <summary>Gets where the rule stands in the catalogue.</summary>
    public RuleScope Scope { get; }

    /// <summary>Gets the rule's condition compiled: it holds when every clause holds.</summary>
    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>The finding of the rule for a report on which it fired, given every rule that fired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Finding FindingFor(in Facts facts, ulong fired)
    {
        var index = _space.IndexOf(facts);
        return index >= 0 && _findings[index] is { } shared ? shared : Make(index, facts, fired);
    }

    // Kept out of FindingFor, so that the common path stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Finding Make(int index, in Facts facts, ulong fired)
    {
        var made = Explain(facts, fired);
        if (index < 0)
        {
            return made;
        }

        // The first finding made for an evidence is kept; a thread that lost the race uses the kept one.
        Interlocked.CompareExchange(ref _findings[index], made, null);
        return Volatile.Read(ref _findings[index])!;
    }

    private Finding Explain(in Facts facts, ulong fired) => new()
    {
        RuleId = Rule.Id,
        Urgency = Rule.Urgency,
        Title = Rule.Title,
        PatientExplanation = Rule.PatientExplanation,
        ClinicianRationale = _rationale,
        Evidence = ValueList<string>.Own(ConditionInterpreter.Evidence(Rule.When, facts, fired & ((1UL << Scope.Index) - 1), Scope).ToArray()),
        Source = Rule.Source,
    };
}

/// <summary>
/// A rule catalogue compiled for one engine: the fact layout derived from the question catalogue and the
/// conditions, each rule's compiled form and the tables that test them all at once.
/// </summary>
internal sealed class CompiledRuleSet
{
    /// <param name="rules">The rules in catalogue order.</param>
    /// <param name="questions">The rule set's questions in the order of their ids.</param>
    /// <param name="feverThresholdCelsius">The engine's fever threshold.</param>
    /// <param name="moreConditions">Other conditions the engine tests on the facts (the safety net's, the advice's), so the layout has their facts.</param>
    public CompiledRuleSet(IReadOnlyList<Rule> rules, IReadOnlyList<Reports.Question> questions, decimal feverThresholdCelsius, IEnumerable<Condition>? moreConditions = null)
    {
        Layout = new FactLayout(questions, rules.Select(r => r.When).Append(When.WoundSign).Concat(moreConditions ?? []), feverThresholdCelsius);
        var indexes = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);
        Rules = rules.Select((rule, index) => new CompiledRule(rule, Layout, new RuleScope(index, indexes))).ToArray();
        Table = new RuleTable(Rules.Select(r => r.Clauses).ToArray());
        WoundSign = FactTest.Of(ConditionCompiler.CompileFacts(When.WoundSign, Layout));
        Settled = new SettledCheck(Rules, Layout, Table);
    }

    public FactLayout Layout { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    public RuleTable Table { get; }

    /// <summary>Gets the derived fact wound sign present, for the safety net.</summary>
    public FactTest WoundSign { get; }

    /// <summary>Gets the test of <see cref="Results.TriageResult.IsSettled"/>.</summary>
    public SettledCheck Settled { get; }
}
