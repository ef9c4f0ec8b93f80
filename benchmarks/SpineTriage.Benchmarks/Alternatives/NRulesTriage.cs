using NRules;
using NRules.Fluent;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>
/// A rule set as NRules fluent rules (<c>NRulesRules.cs</c>, <c>NRulesRulesTwo.cs</c>; the rules tagged with the other
/// rule set are left out), chosen by <see cref="TriageEngineOptions.RuleSet"/>: derived facts and findings are inserted
/// as facts, and each evaluation runs in a new session.
/// </summary>
public sealed class NRulesTriage
{
    private readonly ISessionFactory _sessions;
    private readonly TriageEngineOptions _options;

    /// <summary>Loads and compiles the rules of the options' rule set.</summary>
    /// <param name="options">The rule set (1.0 or 2.0) and the thresholds.</param>
    public NRulesTriage(TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var otherRuleSet = options.RuleSet switch
        {
            RuleSets.V1 => RuleSetTag.TwoZero,
            RuleSets.V2 => RuleSetTag.OneZero,
            _ => throw new ArgumentException($"Rule set '{options.RuleSet}' has no NRules rules.", nameof(options)),
        };
        var repository = new RuleRepository();
        var ruleSet = typeof(FiredRule).Assembly.GetTypes().Where(t => t.Namespace == typeof(FiredRule).Namespace);
        repository.Load(x => x.From(ruleSet).Where(rule => !rule.IsTagged(otherRuleSet)));
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
