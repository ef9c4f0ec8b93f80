namespace SpineTriage.Fhir;

/// <summary>
/// The error codes an HTTP service serving this package's FHIR and CDS Hooks endpoints answers beside those of the library
/// (<see cref="SpineTriage.Validation.ErrorCodes"/>) and of FHIR input (<see cref="FhirErrorCodes"/>): HTTP-level refusals,
/// CDS Hooks preconditions and the service's own faults. They are concepts of the served error-code CodeSystem
/// (<see cref="FhirCanonicals.ErrorCode"/>) like every other code, so that every code an endpoint emits is defined there.
/// </summary>
public static class ServiceErrorCodes
{
    /// <summary>No endpoint answers the path (HTTP 404).</summary>
    public const string NotFound = "notFound";

    /// <summary>The endpoint does not answer the method (HTTP 405; the <c>Allow</c> header lists those it answers).</summary>
    public const string MethodNotAllowed = "methodNotAllowed";

    /// <summary>The request body arrived more slowly than the server accepts (HTTP 408).</summary>
    public const string RequestTimeout = "requestTimeout";

    /// <summary>The request target (path and query) is longer than the service answers (HTTP 414).</summary>
    public const string UriTooLong = "uriTooLong";

    /// <summary>The request headers are larger than the service answers (HTTP 431).</summary>
    public const string HeadersTooLarge = "headersTooLarge";

    /// <summary>The request could not be read: a bad chunked encoding, a malformed parameter (HTTP 400).</summary>
    public const string MalformedRequest = "malformedRequest";

    /// <summary>Any other client error of the HTTP layer (the HTTP status says which).</summary>
    public const string HttpError = "httpError";

    /// <summary>The service failed to answer (HTTP 500); the failure is logged without the request.</summary>
    public const string InternalError = "internalError";

    /// <summary>The audit store cannot record the decision, so none is given (HTTP 503).</summary>
    public const string AuditUnavailable = "auditUnavailable";

    /// <summary>No CDS Hooks service has the id called (HTTP 404).</summary>
    public const string UnknownService = "unknownService";

    /// <summary>The CDS Hooks call's bearer token is missing or not accepted (HTTP 401).</summary>
    public const string InvalidToken = "invalidToken";

    /// <summary>Nothing prefetched and no <c>fhirServer</c> with <c>fhirAuthorization</c> to fetch from (CDS Hooks HTTP 412).</summary>
    public const string PrefetchRequired = "prefetchRequired";

    /// <summary>The <c>fhirServer</c> given is not the one configured for the token's issuer: never contacted (CDS Hooks HTTP 412).</summary>
    public const string UntrustedFhirServer = "untrustedFhirServer";

    /// <summary>The FHIR server's search failed, timed out, or answered something other than a FHIR Bundle in JSON (HTTP 502).</summary>
    public const string FhirServerFailed = "fhirServerFailed";
}
