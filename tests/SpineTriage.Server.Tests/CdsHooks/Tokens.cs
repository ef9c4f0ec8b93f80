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
