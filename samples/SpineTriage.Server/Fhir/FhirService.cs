using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.Extensions.Options;
using SpineTriage.Fhir;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Server.Api;
using SpineTriage.Validation;

namespace SpineTriage.Server.Fhir;

/// <summary>
/// The service's FHIR mapping (SpineTriage.Fhir's <see cref="TriageFhir"/> over the service's one engine, so the
/// Questionnaire and GuidanceResponse follow its rule set and language), the CDS Hooks card builder, and FHIR JSON both
/// ways with the Firely SDK.
/// </summary>
public sealed partial class FhirService
{
    /// <summary>The error code of a resource the Firely SDK cannot read (its own code and message are in the error).</summary>
    public const string InvalidResource = FhirErrorCodes.InvalidResource;

    /// <summary>The error code of a resource of another type than the one expected.</summary>
    public const string WrongResourceType = FhirErrorCodes.WrongResourceType;

    private readonly JsonSerializerOptions _json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Builds the mapping over the service's engine.</summary>
    public FhirService(TriageService service, IOptions<FhirSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        Mapping = new TriageFhir(service.Engine, new FhirOptions { CanonicalBase = settings.Value.CanonicalBase });
        Cards = new CdsCards(Mapping);
        ErrorCodeSystem = Mapping.Canonicals.ErrorCode;
    }

    /// <summary>Gets the FHIR mapping of the service's engine.</summary>
    public TriageFhir Mapping { get; }

    /// <summary>Gets the CDS Hooks card builder.</summary>
    public CdsCards Cards { get; }

    /// <summary>Gets the system of the error codes in OperationOutcome issues (<c>{canonical base}/CodeSystem/error-code</c>).</summary>
    public string ErrorCodeSystem { get; }

    /// <summary>
    /// Reads a FHIR resource of type <typeparamref name="T"/> from JSON with the Firely SDK: every problem it finds becomes
    /// an error at <paramref name="path"/> followed by the element's location, with code <see cref="InvalidResource"/>.
    /// </summary>
    public Outcome<T> Parse<T>(ReadOnlySpan<byte> utf8Json, string path)
        where T : Resource
    {
        // Checked on the text first: a property given twice, a temperature a parser would round (the JSON contract's rules).
        var strict = StrictFhirJson.Check(utf8Json);
        if (strict.Count > 0)
        {
            return Outcome.Failure<T>([.. strict.Select(e => e.Path.StartsWith('$') ? e with { Path = path + e.Path[1..] } : e)]);
        }

        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(utf8Json, _json);
        }
        catch (DeserializationFailedException failed)
        {
            return Outcome.Failure<T>([.. failed.Exceptions.Take(100).Select(e => Error(e, path))]);
        }
        catch (CodedException coded) // a POCO validation the SDK runs while reading (e.g. "contained" as an object): the client's input
        {
            return Outcome.Failure<T>([Error(coded, path)]);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException) // the SDK throws the latter for a JSON array or other non-object where a resource or element is due
        {
            return Outcome.Failure<T>([new ValidationError(path, ErrorCodes.MalformedJson, "The body is not a FHIR resource in JSON.")]);
        }

        return resource switch
        {
            T typed => Outcome.Success(typed),
            null => Outcome.Failure<T>([new ValidationError(path, ErrorCodes.Required, $"A {typeof(T).Name} resource is required.")]),
            _ => Outcome.Failure<T>([new ValidationError(path + ".resourceType", WrongResourceType, $"A {typeof(T).Name} resource is expected, not {resource.TypeName}.")]),
        };
    }

    /// <summary>Writes a resource as FHIR JSON.</summary>
    public byte[] Serialize(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, _json);

    /// <summary>
    /// An OperationOutcome with one error issue per error: the code as <c>details.coding</c> (<see cref="ErrorCodeSystem"/>), the
    /// message as <c>details.text</c>, the path as <c>expression</c> in FHIRPath from the resource root (<see cref="ExpressionOf"/>),
    /// none when the error is of the whole request.
    /// </summary>
    /// <param name="errors">The errors.</param>
    /// <param name="type">The issue type.</param>
    /// <param name="body">Where the paths point: <see langword="null"/> when the request has no resource (no expression then).</param>
    public OperationOutcome OperationOutcomeOf(IEnumerable<ValidationError> errors, OperationOutcome.IssueType type, ErrorRoot? body = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var outcome = new OperationOutcome();
        foreach (var error in errors)
        {
            var issue = new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Details = new CodeableConcept(ErrorCodeSystem, error.Code, error.Message),
            };
            if (body is not null && ExpressionOf(error.Path, body) is { } expression)
            {
                issue.Expression = [expression];
            }

            outcome.Issue.Add(issue);
        }

        return outcome;
    }

    /// <summary>
    /// An error's path as FHIRPath from the resource root: a JSON path of the body (<c>$.status</c>) from the body's resource
    /// type (<c>QuestionnaireResponse.status</c>; <c>$.resourceType</c> the type itself, <c>$.parameter[name]</c>
    /// <c>Parameters.parameter.where(name='name')</c>); an element of the response (<c>status</c>, <c>item[2]</c>) from the
    /// response; any other path is a linkId (<c>QuestionnaireResponse.item.where(linkId='fever')</c>). <see langword="null"/>
    /// for <c>$</c> (the whole body) or a <c>$</c> path of a body whose resource type is unknown.
    /// </summary>
    /// <param name="path">The error's path.</param>
    /// <param name="body">The body's resource type and the FHIRPath of the QuestionnaireResponse in it.</param>
    public static string? ExpressionOf(string path, ErrorRoot body)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(body);
        if (path.Length == 0 || path == "$")
        {
            return null;
        }

        if (path.StartsWith('$'))
        {
            if (body.ResourceType is null)
            {
                return null;
            }

            var rest = path[1..];
            return rest == ".resourceType"
                ? body.ResourceType
                : body.ResourceType + NamedIndex().Replace(rest, m => $".where(name='{Escaped(m.Groups[1].Value)}')");
        }

        var end = path.IndexOfAny(['.', '[']);
        var first = end < 0 ? path : path[..end];
        return ResponseElements.Contains(first)
            ? body.Response + "." + path
            : body.Response + $".item.where(linkId='{Escaped(path)}')";
    }

    /// <summary>The elements of an R4 QuestionnaireResponse (none is a linkId of the Questionnaire).</summary>
    private static readonly HashSet<string> ResponseElements = new(StringComparer.Ordinal)
    {
        "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier", "basedOn",
        "partOf", "questionnaire", "status", "subject", "encounter", "authored", "author", "source", "item",
    };

    private static string Escaped(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    [GeneratedRegex(@"\[([^\]0-9][^\]]*)\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamedIndex();

    private static ValidationError Error(CodedException exception, string path)
    {
        var (location, message) = exception is ExtendedCodedException extended
            ? (extended.InstancePath, extended.BaseErrorMessage)
            : (null, exception.Message);

        // The instance path starts with the resource type ("QuestionnaireResponse.item[0]"): keep what follows it.
        var dot = location?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        var at = dot >= 0 ? path + location![dot..] : path;
        return new ValidationError(at, InvalidResource, $"{exception.ErrorCode}: {message}");
    }
}

/// <summary>Where the paths of a FHIR request's errors point: the body's resource type and the QuestionnaireResponse in it.</summary>
/// <param name="ResourceType">The body's resource type (<c>$</c> paths start there); <see langword="null"/> when unknown.</param>
/// <param name="Response">The FHIRPath of the QuestionnaireResponse (linkIds and response elements start there).</param>
public sealed record ErrorRoot(string? ResourceType, string Response)
{
    /// <summary>A QuestionnaireResponse as the body.</summary>
    public static ErrorRoot QuestionnaireResponse { get; } = new("QuestionnaireResponse", "QuestionnaireResponse");

    /// <summary>A Parameters holding the QuestionnaireResponse as its <c>questionnaire-response</c> parameter.</summary>
    public static ErrorRoot InParameters { get; } = new("Parameters", "Parameters.parameter.where(name='questionnaire-response').resource");
}
