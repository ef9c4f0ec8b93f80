using SpineTriage.Serialization.Internal;

namespace SpineTriage.Audit;

/// <summary>
/// Links audit records into a tamper-evident chain (record version 2): <see cref="Append"/> sets each record's
/// <see cref="AuditRecord.PreviousHash"/> to the hash of the record appended before it and its
/// <see cref="AuditRecord.RecordHash"/> to the SHA-256 (or, with an <see cref="AuditKey"/>, the HMAC-SHA256) of
/// every other field. <see cref="AuditReplay"/> then reports any changed, removed, reordered or inserted record.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe; the one SpineTriage type with state: the hash of the last record (<see cref="Head"/>). Write the
/// records in the order <see cref="Append"/> returns them, or let <see cref="AppendTo"/> write each line under
/// the chain's lock.
/// </para>
/// <para>
/// Records cut from the end of a log cannot be detected from the log alone: keep <see cref="Head"/> (which
/// <c>spinetriage replay</c> prints) somewhere the log's writer cannot change, and compare. Without a key anyone
/// who can write the log can also rewrite a whole chain; with one, only the key holder can.
/// </para>
/// </remarks>
public sealed class AuditChain
{
    /// <summary>The <see cref="AuditRecord.PreviousHash"/> of the first record of a chain: <c>sha256:</c> and 64 zeros.</summary>
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    private readonly object _gate = new();
    private readonly AuditKey? _key;
    private string _head;

    /// <summary>Starts a chain (the next record links to <see cref="Genesis"/>).</summary>
    /// <param name="key">The key for keyed records (HMAC-SHA256), or <see langword="null"/> for SHA-256.</param>
    public AuditChain(AuditKey? key = null)
        : this(Genesis, key)
    {
    }

    /// <summary>Continues a chain after its last record, for example when a service restarts and appends to its log.</summary>
    /// <param name="head">The <see cref="AuditRecord.RecordHash"/> of the log's last record, or <see cref="Genesis"/>.</param>
    /// <param name="key">The key the chain was written with, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="head"/> is not a record hash.</exception>
    public AuditChain(string head, AuditKey? key)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (!AuditRecordHash.IsWellFormed(head))
        {
            throw new ArgumentException("The head must be a record hash: \"sha256:\" or \"hmac-sha256:\" and 64 lowercase hex digits.", nameof(head));
        }

        _head = head;
        _key = key;
    }

    /// <summary>Gets the hash of the last record appended (<see cref="Genesis"/> before the first): the chain head to keep elsewhere.</summary>
    public string Head
    {
        get
        {
            lock (_gate)
            {
                return _head;
            }
        }
    }

    /// <summary>Gets whether records are keyed (HMAC-SHA256).</summary>
    public bool IsKeyed => _key is not null;

    /// <summary>Links a record to the chain.</summary>
    /// <param name="record">A record made by <see cref="AuditRecord.Create"/>, not yet chained.</param>
    /// <returns>The record as version 2, with its <see cref="AuditRecord.PreviousHash"/> and <see cref="AuditRecord.RecordHash"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="record"/> is already chained.</exception>
    public AuditRecord Append(AuditRecord record)
    {
        lock (_gate)
        {
            return AppendLocked(record);
        }
    }

    /// <summary>Links a record to the chain and writes its JSON line to a log, both under the chain's lock, so lines stay in chain order.</summary>
    /// <param name="log">The log, for example a <see cref="StreamWriter"/> opened to append.</param>
    /// <param name="record">A record made by <see cref="AuditRecord.Create"/>, not yet chained.</param>
    /// <returns>The chained record that was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="record"/> is already chained.</exception>
    public AuditRecord AppendTo(TextWriter log, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(log);
        lock (_gate)
        {
            var previous = _head;
            var chained = AppendLocked(record);
            try
            {
                log.WriteLine(chained.ToJsonLine());
            }
            catch
            {
                _head = previous; // the line was not written: the next record links to the last one that was
                throw;
            }

            return chained;
        }
    }

    /// <summary>Names the kind of chain, never a hash.</summary>
    /// <returns>For example <c>AuditChain (sha256)</c>.</returns>
    public override string ToString() => IsKeyed ? "AuditChain (hmac-sha256)" : "AuditChain (sha256)";

    private AuditRecord AppendLocked(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RecordHash is not null || record.PreviousHash is not null)
        {
            throw new ArgumentException("The record is already chained; append the record AuditRecord.Create made.", nameof(record));
        }

        var linked = record with { RecordVersion = AuditRecord.ChainedRecordVersion, PreviousHash = _head };
        linked = linked with { RecordHash = AuditRecordHash.Compute(linked, _key) };
        _head = linked.RecordHash;
        return linked;
    }
}
