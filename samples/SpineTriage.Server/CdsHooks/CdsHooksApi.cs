using System.Text.Encodings.Web;
using System.Text.Json;
using SpineTriage.Server.Api;
using SpineTriage.Server.Operations;
using SpineTriage.Validation;

namespace SpineTriage.Server.CdsHooks;

/// <summary>CDS Hooks 2.0: discovery (public), the service call and its feedback (both need a valid JWT).</summary>
internal static class CdsHooksApi
{
    /// <summary>The service's id.</summary>
    public const string ServiceId = "spinetriage-post-op-spine";

    /// <summary>The hook it answers.</summary>
    public const string Hook = "patient-view";

    /// <summary>The prefetch key of the QuestionnaireResponse.</summary>
    public const string PrefetchKey = "questionnaireResponse";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        var cds = routes.MapGroup("/cds-services").WithTags("CDS Hooks");
        cds.MapGet("", Discovery).WithName("cdsDiscovery").WithSummary("CDS Hooks discovery: the post-operative spine triage service.");
        cds.MapPost("/{id}", CallAsync).WithName("cdsCall").WithSummary("Calls the service with a prefetched QuestionnaireResponse; answers { cards }. Needs a valid JWT.");
        cds.MapPost("/{id}/feedback", FeedbackAsync).WithName("cdsFeedback").WithSummary("Records card feedback in the audit log. Needs a valid JWT.");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Discovery() => TypedResults.Text(
        $$"""
        {
          "services": [
            {
              "hook": "{{Hook}}",
              "id": "{{ServiceId}}",
              "title": "SpineTriage post-operative spine triage",
              "description": "Triages the patient's latest post-operative spine symptom questionnaire (SpineTriage) and returns one card with the urgency and its explanation.",
              "prefetch": {
                "{{PrefetchKey}}": "QuestionnaireResponse?subject={{"{{"}}context.patientId{{"}}"}}&status=completed&_sort=-authored&_count=1"
              }
            }
          ]
        }
        """,
        JsonApi.Json);

    private static async Task CallAsync(HttpContext context, string id, TriageService service, CdsJwtValidator jwt, IFhirTriageAdapter fhir, Microsoft.Extensions.Options.IOptions<CdsHooksSettings> settings)
    {
        var body = await AcceptedBodyAsync(context, id, jwt, settings.Value);
        if (body is null)
        {
            return;
        }

        var request = Parse(body);
        if (request is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The CDS Hooks request is not valid.", ErrorCodes.MalformedJson, "The body is not a JSON object.");
            return;
        }

        using var document = request;
        var root = document.RootElement;
        var errors = new List<ValidationError>();
        if (!root.TryGetProperty("hook", out var hook) || hook.ValueKind != JsonValueKind.String || hook.GetString() != Hook)
        {
            errors.Add(new ValidationError("$.hook", ErrorCodes.UnknownValue, $"The service answers the {Hook} hook."));
        }

        if (!root.TryGetProperty("hookInstance", out var instance) || instance.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError("$.hookInstance", ErrorCodes.Required, "hookInstance (a UUID string) is required."));
        }

        if (errors.Count > 0)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The CDS Hooks request is not valid.", errors);
            return;
        }

        var response = PrefetchedResponse(root);
        if (response is null)
        {
            // Nothing to triage is not an error: no card.
            await WriteCardsAsync(context, null, fhir);
            return;
        }

        var report = fhir.ReadQuestionnaireResponse(response.Value);
        if (!report.TryGetValue(out var value))
        {
            service.Refused("cds-services", report.Errors);
            var status = fhir.IsAvailable ? StatusCodes.Status400BadRequest : StatusCodes.Status501NotImplemented;
            await Problems.WriteAsync(context, status, "The prefetched QuestionnaireResponse cannot be triaged.", report.Errors);
            return;
        }

        var outcome = await service.TriageAsync("cds-services", value);
        if (!outcome.TryGetValue(out var result))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The prefetched QuestionnaireResponse is not a valid report.", outcome.Errors);
            return;
        }

        await WriteCardsAsync(context, result, fhir);
    }

    private static async Task FeedbackAsync(HttpContext context, string id, CdsJwtValidator jwt, AuditLog audit, Fhir.FhirService fhir, ServerMetrics metrics, Microsoft.Extensions.Options.IOptions<CdsHooksSettings> settings)
    {
        var body = await AcceptedBodyAsync(context, id, jwt, settings.Value);
        if (body is null)
        {
            return;
        }

        using var document = Parse(body);
        var errors = new List<ValidationError>();
        var items = new List<CdsFeedbackItem>();
        if (document is null || !document.RootElement.TryGetProperty("feedback", out var feedback) || feedback.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError("$.feedback", ErrorCodes.Required, "feedback (an array) is required."));
        }
        else
        {
            var index = 0;
            foreach (var item in feedback.EnumerateArray())
            {
                var path = $"$.feedback[{index++}]";
                var card = String(item, "card");
                var outcome = String(item, "outcome");
                var timestamp = String(item, "outcomeTimestamp");
                if (card is null || !Guid.TryParse(card, out _))
                {
                    errors.Add(new ValidationError(path + ".card", ErrorCodes.Required, "card (the card's uuid) is required."));
                }

                if (outcome is not ("accepted" or "overridden"))
                {
                    errors.Add(new ValidationError(path + ".outcome", ErrorCodes.UnknownValue, "outcome is accepted or overridden."));
                }

                if (timestamp is null || !DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    errors.Add(new ValidationError(path + ".outcomeTimestamp", ErrorCodes.InvalidDate, "outcomeTimestamp (an ISO 8601 instant) is required."));
                }

                string? code = null;
                string? system = null;
                var comment = false;
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("overrideReason", out var reason) && reason.ValueKind == JsonValueKind.Object)
                {
                    if (reason.TryGetProperty("reason", out var coding) && coding.ValueKind == JsonValueKind.Object)
                    {
                        code = String(coding, "code");
                        system = String(coding, "system");
                    }

                    comment = reason.TryGetProperty("userComment", out var text) && text.ValueKind == JsonValueKind.String;
                }

                items.Add(new CdsFeedbackItem(card ?? "", outcome ?? "", timestamp ?? "", code, system, comment));
            }
        }

        if (errors.Count > 0)
        {
            metrics.Errors("cds-feedback", errors.Select(e => e.Code));
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The feedback is not valid.", errors);
            return;
        }

        await audit.RecordFeedbackAsync(id, items, fhir.Cards.OverrideReasons); // 503 when the store cannot record it

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // A service call's or feedback's body, once the service id and the token are accepted and the body is within the
    // limit; otherwise the refusal is already written and the result is null.
    private static async Task<byte[]?> AcceptedBodyAsync(HttpContext context, string id, CdsJwtValidator jwt, CdsHooksSettings settings)
    {
        if (!await AcceptedAsync(context, id, jwt, settings))
        {
            return null;
        }

        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await RequestBody.TooLargeAsync(context);
        }

        return body;
    }

    private static async Task<bool> AcceptedAsync(HttpContext context, string id, CdsJwtValidator jwt, CdsHooksSettings settings)
    {
        if (!string.Equals(id, ServiceId, StringComparison.Ordinal))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "There is no such CDS service.", "unknownService", $"The only service is {ServiceId}.");
            return false;
        }

        var reason = await jwt.CheckAsync(context.Request, id);
        if (reason is null)
        {
            return true;
        }

        context.RequestServices.GetRequiredService<ServerMetrics>().Errors("cds-services", [reason]);
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "The CDS Hooks call is not authorized.", CdsJwtValidator.RefusedCode, CdsJwtValidator.RefusedMessage);
        return false;
    }

    private static JsonDocument? Parse(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The prefetched QuestionnaireResponse: the resource itself, or the first entry of a search Bundle; <see langword="null"/> when there is none.</summary>
    private static JsonElement? PrefetchedResponse(JsonElement root)
    {
        if (!root.TryGetProperty("prefetch", out var prefetch) || prefetch.ValueKind != JsonValueKind.Object
            || !prefetch.TryGetProperty(PrefetchKey, out var resource) || resource.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (String(resource, "resourceType") == "Bundle")
        {
            if (resource.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var inner) && String(inner, "resourceType") == "QuestionnaireResponse")
                    {
                        return inner;
                    }
                }
            }

            return null;
        }

        return resource;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task WriteCardsAsync(HttpContext context, SpineTriage.Results.TriageResult? result, IFhirTriageAdapter fhir)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteStartArray("cards");
            if (result is not null)
            {
                fhir.WriteCard(result, json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonApi.Json;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
