using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using SpineTriage.Fhir;
using SpineTriage.Server.Api;
using SpineTriage.Validation;
using Task = System.Threading.Tasks.Task;

namespace SpineTriage.Server.Fhir;

/// <summary>
/// FHIR R4 (<c>application/fhir+json</c>, errors as OperationOutcome): <c>/fhir/metadata</c>, the Questionnaire and its
/// CodeSystems, <c>Questionnaire/$next-question</c> (SDC), <c>QuestionnaireResponse/$triage</c> (a GuidanceResponse), and the
/// OperationDefinitions of both operations.
/// </summary>
internal static class FhirApi
{
    /// <summary>The media type of FHIR JSON.</summary>
    public const string MediaType = "application/fhir+json";

    /// <summary>The id of the <c>$next-question</c> OperationDefinition.</summary>
    public const string NextQuestionId = "Questionnaire-next-question";

    /// <summary>The id of the <c>$triage</c> OperationDefinition.</summary>
    public const string TriageId = "QuestionnaireResponse-triage";

    /// <summary>The name of the one input parameter of both operations (SDC's name).</summary>
    public const string InputParameter = "questionnaire-response";

    /// <summary>The error code of a resource id that does not exist.</summary>
    public const string UnknownResource = FhirErrorCodes.UnknownResource;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        var fhir = routes.MapGroup("/fhir").WithTags("FHIR R4");
        fhir.MapGet("/metadata", (FhirService service, IConfiguration configuration, HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, service, CreateCapabilityStatement(service, configuration)))
            .WithName("fhirMetadata").WithSummary("The CapabilityStatement: the resources and operations of the service.");
        fhir.MapGet("/CapabilityStatement/{id}", (string id, FhirService service, IConfiguration configuration, HttpContext context) => ReadAsync(context, service, id, CreateCapabilityStatement(service, configuration)))
            .WithName("fhirCapabilityStatement").WithSummary("The CapabilityStatement by id (spinetriage-server), where its url resolves.");
        fhir.MapGet("/Questionnaire/{id}", (string id, FhirService service, HttpContext context) => ReadAsync(context, service, id, [.. Questionnaires(service)]))
            .WithName("fhirQuestionnaire").WithSummary("The adaptive Questionnaire of the service's rule set in a language: spinetriage (English), spinetriage-es (Spanish).");
        fhir.MapGet("/Questionnaire", ([Microsoft.AspNetCore.Mvc.FromQuery] string? url, [Microsoft.AspNetCore.Mvc.FromQuery] string? version, HttpContext context, FhirService service) => WriteAsync(context, StatusCodes.Status200OK, service, SearchQuestionnaire(url, version, service)))
            .WithName("fhirQuestionnaireSearch").WithSummary("Questionnaire search by url and version: a searchset Bundle with each Questionnaire (one per language) whose url and version match (or are absent).");
        fhir.MapGet("/CodeSystem/{id}", (string id, FhirService service, HttpContext context) => ReadAsync(context, service, id, [.. service.Mapping.CreateCodeSystems()]))
            .WithName("fhirCodeSystem").WithSummary("A CodeSystem the Questionnaire and GuidanceResponse use (surgery-region, hardware, risk-factor, urgency).");
        fhir.MapGet("/ConceptMap/{id}", (string id, FhirService service, HttpContext context) => ReadAsync(context, service, id, service.Mapping.CreateConceptMap()))
            .WithName("fhirConceptMap").WithSummary("The ConceptMap from the urgency CodeSystem to FHIR request priorities (urgency-to-request-priority).");
        fhir.MapGet("/PlanDefinition/{id}", (string id, FhirService service, HttpContext context) => ReadAsync(context, service, id, service.Mapping.CreatePlanDefinition()))
            .WithName("fhirPlanDefinition").WithSummary("The PlanDefinition of the rule set (spinetriage-rule-set), the GuidanceResponse's moduleCanonical: one action per rule.");
        fhir.MapGet("/NamingSystem/{id}", (string id, FhirService service, HttpContext context) => ReadAsync(context, service, id, service.Mapping.CreateNamingSystem()))
            .WithName("fhirNamingSystem").WithSummary("The NamingSystem of the report id (report-id).");
        fhir.MapGet("/OperationDefinition/{id}", (string id, FhirService service, HttpContext context) => ReadAsync(context, service, id, NextQuestionDefinition(service), TriageDefinition(service)))
            .WithName("fhirOperationDefinition").WithSummary("The OperationDefinition of $next-question or $triage.");
        fhir.MapPost("/Questionnaire/$next-question", NextQuestionAsync)
            .WithName("fhirNextQuestion").WithSummary("SDC $next-question: a QuestionnaireResponse in, the same with the next item (or status completed) out.");
        fhir.MapPost("/QuestionnaireResponse/$triage", TriageAsync)
            .WithName("fhirTriage").WithSummary("Triages a QuestionnaireResponse and answers the GuidanceResponse.");
    }

    /// <summary>Whether a request is for the FHIR endpoints (its errors are OperationOutcomes).</summary>
    public static bool IsFhir(HttpRequest request) => request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal);

    /// <summary>Writes errors as an OperationOutcome; their paths as FHIRPath from <paramref name="body"/> (none without one).</summary>
    public static Task WriteErrorsAsync(HttpContext context, int status, IEnumerable<ValidationError> errors, ErrorRoot? body = null)
    {
        var service = context.RequestServices.GetRequiredService<FhirService>();
        var type = status switch
        {
            StatusCodes.Status404NotFound => OperationOutcome.IssueType.NotFound,
            StatusCodes.Status413PayloadTooLarge => OperationOutcome.IssueType.TooLong,
            StatusCodes.Status429TooManyRequests => OperationOutcome.IssueType.Throttled,
            >= 500 => OperationOutcome.IssueType.Exception,
            _ => OperationOutcome.IssueType.Invalid,
        };
        return WriteAsync(context, status, service, service.OperationOutcomeOf(errors.Select(Problems.Bounded), type, body)); // echoes cut as on every surface
    }

    private static Task ReadAsync(HttpContext context, FhirService service, string id, params Resource[] resources)
    {
        var resource = resources.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
        return resource is null
            ? WriteErrorsAsync(context, StatusCodes.Status404NotFound, [new ValidationError("id", UnknownResource, $"There is no such resource; the ids are {string.Join(", ", resources.Select(r => r.Id))}.")])
            : WriteAsync(context, StatusCodes.Status200OK, service, resource);
    }

    /// <summary>The Questionnaire in every language of the library, English first: each its own canonical and id.</summary>
    private static IEnumerable<Questionnaire> Questionnaires(FhirService service) =>
        SpineTriage.Texts.TextLanguages.All.Select(service.Mapping.CreateQuestionnaire);

    /// <summary>
    /// The searchset of <c>Questionnaire?url=&amp;version=</c>: every Questionnaire (one per language) whose url and version
    /// match, each when absent (empty values count as absent).
    /// </summary>
    private static Bundle SearchQuestionnaire(string? url, string? version, FhirService service)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var questionnaire in Questionnaires(service))
        {
            if ((string.IsNullOrEmpty(url) || url == questionnaire.Url) && (string.IsNullOrEmpty(version) || version == questionnaire.Version))
            {
                bundle.Entry.Add(new Bundle.EntryComponent
                {
                    FullUrl = service.Mapping.Canonicals.Base + "/Questionnaire/" + questionnaire.Id,
                    Resource = questionnaire,
                    Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
                });
            }
        }

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }

    private static async Task NextQuestionAsync(HttpContext context, FhirService fhir, TriageService triage)
    {
        if (await ReadInputAsync(context, fhir, triage, "fhir/next-question") is not ({ } response, { } root))
        {
            return;
        }

        var next = fhir.Mapping.NextQuestion(response);
        if (!next.TryGetValue(out var output))
        {
            triage.Refused("fhir/next-question", next.Errors);
            await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, next.Errors, root);
            return;
        }

        // A settled interview is a triage, audited like /api/interview/next's.
        if (output.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed
            && fhir.Mapping.ReadResponse(output).TryGetValue(out var report))
        {
            await triage.TriageAsync("fhir/next-question", report);
        }

        await WriteAsync(context, StatusCodes.Status200OK, fhir, output);
    }

    private static async Task TriageAsync(HttpContext context, FhirService fhir, TriageService triage)
    {
        if (await ReadInputAsync(context, fhir, triage, "fhir/triage") is not ({ } response, { } root))
        {
            return;
        }

        var read = fhir.Mapping.ReadResponse(response);
        if (!read.TryGetValue(out var report))
        {
            triage.Refused("fhir/triage", read.Errors);
            await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, read.Errors, root);
            return;
        }

        var outcome = await triage.TriageAsync("fhir/triage", report);
        if (!outcome.TryGetValue(out var result))
        {
            await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, outcome.Errors, root);
            return;
        }

        var validated = triage.Engine.Validate(report).GetValueOrThrow();
        var guidance = fhir.Mapping.CreateGuidanceResponse(validated, result, new GuidanceContext
        {
            Id = Guid.NewGuid().ToString("D"),
            Subject = response.Subject?.Reference,
            Response = response.Id is { Length: > 0 } responseId ? "QuestionnaireResponse/" + responseId : null,
            TextSetHash = result.TextSet?.Hash,
        });
        await WriteAsync(context, StatusCodes.Status200OK, fhir, guidance);
    }

    /// <summary>
    /// The QuestionnaireResponse of an operation: the body itself, or a Parameters with it as <c>questionnaire-response</c>;
    /// <see langword="null"/> when the answer (413 or 400 OperationOutcome) is already written. The root says where in the body
    /// the response is, for the errors' FHIRPath.
    /// </summary>
    private static async Task<(QuestionnaireResponse Response, ErrorRoot Root)?> ReadInputAsync(HttpContext context, FhirService fhir, TriageService triage, string endpoint)
    {
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            triage.Refused(endpoint, [new ValidationError("$", ErrorCodes.TooLarge, "")]);
            await WriteErrorsAsync(context, StatusCodes.Status413PayloadTooLarge, [new ValidationError("$", ErrorCodes.TooLarge, $"The request body is larger than {RequestBody.MaxBytes} bytes (1 MiB).")]);
            return null;
        }

        var parsed = fhir.Parse<Resource>(body, "$");
        List<ValidationError> errors;
        if (parsed.TryGetValue(out var resource))
        {
            switch (resource)
            {
                case QuestionnaireResponse direct:
                    return (direct, ErrorRoot.QuestionnaireResponse);
                case Parameters parameters:
                    var given = parameters.Parameter.Where(p => p.Name == InputParameter).ToList();
                    if (given is [{ Resource: QuestionnaireResponse inner }])
                    {
                        return (inner, ErrorRoot.InParameters);
                    }

                    errors = [new ValidationError($"$.parameter[{InputParameter}]", given.Count > 1 ? FhirErrorCodes.RepeatedAnswer : ErrorCodes.Required, $"Exactly one parameter '{InputParameter}' holding a QuestionnaireResponse resource is required.")];
                    break;
                default:
                    errors = [new ValidationError("$.resourceType", FhirService.WrongResourceType, $"A QuestionnaireResponse (or a Parameters holding one as '{InputParameter}') is expected, not {resource.TypeName}.")];
                    break;
            }
        }
        else
        {
            errors = [.. parsed.Errors];
        }

        triage.Refused(endpoint, errors);
        await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, errors, new ErrorRoot(ResourceTypeOf(body), ErrorRoot.QuestionnaireResponse.Response));
        return null;
    }

    /// <summary>The body's top-level <c>resourceType</c> when it is a JSON object naming one (read within the body's bound).</summary>
    private static string? ResourceTypeOf(byte[] body)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("resourceType"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isType)
                {
                    return reader.TokenType == System.Text.Json.JsonTokenType.String && reader.GetString() is { } type && ModelInfo.IsKnownResource(type) ? type : null;
                }

                reader.Skip();
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return null;
    }

    private static async Task WriteAsync(HttpContext context, int status, FhirService service, Resource resource)
    {
        AddNarrative(resource);
        var bytes = service.Serialize(resource);
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>
    /// Gives a resource the service serves (and each resource of a Bundle) a generated narrative when it has none: a short
    /// xhtml div naming what it is (its title, or the outcome, or the errors); contained resources are described by theirs.
    /// A resource that already has a narrative (a client's QuestionnaireResponse echoed by $next-question) keeps it.
    /// </summary>
    private static void AddNarrative(Resource resource)
    {
        if (resource is Bundle bundle)
        {
            foreach (var entry in bundle.Entry.Select(e => e.Resource).OfType<Resource>())
            {
                AddNarrative(entry);
            }

            return;
        }

        if (resource is not DomainResource domain || domain.Text is not null)
        {
            return;
        }

        var html = domain switch
        {
            OperationOutcome outcome => $"<p>{outcome.Issue.Count} error(s):</p><ul>{string.Concat(outcome.Issue.Select(i => $"<li>{Escaped(i.Details?.Coding.FirstOrDefault()?.Code ?? "error")}: {Escaped(i.Details?.Text ?? "")}</li>"))}</ul>",
            GuidanceResponse guidance => $"<p>SpineTriage outcome ({Escaped(guidance.Status?.ToString() ?? "")}): urgency {Escaped(guidance.Contained.OfType<Parameters>().FirstOrDefault()?.GetSingleValue<Coding>("urgency")?.Display ?? "not settled")}. Decision support, not a diagnosis.</p>",
            QuestionnaireResponse response => $"<p>Answers to the SpineTriage questionnaire ({Escaped(Hl7.Fhir.Utility.EnumUtility.GetLiteral(response.Status) ?? "no status")}): {response.Item.Count} item(s).</p>",
            NamingSystem naming => $"<p>Naming system {Escaped(naming.Name)}: {Escaped(string.Join(", ", naming.UniqueId.Select(u => u.Value)))}</p>",
            _ => $"<p>{Escaped(Titled(domain))}</p>",
        };
        domain.Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{html}</div>" };
    }

    /// <summary>A conformance resource's title and version (its name or type when it has no title).</summary>
    private static string Titled(DomainResource resource)
    {
        string? Value(string element) => resource.Select(element).FirstOrDefault() is PrimitiveType { } primitive ? primitive.ToString() : null;
        var title = Value("title") ?? Value("name") ?? resource.TypeName;
        return Value("version") is { } version ? $"{resource.TypeName} {title}, version {version}" : $"{resource.TypeName} {title}";
    }

    private static string Escaped(string? text) => System.Security.SecurityElement.Escape(text ?? string.Empty);

    private static CapabilityStatement CreateCapabilityStatement(FhirService service, IConfiguration configuration)
    {
        // CORS is on for /fhir exactly when Cors:AllowedOrigins names an origin (CdsHooks/CorsSetup.cs).
        var cors = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() is { Length: > 0 };
        var engine = service.Mapping.Engine;
        var operations = service.Mapping.Canonicals.Base + "/OperationDefinition/";
        return new CapabilityStatement
        {
            Id = "spinetriage-server",
            Url = service.Mapping.Canonicals.Base + "/CapabilityStatement/spinetriage-server",
            Version = engine.RuleSet.Version,
            Name = "SpineTriageServer",
            Title = "SpineTriage server",
            Status = PublicationStatus.Active,
            Experimental = false,
            Date = "2026-11-29",
            Description = new Markdown($"Post-operative spine triage (rule set {engine.RuleSet.Version}): the adaptive Questionnaire, SDC $next-question, and $triage answering a GuidanceResponse. Decision support, not a diagnosis."),
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "SpineTriage.Server", Version = engine.RuleSet.Version },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "SpineTriage.Server" },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json"],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Security = new CapabilityStatement.SecurityComponent
                    {
                        Cors = cors,
                        Description = new Markdown(
                            "The FHIR endpoints take no credentials of their own: a deployment puts them behind its gateway (mutual TLS, an API key or OAuth). " +
                            "CORS answers only the origins configured in Cors:AllowedOrigins (none by default). " +
                            "The CDS Hooks service (not FHIR) requires a bearer JWT from a configured trusted issuer."),
                    },
                    Resource =
                    [
                        Searchable(Read(ResourceType.Questionnaire, new CapabilityStatement.OperationComponent { Name = "next-question", Definition = operations + NextQuestionId }), new Markdown(
                            "One Questionnaire per language, each with its own canonical and the rule set's version: " +
                            string.Join(", ", SpineTriage.Texts.TextLanguages.All.Select(l => $"{l} {service.Mapping.Canonicals.QuestionnaireIn(l)} (id {service.Mapping.Canonicals.QuestionnaireIn(l).Split('/')[^1]})")) +
                            ". $next-question and $triage accept a response to any of them.")),
                        Read(ResourceType.QuestionnaireResponse, new CapabilityStatement.OperationComponent { Name = "triage", Definition = operations + TriageId }, read: false),
                        Read(ResourceType.CodeSystem),
                        Read(ResourceType.ConceptMap),
                        Read(ResourceType.PlanDefinition),
                        Read(ResourceType.CapabilityStatement),
                        Read(ResourceType.NamingSystem),
                        Read(ResourceType.OperationDefinition),
                    ],
                },
            ],
        };
    }

    private static CapabilityStatement.ResourceComponent Searchable(CapabilityStatement.ResourceComponent resource, Markdown documentation)
    {
        resource.Documentation = documentation;
        resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType });
        resource.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "url", Type = SearchParamType.Uri, Definition = "http://hl7.org/fhir/SearchParameter/conformance-url" });
        resource.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "version", Type = SearchParamType.Token, Definition = "http://hl7.org/fhir/SearchParameter/conformance-version" });
        return resource;
    }

    private static CapabilityStatement.ResourceComponent Read(ResourceType type, CapabilityStatement.OperationComponent? operation = null, bool read = true)
    {
        var resource = new CapabilityStatement.ResourceComponent { Type = type.ToString() };
        if (read)
        {
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read });
        }

        if (operation is not null)
        {
            resource.Operation.Add(operation);
        }

        return resource;
    }

    private static OperationDefinition NextQuestionDefinition(FhirService service) => Operation(
        service,
        NextQuestionId,
        "NextQuestion",
        "next-question",
        ResourceType.Questionnaire,
        "SDC $next-question over the SpineTriage interview: a QuestionnaireResponse in (with its contained adaptive Questionnaire, or bare), the same with the next item appended, or with status completed once the triage is settled.",
        FHIRAllTypes.QuestionnaireResponse,
        "http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-next-question");

    private static OperationDefinition TriageDefinition(FhirService service) => Operation(
        service,
        TriageId,
        "Triage",
        "triage",
        ResourceType.QuestionnaireResponse,
        "Triages a QuestionnaireResponse to the SpineTriage Questionnaire and answers the outcome as a GuidanceResponse (urgency, findings, a ServiceRequest for the disposition and a CarePlan for the care advice). Errors are an OperationOutcome naming each linkId.",
        FHIRAllTypes.GuidanceResponse,
        null);

    private static OperationDefinition Operation(FhirService service, string id, string name, string code, ResourceType resource, string description, FHIRAllTypes returns, string? based)
    {
        var definition = new OperationDefinition
        {
            Id = id,
            Url = service.Mapping.Canonicals.Base + "/OperationDefinition/" + id,
            Version = service.Mapping.Engine.RuleSet.Version,
            Name = name,
            Status = PublicationStatus.Active,
            Kind = OperationDefinition.OperationKind.Operation,
            Description = new Markdown(description),
            AffectsState = false,
            Code = code,
            Base = based,
            System = false,
            Type = true,
            Instance = false,
            Parameter =
            [
                new OperationDefinition.ParameterComponent
                {
                    Name = InputParameter,
                    Use = OperationParameterUse.In,
                    Min = 1,
                    Max = "1",
                    Documentation = "The QuestionnaireResponse (the body may also be the resource itself).",
                    Type = FHIRAllTypes.QuestionnaireResponse,
                },
                new OperationDefinition.ParameterComponent
                {
                    Name = "return",
                    Use = OperationParameterUse.Out,
                    Min = 1,
                    Max = "1",
                    Documentation = "The answer, returned as the resource itself.",
                    Type = returns,
                },
            ],
        };
        definition.ResourceElement.Add(new Code<ResourceType>(resource));
        return definition;
    }
}
