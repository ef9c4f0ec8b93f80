using SpineTriage.Server.Operations;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>A store fault the tests switch on and off.</summary>
public enum StoreFault
{
    None,

    /// <summary>ENOSPC: a write stores part of its bytes, then fails.</summary>
    Full,

    /// <summary>EROFS: every write, fsync and probe fails.</summary>
    ReadOnly,

    /// <summary>A hung mount: writes and probes block until the fault is cleared.</summary>
    Stalled,
}

/// <summary>The real file system with faults injected on demand (the audit log's <see cref="AuditFileSystem"/> seam).</summary>
public sealed class FaultyFileSystem : AuditFileSystem
{
    private readonly object _gate = new();
    private StoreFault _fault;

    public StoreFault Fault
    {
        get
        {
            lock (_gate)
            {
                return _fault;
            }
        }

        set
        {
            lock (_gate)
            {
                _fault = value;
                Monitor.PulseAll(_gate);
            }
        }
    }

    public override IAuditFile Open(string path) => new File(base.Open(path), this);

    public override void Probe(string path)
    {
        Check(partial: null);
        base.Probe(path);
    }

    // Throws the fault's error, or blocks while the store is stalled; a full store first writes part of the batch.
    private void Check(Action<int>? partial)
    {
        lock (_gate)
        {
            while (_fault == StoreFault.Stalled)
            {
                Monitor.Wait(_gate);
            }

            switch (_fault)
            {
                case StoreFault.Full:
                    partial?.Invoke(2);
                    throw new IOException("No space left on device : 'triage-audit.jsonl'", 28);
                case StoreFault.ReadOnly:
                    throw new IOException("Read-only file system : 'triage-audit.jsonl'", 30);
            }
        }
    }

    private sealed class File(IAuditFile inner, FaultyFileSystem faults) : IAuditFile
    {
        public long Length => inner.Length;

        public int Read(Span<byte> buffer, long offset) => inner.Read(buffer, offset);

        public void Write(ReadOnlySpan<byte> data, long offset)
        {
            var bytes = data.ToArray();
            faults.Check(part => inner.Write(bytes.AsSpan(0, bytes.Length / part), offset));
            inner.Write(bytes, offset);
        }

        public void Flush()
        {
            faults.Check(partial: null);
            inner.Flush();
        }

        public void SetLength(long length)
        {
            if (faults.Fault == StoreFault.ReadOnly)
            {
                throw new IOException("Read-only file system : 'triage-audit.jsonl'", 30);
            }

            inner.SetLength(length);
        }

        public void Dispose() => inner.Dispose();
    }
}
