using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SpineTriage.Audit;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// The counts of one <c>replay</c>: each record replayed with the rule-set line it names, and, with <c>--against</c>,
/// the impact of another rule set. Holds counts and at most <see cref="ImpactReport.MaxListedLines"/> line numbers per
/// list, never a record, so a log of any size replays in bounded memory.
/// </summary>
internal sealed partial class ReplayTally(RuleSetEngines engines, string? against)
{
    public int Records { get; private set; }

    public int Same { get; private set; }

    public int Different { get; private set; }

    public int NoReport { get; private set; }

    public int ReportInvalid { get; private set; }

    public int UnknownRuleSet { get; private set; }

    public int Malformed { get; private set; }

    /// <summary>Gets the impact report, with <c>--against</c>.</summary>
    public ImpactReport? Impact { get; } = against is null ? null : new ImpactReport(engines.For(against).RuleSet);

    /// <summary>Gets the closing summary, for example <c>4 records: 2 same, 1 different, 1 no report, 0 report invalid, 0 malformed</c>; unknown rule sets are named when there are any.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Records} records: {Same} same, {Different} different, {NoReport} no report, {ReportInvalid} report invalid, {Malformed} malformed{(UnknownRuleSet > 0 ? $", {UnknownRuleSet} unknown rule set" : "")}");

    /// <summary>Counts one line of the library's pass and replays its record with the engine of the line it names.</summary>
    /// <param name="line">The line, as the library's pass (with the default rule set's engine) gave it.</param>
    /// <returns>The line's description, without patient data.</returns>
    public string Add(AuditReplayLine line)
    {
        Records++;
        if (line.Result is not { } first)
        {
            Malformed++;
            return line.Describe();
        }

        var record = first.Record;
        var selector = RuleSetEngines.SelectorOf(record.RuleSet.Version);
        if (selector is null)
        {
            if (record.ReportJson is null)
            {
                NoReport++;
                return line.Describe();
            }

            UnknownRuleSet++;
            Impact?.Add(line.LineNumber, record, engines);

            // The chain's finding is what the library's description adds after the replay's.
            var chain = line.Describe()[string.Create(CultureInfo.InvariantCulture, $"line {line.LineNumber}: {first.Describe()}").Length..];
            return string.Create(
                CultureInfo.InvariantCulture,
                $"line {line.LineNumber}: unknown rule set: recorded {record.Urgency.JsonName()} [{string.Join(", ", record.RuleIds)}]; the record names rule set {Shown(record.RuleSet.Version)}, of no line this console runs ({string.Join(", ", RuleSets.Selectors)}), so it was not replayed{chain}");
        }

        // The library's pass replayed with the default rule set; a record of the other line is replayed with its own.
        var result = string.Equals(selector, RuleSets.Default, StringComparison.Ordinal) ? first : AuditReplay.Replay(engines.For(selector), record);
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
            default:
                ReportInvalid++;
                break;
        }

        if (record.ReportJson is not null)
        {
            Impact?.Add(line.LineNumber, record, engines);
        }

        return (line with { Result = result }).Describe();
    }

    /// <summary>A stored version as it may be shown: a plain version text, else "(not shown)".</summary>
    private static string Shown(string version) => PlainVersion().IsMatch(version) ? $"version {version}" : "version (not shown)";

    [GeneratedRegex(@"^[0-9A-Za-z.+-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainVersion();
}

/// <summary>
/// The impact of re-triaging recorded decisions with another rule set (<c>replay --against</c>): counts by recorded and
/// new urgency, and the line numbers of the records whose decision would change. Never a report id, a date or an answer.
/// </summary>
internal sealed class ImpactReport(RuleSet ruleSet)
{
    /// <summary>The most line numbers kept and listed per list; the counts are always complete.</summary>
    public const int MaxListedLines = 1000;

    private readonly Dictionary<(Urgency Recorded, Urgency New), int> _counts = [];
    private readonly LineList _changed = new();
    private readonly LineList _otherFindings = new();
    private readonly LineList _invalid = new();

    /// <summary>Gets the number of records re-triaged (those that hold a report).</summary>
    public int Records { get; private set; }

    /// <summary>Gets the number of records whose urgency is higher under the rule set.</summary>
    public int Higher { get; private set; }

    /// <summary>Gets the number of records whose urgency is lower under the rule set.</summary>
    public int Lower { get; private set; }

    /// <summary>Re-triages one record that holds a report with the rule set.</summary>
    public void Add(int lineNumber, AuditRecord record, RuleSetEngines engines)
    {
        Records++;
        var result = AuditReplay.Replay(engines.For(ruleSet.Selector), record);
        if (result.CurrentUrgency is not { } now)
        {
            _invalid.Add(lineNumber);
            return;
        }

        var key = (record.Urgency, now);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        if (now != record.Urgency)
        {
            _changed.Add(lineNumber);
            if (now.Code() > record.Urgency.Code())
            {
                Higher++;
            }
            else
            {
                Lower++;
            }
        }
        else if (result.Status == ReplayStatus.Different)
        {
            _otherFindings.Add(lineNumber);
        }
    }

    /// <summary>Writes the report: a heading, one line per pair of urgencies, then the changed records by line number.</summary>
    public void Write(TextWriter output)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"impact of rule set {ruleSet.Selector} ({ruleSet.Version}) on the {Records} record{(Records == 1 ? "" : "s")} that hold a report (recorded -> {ruleSet.Selector}: records):"));
        foreach (var ((recorded, now), count) in _counts.OrderByDescending(p => p.Key.Recorded.Code()).ThenByDescending(p => p.Key.New.Code()))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {recorded.JsonName()} -> {now.JsonName()}: {count}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  urgency changed: {_changed.Count} ({Higher} higher, {Lower} lower){_changed.Lines}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  same urgency, other findings: {_otherFindings.Count}{_otherFindings.Lines}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  not re-triaged (the report is invalid under {ruleSet.Selector}): {_invalid.Count}{_invalid.Lines}"));
    }

    /// <summary>A count and the first <see cref="MaxListedLines"/> line numbers.</summary>
    private sealed class LineList
    {
        private readonly List<int> _lines = [];

        public int Count { get; private set; }

        /// <summary>Gets the listed line numbers as text, for example <c>: lines 2, 4</c>; empty when there are none.</summary>
        public string Lines
        {
            get
            {
                if (Count == 0)
                {
                    return "";
                }

                var text = new StringBuilder(Count == 1 ? ": line " : ": lines ").AppendJoin(", ", _lines);
                if (Count > _lines.Count)
                {
                    text.Append(CultureInfo.InvariantCulture, $" and {Count - _lines.Count} more (only the first {MaxListedLines} are listed)");
                }

                return text.ToString();
            }
        }

        public void Add(int lineNumber)
        {
            Count++;
            if (_lines.Count < MaxListedLines)
            {
                _lines.Add(lineNumber);
            }
        }
    }
}
