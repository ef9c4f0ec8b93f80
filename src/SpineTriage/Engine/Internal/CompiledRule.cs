using System.Runtime.CompilerServices;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// A rule as the engine evaluates it: its condition compiled into clauses (which the engine puts with the
/// other rules' into a <see cref="RuleTable"/>), and a place for its finding for every evidence it can give
/// (<see cref="EvidenceSpace"/>) in every language of the engine. A finding is made the first time its evidence is seen
/// in a language and then shared by every result that has the same evidence and language, so evaluation seldom
/// allocates one. Findings are immutable and
/// equal whoever makes them, so threads may race to fill a place harmlessly. Evidence that names a measured
/// temperature (or a fact such as days since surgery) is made for each report.
/// </summary>
internal sealed class CompiledRule
{
    private readonly EvidenceSpace _space;
    private readonly string _rationale;
    private readonly Finding?[] _findings; // language-major: language * evidence count + evidence index
    private readonly (string Title, string PatientExplanation)[] _texts; // by language index

    private readonly IReadOnlyList<Reports.QuestionId> _askingOrder;

    /// <param name="rule">The rule.</param>
    /// <param name="layout">The facts word of the rule set.</param>
    /// <param name="scope">Where the rule stands in the catalogue.</param>
    /// <param name="askingOrder">The rule set's questions in asking order: the order in which evidence cites answers.</param>
    /// <param name="texts">The rule's title and patient explanation in each language of the engine, by language index; the rule's own when <see langword="null"/>.</param>
    public CompiledRule(Rule rule, FactLayout layout, RuleScope scope, IReadOnlyList<Reports.QuestionId> askingOrder, (string Title, string PatientExplanation)[]? texts = null)
    {
        _texts = texts ?? [(rule.Title, rule.PatientExplanation)];
        Rule = rule;
        _askingOrder = askingOrder;
        Scope = scope;
        Clauses = ConditionCompiler.Compile(rule.When, layout, scope);
        _space = EvidenceSpace.Of(rule.When, layout);
        _rationale = rule.ClinicianRationale;
        _findings = new Finding?[_space.Count * _texts.Length];
    }

    public Rule Rule { get; }

    /// <summary>Gets where the rule stands in the catalogue.</summary>
    public RuleScope Scope { get; }

    /// <summary>Gets the rule's condition compiled: it holds when every clause holds.</summary>
    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>The finding of the rule for a report on which it fired, given every rule that fired, in a language (its index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Finding FindingFor(in Facts facts, ulong fired, int language = 0)
    {
        var index = _space.IndexOf(facts);
        if (index >= 0)
        {
            index += language * _space.Count;
        }

        return index >= 0 && _findings[index] is { } shared ? shared : Make(index, facts, fired, language);
    }

    // Kept out of FindingFor, so that the common path stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Finding Make(int index, in Facts facts, ulong fired, int language)
    {
        var made = Explain(facts, fired, _texts[language]);
        if (index < 0)
        {
            return made;
        }

        // The first finding made for an evidence is kept; a thread that lost the race uses the kept one.
        Interlocked.CompareExchange(ref _findings[index], made, null);
        return Volatile.Read(ref _findings[index])!;
    }

    private Finding Explain(in Facts facts, ulong fired, (string Title, string PatientExplanation) texts) => new()
    {
        RuleId = Rule.Id,
        Urgency = Rule.Urgency,
        Title = texts.Title,
        PatientExplanation = texts.PatientExplanation,
        ClinicianRationale = _rationale,
        Evidence = ValueList<string>.Own(ConditionInterpreter.Evidence(Rule.When, facts, fired & ((1UL << Scope.Index) - 1), Scope, _askingOrder).ToArray()),
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
    /// <param name="questions">The rule set's questions in asking order (the order in which evidence cites answers); their ids must be 0 to count - 1.</param>
    /// <param name="feverThresholdCelsius">The engine's fever threshold.</param>
    /// <param name="moreConditions">Other conditions the engine tests on the facts (the safety net's, the advice's), so the layout has their facts.</param>
    /// <param name="ruleTexts">Each rule's title and explanation per language: <c>ruleTexts[language][rule]</c>; the rules' own when <see langword="null"/>.</param>
    public CompiledRuleSet(
        IReadOnlyList<Rule> rules,
        IReadOnlyList<Reports.Question> questions,
        decimal feverThresholdCelsius,
        IEnumerable<Condition>? moreConditions = null,
        IReadOnlyList<(string Title, string PatientExplanation)[]>? ruleTexts = null)
    {
        Layout = new FactLayout([.. questions.OrderBy(q => q.Id)], rules.Select(r => r.When).Append(When.WoundSign).Concat(moreConditions ?? []), feverThresholdCelsius);
        AskingOrder = Array.AsReadOnly(questions.Select(q => q.Id).ToArray());
        var indexes = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);
        Rules = rules.Select((rule, index) => new CompiledRule(rule, Layout, new RuleScope(index, indexes), AskingOrder, ruleTexts?.Select(t => t[index]).ToArray())).ToArray();
        Table = new RuleTable(Rules.Select(r => r.Clauses).ToArray());
        WoundSign = FactTest.Of(ConditionCompiler.CompileFacts(When.WoundSign, Layout));
        Settled = new SettledCheck(Rules, Layout, Table);
    }

    public FactLayout Layout { get; }

    /// <summary>Gets the rule set's questions in asking order.</summary>
    public IReadOnlyList<Reports.QuestionId> AskingOrder { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    public RuleTable Table { get; }

    /// <summary>Gets the derived fact wound sign present, for the safety net.</summary>
    public FactTest WoundSign { get; }

    /// <summary>Gets the test of <see cref="Results.TriageResult.IsSettled"/>.</summary>
    public SettledCheck Settled { get; }
}
