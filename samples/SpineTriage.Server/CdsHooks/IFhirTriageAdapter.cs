using System.Text.Json;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// Everything CDS Hooks needs from FHIR, in one seam: reading a QuestionnaireResponse into a report and writing the
/// CDS Hooks card of a result. <see cref="FhirTriageAdapter"/> is the implementation, over the <c>SpineTriage.Fhir</c> package.
/// </summary>
public interface IFhirTriageAdapter
{
    /// <summary>Gets whether FHIR is available (a CDS Hooks call with a prefetched resource is answered 501 when not).</summary>
    bool IsAvailable { get; }

    /// <summary>Reads a QuestionnaireResponse resource (JSON) into a symptom report, or every error.</summary>
    Outcome<SymptomReport> ReadQuestionnaireResponse(JsonElement questionnaireResponse);

    /// <summary>Writes the CDS Hooks card of a result as a JSON object.</summary>
    void WriteCard(TriageResult result, Utf8JsonWriter json);
}
