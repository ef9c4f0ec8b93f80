using System.Globalization;
using System.Text;
using SpineTriage.Audit.Internal;
using SpineTriage.Engine;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Audit;

/// <summary>
/// Replays recorded decisions with today's engine: was the same report given the same urgency and
/// rules then as now? Used to check an audit log after a rule-set change. Replaying a log also checks its
/// hash chain (<see cref="AuditChain"/>): every changed, removed, reordered or inserted chained record is reported.
/// </summary>
/// <remarks>
/// Thread-safe; pure apart from the engine's clock. Nothing it returns holds a stored value: errors in a stored
/// record or its report name paths and kinds of problem only (a stored record may hold patient data).
/// </remarks>
public static class AuditReplay
{
    /// <summary>Replays one record.</summary>
    /// <param name="engine">Today's engine.</param>
    /// <param name="record">The record; it can be replayed only when it holds its report.</param>
    /// <returns>
    /// <see cref="ReplayStatus.Same"/> or <see cref="ReplayStatus.Different"/> (same urgency and same rule
    /// ids in the same order, or not); <see cref="ReplayStatus.NoReport"/> when the record holds no report;
    /// <see cref="ReplayStatus.ReportInvalid"/> when the report does not match the record's hash or today's
    /// engine rejects it. A report without an assessment date is replayed for the record's
    /// <see cref="AuditRecord.AssessedOn"/>, as it was triaged. The errors of an invalid report keep their codes
    /// and paths (under <c>$.report</c>) but not their messages, which could repeat stored values.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="record"/> is <see langword="null"/>.</exception>
    public static ReplayResult Replay(ITriageEngine engine, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(record);
        if (record.ReportJson is null)
        {
            return new ReplayResult { Status = ReplayStatus.NoReport, Record = record, CurrentRuleSet = engine.RuleSet.Identity };
        }

        var parsed = TriageJson.ParseReport(record.ReportJson, engine.RuleSet);
        if (!parsed.IsSuccess)
        {
            return Invalid(engine, record, parsed.Errors.Select(StoredReportError).ToArray());
        }

        // An unkeyed digest is checked here; a keyed one (or none) is covered by the record hash, which the chain check verifies.
        if (record.ReportHash is { } reportHash && !AuditRecordHash.IsKeyed(reportHash)
            && !string.Equals(AuditRecord.HashReport(parsed.Value), reportHash, StringComparison.Ordinal))
        {
            return Invalid(engine, record, [new ValidationError("$.report", ErrorCodes.HashMismatch, "the report does not match reportHash: the record was altered.")]);
        }

        var report = parsed.Value.AssessedOn is null ? parsed.Value with { AssessedOn = record.AssessedOn } : parsed.Value;
        var outcome = engine.Triage(report);
        if (!outcome.IsSuccess)
        {
            return Invalid(engine, record, outcome.Errors.Select(StoredReportError).ToArray());
        }

        var ruleIds = Array.AsReadOnly(outcome.Value.Findings.Select(f => f.RuleId).ToArray());
        var same = outcome.Value.Urgency == record.Urgency && ruleIds.SequenceEqual(record.RuleIds, StringComparer.Ordinal);
        return new ReplayResult
        {
            Status = same ? ReplayStatus.Same : ReplayStatus.Different,
            Record = record,
            CurrentUrgency = outcome.Value.Urgency,
            CurrentRuleIds = ruleIds,
            CurrentRuleSet = engine.RuleSet.Identity,
        };
    }

    /// <summary>
    /// Replays one record with the engine of the rule-set line it names (<see cref="AuditRecord.RuleSet"/>: a
    /// <c>1.0.x</c> record with the 1.0 engine, a <c>2.0.x</c> record with the 2.0 engine; <see cref="TriageEngines.ForVersion(string?)"/>).
    /// </summary>
    /// <param name="engines">Today's engines, one per line.</param>
    /// <param name="record">The record.</param>
    /// <returns>
    /// As <see cref="Replay(ITriageEngine, AuditRecord)"/> with the engine of the record's line; <see cref="ReplayStatus.UnknownRuleSet"/>
    /// when the record holds a report but names a version of no line of the engines (never an exception). A record
    /// without a report is <see cref="ReplayStatus.NoReport"/> whatever line it names (compared with the
    /// <see cref="TriageEngines.Default"/> line's rule set when its own line is unknown).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="engines"/> or <paramref name="record"/> is <see langword="null"/>.</exception>
    public static ReplayResult Replay(TriageEngines engines, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(record);
        // A record of the options' local edition (its own hash, which covers its name) is replayed with that edition.
        if (engines.Options.LoadedRuleSet is not null && string.Equals(engines.Default.RuleSet.Hash, record.RuleSet.Hash, StringComparison.Ordinal))
        {
            return Replay(engines.Default, record);
        }

        if (engines.ForVersion(record.RuleSet.Version) is { } engine)
        {
            return Replay(engine, record);
        }

        return record.ReportJson is null
            ? Replay(engines.Default, record)
            : new ReplayResult { Status = ReplayStatus.UnknownRuleSet, Record = record, CurrentRuleSet = record.RuleSet };
    }

    /// <summary>
    /// Replays a JSON Lines audit log: each non-blank line is read with <see cref="AuditRecord.ParseJsonLine(string)"/>,
    /// checked against the hash chain (unkeyed) and replayed. A malformed line is reported, not thrown.
    /// </summary>
    /// <param name="engine">Today's engine.</param>
    /// <param name="lines">The lines of the log, for example <c>File.ReadLines(path)</c>.</param>
    /// <returns>One entry per non-blank line, with counts and a summary line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="lines"/> is <see langword="null"/>.</exception>
    public static AuditReplayReport ReplayJsonLines(ITriageEngine engine, IEnumerable<string> lines) => ReplayJsonLines(engine, lines, null);

    /// <summary>
    /// Replays a JSON Lines audit log and checks its hash chain with a key: each non-blank line is read with
    /// <see cref="AuditRecord.ParseJsonLine(string)"/>, checked (<see cref="AuditReplayLine.Integrity"/>) and replayed.
    /// </summary>
    /// <param name="engine">Today's engine.</param>
    /// <param name="lines">The lines of the log.</param>
    /// <param name="key">The key of a keyed chain, or <see langword="null"/>: keyed records are then <see cref="RecordIntegrity.Unverified"/>.</param>
    /// <returns>One entry per non-blank line, with counts, the chain head and summary lines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="lines"/> is <see langword="null"/>.</exception>
    public static AuditReplayReport ReplayJsonLines(ITriageEngine engine, IEnumerable<string> lines, AuditKey? key)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(lines);
        return ReplayLines(new Tally(record => Replay(engine, record), key, against: null), lines);
    }

    /// <summary>
    /// Replays a JSON Lines audit log from a stream in bounded memory: lines are read one at a time (each at most
    /// <see cref="AuditRecord.MaxJsonLineBytes"/>; a longer one is a <c>tooLarge</c> malformed line), each entry is
    /// handed to <paramref name="onLine"/> and not kept, so a log of any size replays in constant memory.
    /// </summary>
    /// <param name="engine">Today's engine.</param>
    /// <param name="log">The log as UTF-8 (a leading byte-order mark is allowed); read to its end, not disposed.</param>
    /// <param name="key">The key of a keyed chain, or <see langword="null"/>.</param>
    /// <param name="onLine">Called with each non-blank line's entry, in order.</param>
    /// <returns>The counts, the chain head and summary lines; <see cref="AuditReplayReport.Lines"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/>, <paramref name="log"/> or <paramref name="onLine"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static AuditReplayReport ReplayJsonLines(ITriageEngine engine, Stream log, AuditKey? key, Action<AuditReplayLine> onLine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(onLine);
        return ReplayStream(new Tally(record => Replay(engine, record), key, against: null), log, onLine);
    }

    /// <summary>
    /// Replays a JSON Lines audit log whose records may name different rule sets: each non-blank line is read, checked
    /// against the hash chain and replayed with the engine of the line its record names
    /// (<see cref="Replay(TriageEngines, AuditRecord)"/>); with <paramref name="against"/>, every record that holds a
    /// report is also re-triaged with that engine, for an impact report (<see cref="AuditReplayReport.Impact"/>).
    /// </summary>
    /// <param name="engines">Today's engines, one per line.</param>
    /// <param name="lines">The lines of the log.</param>
    /// <param name="key">The key of a keyed chain, or <see langword="null"/>.</param>
    /// <param name="against">
    /// An engine of another rule set (or other options) to measure a migration against, or <see langword="null"/>. Its
    /// results never change a record's status or the counts of the replay.
    /// </param>
    /// <returns>One entry per non-blank line, with counts, the chain head, summary lines and the impact report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engines"/> or <paramref name="lines"/> is <see langword="null"/>.</exception>
    public static AuditReplayReport ReplayJsonLines(TriageEngines engines, IEnumerable<string> lines, AuditKey? key, ITriageEngine? against)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(lines);
        return ReplayLines(new Tally(record => Replay(engines, record), key, against), lines);
    }

    /// <summary>
    /// Replays a JSON Lines audit log whose records may name different rule sets from a stream in bounded memory, as
    /// <see cref="ReplayJsonLines(TriageEngines, IEnumerable{string}, AuditKey?, ITriageEngine?)"/> does: lines are read
    /// one at a time (each at most <see cref="AuditRecord.MaxJsonLineBytes"/>), each entry is handed to
    /// <paramref name="onLine"/> and not kept. The impact report keeps counts and at most
    /// <see cref="ReplayImpact.MaxListedLines"/> line numbers per list, so a log of any size replays in bounded memory.
    /// </summary>
    /// <param name="engines">Today's engines, one per line.</param>
    /// <param name="log">The log as UTF-8 (a leading byte-order mark is allowed); read to its end, not disposed.</param>
    /// <param name="key">The key of a keyed chain, or <see langword="null"/>.</param>
    /// <param name="against">An engine to measure a migration against, or <see langword="null"/>.</param>
    /// <param name="onLine">Called with each non-blank line's entry, in order.</param>
    /// <returns>The counts, the chain head, summary lines and the impact report; <see cref="AuditReplayReport.Lines"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engines"/>, <paramref name="log"/> or <paramref name="onLine"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static AuditReplayReport ReplayJsonLines(TriageEngines engines, Stream log, AuditKey? key, ITriageEngine? against, Action<AuditReplayLine> onLine)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(onLine);
        return ReplayStream(new Tally(record => Replay(engines, record), key, against), log, onLine);
    }

    // Reads each non-blank line of a log held in memory, numbered from 1, into the tally.
    private static AuditReplayReport ReplayLines(Tally tally, IEnumerable<string> lines)
    {
        var entries = new List<AuditReplayLine>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                entries.Add(tally.Add(number, AuditRecord.ParseJsonLine(line)));
            }
        }

        return new AuditReplayReport(entries, tally);
    }

    private static AuditReplayReport ReplayStream(Tally tally, Stream log, Action<AuditReplayLine> onLine)
    {
        var reader = new JsonLineReader(log, AuditRecord.MaxJsonLineBytes);
        while (reader.TryReadLine(out var line, out var tooLarge))
        {
            if (tooLarge)
            {
                onLine(tally.Add(reader.LineNumber, new Outcome<AuditRecord>(null, [AuditRecordReader.TooLarge()])));
            }
            else if (!IsBlank(line))
            {
                onLine(tally.Add(reader.LineNumber, AuditRecord.ParseJsonLine(line)));
            }
        }

        return new AuditReplayReport([], tally);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static ReplayResult Invalid(ITriageEngine engine, AuditRecord record, IReadOnlyList<ValidationError> errors) =>
        new() { Status = ReplayStatus.ReportInvalid, Record = record, CurrentRuleSet = engine.RuleSet.Identity, Errors = errors };

    /// <summary>
    /// An error of a stored report, for a replay: its code, and its path under <c>$.report</c> unless the path would
    /// name a stored property (unknown or duplicate names are reported at their object); never the message, which
    /// can repeat a stored value.
    /// </summary>
    private static ValidationError StoredReportError(ValidationError error)
    {
        var path = error.Path;
        if (error.Code is ErrorCodes.UnknownProperty or ErrorCodes.UnknownQuestion or ErrorCodes.DuplicateKey)
        {
            path = path.StartsWith("$.answers", StringComparison.Ordinal) && path.Length > "$.answers".Length ? "$.answers"
                : path.StartsWith("$.temperature", StringComparison.Ordinal) && path.Length > "$.temperature".Length ? "$.temperature"
                : "$";
        }

        return new ValidationError("$.report" + path[1..], error.Code, $"the stored report is not valid today ({error.Code}; the stored value is not shown).");
    }

    /// <summary>Counts and chain state of one replay.</summary>
    internal sealed class Tally(Func<AuditRecord, ReplayResult> replay, AuditKey? key, ITriageEngine? against)
    {
        private readonly ChainChecker _chain = new(key);

        /// <summary>Gets the impact of the <c>against</c> engine, when there is one.</summary>
        public ReplayImpact.Builder? Impact { get; } = against is null ? null : new ReplayImpact.Builder(against.RuleSet);

        public int Records { get; private set; }

        public int Same { get; private set; }

        public int Different { get; private set; }

        public int NoReport { get; private set; }

        public int ReportInvalid { get; private set; }

        public int Malformed { get; private set; }

        public int UnknownRuleSet { get; private set; }

        public int Chained { get; private set; }

        public int NotChained { get; private set; }

        public int IntegrityFailures { get; private set; }

        public int Unverified { get; private set; }

        public bool Keyed => key is not null;

        public string? ChainHead => _chain.Head;

        public AuditReplayLine Add(int lineNumber, Outcome<AuditRecord> parsed)
        {
            Records++;
            if (!parsed.IsSuccess)
            {
                Malformed++;
                return new AuditReplayLine(lineNumber, null, parsed.Errors);
            }

            var integrity = _chain.Check(parsed.Value);
            switch (integrity)
            {
                case RecordIntegrity.NotChained:
                    NotChained++;
                    break;
                case RecordIntegrity.Intact:
                    Chained++;
                    break;
                case RecordIntegrity.Unverified:
                    Chained++;
                    Unverified++;
                    break;
                case RecordIntegrity.UnchainedInChain:
                    IntegrityFailures++;
                    break;
                default:
                    Chained++;
                    IntegrityFailures++;
                    break;
            }

            var result = replay(parsed.Value);
            ReplayResult? againstResult = null;
            if (against is not null && parsed.Value.ReportJson is not null)
            {
                againstResult = Replay(against, parsed.Value);
                Impact!.Add(lineNumber, parsed.Value, againstResult);
            }

            switch (result.Status)
            {
                case ReplayStatus.Same:
                    Same++;
                    break;
                case ReplayStatus.Different:
                    Different++;
                    break;
                case ReplayStatus.NoReport:
                    NoReport++;
                    break;
                case ReplayStatus.UnknownRuleSet:
                    UnknownRuleSet++;
                    break;
                default:
                    ReportInvalid++;
                    break;
            }

            return new AuditReplayLine(lineNumber, result, []) { Integrity = integrity, AgainstResult = againstResult };
        }
    }
}

/// <summary>One line of a replayed audit log: its replay and chain check, or why the line is not an audit record.</summary>
/// <param name="LineNumber">The line's number in the log, from 1 (blank lines count).</param>
/// <param name="Result">The replay, or <see langword="null"/> when the line is malformed.</param>
/// <param name="Errors">Why the line is not an audit record; empty when it was replayed.</param>
public sealed record AuditReplayLine(int LineNumber, ReplayResult? Result, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>
    /// Gets the record re-triaged with the engine a replay was asked to compare against
    /// (<see cref="AuditReplay.ReplayJsonLines(TriageEngines, IEnumerable{string}, AuditKey?, ITriageEngine?)"/>), when
    /// there is one and the record holds a report; otherwise <see langword="null"/>. Its status compares the record with
    /// that engine's decision; it changes nothing else of the line.
    /// </summary>
    public ReplayResult? AgainstResult { get; init; }

    /// <summary>Gets whether the line is not a readable audit record.</summary>
    public bool IsMalformed => Result is null;

    /// <summary>Gets what the hash chain says about the record; <see langword="null"/> when the line is malformed.</summary>
    public RecordIntegrity? Integrity { get; init; }

    /// <summary>Gets whether the chain shows the record was changed, removed, reordered, inserted or written without the key.</summary>
    public bool FailsIntegrity => Integrity is RecordIntegrity.Altered or RecordIntegrity.BrokenLink or RecordIntegrity.UnchainedInChain or RecordIntegrity.NotKeyed;

    /// <summary>Describes the line without patient data, for example <c>line 3: same: urgent [wound-signs]</c>, with the chain's finding when the record fails it.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        if (Result is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"line {LineNumber}: malformed: {string.Join("; ", Errors.Select(e => e.ToString()))}");
        }

        var chain = Integrity switch
        {
            RecordIntegrity.Altered => "; CHAIN: altered: the record does not match its recordHash (a field was changed, or the key is wrong)",
            RecordIntegrity.BrokenLink => "; CHAIN: broken link: previousHash is not the hash of the record before (a record was removed, reordered or inserted)",
            RecordIntegrity.UnchainedInChain => "; CHAIN: an unchained (version-1) record inside the chain (inserted?)",
            RecordIntegrity.NotKeyed => "; CHAIN: not keyed: a key was given but the record was written without it",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture, $"line {LineNumber}: {Result.Describe()}{chain}");
    }

    /// <summary>Names the line number, the status and the chain finding; never stored values.</summary>
    /// <returns>The same text as <see cref="Describe"/>.</returns>
    public override string ToString() => Describe();
}

/// <summary>The replay of a whole JSON Lines audit log (<see cref="AuditReplay.ReplayJsonLines(ITriageEngine, IEnumerable{string})"/>).</summary>
/// <remarks>Immutable.</remarks>
public sealed class AuditReplayReport
{
    internal AuditReplayReport(IReadOnlyList<AuditReplayLine> lines, AuditReplay.Tally tally)
    {
        Lines = lines;
        Records = tally.Records;
        Same = tally.Same;
        Different = tally.Different;
        NoReport = tally.NoReport;
        ReportInvalid = tally.ReportInvalid;
        Malformed = tally.Malformed;
        UnknownRuleSet = tally.UnknownRuleSet;
        Impact = tally.Impact?.Build();
        Chained = tally.Chained;
        NotChained = tally.NotChained;
        IntegrityFailures = tally.IntegrityFailures;
        Unverified = tally.Unverified;
        ChainHead = tally.ChainHead;
        Keyed = tally.Keyed;
    }

    /// <summary>Gets one entry per non-blank line, in file order; empty when the log was replayed from a stream.</summary>
    public IReadOnlyList<AuditReplayLine> Lines { get; }

    /// <summary>Gets the number of non-blank lines (records and malformed lines).</summary>
    public int Records { get; }

    /// <summary>Gets the number of records that replay to the same decision.</summary>
    public int Same { get; }

    /// <summary>Gets the number of records whose decision differs today.</summary>
    public int Different { get; }

    /// <summary>Gets the number of records without a report.</summary>
    public int NoReport { get; }

    /// <summary>Gets the number of records whose report does not match its hash or is rejected today.</summary>
    public int ReportInvalid { get; }

    /// <summary>Gets the number of lines that are not audit records.</summary>
    public int Malformed { get; }

    /// <summary>
    /// Gets the number of records that hold a report but name a rule set of no line of the engines
    /// (<see cref="ReplayStatus.UnknownRuleSet"/>); always 0 for a replay with one engine.
    /// </summary>
    public int UnknownRuleSet { get; }

    /// <summary>
    /// Gets the impact of the rule set the replay was compared against, or <see langword="null"/> when it was compared
    /// against none (<see cref="AuditReplay.ReplayJsonLines(TriageEngines, IEnumerable{string}, AuditKey?, ITriageEngine?)"/>).
    /// </summary>
    public ReplayImpact? Impact { get; }

    /// <summary>Gets the number of chained (version-2) records.</summary>
    public int Chained { get; }

    /// <summary>Gets the number of version-1 records before the chain began: not tamper-evident.</summary>
    public int NotChained { get; }

    /// <summary>Gets the number of records the chain shows were changed, removed before, reordered, inserted or written without the key.</summary>
    public int IntegrityFailures { get; }

    /// <summary>Gets the number of keyed records whose hash could not be checked because no key was given.</summary>
    public int Unverified { get; }

    /// <summary>
    /// Gets the <see cref="AuditRecord.RecordHash"/> of the last chained record, or <see langword="null"/> when there is
    /// none: keep it where the log's writer cannot change it and compare it at the next check, because records cut
    /// from the end of a log cannot be detected from the log alone.
    /// </summary>
    public string? ChainHead { get; }

    /// <summary>Gets whether the chain was checked with a key.</summary>
    public bool Keyed { get; }

    /// <summary>
    /// Gets the closing summary, for example <c>4 records: 2 same, 1 different, 1 no report, 0 report invalid, 0 malformed</c>;
    /// <c>, 1 unknown rule set</c> is added when there are any (<see cref="UnknownRuleSet"/>).
    /// </summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Records} records: {Same} same, {Different} different, {NoReport} no report, {ReportInvalid} report invalid, {Malformed} malformed{(UnknownRuleSet > 0 ? $", {UnknownRuleSet} unknown rule set" : "")}");

    /// <summary>
    /// Gets the chain's verdict in one line, for example <c>chain: intact: 5 chained records (sha256); head sha256:…</c>,
    /// <c>chain: BROKEN: 1 of 5 chained records fail; head …</c> or <c>chain: none: 5 version-1 records are not tamper-evident</c>.
    /// </summary>
    public string ChainSummary
    {
        get
        {
            var text = new StringBuilder("chain: ");
            if (ChainHead is null)
            {
                return text.Append(CultureInfo.InvariantCulture, $"none: {NotChained} version-1 records are not chained, so changes to them cannot be detected").ToString();
            }

            if (IntegrityFailures > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"BROKEN: {IntegrityFailures} of {Records - Malformed} records fail the chain check (changed, removed, reordered or inserted records)");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"intact: {Chained} chained records ({(Keyed ? "hmac-sha256, key checked" : "sha256")})");
            }

            if (Unverified > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {Unverified} keyed records not verified (no key given)");
            }

            if (NotChained > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {NotChained} version-1 records before the chain are not tamper-evident");
            }

            return text.Append("; head ").Append(ChainHead).Append(" (records cut from the end are detected only against a head kept elsewhere)").ToString();
        }
    }
}
