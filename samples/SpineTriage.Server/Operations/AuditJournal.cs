using System.Collections.Concurrent;
using System.Diagnostics;

namespace SpineTriage.Server.Operations;

/// <summary>One line of an audit log, linked into its chain: the JSON line, its record hash and the hash it links to.</summary>
/// <param name="Json">The JSON line, without a line break.</param>
/// <param name="Hash">The line's record hash.</param>
/// <param name="PreviousHash">The record hash of the line before it (the chain's genesis for the first).</param>
public readonly record struct ChainedLine(string Json, string Hash, string PreviousHash);

/// <summary>
/// The durable store under an audit log (a file, or a PostgreSQL table): it makes a batch of lines durable, in order,
/// or throws and keeps none of them.
/// </summary>
public interface IAuditSink : IDisposable
{
    /// <summary>
    /// Gets the record hash of the last line stored when the sink was opened (the chain's genesis for an empty store), or
    /// <see langword="null"/> when the store could not be reached at start: the log then starts failed, and its writer's
    /// probe (<see cref="Probe"/>, then <see cref="Resync"/>) finds the head once the store can be reached.
    /// </summary>
    string? OpenedHead { get; }

    /// <summary>Makes the lines durable, in order; returns only once they are (fsync, commit), or throws and keeps none of them.</summary>
    /// <param name="lines">The lines of one batch.</param>
    void Append(IReadOnlyList<ChainedLine> lines);

    /// <summary>Checks that the store takes writes again after a fault; throws when it does not.</summary>
    void Probe();

    /// <summary>
    /// After a failed batch, the record hash of the last line actually durable: the same head for a store that keeps none
    /// of a failed batch (the file), the last committed row's for one whose commit may have succeeded unseen (PostgreSQL).
    /// </summary>
    /// <param name="head">The head before the failed batch.</param>
    string Resync(string head);
}

/// <summary>The audit store could not make a record durable in time: the request is answered 503, never with a decision.</summary>
public sealed class AuditUnavailableException : Exception
{
    /// <summary>The error code of the 503 answer.</summary>
    public const string Code = "auditUnavailable";

    /// <summary>Creates the exception.</summary>
    public AuditUnavailableException()
        : base("The audit store cannot record the decision.")
    {
    }

    /// <summary>Creates the exception with a message (never a record).</summary>
    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// One audit log written with group commit: requests hand their record to one writer thread, which links every
/// record waiting into the chain, makes the batch durable with one fsync (or one commit), and only then releases the
/// requests, each of which waits at most <see cref="AuditSettings.WriteTimeoutMilliseconds"/>. A store fault fails the
/// whole batch (nothing of it is kept, the chain head stays where it was) and the log reports itself unhealthy until a
/// later batch or the writer's own probe succeeds.
/// </summary>
internal sealed partial class AuditJournal : IDisposable
{
    /// <summary>The most records waiting for the writer; a request that finds the queue full is refused at once (bounded memory, no thread waits).</summary>
    public const int QueueCapacity = 4096;

    /// <summary>The most records in one batch.</summary>
    public const int MaxBatch = 1024;

    private const int Queued = 0, Taken = 1, Abandoned = 2;
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    private readonly BlockingCollection<Entry> _queue = new(QueueCapacity);
    private readonly IAuditSink _sink;
    private readonly Thread _writer;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _name;
    private string _head;
    private volatile bool _failed;
    private long _busySince; // Stopwatch timestamp of the write under way, 0 when the writer is idle
    private long _pending;

    public AuditJournal(string name, IAuditSink sink, TimeSpan timeout, TimeProvider clock, ILogger logger)
    {
        _name = name;
        _sink = sink;
        _head = sink.OpenedHead ?? Audit.AuditChain.Genesis;
        _failed = sink.OpenedHead is null; // not reachable at start: not ready, 503, until the probe succeeds
        _timeout = timeout;
        _clock = clock;
        _logger = logger;
        _writer = new Thread(Write) { IsBackground = true, Name = "SpineTriage audit writer (" + name + ")" };
        _writer.Start();
    }

    /// <summary>Gets the record hash of the last line made durable.</summary>
    public string Head => Volatile.Read(ref _head);

    /// <summary>Gets whether the store takes records: no fault since the last good batch, no write stalled beyond the bounded wait, room in the queue.</summary>
    public bool IsHealthy
    {
        get
        {
            var busySince = Interlocked.Read(ref _busySince);
            var stalled = busySince != 0 && Stopwatch.GetElapsedTime(busySince) > _timeout;
            return !_failed && !stalled && _queue.Count < QueueCapacity;
        }
    }

    /// <summary>Gets the records handed over and not yet durable or given up.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>
    /// Links a record into the chain and returns once it is durable; throws <see cref="AuditUnavailableException"/>
    /// when the store fails, is stalled beyond the bounded wait, or has <see cref="QueueCapacity"/> records waiting.
    /// </summary>
    /// <param name="link">Makes the record's line from the hash of the line before it (called on the writer thread).</param>
    public async Task AppendAsync(Func<string, ChainedLine> link)
    {
        var entry = new Entry(link);
        Interlocked.Increment(ref _pending);
        try
        {
            if (!_queue.TryAdd(entry))
            {
                throw new AuditUnavailableException($"The {_name} audit store is not keeping up ({QueueCapacity} records waiting).");
            }

            try
            {
                await entry.Done.Task.WaitAsync(_timeout, _clock).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Given up before the writer took it, the record is never written; once taken, it may still be written
                // when the store comes back (a record of a decision that was answered 503, never the other way round).
                Interlocked.CompareExchange(ref entry.State, Abandoned, Queued);
                Failed(new TimeoutException($"no write finished within {_timeout.TotalMilliseconds:F0} ms (a stalled store)"));
                throw new AuditUnavailableException($"The {_name} audit store did not make the record durable within {_timeout.TotalMilliseconds:F0} ms.");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        // Every record waiting is written before the store closes; a stalled store does not hold the shutdown forever.
        if (_writer.Join(_timeout + _timeout))
        {
            _queue.Dispose();
            _sink.Dispose();
        }
    }

    private void Write()
    {
        var batch = new List<Entry>(MaxBatch);
        var lines = new List<ChainedLine>(MaxBatch);
        while (true)
        {
            Entry? first;
            try
            {
                if (!_queue.TryTake(out first, _failed ? ProbeInterval : Timeout.InfiniteTimeSpan))
                {
                    if (_queue.IsCompleted)
                    {
                        return;
                    }

                    Probe();
                    continue;
                }
            }
            catch (InvalidOperationException)
            {
                return; // completed
            }

            batch.Clear();
            lines.Clear();
            Take(first, batch);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                Take(next, batch);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            Commit(batch, lines);
        }
    }

    private static void Take(Entry entry, List<Entry> batch)
    {
        if (Interlocked.CompareExchange(ref entry.State, Taken, Queued) == Queued)
        {
            batch.Add(entry);
        }
    }

    private void Commit(List<Entry> batch, List<ChainedLine> lines)
    {
        Interlocked.Exchange(ref _busySince, Stopwatch.GetTimestamp());
        try
        {
            if (_failed)
            {
                Volatile.Write(ref _head, _sink.Resync(_head));
            }

            var head = _head;
            foreach (var entry in batch)
            {
                var line = entry.Link(head);
                lines.Add(line);
                head = line.Hash;
            }

            _sink.Append(lines);
            Volatile.Write(ref _head, head);
            Recovered();
            foreach (var entry in batch)
            {
                entry.Done.TrySetResult();
            }
        }
#pragma warning disable CA1031 // any fault of the store fails the batch: the requests are answered 503, the writer lives on
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failed(exception);
            foreach (var entry in batch)
            {
                entry.Done.TrySetException(new AuditUnavailableException($"The {_name} audit store failed ({exception.GetType().Name}).", exception));
            }
        }
        finally
        {
            Interlocked.Exchange(ref _busySince, 0);
        }
    }

    private void Probe()
    {
        Interlocked.Exchange(ref _busySince, Stopwatch.GetTimestamp());
        try
        {
            _sink.Probe();
            Volatile.Write(ref _head, _sink.Resync(_head));
            Recovered();
        }
#pragma warning disable CA1031 // still failing: probe again later
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            Interlocked.Exchange(ref _busySince, 0);
        }
    }

    private void Failed(Exception exception)
    {
        if (!_failed)
        {
            _failed = true;
            LogFailed(_logger, _name, exception.GetType().Name, exception.Message);
        }
    }

    private void Recovered()
    {
        if (_failed)
        {
            _failed = false;
            LogRecovered(_logger, _name, Head);
        }
    }

    // The exception's type and message only: a file-system message names a path and a fault, never a record.
    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "The {Log} audit store cannot be written ({ExceptionType}: {Reason}); decisions are answered 503 and the instance reports itself not ready until it can.")]
    private static partial void LogFailed(ILogger logger, string log, string exceptionType, string reason);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "The {Log} audit store takes records again; chain head {Head}.")]
    private static partial void LogRecovered(ILogger logger, string log, string head);

    private sealed class Entry(Func<string, ChainedLine> link)
    {
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly Func<string, ChainedLine> Link = link;
        public int State;
    }
}
