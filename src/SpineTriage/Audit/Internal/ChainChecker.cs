using SpineTriage.Serialization.Internal;

namespace SpineTriage.Audit.Internal;

/// <summary>Checks records of one log in order against their hash chain; remembers only the last record hash.</summary>
internal sealed class ChainChecker(AuditKey? key)
{
    /// <summary>Gets the record hash of the last chained record read, or <see langword="null"/> before the first.</summary>
    public string? Head { get; private set; }

    public RecordIntegrity Check(AuditRecord record)
    {
        if (record.RecordHash is null)
        {
            return Head is null ? RecordIntegrity.NotChained : RecordIntegrity.UnchainedInChain;
        }

        var expectedPrevious = Head ?? AuditChain.Genesis;

        // The stored hash becomes the head even when the record fails, so one change flags one record, not every later one.
        Head = record.RecordHash;
        var keyed = AuditRecordHash.IsKeyed(record.RecordHash);
        if (!keyed || key is not null)
        {
            var expected = AuditRecordHash.Compute(record, keyed ? key : null);
            if (!string.Equals(expected, record.RecordHash, StringComparison.Ordinal))
            {
                return RecordIntegrity.Altered;
            }
        }

        if (!string.Equals(record.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            return RecordIntegrity.BrokenLink;
        }

        return keyed && key is null ? RecordIntegrity.Unverified
            : !keyed && key is not null ? RecordIntegrity.NotKeyed
            : RecordIntegrity.Intact;
    }
}
