using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SpineTriage.Server.Tests.CdsHooks;

/// <summary>A CDS client: its issuer, its ES384 (or RS384) key, a JWKS file with its public key, and tokens it signs.</summary>
public sealed class Tokens : IDisposable
{
    public const string Issuer = "https://ehr.example.org";

    // One key pair of each kind for the whole test run: making RSA keys is slow.
    private static readonly ECDsa SharedEc = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private static readonly RSA SharedRsa = RSA.Create(2048);
    private readonly ECDsa _ec = SharedEc;
    private readonly RSA _rsa = SharedRsa;

    public string WriteJwks(string folder)
    {
        var ec = _ec.ExportParameters(false);
        var rsa = _rsa.ExportParameters(false);
        var path = Path.Combine(folder, "ehr.jwks.json");
        File.WriteAllText(path, $$"""
            {"keys":[
              {"kty":"EC","crv":"P-384","kid":"ec-1","use":"sig","alg":"ES384","x":"{{B64(ec.Q.X!)}}","y":"{{B64(ec.Q.Y!)}}"},
              {"kty":"RSA","kid":"rsa-1","use":"sig","alg":"RS384","n":"{{B64(rsa.Modulus!)}}","e":"{{B64(rsa.Exponent!)}}"}
            ]}
            """);
        return path;
    }

    public Dictionary<string, string?> Settings(string folder) => new()
    {
        ["CdsHooks:TrustedIssuers:0:Issuer"] = Issuer,
        ["CdsHooks:TrustedIssuers:0:JwksFile"] = WriteJwks(folder),
    };

    public string Es384(string audience = ServerFactory.Audience, string issuer = Issuer, DateTime? expires = null, DateTime? issuedAt = null, string? jti = null, bool withJti = true, bool withExp = true) =>
        Sign(new SigningCredentials(new ECDsaSecurityKey(_ec) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384), audience, issuer, expires, issuedAt, jti, withJti, withExp);

    public string Rs384(string audience = ServerFactory.Audience) =>
        Sign(new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha384), audience, Issuer, null, null, null, true, true);

    /// <summary>Signed with another EC key that claims the trusted key's id.</summary>
    public static string WrongKey()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return Sign(new SigningCredentials(new ECDsaSecurityKey(other) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384), ServerFactory.Audience, Issuer, null, null, null, true, true);
    }

    public static string Hmac() =>
        Sign(new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48)) { KeyId = "ec-1" }, SecurityAlgorithms.HmacSha384), ServerFactory.Audience, Issuer, null, null, null, true, true);

    public static string None()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = B64(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var payload = B64(Encoding.UTF8.GetBytes($$"""{"iss":"{{Issuer}}","aud":"{{ServerFactory.Audience}}","iat":{{now}},"exp":{{now + 240}},"jti":"{{Guid.NewGuid()}}"}"""));
        return header + "." + payload + ".";
    }

    /// <summary>
    /// A token signed with the trusted EC key whose header and claims are exactly the given JSON (to forge what a token
    /// library would not write: a string <c>exp</c>, a <c>crit</c> header, a claim given twice).
    /// </summary>
    public string Raw(string header, string claims)
    {
        var input = B64(Encoding.UTF8.GetBytes(header)) + "." + B64(Encoding.UTF8.GetBytes(claims));
        var signature = _ec.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA384); // IEEE P1363 (r || s), as JWS wants
        return input + "." + B64(signature);
    }

    /// <summary>The header of <see cref="Es384"/>'s tokens, with <paramref name="more"/> appended inside it.</summary>
    public static string Header(string more = "", string kid = "ec-1") => $$"""{"alg":"ES384","kid":"{{kid}}","typ":"JWT"{{more}}}""";

    /// <summary>Claims issued at <paramref name="issuedAt"/> (Unix seconds, now when null), valid <paramref name="lifetime"/> seconds, with <paramref name="more"/> appended.</summary>
    public static string Claims(long? issuedAt = null, long lifetime = 240, string more = "", string audience = ServerFactory.Audience)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$"""{"iss":"{{Issuer}}","aud":"{{audience}}","iat":{{iat}},"exp":{{iat + lifetime}},"jti":"{{Guid.NewGuid()}}"{{more}}}""";
    }

    public void Dispose()
    {
        // The keys are shared by every test and live as long as the test run.
    }

    private static string Sign(SigningCredentials credentials, string audience, string issuer, DateTime? expires, DateTime? issuedAt, string? jti, bool withJti, bool withExp)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (withJti)
        {
            claims["jti"] = jti ?? Guid.NewGuid().ToString();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt ?? now,
            NotBefore = null,
            Expires = withExp ? expires ?? now.AddMinutes(4) : null,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = credentials,
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = withExp };
        return handler.CreateToken(descriptor);
    }

    private static string B64(byte[] bytes) => Base64UrlEncoder.Encode(bytes);
}
