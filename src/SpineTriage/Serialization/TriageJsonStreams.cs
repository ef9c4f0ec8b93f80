using System.Buffers;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Serialization;

/// <summary>
/// Triage of a report read from a stream (an HTTP request body), and its errors in the shape of a validation problem
/// (<c>Results.ValidationProblem(outcome.Errors.ToProblemErrors())</c> in ASP.NET Core): what a minimal API endpoint
/// needs, since a <see cref="Reports.SymptomReport"/> does not bind as an endpoint parameter (read the body as the
/// contract's JSON instead).
/// </summary>
public static class TriageJsonStreams
{
    /// <summary>
    /// Reads the stream to its end, at most <see cref="TriageEngineOptions.MaxReportBytes"/> + 1 bytes, and triages it as
    /// <see cref="ITriageEngine.TriageJson(ReadOnlySpan{byte})"/> does: a longer body is refused with
    /// <see cref="ErrorCodes.TooLarge"/> without being read further, any other error is listed with its code and path.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="utf8Json">The report as UTF-8 JSON of the contract (docs/contract.md); not disposed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The result, or every error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public static async Task<Outcome<TriageResult>> TriageJsonAsync(this ITriageEngine engine, Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(utf8Json);
        var limit = engine.Options.MaxReportBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit, 16 * 1024));
        try
        {
            var length = 0;
            while (length < limit)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await utf8Json.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return engine.TriageJson(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The errors grouped by their JSON path, each as <c>code: message</c>, in the order first listed: the dictionary
    /// <c>Results.ValidationProblem</c> (ASP.NET Core) turns into a 400 <c>ValidationProblemDetails</c>.
    /// </summary>
    /// <param name="errors">The errors of an outcome.</param>
    /// <returns>The messages by path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    public static Dictionary<string, string[]> ToProblemErrors(this IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Code}: {e.Message}").ToArray(), StringComparer.Ordinal);
    }
}
