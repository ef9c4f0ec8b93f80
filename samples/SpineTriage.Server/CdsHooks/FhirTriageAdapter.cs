using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Server.Fhir;
using SpineTriage.Validation;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// The CDS Hooks seam connected to SpineTriage.Fhir: the prefetched QuestionnaireResponse is checked on its text
/// (<see cref="SpineTriage.Fhir.StrictFhirJson"/>), read with the Firely SDK and
/// <see cref="SpineTriage.Fhir.TriageFhir.ReadResponse"/>, and the cards are <see cref="CdsCards"/>', written in the shape
/// of <see cref="CdsHooksJson.SerializeResponse"/>.
/// </summary>
public sealed class FhirTriageAdapter(FhirService fhir) : IFhirTriageAdapter
{
    /// <summary>The JSON path of the prefetched resource in a CDS Hooks request.</summary>
    public const string PrefetchPath = "$.prefetch.questionnaireResponse";

    /// <inheritdoc/>
    public IReadOnlyList<string> Questionnaires => fhir.Mapping.Canonicals.Questionnaires;

    /// <inheritdoc/>
    public Outcome<SymptomReport> ReadQuestionnaireResponse(JsonElement questionnaireResponse)
    {
        // The text as sent (numbers as written), so that the strict checks see what the client wrote.
        var bytes = Encoding.UTF8.GetBytes(questionnaireResponse.GetRawText());
        var parsed = fhir.Parse<QuestionnaireResponse>(bytes, PrefetchPath);
        return parsed.TryGetValue(out var response)
            ? fhir.Mapping.ReadResponse(response)
            : Outcome.Failure<SymptomReport>(parsed.Errors);
    }

    /// <inheritdoc/>
    public void WriteCard(SymptomReport report, TriageResult result, CdsChartContext context, Utf8JsonWriter json)
    {
        var validated = fhir.Mapping.Engine.Validate(report).GetValueOrThrow();
        Write(fhir.Cards.CreateForChart(validated, result, context), json);
    }

    /// <inheritdoc/>
    public void WriteNotTriagedCard(DateTimeOffset authored, int windowDays, Utf8JsonWriter json) =>
        Write(fhir.Cards.CreateNotTriaged(authored, windowDays), json);

    private static void Write(CdsCard card, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var response = JsonDocument.Parse(CdsHooksJson.SerializeResponse([card]));
        response.RootElement.GetProperty("cards")[0].WriteTo(json);
    }
}
