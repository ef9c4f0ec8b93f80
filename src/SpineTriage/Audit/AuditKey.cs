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

    /// <summary>Names the kind of key and its length, never its bytes.</summary>
    /// <returns>For example <c>AuditKey (hmac-sha256, 44 bytes)</c>.</returns>
    public override string ToString() => $"AuditKey (hmac-sha256, {_bytes.Length} bytes)";
}
