using System.Globalization;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.Audit;

/// <summary>
/// What re-triaging recorded decisions with another rule set would change (an impact report: clinical-criteria-2.0.md
/// section 7): counts by recorded and new urgency, and the records whose decision would change, by their line number in
/// the log only, never by a report id, a date or an answer.
/// </summary>
/// <remarks>
/// Immutable. Holds counts and at most <see cref="MaxListedLines"/> line numbers per list, so the impact of a log of any
/// size takes bounded memory. Made by <see cref="AuditReplay.ReplayJsonLines(Engine.TriageEngines, IEnumerable{string}, AuditKey?, Engine.ITriageEngine?)"/>
/// (<see cref="AuditReplayReport.Impact"/>).
/// </remarks>
public sealed class ReplayImpact
{
    /// <summary>The most line numbers kept per list; the counts are always complete.</summary>
    public const int MaxListedLines = 1000;

    private ReplayImpact(Builder builder)
    {
        RuleSet = builder.RuleSet;
        Records = builder.Records;
        Counts = Array.AsReadOnly(builder.Counts
            .OrderByDescending(p => p.Key.Recorded.Code())
            .ThenByDescending(p => p.Key.New.Code())
            .Select(p => new ReplayImpactCount(p.Key.Recorded, p.Key.New, p.Value))
            .ToArray());
        Higher = builder.Higher;
        Lower = builder.Lower;
        Changed = builder.Changed.Count;
        ChangedLines = builder.Changed.Lines;
        OtherFindings = builder.OtherFindings.Count;
        OtherFindingsLines = builder.OtherFindings.Lines;
        NotRetriaged = builder.NotRetriaged.Count;
        NotRetriagedLines = builder.NotRetriaged.Lines;
    }

    /// <summary>Gets the rule set the records were re-triaged with (its selector, exact version and hash).</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Gets the number of records re-triaged: those that hold a report.</summary>
    public int Records { get; }

    /// <summary>
    /// Gets the number of records for each pair of recorded and new urgency that occurs, highest recorded urgency first,
    /// then highest new urgency; records whose report the rule set rejects are not counted here (<see cref="NotRetriaged"/>).
    /// </summary>
    public IReadOnlyList<ReplayImpactCount> Counts { get; }

    /// <summary>Gets the number of records whose urgency would be higher under the rule set.</summary>
    public int Higher { get; }

    /// <summary>Gets the number of records whose urgency would be lower under the rule set.</summary>
    public int Lower { get; }

    /// <summary>Gets the number of records whose urgency would change (<see cref="Higher"/> plus <see cref="Lower"/>).</summary>
    public int Changed { get; }

    /// <summary>Gets the line numbers of the first <see cref="MaxListedLines"/> records whose urgency would change, in log order.</summary>
    public IReadOnlyList<int> ChangedLines { get; }

    /// <summary>Gets the number of records that keep their urgency but whose findings would differ.</summary>
    public int OtherFindings { get; }

    /// <summary>Gets the line numbers of the first <see cref="MaxListedLines"/> records that keep their urgency with other findings.</summary>
    public IReadOnlyList<int> OtherFindingsLines { get; }

    /// <summary>Gets the number of records not re-triaged: the report does not match its hash, or the rule set rejects it (a 2.0 answer under 1.0, say).</summary>
    public int NotRetriaged { get; }

    /// <summary>Gets the line numbers of the first <see cref="MaxListedLines"/> records not re-triaged.</summary>
    public IReadOnlyList<int> NotRetriagedLines { get; }

    /// <summary>Names the rule set and the counts; never a stored value.</summary>
    /// <returns>For example <c>ReplayImpact: 2.0 (2.0.0) on 12 records: 3 changed (3 higher, 0 lower), 1 other findings, 0 not re-triaged</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ReplayImpact: {RuleSet.Selector} ({RuleSet.Version}) on {Records} records: {Changed} changed ({Higher} higher, {Lower} lower), {OtherFindings} other findings, {NotRetriaged} not re-triaged");

    /// <summary>Collects the impact, one record at a time.</summary>
    internal sealed class Builder(RuleSet ruleSet)
    {
        public RuleSet RuleSet { get; } = ruleSet;

        public Dictionary<(Urgency Recorded, Urgency New), int> Counts { get; } = [];

        public int Records { get; private set; }

        public int Higher { get; private set; }

        public int Lower { get; private set; }

        public LineList Changed { get; } = new();

        public LineList OtherFindings { get; } = new();

        public LineList NotRetriaged { get; } = new();

        /// <summary>Counts one record that holds a report, with its re-triage by the rule set.</summary>
        public void Add(int lineNumber, AuditRecord record, ReplayResult result)
        {
            Records++;
            if (result.CurrentUrgency is not { } now)
            {
                NotRetriaged.Add(lineNumber);
                return;
            }

            var key = (record.Urgency, now);
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
            if (now != record.Urgency)
            {
                Changed.Add(lineNumber);
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
                OtherFindings.Add(lineNumber);
            }
        }

        public ReplayImpact Build() => new(this);
    }

    /// <summary>A count and the first <see cref="MaxListedLines"/> line numbers.</summary>
    internal sealed class LineList
    {
        private readonly List<int> _lines = [];

        public int Count { get; private set; }

        public IReadOnlyList<int> Lines => Array.AsReadOnly(_lines.ToArray());

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

/// <summary>How many re-triaged records go from one recorded urgency to one new urgency (<see cref="ReplayImpact.Counts"/>).</summary>
/// <param name="Recorded">The recorded urgency.</param>
/// <param name="New">The urgency under the rule set of the impact report.</param>
/// <param name="Records">The number of records.</param>
public readonly record struct ReplayImpactCount(Urgency Recorded, Urgency New, int Records);
