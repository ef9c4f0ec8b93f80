using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SpineTriage.Results.Internal;

/// <summary>
/// The one form of hash SpineTriage writes (rule-set identity, audit records): <c>sha256:</c> and the 64
/// lower-case hex digits of the SHA-256 of a text's UTF-8 bytes.
/// </summary>
internal static class Sha256Hash
{
    public const string Prefix = "sha256:";

    /// <summary>The length of a hash: the prefix and 64 hex digits.</summary>
    public const int Length = 71;

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>The hash of a text's UTF-8 bytes.</summary>
    public static string Of(string text) =>
        Prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    /// <summary>Whether a value has the form of a hash (not whether it matches anything).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length }
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept(LowerHexDigits) < 0;
}
