using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SpineTriage.Results.Internal;

/// <summary>
/// The one hash helper of SpineTriage (rule-set identity, audit records): <c>sha256:</c> and the 64 lower-case hex
/// digits of a SHA-256, or <c>hmac-sha256:</c> and those of an HMAC-SHA256 for keyed audit records.
/// </summary>
internal static class Sha256Hash
{
    public const string Prefix = "sha256:";

    /// <summary>The prefix of a keyed hash (HMAC-SHA256).</summary>
    public const string HmacPrefix = "hmac-sha256:";

    /// <summary>The length of a hash: the prefix and 64 hex digits.</summary>
    public const int Length = 71;

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>The hash of a text's UTF-8 bytes.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>The hash of bytes.</summary>
    public static string Of(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        return Prefix + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>The keyed hash (HMAC-SHA256) of bytes.</summary>
    public static string HmacOf(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, data, hash);
        return HmacPrefix + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>Whether a value has the form of a hash (not whether it matches anything).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length }
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept(LowerHexDigits) < 0;

    /// <summary>Whether a value has the form of a hash or a keyed hash (not whether it matches anything).</summary>
    public static bool IsWellFormedOrKeyed(string? value) =>
        IsWellFormed(value)
        || (value is { Length: 64 + 12 }
            && value.StartsWith(HmacPrefix, StringComparison.Ordinal)
            && value.AsSpan(HmacPrefix.Length).IndexOfAnyExcept(LowerHexDigits) < 0);
}
