using FluentAssertions;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// Compiles a rule list written in a test, as an engine compiles the catalogue, and fires it on reports;
/// every decision is checked against reading the condition trees one rule at a time.
/// </summary>
internal sealed class RuleHarness
{
    private static readonly SpineTriage.Engine.TriageEngine Validator = ReportBuilder.EngineV1();

    private readonly CompiledRuleSet _compiled;

    public RuleHarness(IReadOnlyList<Question>? questions = null, params (string Id, Urgency Urgency, Condition When)[] rules)
    {
        var list = new RuleList();
        foreach (var (id, urgency, when) in rules)
        {
            list.Add(Rule(id, urgency, when));
        }

        _compiled = new CompiledRuleSet(list.Rules, questions ?? QuestionCatalogue.All, 38.0m);
    }

    public FactLayout Layout => _compiled.Layout;

    public static Rule Rule(string id, Urgency urgency, Condition when) => new(id, urgency)
    {
        Title = id,
        When = when,
        Consideration = "test",
        Source = "test",
        PatientExplanation = "test",
    };

    /// <summary>The ids of the rules that fire on the report, in catalogue order.</summary>
    public string[] Fire(SymptomReport report) => Fire(report, out _);

    /// <summary>The evidence of a rule that fires on the report.</summary>
    public IReadOnlyList<string> Evidence(SymptomReport report, string ruleId)
    {
        Fire(report, out var facts);
        var rule = _compiled.Rules.Single(r => r.Rule.Id == ruleId);
        return rule.FindingFor(facts, _compiled.Table.Fire(facts.Word)).Evidence;
    }

    public Facts FactsOf(SymptomReport report)
    {
        var validated = Validator.Validate(report).GetValueOrThrow();
        return _compiled.Layout.Read(validated.Facts, validated.DaysSinceSurgery, validated.Report.SurgeryRegion, validated.RiskFactorMask);
    }

    /// <summary>Fires the rules on facts and returns what they fired; checked against reading the trees.</summary>
    public ulong Fire(in Facts facts)
    {
        var fired = _compiled.Table.Fire(facts.Word);
        ulong read = 0;
        foreach (var rule in _compiled.Rules)
        {
            read |= ConditionInterpreter.Holds(rule.Rule.When, facts, read, rule.Scope) ? 1UL << rule.Scope.Index : 0;
        }

        fired.Should().Be(read, "the compiled rules decide as the condition trees read (facts {0})", facts.Word);
        return fired;
    }

    private string[] Fire(SymptomReport report, out Facts facts)
    {
        facts = FactsOf(report);
        var firedRules = Fire(facts);
        return _compiled.Rules.Where(r => (firedRules & (1UL << r.Scope.Index)) != 0).Select(r => r.Rule.Id).ToArray();
    }
}
