using System.Text.Json;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// Everything CDS Hooks needs from FHIR, in one seam: the Questionnaire's canonicals, reading a QuestionnaireResponse into
/// a report, and writing the CDS Hooks cards. <see cref="FhirTriageAdapter"/> is the implementation, over the
/// <c>SpineTriage.Fhir</c> package.
/// </summary>
public interface IFhirTriageAdapter
{
    /// <summary>Gets the canonical URLs of the Questionnaire the service triages responses to, one per language.</summary>
    IReadOnlyList<string> Questionnaires { get; }

    /// <summary>Reads a QuestionnaireResponse resource (JSON) into a symptom report, or every error.</summary>
    Outcome<SymptomReport> ReadQuestionnaireResponse(JsonElement questionnaireResponse);

    /// <summary>Writes the chart card of a result as a JSON object.</summary>
    void WriteCard(SymptomReport report, TriageResult result, CdsChartContext context, Utf8JsonWriter json);

    /// <summary>Writes the <c>info</c> card of a response not triaged because it is not recent.</summary>
    void WriteNotTriagedCard(DateTimeOffset authored, int windowDays, Utf8JsonWriter json);
}
