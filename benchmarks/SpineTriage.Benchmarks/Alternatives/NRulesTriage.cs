using NRules;
using NRules.Fluent;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>
/// Rule set 1.0 as NRules fluent rules (namespace <c>NRulesRuleSet</c>): derived facts and findings are inserted
/// as facts, and each evaluation runs in a new session.
/// </summary>
public sealed class NRulesTriage
{
    private readonly ISessionFactory _sessions;
    private readonly TriageEngineOptions _options;

    /// <summary>Loads and compiles the rules.</summary>
    /// <param name="options">The thresholds.</param>
    public NRulesTriage(TriageEngineOptions options)
    {
        _options = options;
        var repository = new RuleRepository();
        var ruleSet = typeof(FiredRule).Assembly.GetTypes().Where(t => t.Namespace == typeof(FiredRule).Namespace);
        repository.Load(x => x.From(ruleSet));
        _sessions = repository.Compile();
    }

    /// <summary>Evaluates every rule against a report in a new session.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The urgency and the rules that fired.</returns>
    public Decision Evaluate(ValidatedReport report)
    {
        var session = _sessions.CreateSession();
        session.Insert(TriageInput.From(report, _options));
        session.Fire();
        var fired = new List<string>();
        var urgency = Urgency.SelfCare;
        foreach (var finding in session.Query<FiredRule>())
        {
            fired.Add(finding.RuleId);
            urgency = finding.Urgency > urgency ? finding.Urgency : urgency;
        }

        return new Decision(urgency, fired);
    }
}
