using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// Checks the bearer token of a CDS Hooks call as the CDS Hooks 2.0 specification requires, and more strictly: signed with
/// ES384 or RS384 (never <c>none</c> or HMAC) by the key named by <c>kid</c> in a trusted issuer's local JWKS file;
/// <c>typ</c> <c>JWT</c> when present; no <c>crit</c> header; <c>aud</c> exactly the URL of the endpoint called (built from
/// <see cref="CdsHooksSettings.PublicBaseUrl"/>, never from the request outside Development); <c>iat</c>, <c>exp</c> (and
/// <c>nbf</c> when present) whole-second JSON numbers, not expired, not issued in the future, <c>exp - iat</c> at most
/// <see cref="CdsHooksSettings.MaxTokenLifetimeSeconds"/>; a <c>jti</c> not seen before within its lifetime; no claim or
/// header parameter given twice. Anything else is refused with one answer (<see cref="RefusedCode"/>, 401); the precise
/// reason is logged at debug level, never the token.
/// </summary>
public sealed partial class CdsJwtValidator
{
    /// <summary>The only signing algorithms accepted.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384];

    /// <summary>The one error code of every refused token in the answer (the precise reason is only logged).</summary>
    public const string RefusedCode = SpineTriage.Fhir.ServiceErrorCodes.InvalidToken;

    /// <summary>The one message of every refused token in the answer.</summary>
    public const string RefusedMessage = "A JWT bearer token signed with ES384 or RS384 by a trusted issuer's key (kid), for this endpoint's URL, with numeric iat and exp at most the allowed lifetime apart and a jti not used before, is required.";

    private static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    private readonly CdsHooksSettings _settings;
    private readonly IJtiReplayCache _replay;
    private readonly TimeProvider _clock;
    private readonly ILogger<CdsJwtValidator> _logger;
    private readonly Dictionary<string, IReadOnlyList<SecurityKey>> _keys;
    private readonly string? _baseUrl;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>
    /// Loads the trusted issuers' keys and checks the settings: a symmetric key or a key without <c>kid</c> in a JWKS file,
    /// a <see cref="CdsHooksSettings.PublicBaseUrl"/> that is not an absolute http(s) URL, none at all outside Development
    /// while an issuer is trusted, or a lifetime limit outside 1 to 3600 seconds stops the start.
    /// </summary>
    public CdsJwtValidator(IOptions<CdsHooksSettings> settings, IJtiReplayCache replay, TimeProvider clock, IHostEnvironment environment, ILogger<CdsJwtValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        _settings = settings.Value;
        _replay = replay;
        _clock = clock;
        _logger = logger;
        IsDevelopment = environment.IsDevelopment();
        if (_settings.MaxTokenLifetimeSeconds is < 1 or > 3600 || _settings.ClockSkewSeconds is < 0 or > 300)
        {
            throw new InvalidOperationException("CdsHooks:MaxTokenLifetimeSeconds must be from 1 to 3600 and CdsHooks:ClockSkewSeconds from 0 to 300.");
        }

        _baseUrl = BaseUrlOf(_settings.PublicBaseUrl);
        _keys = new Dictionary<string, IReadOnlyList<SecurityKey>>(StringComparer.Ordinal);
        foreach (var issuer in _settings.TrustedIssuers)
        {
            if (string.IsNullOrWhiteSpace(issuer.Issuer) || string.IsNullOrWhiteSpace(issuer.JwksFile))
            {
                throw new InvalidOperationException("Each CdsHooks:TrustedIssuers entry needs an Issuer and a JwksFile.");
            }

            var jwks = new JsonWebKeySet(File.ReadAllText(Path.GetFullPath(issuer.JwksFile, environment.ContentRootPath)));
            if (jwks.Keys.Any(k => k.Kty is not (JsonWebAlgorithmsKeyTypes.EllipticCurve or JsonWebAlgorithmsKeyTypes.RSA)))
            {
                throw new InvalidOperationException($"The JWKS file of CDS Hooks issuer {issuer.Issuer} holds a key that is not EC or RSA; only ES384 and RS384 public keys are accepted.");
            }

            if (jwks.Keys.Any(k => string.IsNullOrEmpty(k.Kid)))
            {
                throw new InvalidOperationException($"The JWKS file of CDS Hooks issuer {issuer.Issuer} holds a key without a kid; every token must name its key, so every key needs one.");
            }

            _keys[issuer.Issuer] = [.. jwks.GetSigningKeys()];
        }

        if (_keys.Count > 0 && _baseUrl is null && !IsDevelopment)
        {
            throw new InvalidOperationException("CdsHooks:PublicBaseUrl is required when a CDS Hooks issuer is trusted (outside Development): it is the base of the URL every token's aud must name, for example https://triage.example.org. The audience is never taken from the request's Host header.");
        }
    }

    /// <summary>Gets whether the host runs in the Development environment (where <see cref="CdsHooksSettings.RequireJwt"/> may be off).</summary>
    public bool IsDevelopment { get; }

    /// <summary>Gets whether tokens are checked: always, unless <see cref="CdsHooksSettings.RequireJwt"/> is off in Development.</summary>
    public bool RequiresJwt => _settings.RequireJwt || !IsDevelopment;

    /// <summary>Gets the public base URL without a trailing slash, or <see langword="null"/> when none is configured (Development only).</summary>
    public string? PublicBaseUrl => _baseUrl;

    /// <summary>Logs at start-up how calls are checked.</summary>
    public void LogConfiguration()
    {
        if (!_settings.RequireJwt && IsDevelopment)
        {
            LogJwtOff(_logger);
        }
        else if (!_settings.RequireJwt)
        {
            LogJwtOffIgnored(_logger);
        }

        if (RequiresJwt && _keys.Count == 0)
        {
            LogNoIssuer(_logger);
        }

        if (RequiresJwt && _keys.Count > 0 && _baseUrl is null)
        {
            LogAudienceFromHost(_logger);
        }
    }

    /// <summary>
    /// The audiences a token for this request may name: the endpoint's URL (<see cref="CdsHooksSettings.PublicBaseUrl"/>
    /// plus <c>/cds-services/{id}</c>, and for feedback also plus <c>/feedback</c>).
    /// </summary>
    public IReadOnlyList<string> AudiencesOf(HttpRequest request, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUrl = _baseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}"; // Development only (checked at start)
        var service = $"{baseUrl}/cds-services/{serviceId}";
        var feedback = (request.Path.Value ?? "").TrimEnd('/').EndsWith("/feedback", StringComparison.Ordinal);
        return feedback ? [service + "/feedback", service] : [service];
    }

    /// <summary>Checks the request's bearer token for the service <paramref name="serviceId"/> (its call or its feedback).</summary>
    /// <returns><see langword="null"/> when accepted, otherwise the precise reason (a short code, for the log and metrics; the answer says <see cref="RefusedCode"/>).</returns>
    public async Task<string?> CheckAsync(HttpRequest request, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RequiresJwt)
        {
            return null;
        }

        var reason = await ReasonAsync(request, AudiencesOf(request, serviceId));
        if (reason is not null)
        {
            LogRefused(_logger, reason);
        }

        return reason;
    }

    private static string? BaseUrlOf(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException("CdsHooks:PublicBaseUrl must be an absolute http(s) URL without query, fragment or user, for example https://triage.example.org.");
        }

        return configured.Trim().TrimEnd('/');
    }

    private async Task<string?> ReasonAsync(HttpRequest request, IReadOnlyList<string> audiences)
    {
        if (_keys.Count == 0)
        {
            return "noTrustedIssuer";
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return "missingToken";
        }

        var token = header[7..].Trim();
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return "malformedToken";
        }

        using var head = Decode(jwt.EncodedHeader);
        using var body = Decode(jwt.EncodedPayload);
        if (head is null || body is null)
        {
            return "malformedToken"; // not JSON objects, or a parameter or claim given twice
        }

        var reason = HeaderReason(head.RootElement, jwt.Alg);
        if (reason is not null)
        {
            return reason;
        }

        if (!_keys.TryGetValue(Text(body.RootElement, JwtRegisteredClaimNames.Iss) ?? "", out var issuerKeys))
        {
            return "untrustedIssuer";
        }

        var kid = Text(head.RootElement, JwtHeaderParameterNames.Kid);
        var keys = issuerKeys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
        {
            return "unknownKid";
        }

        var jti = Text(body.RootElement, JwtRegisteredClaimNames.Jti);
        if (string.IsNullOrEmpty(jti))
        {
            return "missingJti";
        }

        reason = LifetimeReason(body.RootElement, out var expires);
        if (reason is not null)
        {
            return reason;
        }

        if (!AudienceMatches(body.RootElement, audiences))
        {
            return "wrongAudience";
        }

        // The claims were checked above, exactly; the handler checks the signature with the named key only (and the audience again).
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudiences = audiences,
            IgnoreTrailingSlashWhenValidatingAudience = false,
            ValidAlgorithms = Algorithms,
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidateLifetime = false,
            ValidateIssuerSigningKey = true,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenInvalidAudienceException => "wrongAudience",
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "badSignature",
                SecurityTokenInvalidAlgorithmException => "algorithmNotAllowed",
                _ => "invalidToken",
            };
        }

        // Remembered as long as the token could be accepted: until exp plus the skew.
        var skew = TimeSpan.FromSeconds(_settings.ClockSkewSeconds);
        return await _replay.TryRegisterAsync(jwt.Issuer, jti, expires + skew, request.HttpContext.RequestAborted) ? null : "replayedJti";
    }

    private static string? HeaderReason(JsonElement header, string alg)
    {
        if (!Algorithms.Contains(alg, StringComparer.Ordinal) || Text(header, JwtHeaderParameterNames.Alg) != alg)
        {
            return "algorithmNotAllowed";
        }

        if (header.TryGetProperty(JwtHeaderParameterNames.Typ, out var typ)
            && (typ.ValueKind != JsonValueKind.String || !string.Equals(typ.GetString(), "JWT", StringComparison.OrdinalIgnoreCase)))
        {
            return "wrongTyp";
        }

        if (header.TryGetProperty("crit", out _))
        {
            return "unsupportedCrit"; // no extension is understood, so any critical one is refused (RFC 7515, 4.1.11)
        }

        return string.IsNullOrEmpty(Text(header, JwtHeaderParameterNames.Kid)) ? "missingKid" : null;
    }

    private string? LifetimeReason(JsonElement claims, out DateTimeOffset expires)
    {
        expires = default;
        if (!claims.TryGetProperty(JwtRegisteredClaimNames.Iat, out var iatValue))
        {
            return "missingIat";
        }

        if (!claims.TryGetProperty(JwtRegisteredClaimNames.Exp, out var expValue))
        {
            return "missingExp";
        }

        long nbf = long.MinValue;
        if (!Seconds(iatValue, out var iat) || !Seconds(expValue, out var exp)
            || (claims.TryGetProperty(JwtRegisteredClaimNames.Nbf, out var nbfValue) && !Seconds(nbfValue, out nbf)))
        {
            return "nonNumericDate";
        }

        if (exp <= iat || exp - iat > _settings.MaxTokenLifetimeSeconds)
        {
            return "lifetimeTooLong";
        }

        var skew = _settings.ClockSkewSeconds;
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        if (iat > now + skew || (nbf != long.MinValue && nbf - skew > now))
        {
            return "notYetValid";
        }

        if (exp + skew < now)
        {
            return "expired";
        }

        expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        return null;
    }

    // A NumericDate as whole seconds: a JSON number (never a string), within the years 1970 to 9999.
    private static bool Seconds(JsonElement value, out long seconds)
    {
        seconds = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out seconds) && seconds is >= 0 and <= 253_402_300_799;
    }

    private static bool AudienceMatches(JsonElement claims, IReadOnlyList<string> audiences)
    {
        if (!claims.TryGetProperty(JwtRegisteredClaimNames.Aud, out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => audiences.Contains(aud.GetString()!, StringComparer.Ordinal),
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && audiences.Contains(a.GetString()!, StringComparer.Ordinal)),
            _ => false,
        };
    }

    private static JsonDocument? Decode(string encoded)
    {
        try
        {
            var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(encoded), StrictJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "CdsHooks:RequireJwt is false in Development: CDS Hooks calls are accepted WITHOUT a token. Never deploy this setting.")]
    private static partial void LogJwtOff(ILogger logger);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "CdsHooks:RequireJwt=false is ignored outside Development: every CDS Hooks call needs a valid token.")]
    private static partial void LogJwtOffIgnored(ILogger logger);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "No trusted CDS Hooks issuer is configured (CdsHooks:TrustedIssuers): every CDS Hooks service call is refused.")]
    private static partial void LogNoIssuer(ILogger logger);

    // Debug: the precise reason is for the operator; a caller learns only RefusedCode. Never the token.
    [LoggerMessage(EventId = 23, Level = LogLevel.Debug, Message = "Refused a CDS Hooks token: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "CdsHooks:PublicBaseUrl is not set in Development: the audience of CDS Hooks tokens is taken from each request's Host header. Outside Development the start fails without it.")]
    private static partial void LogAudienceFromHost(ILogger logger);
}
