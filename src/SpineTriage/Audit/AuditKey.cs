namespace SpineTriage.Audit;

/// <summary>
/// A secret key for keyed audit records: with it, <see cref="AuditChain"/> hashes each record with HMAC-SHA256
/// instead of SHA-256, so only the key holder can write records that verify. Read it from a protected file or
/// an environment variable, never from a command line (other users can see command lines).
/// </summary>
/// <remarks>Immutable. Holds a copy of the key bytes; <see cref="ToString"/> never shows them.</remarks>
public sealed class AuditKey
{
    /// <summary>The shortest key accepted, in bytes: 32, the output size of SHA-256.</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _bytes;

    private AuditKey(byte[] bytes) => _bytes = bytes;

    /// <summary>Gets the length of the key in bytes.</summary>
    public int Length => _bytes.Length;

    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Makes a key from its bytes (copied).</summary>
    /// <param name="key">At least <see cref="MinimumLength"/> bytes, for example from a random generator.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is shorter than <see cref="MinimumLength"/> bytes.</exception>
    public static AuditKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumLength)
        {
            throw new ArgumentException($"An audit key must have at least {MinimumLength} bytes; it has {key.Length}.", nameof(key));
        }

        return new AuditKey(key.ToArray());
    }

    /// <summary>
    /// The one rule for a key kept as text (a key file, an environment variable), used by the service (<c>Audit:KeyFile</c>)
    /// and the console (<c>replay --key-file</c>) alike, so both hash with the same bytes: a leading UTF-8 byte-order mark
    /// and the spaces, tabs, carriage returns and line feeds around the key are not part of it; every other byte is,
    /// as it is (nothing is decoded). A key file written with <c>openssl rand -base64 48 &gt; audit.key</c> (which ends in
    /// a line feed) gives the 64 characters of the key.
    /// </summary>
    /// <param name="text">The bytes of the file (or of the variable, as UTF-8).</param>
    /// <returns>The key's bytes: a slice of <paramref name="text"/> (check its length against <see cref="MinimumLength"/>, or use <see cref="FromKeyText"/>).</returns>
    public static ReadOnlySpan<byte> KeyBytesOf(ReadOnlySpan<byte> text)
    {
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        return text.Trim(" \t\r\n"u8);
    }

    /// <summary>Makes a key from a key file's bytes by the rule of <see cref="KeyBytesOf"/>.</summary>
    /// <param name="text">The bytes of the key file.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The key, without its surrounding whitespace, is shorter than <see cref="MinimumLength"/> bytes.</exception>
    public static AuditKey FromKeyText(ReadOnlySpan<byte> text) => FromBytes(KeyBytesOf(text));

    /// <summary>Names the kind of key and its length, never its bytes.</summary>
    /// <returns>For example <c>AuditKey (hmac-sha256, 44 bytes)</c>.</returns>
    public override string ToString() => $"AuditKey (hmac-sha256, {_bytes.Length} bytes)";
}
