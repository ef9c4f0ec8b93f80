using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Rules;

/// <summary>Evaluates a rule list written in a test, as an engine evaluates its catalogue, and fires it on reports.</summary>
internal sealed class RuleHarness
{
    private static readonly SpineTriage.Engine.TriageEngine Validator = ReportBuilder.EngineV1();

    private readonly RuleEvaluator _rules;

    public RuleHarness(IReadOnlyList<Question>? questions = null, params (string Id, Urgency Urgency, Condition When)[] rules)
    {
        var list = new RuleList();
        foreach (var (id, urgency, when) in rules)
        {
            list.Add(Rule(id, urgency, when));
        }

        _rules = new RuleEvaluator(list.Rules, questions ?? QuestionCatalogue.All, 38.0m);
    }

    public static Rule Rule(string id, Urgency urgency, Condition when) => new(id, urgency)
    {
        Title = id,
        When = when,
        Consideration = "test",
        Source = "test",
        PatientExplanation = "test",
    };

    /// <summary>The ids of the rules that fire on the report, in catalogue order.</summary>
    public string[] Fire(SymptomReport report)
    {
        var fired = FireAll(report, out _);
        return _rules.Rules.Where((_, i) => fired[i]).Select(r => r.Id).ToArray();
    }

    /// <summary>The evidence of a rule that fires on the report.</summary>
    public IReadOnlyList<string> Evidence(SymptomReport report, string ruleId)
    {
        var fired = FireAll(report, out var facts);
        return _rules.Findings(facts, fired, [.. _rules.Rules.Select(r => new RuleText(r.Title, r.PatientExplanation, null, null))]).Single(f => f.RuleId == ruleId).Evidence;
    }

    /// <summary>The urgency and the findings' rule ids (in the order a result lists them) on a report.</summary>
    public (Urgency Urgency, string[] Findings) Evaluate(SymptomReport report)
    {
        var facts = _rules.Read(Validator.Validate(report).GetValueOrThrow());
        var fired = new bool[_rules.Rules.Length];
        var urgency = _rules.Fire(facts, fired);
        return (urgency, _rules.Findings(facts, fired, [.. _rules.Rules.Select(r => new RuleText(r.Title, r.PatientExplanation, null, null))]).Select(f => f.RuleId).ToArray());
    }

    private bool[] FireAll(SymptomReport report, out Facts facts)
    {
        facts = _rules.Read(Validator.Validate(report).GetValueOrThrow());
        var fired = new bool[_rules.Rules.Length];
        if (fired.Length > 0)
        {
            try
            {
                _rules.Fire(facts, fired);
            }
            catch (InvalidOperationException) when (!fired.Contains(true))
            {
                // No rule fired: the harness reports none, as a test's catalogue may have no catch-all rule.
            }
        }

        return fired;
    }
}
