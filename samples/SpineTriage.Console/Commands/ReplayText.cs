using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SpineTriage.Audit;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// The text of one <c>replay</c>: each line of the library's replay (<see cref="AuditReplay.ReplayJsonLines(Engine.TriageEngines, Stream, AuditKey?, Engine.ITriageEngine?, Action{AuditReplayLine})"/>,
/// each record with the rule-set line it names), and the impact report of <c>--against</c>. Never a report id, a date or an answer.
/// </summary>
internal static partial class ReplayText
{
    /// <summary>Describes one line of the replay: the library's description, with the console's words for a record of no line it runs.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The line's description, without patient data.</returns>
    public static string Describe(AuditReplayLine line)
    {
        if (line.Result is not { Status: ReplayStatus.UnknownRuleSet } result)
        {
            return line.Describe();
        }

        // The chain's finding is what the library's description adds after the replay's.
        var record = result.Record;
        var chain = line.Describe()[string.Create(CultureInfo.InvariantCulture, $"line {line.LineNumber}: {result.Describe()}").Length..];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"line {line.LineNumber}: unknown rule set: recorded {record.Urgency.JsonName()} [{string.Join(", ", record.RuleIds)}]; the record names rule set {Shown(record.RuleSet.Version)}, of no line this console runs ({string.Join(", ", RuleSets.Selectors)}), so it was not replayed{chain}");
    }

    /// <summary>Writes the impact report: a heading, one line per pair of urgencies, then the changed records by line number.</summary>
    /// <param name="impact">The library's impact report.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteImpact(ReplayImpact impact, TextWriter output)
    {
        var ruleSet = impact.RuleSet;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"impact of rule set {ruleSet.Selector} ({ruleSet.Version}) on the {impact.Records} record{(impact.Records == 1 ? "" : "s")} that hold a report (recorded -> {ruleSet.Selector}: records):"));
        foreach (var count in impact.Counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count.Recorded.JsonName()} -> {count.New.JsonName()}: {count.Records}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  urgency changed: {impact.Changed} ({impact.Higher} higher, {impact.Lower} lower){Lines(impact.Changed, impact.ChangedLines)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  same urgency, other findings: {impact.OtherFindings}{Lines(impact.OtherFindings, impact.OtherFindingsLines)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  not re-triaged (the report is invalid under {ruleSet.Selector}): {impact.NotRetriaged}{Lines(impact.NotRetriaged, impact.NotRetriagedLines)}"));
    }

    /// <summary>The listed line numbers as text, for example <c>: lines 2, 4</c>; empty when there are none.</summary>
    private static string Lines(int count, IReadOnlyList<int> lines)
    {
        if (count == 0)
        {
            return "";
        }

        var text = new StringBuilder(count == 1 ? ": line " : ": lines ").AppendJoin(", ", lines);
        if (count > lines.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {count - lines.Count} more (only the first {ReplayImpact.MaxListedLines} are listed)");
        }

        return text.ToString();
    }

    /// <summary>A stored version as it may be shown: a plain version text, else "(not shown)".</summary>
    private static string Shown(string version) => PlainVersion().IsMatch(version) ? $"version {version}" : "version (not shown)";

    [GeneratedRegex(@"^[0-9A-Za-z.+-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainVersion();
}
