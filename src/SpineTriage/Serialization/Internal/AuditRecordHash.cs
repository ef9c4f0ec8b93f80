using System.Buffers;
using System.Security.Cryptography;
using SpineTriage.Audit;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// The record hash of a version-2 audit record: SHA-256 (<c>sha256:</c>) or, keyed, HMAC-SHA256
/// (<c>hmac-sha256:</c>) of the record's canonical form, its JSON line as <see cref="AuditRecordWriter"/> writes it
/// without <c>recordHash</c> (every other field, <c>previousHash</c> included, in a fixed order, no whitespace).
/// </summary>
internal static class AuditRecordHash
{
    public const string Sha256Prefix = "sha256:";

    public const string HmacPrefix = "hmac-sha256:";

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    public static string Compute(AuditRecord record, AuditKey? key)
    {
        var canonical = new ArrayBufferWriter<byte>(1024);
        AuditRecordWriter.Write(record, canonical, includeRecordHash: false);
        Span<byte> hash = stackalloc byte[32];
        if (key is null)
        {
            SHA256.HashData(canonical.WrittenSpan, hash);
            return Sha256Prefix + Convert.ToHexString(hash).ToLowerInvariant();
        }

        HMACSHA256.HashData(key.Bytes, canonical.WrittenSpan, hash);
        return HmacPrefix + Convert.ToHexString(hash).ToLowerInvariant();
    }

    public static bool IsKeyed(string hash) => hash.StartsWith(HmacPrefix, StringComparison.Ordinal);

    /// <summary>Whether a value has the form of a record hash: <c>sha256:</c> or <c>hmac-sha256:</c> and 64 lowercase hex digits.</summary>
    public static bool IsWellFormed(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var digits = value.StartsWith(Sha256Prefix, StringComparison.Ordinal) ? value.AsSpan(Sha256Prefix.Length)
            : value.StartsWith(HmacPrefix, StringComparison.Ordinal) ? value.AsSpan(HmacPrefix.Length)
            : default;
        return digits.Length == 64 && digits.IndexOfAnyExcept(LowerHexDigits) < 0;
    }
}
