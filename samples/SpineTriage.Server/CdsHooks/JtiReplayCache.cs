using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// Remembers the <c>jti</c> of every accepted token until it expires, so a replayed token is refused. The in-memory
/// implementation is per instance: several instances behind one load balancer need a shared implementation
/// (a distributed cache with an atomic "add if absent") registered in its place.
/// </summary>
public interface IJtiReplayCache
{
    /// <summary>
    /// Registers a token id, without blocking a thread; <see langword="false"/> when it was seen before within its lifetime
    /// (a replay), the cache is full, or the memory cannot be reached (fail closed).
    /// </summary>
    /// <param name="issuer">The token's issuer (ids are unique per issuer).</param>
    /// <param name="jti">The token id.</param>
    /// <param name="expires">When the token expires: after this it can be forgotten, as the token is refused anyway.</param>
    /// <param name="cancellationToken">Ends the wait (the request was aborted).</param>
    ValueTask<bool> TryRegisterAsync(string issuer, string jti, DateTimeOffset expires, CancellationToken cancellationToken);
}

/// <summary>The per-instance <see cref="IJtiReplayCache"/>: bounded (<see cref="CdsHooksSettings.MaxRememberedTokens"/>), expired ids purged.</summary>
public sealed class InMemoryJtiReplayCache(IOptions<CdsHooksSettings> settings, TimeProvider clock) : IJtiReplayCache
{
    private readonly ConcurrentDictionary<(string Issuer, string Jti), DateTimeOffset> _seen = new();
    private readonly int _max = Math.Max(1, settings.Value.MaxRememberedTokens);

    /// <inheritdoc/>
    public ValueTask<bool> TryRegisterAsync(string issuer, string jti, DateTimeOffset expires, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryRegister(issuer, jti, expires));

    private bool TryRegister(string issuer, string jti, DateTimeOffset expires)
    {
        var now = clock.GetUtcNow();
        if (_seen.Count >= _max)
        {
            foreach (var entry in _seen)
            {
                if (entry.Value < now)
                {
                    _seen.TryRemove(entry);
                }
            }

            if (_seen.Count >= _max)
            {
                return false;
            }
        }

        if (_seen.TryAdd((issuer, jti), expires))
        {
            return true;
        }

        // Seen before: still a replay while the first token lives; once expired, the entry is stale (the token itself is refused for its exp).
        return false;
    }
}
