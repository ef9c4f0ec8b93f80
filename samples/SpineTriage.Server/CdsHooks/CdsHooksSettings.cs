namespace SpineTriage.Server.CdsHooks;

/// <summary>The <c>CdsHooks</c> configuration section.</summary>
public sealed class CdsHooksSettings
{
    /// <summary>Whether every service call must carry a valid JWT (default). <see langword="false"/> is honoured only in Development.</summary>
    public bool RequireJwt { get; set; } = true;

    /// <summary>
    /// The public base URL of the service, as EHRs call it (for example <c>https://triage.example.org</c>, an absolute http(s)
    /// URL without query): the audience of a call is this plus <c>/cds-services/{id}</c>, and the OpenAPI document's server.
    /// Required outside Development when a trusted issuer is configured (the start fails without it), so the audience
    /// never comes from the request; in Development only, empty means the request's own scheme and <c>Host</c> header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The issuers whose tokens are accepted, each with its local JWKS file. None: every service call is refused.</summary>
    public List<TrustedIssuer> TrustedIssuers { get; } = [];

    /// <summary>The clock skew allowed on <c>exp</c>, <c>nbf</c> and <c>iat</c>, in seconds (default 30).</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>
    /// The longest token lifetime accepted, <c>exp - iat</c> in seconds (inclusive; default 300, from 1 to 3600): a longer one
    /// is refused. It also bounds how long a <c>jti</c> is remembered (at most this plus twice the clock skew).
    /// </summary>
    public int MaxTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>
    /// How recent, in days, a QuestionnaireResponse must be (its <c>authored</c>) to be triaged on <c>patient-view</c>
    /// (default 7): an older one gets an <c>info</c> card saying when it was answered, never an urgency.
    /// </summary>
    public int ResponseWindowDays { get; set; } = 7;

    /// <summary>
    /// The absolute URL of the rule catalogue the cards link to (each finding with its rule id as the fragment), for
    /// example a published copy of docs/rules.md. Empty: the service's own <c>/api/rules</c> under the public base URL.
    /// </summary>
    public string? RuleCatalogueUrl { get; set; }

    /// <summary>The most seconds a fetch from an EHR's FHIR server may take (default 5).</summary>
    public int FhirFetchTimeoutSeconds { get; set; } = 5;

    /// <summary>The most <c>jti</c> values remembered at once per instance (default 100,000); beyond, tokens are refused until some expire.</summary>
    public int MaxRememberedTokens { get; set; } = 100_000;
}

/// <summary>A trusted CDS client: its <c>iss</c> and the JWKS file of its public keys.</summary>
public sealed class TrustedIssuer
{
    /// <summary>The exact <c>iss</c> of its tokens.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>A local JWKS file (relative to the content root) with its public ES384 or RS384 keys.</summary>
    public string JwksFile { get; set; } = "";

    /// <summary>
    /// The base URL of the issuer's FHIR server: the only <c>fhirServer</c> the service fetches QuestionnaireResponses
    /// from, with the call's <c>fhirAuthorization</c>, for a call with this issuer's token and no prefetch. Empty: never fetches.
    /// </summary>
    public string? FhirServer { get; set; }
}
