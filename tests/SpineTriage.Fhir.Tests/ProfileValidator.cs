using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace SpineTriage.Fhir.Tests;

/// <summary>
/// The Firely validator over the base R4 profiles (specification.zip), built once per test class that uses it: loading
/// the specification is the slow part. The validator is not thread-safe, so validation is serialized.
/// </summary>
public sealed class ProfileValidator
{
    private readonly Validator _validator;
    private readonly Lock _gate = new();

    public ProfileValidator()
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        _validator = new Validator(resolver, new LocalTerminologyService(resolver));
    }

    /// <summary>The resource is written as JSON, parsed back and validated; the issues of severity error or fatal.</summary>
    public IReadOnlyList<string> Errors(Resource resource)
    {
        var parsed = Fhir.RoundTrip(resource);
        OperationOutcome outcome;
        lock (_gate)
        {
            outcome = _validator.Validate(parsed);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            // The SDC package is not in the base specification: a declared SDC profile (meta.profile
            // sdc-questionnaire-adapt) cannot be resolved here; its rules are checked by NextQuestionTests instead.
            .Where(i => i.Details?.Text?.StartsWith("Unable to resolve reference to profile 'http://hl7.org/fhir/uv/sdc/", StringComparison.Ordinal) != true)
            .Select(i => $"{i.Severity} {i.Code} at {string.Join(", ", i.Expression)}: {i.Details?.Text}")];
    }
}
