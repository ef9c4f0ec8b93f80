using System.Text.Encodings.Web;
using System.Text.Json;
using SpineTriage.Server.Api;
using SpineTriage.Server.Operations;
using SpineTriage.Validation;

namespace SpineTriage.Server.CdsHooks;

/// <summary>CDS Hooks 2.0: discovery (public), the service call and its feedback (both need a valid JWT).</summary>
internal static partial class CdsHooksApi
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
        cds.MapGet("", Discovery).RequireCors(CorsSetup.Public).WithName("cdsDiscovery").WithSummary("CDS Hooks discovery: the post-operative spine triage service.");
        cds.MapPost("/{id}", CallAsync).WithName("cdsCall").WithSummary("Calls the service with a prefetched QuestionnaireResponse; answers { cards }. Needs a valid JWT.");
        cds.MapPost("/{id}/feedback", FeedbackAsync).WithName("cdsFeedback").WithSummary("Records card feedback in the audit log. Needs a valid JWT.");
    }

    /// <summary>The public base URL of the service (or the request's, when none is configured).</summary>
    private static string BaseUrl(HttpRequest request, CdsHooksSettings settings) => string.IsNullOrWhiteSpace(settings.PublicBaseUrl)
        ? $"{request.Scheme}://{request.Host}{request.PathBase}"
        : settings.PublicBaseUrl.TrimEnd('/');

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Discovery(IFhirTriageAdapter fhir) => TypedResults.Text(
        $$"""
        {
          "services": [
            {
              "hook": "{{Hook}}",
              "id": "{{ServiceId}}",
              "title": "SpineTriage post-operative spine triage",
              "description": "Triages the patient's most recent post-operative spine symptom questionnaire (SpineTriage), if answered within the last days, and returns one card for the clinician with the urgency, the date of the answers and the findings.",
              "prefetch": {
                "{{PrefetchKey}}": "{{PrefetchTemplate(fhir.Questionnaires)}}"
              }
            }
          ]
        }
        """,
        JsonApi.Json);

    /// <summary>
    /// The prefetch template: the patient's completed responses to this questionnaire only (in any language: its canonicals
    /// joined by a comma, FHIR's "or"), the most recent first.
    /// </summary>
    public static string PrefetchTemplate(IEnumerable<string> questionnaires) =>
        "QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire=" + CdsFhirClient.AnyOf(questionnaires) + "&status=completed&_sort=-authored&_count=10";

    private static async Task CallAsync(HttpContext context, string id, TriageService service, CdsJwtValidator jwt, IFhirTriageAdapter fhir, CdsFhirClient client, TimeProvider clock, Microsoft.Extensions.Options.IOptions<CdsHooksSettings> settings)
    {
        var body = await AcceptedBodyAsync(context, id, jwt);
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

        // A key given twice (a "prefetch" after the one with the response) would silently replace the first: refused.
        var errors = new List<ValidationError>(SpineTriage.Fhir.StrictFhirJson.CheckDuplicateKeys(root));
        if (!root.TryGetProperty("hook", out var hook) || hook.ValueKind != JsonValueKind.String || hook.GetString() != Hook)
        {
            errors.Add(new ValidationError("$.hook", ErrorCodes.UnknownValue, $"The service answers the {Hook} hook."));
        }

        if (!root.TryGetProperty("hookInstance", out var instance) || instance.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError("$.hookInstance", ErrorCodes.Required, "hookInstance (a UUID string) is required."));
        }

        var patientId = root.TryGetProperty("context", out var hookContext) ? String(hookContext, "patientId") : null;
        if (patientId is null || !FhirId().IsMatch(patientId))
        {
            errors.Add(new ValidationError("$.context.patientId", ErrorCodes.Required, "context.patientId (the FHIR id of the patient in context) is required."));
        }

        JsonElement? prefetched = null;
        if (root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind != JsonValueKind.Null)
        {
            if (prefetch.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ValidationError("$.prefetch", ErrorCodes.WrongType, "prefetch is an object."));
            }
            else if (prefetch.TryGetProperty(PrefetchKey, out var resource) && resource.ValueKind != JsonValueKind.Null)
            {
                if (resource.ValueKind == JsonValueKind.Object)
                {
                    prefetched = resource;
                }
                else
                {
                    errors.Add(new ValidationError(FhirTriageAdapter.PrefetchPath, ErrorCodes.WrongType, "The prefetched resource is a Bundle or a QuestionnaireResponse object."));
                }
            }
        }

        if (errors.Count > 0)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The CDS Hooks request is not valid.", errors);
            return;
        }

        // Not prefetched: fetched from the FHIR server configured for the token's issuer, and from no other (412).
        using var fetched = prefetched is null ? await FetchAsync(context, root, patientId!, fhir, client, settings.Value) : null;
        if (prefetched is null && fetched is null)
        {
            return;
        }

        var latest = Latest(prefetched ?? fetched!.RootElement, patientId!, fhir.Questionnaires);
        if (latest is null)
        {
            // No completed response of this patient to this questionnaire: nothing to say.
            await WriteCardsAsync(context, _ => { });
            return;
        }

        var (response, authored, reference) = latest.Value;
        var window = Math.Max(0, settings.Value.ResponseWindowDays);
        var now = clock.GetUtcNow();
        if (authored < now.AddDays(-window) || authored > now.Add(FutureSkew))
        {
            // Stale (or dated after now): never triaged, so never an urgent card; the card says when it was answered.
            await WriteCardsAsync(context, json => fhir.WriteNotTriagedCard(authored, window, json));
            return;
        }

        var report = fhir.ReadQuestionnaireResponse(response);
        if (!report.TryGetValue(out var value))
        {
            service.Refused("cds-services", report.Errors);
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The prefetched QuestionnaireResponse cannot be triaged.", report.Errors);
            return;
        }

        // The answers are of the day they were given: the days since surgery count to it, not to today.
        if (value.AssessedOn is null)
        {
            value = value with { AssessedOn = DateOnly.FromDateTime(authored.DateTime) };
        }

        var outcome = await service.TriageAsync("cds-services", value);
        if (!outcome.TryGetValue(out var result))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The prefetched QuestionnaireResponse is not a valid report.", outcome.Errors);
            return;
        }

        var chart = new SpineTriage.Fhir.CdsHooks.CdsChartContext
        {
            Authored = authored,
            Patient = "Patient/" + patientId,
            Response = reference,
            RuleCatalogueUrl = string.IsNullOrWhiteSpace(settings.Value.RuleCatalogueUrl) ? BaseUrl(context.Request, settings.Value) + "/api/rules" : settings.Value.RuleCatalogueUrl,
        };
        await WriteCardsAsync(context, json => fhir.WriteCard(value, result, chart, json));
    }

    /// <summary>How far after now an <c>authored</c> may be (clocks differ) before the response is not triaged.</summary>
    private static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(5);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex FhirId();

    /// <summary>
    /// The responses of a prefetch or search result fetched by the service itself, or <see langword="null"/> when the answer
    /// (412: nothing prefetched and no FHIR server this service may call; 502: the server failed) is already written.
    /// </summary>
    private static async Task<JsonDocument?> FetchAsync(HttpContext context, JsonElement root, string patientId, IFhirTriageAdapter fhir, CdsFhirClient client, CdsHooksSettings settings)
    {
        var fhirServer = String(root, "fhirServer");
        var token = root.TryGetProperty("fhirAuthorization", out var authorization) ? String(authorization, "access_token") : null;
        if (fhirServer is null || token is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status412PreconditionFailed, "The service needs the patient's questionnaire responses.", SpineTriage.Fhir.ServiceErrorCodes.PrefetchRequired, $"Prefetch '{PrefetchKey}', or give fhirServer and fhirAuthorization for the FHIR server configured for your issuer.");
            return null;
        }

        var issuer = IssuerOf(context.Request);
        var trusted = settings.TrustedIssuers.FirstOrDefault(t => string.Equals(t.Issuer, issuer, StringComparison.Ordinal));
        if (trusted?.FhirServer is not { Length: > 0 } configured
            || !string.Equals(configured.TrimEnd('/'), fhirServer.TrimEnd('/'), StringComparison.Ordinal)
            || !Uri.TryCreate(configured, UriKind.Absolute, out var server)
            || server.Scheme is not ("https" or "http"))
        {
            // Never contacted: a request cannot make the service call an address of the caller's choosing.
            await Problems.WriteAsync(context, StatusCodes.Status412PreconditionFailed, "The service needs the patient's questionnaire responses.", SpineTriage.Fhir.ServiceErrorCodes.UntrustedFhirServer, $"The service fetches only from the FHIR server configured for the token's issuer: prefetch '{PrefetchKey}' instead.");
            return null;
        }

        var bytes = await client.SearchAsync(server, token, patientId, fhir.Questionnaires, context.RequestAborted);
        var document = bytes is null ? null : Parse(bytes);
        if (document is null || SpineTriage.Fhir.StrictFhirJson.CheckDuplicateKeys(document.RootElement).Count > 0)
        {
            document?.Dispose();
            await Problems.WriteAsync(context, StatusCodes.Status502BadGateway, "The FHIR server did not answer the search.", SpineTriage.Fhir.ServiceErrorCodes.FhirServerFailed, "The search of the patient's questionnaire responses failed, timed out, or answered something other than a FHIR Bundle in JSON.");
            return null;
        }

        return document;
    }

    /// <summary>The <c>iss</c> of the call's bearer token (already checked); <see langword="null"/> without one.</summary>
    private static string? IssuerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = header["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
            return String(claims.RootElement, "iss");
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The most recent completed (or amended) response to this questionnaire whose subject is the patient in context and
    /// whose <c>authored</c> is a date and time, among a QuestionnaireResponse or every one of a Bundle; others (another
    /// form, another patient, no date) are passed over, never an error.
    /// </summary>
    private static (JsonElement Response, DateTimeOffset Authored, string? Reference)? Latest(JsonElement prefetched, string patientId, IReadOnlyList<string> questionnaires)
    {
        IEnumerable<JsonElement> candidates = String(prefetched, "resourceType") switch
        {
            "QuestionnaireResponse" => [prefetched],
            "Bundle" when prefetched.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array =>
                entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("resource", out _)).Select(e => e.GetProperty("resource")),
            _ => [],
        };
        (JsonElement, DateTimeOffset, string?)? latest = null;
        foreach (var candidate in candidates)
        {
            if (String(candidate, "resourceType") != "QuestionnaireResponse"
                || String(candidate, "status") is not ("completed" or "amended")
                || !Answers(candidate, questionnaires)
                || !About(candidate, patientId)
                || Authored(candidate) is not { } authored)
            {
                continue;
            }

            if (latest is null || authored > latest.Value.Item2)
            {
                var resourceId = String(candidate, "id");
                latest = (candidate, authored, resourceId is null ? null : "QuestionnaireResponse/" + resourceId);
            }
        }

        return latest;
    }

    private static bool Answers(JsonElement response, IReadOnlyList<string> questionnaires)
    {
        var canonical = String(response, "questionnaire");
        if (canonical is null)
        {
            return false;
        }

        if (canonical.StartsWith('#'))
        {
            // A contained Questionnaire: ours, or an SDC adaptive one derived from ours.
            return response.TryGetProperty("contained", out var contained) && contained.ValueKind == JsonValueKind.Array
                && contained.EnumerateArray().Any(c => String(c, "id") == canonical[1..] && (Is(String(c, "url")) || (c.TryGetProperty("derivedFrom", out var from) && from.ValueKind == JsonValueKind.Array && from.EnumerateArray().Any(d => d.ValueKind == JsonValueKind.String && Is(d.GetString())))));
        }

        return Is(canonical);

        bool Is(string? value) => value is not null && questionnaires.Any(q => value == q || value.StartsWith(q + "|", StringComparison.Ordinal));
    }

    private static bool About(JsonElement response, string patientId)
    {
        var reference = response.TryGetProperty("subject", out var subject) ? String(subject, "reference") : null;
        return reference is not null && (reference == "Patient/" + patientId || reference.EndsWith("/Patient/" + patientId, StringComparison.Ordinal));
    }

    private static DateTimeOffset? Authored(JsonElement response) =>
        String(response, "authored") is { Length: >= 10 } text
        && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-'
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var authored)
            ? authored
            : null;

    private static async Task FeedbackAsync(HttpContext context, string id, CdsJwtValidator jwt, AuditLog audit, Fhir.FhirService fhir, ServerMetrics metrics, Microsoft.Extensions.Options.IOptions<CdsHooksSettings> settings)
    {
        var body = await AcceptedBodyAsync(context, id, jwt);
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
    private static async Task<byte[]?> AcceptedBodyAsync(HttpContext context, string id, CdsJwtValidator jwt)
    {
        if (!await AcceptedAsync(context, id, jwt))
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

    private static async Task<bool> AcceptedAsync(HttpContext context, string id, CdsJwtValidator jwt)
    {
        if (!string.Equals(id, ServiceId, StringComparison.Ordinal))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "There is no such CDS service.", SpineTriage.Fhir.ServiceErrorCodes.UnknownService, $"The only service is {ServiceId}.");
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

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task WriteCardsAsync(HttpContext context, Action<Utf8JsonWriter> cards)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteStartArray("cards");
            cards(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonApi.Json;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
