using System.Text.Json;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// The FHIR seam before the SpineTriage.Fhir package is connected: no QuestionnaireResponse can be read, so a CDS
/// Hooks call with a prefetched response is answered 501 (not a card that could be wrong). When SpineTriage.Fhir is
/// in main, this file is replaced by one that calls its QuestionnaireResponse reader and card builder.
/// </summary>
public sealed class FhirTriageAdapter : IFhirTriageAdapter
{
    /// <summary>The error code of a FHIR call in a build without FHIR.</summary>
    public const string Unavailable = "fhirUnavailable";

    /// <inheritdoc/>
    public bool IsAvailable => false;

    /// <inheritdoc/>
    public Outcome<SymptomReport> ReadQuestionnaireResponse(JsonElement questionnaireResponse) =>
        Outcome.Failure<SymptomReport>([new ValidationError("$.prefetch.questionnaireResponse", Unavailable, "This build of the service cannot read FHIR resources yet (SpineTriage.Fhir is not connected).")]);

    /// <inheritdoc/>
    public void WriteCard(TriageResult result, Utf8JsonWriter json) =>
        throw new NotSupportedException("This build of the service has no FHIR card builder (SpineTriage.Fhir is not connected).");
}
