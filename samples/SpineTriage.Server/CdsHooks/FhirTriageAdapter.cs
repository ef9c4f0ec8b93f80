using System.Text.Json;
using Hl7.Fhir.Model;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Server.Fhir;
using SpineTriage.Validation;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// The CDS Hooks seam connected to SpineTriage.Fhir: the prefetched QuestionnaireResponse is read with the Firely SDK
/// and <see cref="SpineTriage.Fhir.TriageFhir.ReadResponse"/>, and the card is <see cref="CdsCards.Create"/>'s, written
/// in the shape of <see cref="CdsHooksJson.SerializeResponse"/>.
/// </summary>
public sealed class FhirTriageAdapter(FhirService fhir) : IFhirTriageAdapter
{
    /// <summary>The JSON path of the prefetched resource in a CDS Hooks request.</summary>
    public const string PrefetchPath = "$.prefetch.questionnaireResponse";

    /// <inheritdoc/>
    public bool IsAvailable => true;

    /// <inheritdoc/>
    public Outcome<SymptomReport> ReadQuestionnaireResponse(JsonElement questionnaireResponse)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(questionnaireResponse);
        var parsed = fhir.Parse<QuestionnaireResponse>(bytes, PrefetchPath);
        return parsed.TryGetValue(out var response)
            ? fhir.Mapping.ReadResponse(response)
            : Outcome.Failure<SymptomReport>(parsed.Errors);
    }

    /// <inheritdoc/>
    public void WriteCard(TriageResult result, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var card = fhir.Cards.Create(result);
        using var response = JsonDocument.Parse(CdsHooksJson.SerializeResponse([card]));
        response.RootElement.GetProperty("cards")[0].WriteTo(json);
    }
}
