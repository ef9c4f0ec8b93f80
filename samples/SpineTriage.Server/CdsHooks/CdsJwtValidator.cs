using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// Checks the bearer token of a CDS Hooks call as the CDS Hooks 2.0 specification requires: signed with ES384 or
/// RS384 (never <c>none</c> or HMAC) by a trusted issuer's key from its local JWKS file, <c>aud</c> equal to the URL of
/// the service called, <c>exp</c>, <c>iat</c> and <c>jti</c> present, not expired, not issued in the future, and a
/// <c>jti</c> not seen before within its lifetime. Anything else is refused (401); the reason is logged, never the token.
/// </summary>
public sealed partial class CdsJwtValidator
{
    /// <summary>The only signing algorithms accepted.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384];

    private readonly CdsHooksSettings _settings;
    private readonly IJtiReplayCache _replay;
    private readonly TimeProvider _clock;
    private readonly ILogger<CdsJwtValidator> _logger;
    private readonly Dictionary<string, IReadOnlyList<SecurityKey>> _keys;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Loads the trusted issuers' keys (a symmetric key in a JWKS file stops the start).</summary>
    public CdsJwtValidator(IOptions<CdsHooksSettings> settings, IJtiReplayCache replay, TimeProvider clock, IHostEnvironment environment, ILogger<CdsJwtValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        _settings = settings.Value;
        _replay = replay;
        _clock = clock;
        _logger = logger;
        IsDevelopment = environment.IsDevelopment();
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

            _keys[issuer.Issuer] = [.. jwks.GetSigningKeys()];
        }
    }

    /// <summary>Gets whether the host runs in the Development environment (where <see cref="CdsHooksSettings.RequireJwt"/> may be off).</summary>
    public bool IsDevelopment { get; }

    /// <summary>Gets whether tokens are checked: always, unless <see cref="CdsHooksSettings.RequireJwt"/> is off in Development.</summary>
    public bool RequiresJwt => _settings.RequireJwt || !IsDevelopment;

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
    }

    /// <summary>Checks the request's bearer token for the service at <paramref name="audience"/>.</summary>
    /// <returns><see langword="null"/> when accepted, otherwise the reason (a short code, safe to log and to answer).</returns>
    public async Task<string?> CheckAsync(HttpRequest request, string audience)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RequiresJwt)
        {
            return null;
        }

        var reason = await ReasonAsync(request, audience);
        if (reason is not null)
        {
            LogRefused(_logger, reason);
        }

        return reason;
    }

    private async Task<string?> ReasonAsync(HttpRequest request, string audience)
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

        if (!Algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return "algorithmNotAllowed";
        }

        if (!_keys.TryGetValue(jwt.Issuer ?? "", out var keys))
        {
            return "untrustedIssuer";
        }

        if (!jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var jti) || string.IsNullOrEmpty(jti))
        {
            return "missingJti";
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat))
        {
            return "missingIat";
        }

        var skew = TimeSpan.FromSeconds(Math.Max(0, _settings.ClockSkewSeconds));
        var now = _clock.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(iat) > now + skew)
        {
            return "notYetValid";
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp))
        {
            return "missingExp";
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (expires + skew < now)
        {
            return "expired";
        }

        if (jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) - skew > now)
        {
            return "notYetValid";
        }

        // The lifetime was checked above on the service's clock; the handler checks the signature, issuer, audience and algorithm.
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = audience,
            ValidAlgorithms = Algorithms,
            IssuerSigningKeys = keys,
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

        return _replay.TryRegister(jwt.Issuer!, jti, expires) ? null : "replayedJti";
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "CdsHooks:RequireJwt is false in Development: CDS Hooks calls are accepted WITHOUT a token. Never deploy this setting.")]
    private static partial void LogJwtOff(ILogger logger);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "CdsHooks:RequireJwt=false is ignored outside Development: every CDS Hooks call needs a valid token.")]
    private static partial void LogJwtOffIgnored(ILogger logger);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "No trusted CDS Hooks issuer is configured (CdsHooks:TrustedIssuers): every CDS Hooks service call is refused.")]
    private static partial void LogNoIssuer(ILogger logger);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Refused a CDS Hooks call: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
