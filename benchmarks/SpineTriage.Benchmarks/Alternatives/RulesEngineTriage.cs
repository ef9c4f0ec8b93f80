using System.Text.Json;
using RulesEngine.Models;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>
/// A rule set as a Microsoft RulesEngine workflow of lambda-expression rules (<c>triage-workflow.json</c> for rule set
/// 1.0, <c>triage-workflow-2.0.json</c> for 2.0, chosen by <see cref="TriageEngineOptions.RuleSet"/>): derived facts are
/// the workflow's global parameters, each rule's urgency is its success event.
/// </summary>
/// <remarks>
/// RulesEngine evaluates rules independently, so <c>expected-recovery</c> ("no rule above fired") is decided
/// from the workflow's results. Build once (compiling the expressions is costly), then evaluate per report.
/// </remarks>
public sealed class RulesEngineTriage
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly string _workflowName;
    private readonly TriageEngineOptions _options;

    /// <summary>Loads and compiles the workflow of the options' rule set.</summary>
    /// <param name="options">The rule set (1.0 or 2.0) and the thresholds.</param>
    public RulesEngineTriage(TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var resource = options.RuleSet switch
        {
            RuleSets.V1 => "triage-workflow.json",
            RuleSets.V2 => "triage-workflow-2.0.json",
            _ => throw new ArgumentException($"Rule set '{options.RuleSet}' has no workflow.", nameof(options)),
        };
        using var stream = typeof(RulesEngineTriage).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The workflow resource is missing.");
        var workflow = JsonSerializer.Deserialize<Workflow>(stream) ?? throw new InvalidOperationException("The workflow is empty.");
        _workflowName = workflow.WorkflowName;
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(Answer), typeof(SurgeryRegion)] });
    }

    /// <summary>Evaluates every rule of the workflow against a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The urgency and the rules that fired.</returns>
    public async Task<Decision> EvaluateAsync(ValidatedReport report)
    {
        var input = new RuleParameter("report", TriageInput.From(report, _options));
        var results = await _engine.ExecuteAllRulesAsync(_workflowName, input).ConfigureAwait(false);
        var fired = new List<string>();
        var urgency = Urgency.SelfCare;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                fired.Add(result.Rule.RuleName);
                var level = UrgencyOf(result.Rule.SuccessEvent);
                urgency = level > urgency ? level : urgency;
            }
            else if (result.ExceptionMessage is { Length: > 0 } error)
            {
                throw new InvalidOperationException($"Rule {result.Rule.RuleName} failed: {error}");
            }
        }

        if (fired.Count == 0)
        {
            fired.Add("expected-recovery");
        }

        return new Decision(urgency, fired);
    }

    private static Urgency UrgencyOf(string successEvent) => successEvent switch
    {
        "emergency" => Urgency.Emergency,
        "urgent" => Urgency.Urgent,
        "soon" => Urgency.Soon,
        "routine" => Urgency.Routine,
        _ => throw new InvalidOperationException($"Rule urgency '{successEvent}' is not a level of the scale."),
    };
}
