using System.Buffers;
using SpineTriage.Audit;
using SpineTriage.Results.Internal;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// The record hash of a version-2 audit record: SHA-256 (<c>sha256:</c>) or, keyed, HMAC-SHA256
/// (<c>hmac-sha256:</c>) of the record's canonical form, its JSON line as <see cref="AuditRecordWriter"/> writes it
/// without <c>recordHash</c> (every other field, <c>previousHash</c> included, in a fixed order, no whitespace).
/// </summary>
internal static class AuditRecordHash
{
    public const string Sha256Prefix = Sha256Hash.Prefix;

    public const string HmacPrefix = Sha256Hash.HmacPrefix;

    public static string Compute(AuditRecord record, AuditKey? key)
    {
        var canonical = new ArrayBufferWriter<byte>(1024);
        AuditRecordWriter.Write(record, canonical, includeRecordHash: false);
        return key is null ? Sha256Hash.Of(canonical.WrittenSpan) : Sha256Hash.HmacOf(key.Bytes, canonical.WrittenSpan);
    }

    public static bool IsKeyed(string hash) => hash.StartsWith(HmacPrefix, StringComparison.Ordinal);

    /// <summary>Whether a value has the form of a record hash: <c>sha256:</c> or <c>hmac-sha256:</c> and 64 lowercase hex digits.</summary>
    public static bool IsWellFormed(string? value) => Sha256Hash.IsWellFormedOrKeyed(value);
}
