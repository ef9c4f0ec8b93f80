namespace SpineTriage.Audit;

/// <summary>
/// What the hash chain of an audit log says about one record (<see cref="AuditReplayLine.Integrity"/>).
/// See docs/reliability.md, tampering matrix.
/// </summary>
public enum RecordIntegrity
{
    /// <summary>The record matches its <see cref="AuditRecord.RecordHash"/> and links to the record before it.</summary>
    Intact = 1,

    /// <summary>A version-1 record before any chained record: it has no record hash, so changes to it cannot be detected.</summary>
    NotChained = 2,

    /// <summary>The record does not match its <see cref="AuditRecord.RecordHash"/>: a field was changed, or (keyed) the key is wrong.</summary>
    Altered = 3,

    /// <summary>
    /// The record's <see cref="AuditRecord.PreviousHash"/> is not the hash of the chained record before it (or, for the
    /// first, not <see cref="AuditChain.Genesis"/>): a record was removed, reordered or inserted before this one.
    /// </summary>
    BrokenLink = 4,

    /// <summary>A version-1 (unchained) record after the chain began: it was inserted, or the chain was not used.</summary>
    UnchainedInChain = 5,

    /// <summary>A key was given but the record is hashed without one: anyone could have written it.</summary>
    NotKeyed = 6,

    /// <summary>The record is keyed and no key was given: its link was checked, its hash could not be.</summary>
    Unverified = 7,
}
