using System.Globalization;
using System.Text;
using System.Text.Json;
using SpineTriage.Results.Internal;

namespace SpineTriage.Audit;

/// <summary>
/// Checks a log of chained JSON lines that are not triage records (the service's CDS Hooks feedback log) against its hash
/// chain, with the rule of the triage chain: each line ends in <c>,"recordHash":"…"}</c>, the hash (SHA-256, or
/// HMAC-SHA256 with the audit key) of the line without that member; its <c>previousHash</c> is the <c>recordHash</c> of
/// the line before it (<see cref="AuditChain.Genesis"/> for the first). Lines without a <c>recordHash</c> before the first
/// chained line are older, unchained records (not tamper-evident); after it, such a line breaks the chain.
/// </summary>
public static class ChainedLines
{
    /// <summary>Checks the lines in order, in bounded memory (only the head and the first failing line numbers are kept).</summary>
    /// <param name="lines">The lines, in order, without line breaks.</param>
    /// <param name="key">The audit key of a keyed (hmac-sha256) chain, or <see langword="null"/>.</param>
    /// <returns>The verdict.</returns>
    public static ChainedLinesReport Verify(IEnumerable<string> lines, AuditKey? key)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string? head = null;
        int records = 0, notChained = 0, malformed = 0, failures = 0, unverified = 0;
        var failed = new List<int>();
        foreach (var line in lines)
        {
            records++;
            var verdict = Check(line, key, ref head);
            switch (verdict)
            {
                case Verdict.Malformed:
                    malformed++;
                    break;
                case Verdict.NotChained:
                    notChained++;
                    break;
                case Verdict.Unverified:
                    unverified++;
                    break;
                case Verdict.Failed:
                    failures++;
                    if (failed.Count < ChainedLinesReport.MaxListedLines)
                    {
                        failed.Add(records);
                    }

                    break;
            }
        }

        return new ChainedLinesReport(records, notChained, malformed, failures, unverified, failed, head, key is not null);
    }

    private static Verdict Check(string line, AuditKey? key, ref string? head)
    {
        string? recordHash, previous;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Verdict.Malformed;
            }

            recordHash = document.RootElement.TryGetProperty("recordHash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            previous = document.RootElement.TryGetProperty("previousHash", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        }
        catch (JsonException)
        {
            return Verdict.Malformed;
        }

        if (recordHash is null)
        {
            return head is null ? Verdict.NotChained : Verdict.Failed;
        }

        var expectedPrevious = head ?? AuditChain.Genesis;
        head = recordHash; // one change flags one record, not every later one
        var suffix = ",\"recordHash\":\"" + recordHash + "\"}";
        if (!line.EndsWith(suffix, StringComparison.Ordinal) || !string.Equals(previous, expectedPrevious, StringComparison.Ordinal))
        {
            return Verdict.Failed;
        }

        var keyed = recordHash.StartsWith(Sha256Hash.HmacPrefix, StringComparison.Ordinal);
        if (keyed && key is null)
        {
            return Verdict.Unverified;
        }

        if (!keyed && key is not null)
        {
            return Verdict.Failed; // a keyed chain holds only keyed records
        }

        var canonical = Encoding.UTF8.GetBytes(string.Concat(line.AsSpan(0, line.Length - suffix.Length), "}"));
        var expected = key is null ? Sha256Hash.Of(canonical) : Sha256Hash.HmacOf(key.Bytes, canonical);
        return string.Equals(expected, recordHash, StringComparison.Ordinal) ? Verdict.Intact : Verdict.Failed;
    }

    private enum Verdict
    {
        Intact,
        NotChained,
        Unverified,
        Failed,
        Malformed,
    }
}

/// <summary>The verdict of <see cref="ChainedLines.Verify"/>.</summary>
public sealed class ChainedLinesReport
{
    /// <summary>The most failing line numbers listed in <see cref="FailedLines"/>.</summary>
    public const int MaxListedLines = 100;

    internal ChainedLinesReport(int records, int notChained, int malformed, int failures, int unverified, IReadOnlyList<int> failedLines, string? head, bool keyed)
    {
        Records = records;
        NotChained = notChained;
        Malformed = malformed;
        Failures = failures;
        Unverified = unverified;
        FailedLines = failedLines;
        Head = head;
        Keyed = keyed;
    }

    /// <summary>Gets the number of lines read.</summary>
    public int Records { get; }

    /// <summary>Gets the number of older, unchained lines before the chain (not tamper-evident).</summary>
    public int NotChained { get; }

    /// <summary>Gets the number of lines that are not JSON objects.</summary>
    public int Malformed { get; }

    /// <summary>Gets the number of lines that fail the chain check (changed, removed, reordered or inserted records).</summary>
    public int Failures { get; }

    /// <summary>Gets the number of keyed lines not verified because no key was given.</summary>
    public int Unverified { get; }

    /// <summary>Gets the 1-based numbers of the first <see cref="MaxListedLines"/> lines that fail the chain check.</summary>
    public IReadOnlyList<int> FailedLines { get; }

    /// <summary>Gets the record hash of the last chained line, or <see langword="null"/> when none is chained.</summary>
    public string? Head { get; }

    /// <summary>Gets whether the chain was checked with a key.</summary>
    public bool Keyed { get; }

    /// <summary>Gets whether no line fails the chain check and every line is a JSON object.</summary>
    public bool IsIntact => Failures == 0 && Malformed == 0;

    /// <summary>
    /// The verdict in one line, worded as the triage chain's (<see cref="AuditReplayReport.ChainSummary"/>), for example
    /// <c>feedback chain: intact: 3 chained records (sha256); head sha256:…</c> or
    /// <c>feedback chain: BROKEN: 1 of 3 records fail the chain check (changed, removed, reordered or inserted records): line 2; head …</c>.
    /// </summary>
    /// <param name="label">What the chain is, for example <c>feedback chain</c>.</param>
    /// <returns>The line.</returns>
    public string Summary(string label)
    {
        var text = new StringBuilder(label).Append(": ");
        if (Records == 0)
        {
            return text.Append("empty: no records").ToString();
        }

        if (Head is null && Failures == 0 && Malformed == 0)
        {
            return text.Append(CultureInfo.InvariantCulture, $"none: {NotChained} records are not chained, so changes to them cannot be detected").ToString();
        }

        if (Failures > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"BROKEN: {Failures} of {Records - Malformed} records fail the chain check (changed, removed, reordered or inserted records): line{(Failures == 1 ? "" : "s")} ")
                .AppendJoin(", ", FailedLines);
            if (Failures > FailedLines.Count)
            {
                text.Append(CultureInfo.InvariantCulture, $" and {Failures - FailedLines.Count} more");
            }
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"intact: {Records - NotChained - Malformed} chained records ({(Keyed ? "hmac-sha256, key checked" : "sha256")})");
        }

        if (Malformed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {Malformed} lines are not JSON objects");
        }

        if (Unverified > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {Unverified} keyed records not verified (no key given)");
        }

        if (NotChained > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {NotChained} older records before the chain are not tamper-evident");
        }

        return text.Append("; head ").Append(Head ?? "(none)").ToString();
    }
}
