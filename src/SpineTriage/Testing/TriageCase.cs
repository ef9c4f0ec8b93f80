using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Serialization.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Testing;

/// <summary>
/// A case file for rule audits and regression suites (contract.md, case file): a report and what its
/// triage must give. <see cref="Check"/> runs it.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record TriageCase
{
    /// <summary>Gets the case's name, which says what it shows.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the report JSON exactly as the case file holds it; it is read strictly when the case runs.</summary>
    public required string ReportJson { get; init; }

    /// <summary>Gets the expected urgency, or <see langword="null"/> when the report must be rejected as invalid.</summary>
    public Urgency? ExpectedUrgency { get; init; }

    /// <summary>Gets whether the report must be rejected as invalid input.</summary>
    public bool ExpectInvalid { get; init; }

    /// <summary>Gets the expected <see cref="TriageResult.IsComplete"/>, when the case states it.</summary>
    public bool? ExpectedIsComplete { get; init; }

    /// <summary>Gets the rule ids that must all be among the findings.</summary>
    public IReadOnlyList<string> ExpectedRules { get; init; } = [];

    /// <summary>Gets the rule ids that must all be absent from the findings.</summary>
    public IReadOnlyList<string> AbsentRules { get; init; } = [];

    /// <summary>
    /// Gets the rule set the case is for, by its selector (<see cref="Rules.RuleSets"/>): <c>1.0</c> or <c>2.0</c>. A case
    /// file that names none is a rule set 1.0 case (default <c>1.0</c>), so files written before rule set 2.0 keep their
    /// meaning. <see cref="Check"/> fails a case run with an engine of another rule set.
    /// </summary>
    public string RuleSet { get; init; } = Rules.RuleSets.V1;

    /// <summary>Reads a case file strictly (one strict reader with report JSON): unknown or duplicate properties, wrong types, unknown urgencies and unknown rule ids are errors with their JSON paths and codes.</summary>
    /// <param name="json">The case file's text.</param>
    /// <returns>The case, or every error that makes the case file malformed.</returns>
    public static Outcome<TriageCase> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CaseFileReader.Read(json);
    }

    /// <summary>Runs the case: triages its report and compares the outcome with the expectation.</summary>
    /// <param name="engine">The engine to run it with: an engine of the case's <see cref="RuleSet"/>, else the case fails.</param>
    /// <returns>Whether it passed, and if not, each difference.</returns>
    public CaseCheck Check(ITriageEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var outcome = engine.TriageJson(ReportJson);
        var failures = new List<string>();
        if (!string.Equals(engine.RuleSet.Selector, RuleSet, StringComparison.Ordinal))
        {
            failures.Add($"the case is for rule set {RuleSet}, but the engine runs rule set {engine.RuleSet.Selector} ({engine.RuleSet.Version}): run it with an engine of rule set {RuleSet}");
            return new CaseCheck(this, outcome, failures);
        }

        if (!outcome.IsSuccess)
        {
            if (!ExpectInvalid)
            {
                failures.Add($"expected urgency {ExpectedUrgency?.JsonName()}, but the report was rejected: {string.Join("; ", outcome.Errors)}");
            }

            return new CaseCheck(this, outcome, failures);
        }

        var result = outcome.Value;
        if (ExpectInvalid)
        {
            failures.Add($"expected the report to be rejected as invalid, but it was triaged as {result.Urgency.JsonName()}");
            return new CaseCheck(this, outcome, failures);
        }

        var fired = result.Findings.Select(f => f.RuleId).ToArray();
        if (result.Urgency != ExpectedUrgency)
        {
            failures.Add($"expected urgency {ExpectedUrgency?.JsonName()}, got {result.Urgency.JsonName()} (rules: {string.Join(", ", fired)})");
        }

        if (ExpectedIsComplete is { } complete && result.IsComplete != complete)
        {
            failures.Add($"expected isComplete {Bool(complete)}, got {Bool(result.IsComplete)}");
        }

        foreach (var rule in ExpectedRules.Where(r => !fired.Contains(r)))
        {
            failures.Add($"expected rule {rule} to fire; fired: {string.Join(", ", fired)}");
        }

        foreach (var rule in AbsentRules.Where(fired.Contains))
        {
            failures.Add($"expected rule {rule} not to fire, but it did");
        }

        return new CaseCheck(this, outcome, failures);
    }

    /// <summary>Names the case and what it expects, never its report (which may be a copy of a real one).</summary>
    /// <returns>For example <c>TriageCase "fever with a wet wound": expects urgent</c>.</returns>
    public override string ToString() =>
        $"TriageCase \"{Name}\": expects {(ExpectInvalid || ExpectedUrgency is not { } urgency ? "invalid" : TriageResult.UrgencyText(urgency))}; report not shown";

    private static string Bool(bool value) => value ? "true" : "false";
}

/// <summary>The outcome of running one <see cref="TriageCase"/>.</summary>
/// <param name="Case">The case that ran.</param>
/// <param name="Outcome">What the triage gave: a result or validation errors.</param>
/// <param name="Failures">Each difference from the expectation; empty when the case passed.</param>
public sealed record CaseCheck(TriageCase Case, Outcome<TriageResult> Outcome, IReadOnlyList<string> Failures)
{
    /// <summary>Gets whether the outcome matched every expectation.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Names the case and whether it passed, never the report, the result or the failures (which quote them).</summary>
    /// <returns>For example <c>CaseCheck "fever with a wet wound": failed (2 differences)</c>.</returns>
    public override string ToString() => Passed
        ? $"CaseCheck \"{Case.Name}\": passed"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CaseCheck \"{Case.Name}\": failed ({Failures.Count} difference{(Failures.Count == 1 ? "" : "s")})");
}
