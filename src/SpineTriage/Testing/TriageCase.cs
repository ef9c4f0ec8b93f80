using System.Text.Json;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
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
    private static readonly string[] CaseProperties = ["name", "report", "expect"];
    private static readonly string[] ExpectProperties = ["urgency", "invalid", "isComplete", "rules", "absentRules"];

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

    /// <summary>Reads a case file strictly: unknown properties, wrong types and unknown rule ids are errors.</summary>
    /// <param name="json">The case file's text.</param>
    /// <returns>The case, or every error that makes the case file malformed.</returns>
    public static Outcome<TriageCase> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = StrictJson.MaxDepth });
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return new(null, [new ValidationError("$", ErrorCodes.MalformedJson, $"the case file is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).")]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Strings are checked only when read: an escaped lone surrogate ("\ud800") surfaces here; a raw
            // unpaired surrogate in the string cannot be transcoded at all (ArgumentException).
            return new(null, [new ValidationError("$", ErrorCodes.NotText, "the case file contains a string that is not valid text (an unpaired surrogate such as \\ud800).")]);
        }
    }

    /// <summary>Runs the case: triages its report and compares the outcome with the expectation.</summary>
    /// <param name="engine">The engine to run it with.</param>
    /// <returns>Whether it passed, and if not, each difference.</returns>
    public CaseCheck Check(TriageEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var outcome = engine.TriageJson(ReportJson);
        var failures = new List<string>();
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

    private static string Bool(bool value) => value ? "true" : "false";

    private static Outcome<TriageCase> Read(JsonElement root)
    {
        var errors = new List<ValidationError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new(null, [new ValidationError("$", ErrorCodes.WrongType, "a case file must be a JSON object with name, report and expect.")]);
        }

        var properties = Known(root, "$", CaseProperties, errors);
        var name = properties.TryGetValue("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("$.name", ErrorCodes.Required, "name is required: a non-empty string saying what the case shows."));
        }

        string? reportJson = null;
        if (properties.TryGetValue("report", out var report) && report.ValueKind == JsonValueKind.Object)
        {
            reportJson = report.GetRawText();
        }
        else
        {
            errors.Add(new("$.report", ErrorCodes.Required, "report is required: a symptom report object."));
        }

        Urgency? urgency = null;
        var invalid = false;
        bool? isComplete = null;
        IReadOnlyList<string> rules = [];
        IReadOnlyList<string> absentRules = [];
        if (!properties.TryGetValue("expect", out var expect) || expect.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.expect", ErrorCodes.Required, "expect is required: an object with urgency (or invalid: true)."));
        }
        else
        {
            var expectations = Known(expect, "$.expect", ExpectProperties, errors);
            if (expectations.TryGetValue("invalid", out var invalidElement))
            {
                if (invalidElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    invalid = invalidElement.GetBoolean();
                }
                else
                {
                    errors.Add(new("$.expect.invalid", ErrorCodes.WrongType, "invalid must be true or false."));
                }
            }

            if (expectations.TryGetValue("urgency", out var urgencyElement))
            {
                if (urgencyElement.ValueKind == JsonValueKind.String && JsonNames.TryParse<Urgency>(urgencyElement.GetString(), out var parsed))
                {
                    urgency = parsed;
                }
                else
                {
                    errors.Add(new("$.expect.urgency", ErrorCodes.UnknownValue, $"urgency must be one of {JsonNames.Allowed<Urgency>()}."));
                }
            }
            else if (!invalid)
            {
                errors.Add(new("$.expect.urgency", ErrorCodes.Required, "urgency is required unless invalid is true."));
            }

            if (invalid && urgency is not null)
            {
                errors.Add(new("$.expect", ErrorCodes.Conflict, "a case expects either an urgency or invalid: true, not both."));
            }

            if (expectations.TryGetValue("isComplete", out var completeElement))
            {
                if (completeElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    isComplete = completeElement.GetBoolean();
                }
                else
                {
                    errors.Add(new("$.expect.isComplete", ErrorCodes.WrongType, "isComplete must be true or false."));
                }
            }

            rules = RuleIds(expectations, "rules", errors);
            absentRules = RuleIds(expectations, "absentRules", errors);
        }

        return errors.Count > 0
            ? new(null, errors)
            : new(
                new TriageCase
                {
                    Name = name!,
                    ReportJson = reportJson!,
                    ExpectedUrgency = urgency,
                    ExpectInvalid = invalid,
                    ExpectedIsComplete = isComplete,
                    ExpectedRules = rules,
                    AbsentRules = absentRules,
                },
                errors);
    }

    private static Dictionary<string, JsonElement> Known(JsonElement element, string path, string[] allowed, List<ValidationError> errors)
    {
        var known = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new($"{path}.{property.Name}", ErrorCodes.UnknownProperty, $"unknown property; allowed: {string.Join(", ", allowed)}."));
            }
            else if (!known.TryAdd(property.Name, property.Value))
            {
                errors.Add(new($"{path}.{property.Name}", ErrorCodes.DuplicateKey, "appears more than once."));
            }
        }

        return known;
    }

    private static string[] RuleIds(Dictionary<string, JsonElement> expectations, string name, List<ValidationError> errors)
    {
        if (!expectations.TryGetValue(name, out var element))
        {
            return [];
        }

        var path = $"$.expect.{name}";
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, ErrorCodes.WrongType, $"{name} must be an array of rule ids."));
            return [];
        }

        var ids = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (id is null || !RuleCatalogue.Ids.Contains(id, StringComparer.Ordinal))
            {
                // A misspelt rule id would make an absentRules check pass for the wrong reason.
                errors.Add(new($"{path}[{index}]", ErrorCodes.UnknownRule, $"not a rule id of rule set {RuleCatalogue.Version}; see spinetriage rules."));
            }
            else
            {
                ids.Add(id);
            }

            index++;
        }

        return [.. ids];
    }
}

/// <summary>The outcome of running one <see cref="TriageCase"/>.</summary>
/// <param name="Case">The case that ran.</param>
/// <param name="Outcome">What the triage gave: a result or validation errors.</param>
/// <param name="Failures">Each difference from the expectation; empty when the case passed.</param>
public sealed record CaseCheck(TriageCase Case, Outcome<TriageResult> Outcome, IReadOnlyList<string> Failures)
{
    /// <summary>Gets whether the outcome matched every expectation.</summary>
    public bool Passed => Failures.Count == 0;
}
