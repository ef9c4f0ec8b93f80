using System.Text;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Audit;

/// <summary>
/// The counts, summaries and descriptions of a replayed audit log, and the chain's state when a line cannot be
/// written: what an operator reads to decide whether a log was tampered with.
/// </summary>
public class AuditLogTests
{
    private static readonly byte[] KeyBytes = Encoding.UTF8.GetBytes("exactly thirty-two bytes of key!");

    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private AuditRecord Record(QuestionId yes, bool includeReport = true)
    {
        var report = ReportBuilder.AllRedFlagsDenied().Yes(yes) with { ReportId = $"log-{yes}" };
        var validated = Engine.Validate(report).Value!;
        return AuditRecord.Create(Engine, validated, Engine.Evaluate(validated), new AuditRecordOptions { IncludeReport = includeReport });
    }

    private AuditReplayReport Replay(IEnumerable<string> lines, AuditKey? key = null) => AuditReplay.ReplayJsonLines(Engine, lines, key);

    [Fact]
    public void A_key_of_exactly_32_bytes_is_accepted_and_keeps_a_copy_of_its_bytes()
    {
        var bytes = (byte[])KeyBytes.Clone();
        var key = AuditKey.FromBytes(bytes);
        bytes.AsSpan().Clear();

        var chain = new AuditChain(key);
        var line = chain.Append(Record(QuestionId.Fever)).ToJsonLine();

        key.Length.Should().Be(32);
        key.ToString().Should().Be("AuditKey (hmac-sha256, 32 bytes)");
        (chain.IsKeyed, chain.ToString()).Should().Be((true, "AuditChain (hmac-sha256)"));
        Replay([line], AuditKey.FromBytes(KeyBytes)).Lines.Single().Integrity.Should().Be(RecordIntegrity.Intact);
        Replay([line], AuditKey.FromBytes(new byte[32])).Lines.Single().Integrity.Should().Be(RecordIntegrity.Altered);
    }

    [Fact]
    public void An_unkeyed_chain_says_so_and_starts_at_the_genesis()
    {
        var chain = new AuditChain();

        (chain.IsKeyed, chain.ToString(), chain.Head).Should().Be((false, "AuditChain (sha256)", AuditChain.Genesis));
    }

    [Fact]
    public void A_record_with_either_chain_field_already_set_cannot_be_appended()
    {
        var chain = new AuditChain();
        var record = Record(QuestionId.Fever);

        var withPrevious = () => chain.Append(record with { PreviousHash = AuditChain.Genesis });
        var withHash = () => chain.Append(record with { RecordHash = AuditChain.Genesis });

        withPrevious.Should().Throw<ArgumentException>().WithParameterName("record");
        withHash.Should().Throw<ArgumentException>().WithParameterName("record");
        chain.Head.Should().Be(AuditChain.Genesis);
    }

    [Fact]
    public void A_record_as_text_says_what_it_holds_and_how_it_is_chained()
    {
        var record = Record(QuestionId.Fever);

        record.ToString().Should().Be($"AuditRecord v1: urgent [fever], rule set {record.RuleSet.Version}, report included");
        (record with { ReportJson = null }).ToString().Should().Be($"AuditRecord v1: urgent [fever], rule set {record.RuleSet.Version}, report id only");
        (record with { ReportJson = null, ReportId = null }).ToString().Should().Be($"AuditRecord v1: urgent [fever], rule set {record.RuleSet.Version}, no report");
        new AuditChain().Append(record).ToString().Should().Be($"AuditRecord v2: urgent [fever], rule set {record.RuleSet.Version}, report included, chained (sha256)");
        new AuditChain(AuditKey.FromBytes(KeyBytes)).Append(record).ToString().Should().Be($"AuditRecord v2: urgent [fever], rule set {record.RuleSet.Version}, report included, chained (hmac-sha256)");
    }

    [Fact]
    public void Null_arguments_are_refused_by_name_and_leave_the_chain_unchanged()
    {
        var chain = new AuditChain();

        var nullHead = () => new AuditChain(null!, null);
        var nullLog = () => chain.AppendTo(null!, Record(QuestionId.Fever));
        var nullRecord = () => chain.Append(null!);
        var nullRecordTo = () => chain.AppendTo(new FailingWriter(), null!);

        nullHead.Should().Throw<ArgumentNullException>().WithParameterName("head");
        nullLog.Should().Throw<ArgumentNullException>().WithParameterName("log");
        nullRecord.Should().Throw<ArgumentNullException>().WithParameterName("record");
        nullRecordTo.Should().Throw<ArgumentNullException>().WithParameterName("record");
        chain.Head.Should().Be(AuditChain.Genesis);
    }

    [Fact]
    public void A_line_that_cannot_be_written_leaves_the_head_at_the_last_written_record_and_the_log_stays_intact()
    {
        var chain = new AuditChain();
        var log = new FailingWriter();
        var first = chain.AppendTo(log, Record(QuestionId.Fever));
        log.Fail = true;

        var failed = () => chain.AppendTo(log, Record(QuestionId.SaddleNumbness));

        failed.Should().Throw<IOException>();
        chain.Head.Should().Be(first.RecordHash);
        log.Fail = false;
        var third = chain.AppendTo(log, Record(QuestionId.WoundDischarge));
        third.PreviousHash.Should().Be(first.RecordHash);
        var replayed = Replay(log.Lines);
        replayed.Lines.Select(l => l.Integrity).Should().Equal(RecordIntegrity.Intact, RecordIntegrity.Intact);
        replayed.ChainHead.Should().Be(third.RecordHash).And.Be(chain.Head);
    }

    [Fact]
    public void Every_kind_of_record_is_counted_once_and_the_summary_counts_every_record_read()
    {
        var chain = new AuditChain();
        var lines = new List<string>
        {
            Record(QuestionId.Fever).ToJsonLine(), // version 1 before the chain: not chained
            chain.Append(Record(QuestionId.SaddleNumbness)).ToJsonLine(), // intact, same
            chain.Append(Record(QuestionId.WoundDischarge, includeReport: false)).ToJsonLine(), // intact, no report
            Record(QuestionId.CalfPainOrSwelling).ToJsonLine(), // version 1 inside the chain
            "{ not json",
            chain.Append(Record(QuestionId.NewOrWorseningPain) with { Urgency = Urgency.Emergency, RuleIds = ["cauda-equina"] }).ToJsonLine(), // intact, different
            "",
        };

        var report = Replay(lines);

        report.Lines.Select(l => l.Integrity).Should().Equal(
            RecordIntegrity.NotChained, RecordIntegrity.Intact, RecordIntegrity.Intact, RecordIntegrity.UnchainedInChain, null, RecordIntegrity.Intact);
        (report.Records, report.Same, report.Different, report.NoReport, report.ReportInvalid, report.Malformed).Should().Be((6, 3, 1, 1, 0, 1));
        (report.Chained, report.NotChained, report.IntegrityFailures, report.Unverified, report.Keyed).Should().Be((3, 1, 1, 0, false));
        report.Summary.Should().Be("6 records: 3 same, 1 different, 1 no report, 0 report invalid, 1 malformed");
        report.ChainSummary.Should().Be(
            "chain: BROKEN: 1 of 5 records fail the chain check (changed, removed, reordered or inserted records); "
            + "1 version-1 records before the chain are not tamper-evident; head " + chain.Head
            + " (records cut from the end are detected only against a head kept elsewhere)");
    }

    [Fact]
    public void Altered_broken_and_unkeyed_records_are_chained_records_that_fail()
    {
        var keyed = new AuditChain(AuditKey.FromBytes(KeyBytes));
        var unkeyed = new AuditChain();
        var first = keyed.Append(Record(QuestionId.Fever));
        var altered = keyed.Append(Record(QuestionId.SaddleNumbness)) with { AssessedOn = ReportBuilder.Today.AddDays(-1) };
        var notKeyed = new AuditChain(altered.RecordHash!, null).Append(Record(QuestionId.WoundDischarge));
        var broken = unkeyed.Append(Record(QuestionId.CalfPainOrSwelling));
        var lines = new[] { first, altered, notKeyed, broken }.Select(r => r.ToJsonLine()).ToList();

        var report = Replay(lines, AuditKey.FromBytes(KeyBytes));

        report.Lines.Select(l => l.Integrity).Should().Equal(RecordIntegrity.Intact, RecordIntegrity.Altered, RecordIntegrity.NotKeyed, RecordIntegrity.BrokenLink);
        (report.Chained, report.NotChained, report.IntegrityFailures, report.Unverified, report.Keyed).Should().Be((4, 0, 3, 0, true));
        report.ChainSummary.Should().StartWith("chain: BROKEN: 3 of 4 records fail the chain check");
        report.ChainSummary.Should().NotContain("version-1").And.NotContain("not verified");
    }

    [Fact]
    public void A_keyed_log_read_without_its_key_counts_unverified_records_and_says_so_after_the_verdict()
    {
        var keyed = new AuditChain(AuditKey.FromBytes(KeyBytes));
        var lines = new List<string> { Record(QuestionId.Fever).ToJsonLine() };
        lines.AddRange(Enumerable.Range(0, 2).Select(_ => keyed.Append(Record(QuestionId.SaddleNumbness)).ToJsonLine()));

        var report = Replay(lines);

        (report.Chained, report.NotChained, report.IntegrityFailures, report.Unverified, report.Keyed).Should().Be((2, 1, 0, 2, false));
        report.ChainSummary.Should().Be(
            "chain: intact: 2 chained records (sha256); 2 keyed records not verified (no key given); "
            + "1 version-1 records before the chain are not tamper-evident; head " + keyed.Head
            + " (records cut from the end are detected only against a head kept elsewhere)");
    }

    [Theory]
    [InlineData(RecordIntegrity.Intact, false, "")]
    [InlineData(RecordIntegrity.NotChained, false, "")]
    [InlineData(RecordIntegrity.Unverified, false, "")]
    [InlineData(RecordIntegrity.Altered, true, "; CHAIN: altered: the record does not match its recordHash")]
    [InlineData(RecordIntegrity.BrokenLink, true, "; CHAIN: broken link: previousHash is not the hash of the record before")]
    [InlineData(RecordIntegrity.UnchainedInChain, true, "; CHAIN: an unchained (version-1) record inside the chain")]
    [InlineData(RecordIntegrity.NotKeyed, true, "; CHAIN: not keyed: a key was given but the record was written without it")]
    public void A_line_fails_integrity_exactly_for_the_findings_that_show_tampering_and_describes_them(RecordIntegrity integrity, bool fails, string finding)
    {
        var result = AuditReplay.Replay(Engine, Record(QuestionId.Fever));

        var line = new AuditReplayLine(7, result, []) { Integrity = integrity };

        line.FailsIntegrity.Should().Be(fails);
        line.IsMalformed.Should().BeFalse();
        var description = line.Describe();
        description.Should().StartWith("line 7: same: urgent [fever]");
        if (fails)
        {
            description.Should().Contain(finding);
        }
        else
        {
            description.Should().Be("line 7: same: urgent [fever]");
        }

        line.ToString().Should().Be(description);
    }

    private sealed class FailingWriter : TextWriter
    {
        public bool Fail { get; set; }

        public List<string> Lines { get; } = [];

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            if (Fail)
            {
                throw new IOException("disk full");
            }

            Lines.Add(value!);
        }
    }
}
