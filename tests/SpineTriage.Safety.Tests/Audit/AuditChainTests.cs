using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Safety.Tests.Audit;

/// <summary>The tampering matrix of docs/reliability.md: every kind of change to a chained log is reported.</summary>
public class AuditChainTests
{
    private static readonly TriageEngine Engine = ReportGen.Engine;

    private static readonly AuditKey Key = AuditKey.FromBytes(Encoding.UTF8.GetBytes("a test key of at least thirty-two bytes!"));

    private static readonly AuditKey OtherKey = AuditKey.FromBytes(Encoding.UTF8.GetBytes("another test key, thirty-two bytes or more"));

    private static SymptomReport Report(int n, QuestionId yes) => new()
    {
        ReportId = $"chain-patient-{n}",
        SurgeryDate = new DateOnly(2026, 9, 1),
        AssessedOn = new DateOnly(2026, 11, 20),
        PainScore = n,
        Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Select(q => KeyValuePair.Create(q.Id, q.Id == yes ? Answer.Yes : Answer.No))),
    };

    /// <summary>Four records: with the report, with the report id only, with nothing, with the report.</summary>
    private static AuditRecord[] Records() =>
    [
        AuditRecordTests.Record(Report(1, QuestionId.WoundDischarge), new AuditRecordOptions { IncludeReport = true }),
        AuditRecordTests.Record(Report(2, QuestionId.SaddleNumbness), new AuditRecordOptions { IncludeReportId = true }),
        AuditRecordTests.Record(Report(3, QuestionId.Fever)),
        AuditRecordTests.Record(Report(4, QuestionId.CalfPainOrSwelling), new AuditRecordOptions { IncludeReport = true }),
    ];

    private static (List<string> Lines, string Head) Log(AuditKey? key = null)
    {
        var chain = new AuditChain(key);
        var lines = Records().Select(r => chain.Append(r).ToJsonLine()).ToList();
        return (lines, chain.Head);
    }

    private static AuditReplayReport Replay(IEnumerable<string> lines, AuditKey? key = null) => AuditReplay.ReplayJsonLines(Engine, lines, key);

    private static RecordIntegrity?[] Integrity(AuditReplayReport report) => report.Lines.Select(l => l.Integrity).ToArray();

    [Fact]
    public void An_untouched_chain_is_intact_and_its_head_is_the_last_record_hash()
    {
        var (lines, head) = Log();

        var report = Replay(lines);

        Integrity(report).Should().OnlyContain(i => i == RecordIntegrity.Intact);
        (report.Chained, report.IntegrityFailures, report.Malformed).Should().Be((4, 0, 0));
        report.ChainHead.Should().Be(head).And.StartWith("sha256:");
        report.ChainSummary.Should().StartWith("chain: intact: 4 chained records (sha256); head " + head);
    }

    [Fact]
    public void The_first_record_links_to_the_genesis_and_each_next_to_the_one_before()
    {
        var chain = new AuditChain();
        var records = Records().Select(chain.Append).ToArray();

        records[0].PreviousHash.Should().Be(AuditChain.Genesis);
        records.Skip(1).Select(r => r.PreviousHash).Should().Equal(records.SkipLast(1).Select(r => r.RecordHash));
        records.Should().OnlyContain(r => r.RecordVersion == AuditRecord.ChainedRecordVersion);
        chain.Head.Should().Be(records[^1].RecordHash);
    }

    [Fact]
    public void A_chained_record_reads_back_equal_from_its_json_line()
    {
        var record = new AuditChain(Key).Append(Records()[0]);

        AuditRecord.ParseJsonLine(record.ToJsonLine()).GetValueOrThrow().Should().Be(record);
    }

    [Theory]
    [InlineData("time", "\"2026-11-24T12:00:01+00:00\"")]
    [InlineData("engineVersion", "\"0.9.0\"")]
    [InlineData("assessedOn", "\"2026-11-19\"")]
    [InlineData("reportHash", "\"sha256:1111111111111111111111111111111111111111111111111111111111111111\"")]
    [InlineData("ruleIds", "[\"expected-recovery\"]")]
    [InlineData("reportId", "\"someone-else\"")]
    [InlineData("previousHash", "\"sha256:2222222222222222222222222222222222222222222222222222222222222222\"")]
    [InlineData("recordHash", "\"sha256:3333333333333333333333333333333333333333333333333333333333333333\"")]
    public void Changing_any_field_of_a_record_without_its_report_is_detected(string field, string value)
    {
        var (lines, _) = Log();
        var json = JsonNode.Parse(lines[1])!.AsObject();
        json[field] = JsonNode.Parse(value);
        lines[1] = json.ToJsonString();

        var report = Replay(lines);

        report.Lines[1].Integrity.Should().Be(RecordIntegrity.Altered);
        report.Lines[1].FailsIntegrity.Should().BeTrue();
        report.IntegrityFailures.Should().BeGreaterThan(0);
        report.ChainSummary.Should().StartWith("chain: BROKEN:");
    }

    [Theory]
    [InlineData("ruleSet", "{\"version\":\"0.9.0\",\"hash\":\"sha256:4444444444444444444444444444444444444444444444444444444444444444\"}")]
    [InlineData("urgency", "\"soon\"", "urgencyCode", "3")]
    [InlineData("report", "{\"surgeryDate\":\"2026-09-01\"}")]
    public void Changing_the_decision_rule_set_or_report_of_a_record_is_detected(string field, string value, string? field2 = null, string? value2 = null)
    {
        var (lines, _) = Log();
        var json = JsonNode.Parse(lines[2])!.AsObject();
        json[field] = JsonNode.Parse(value);
        if (field2 is not null)
        {
            json[field2] = JsonNode.Parse(value2!);
        }

        lines[2] = json.ToJsonString();

        Replay(lines).Lines[2].Integrity.Should().Be(RecordIntegrity.Altered);
    }

    [Fact]
    public void A_removed_record_breaks_the_link_of_the_next()
    {
        var (lines, _) = Log();
        lines.RemoveAt(1);

        Integrity(Replay(lines)).Should().Equal(RecordIntegrity.Intact, RecordIntegrity.BrokenLink, RecordIntegrity.Intact);
    }

    [Fact]
    public void A_removed_first_record_breaks_the_link_to_the_genesis()
    {
        var (lines, _) = Log();
        lines.RemoveAt(0);

        Integrity(Replay(lines))[0].Should().Be(RecordIntegrity.BrokenLink);
    }

    [Fact]
    public void Reordered_records_break_the_links()
    {
        var (lines, _) = Log();
        (lines[1], lines[2]) = (lines[2], lines[1]);

        var report = Replay(lines);

        Integrity(report).Should().Equal(RecordIntegrity.Intact, RecordIntegrity.BrokenLink, RecordIntegrity.BrokenLink, RecordIntegrity.BrokenLink);
        report.IntegrityFailures.Should().Be(3);
    }

    [Fact]
    public void A_record_inserted_with_a_correct_link_and_hash_breaks_the_link_of_the_next()
    {
        var (lines, _) = Log();

        // A forger without a key can hash a record himself and link it to the one before...
        var previous = AuditRecord.ParseJsonLine(lines[1]).GetValueOrThrow();
        var forged = new AuditChain(previous.RecordHash!, null).Append(AuditRecordTests.Record(Report(9, QuestionId.Fever)));
        lines.Insert(2, forged.ToJsonLine());

        // ...but the record after it still links to the one before it.
        Integrity(Replay(lines)).Should().Equal(RecordIntegrity.Intact, RecordIntegrity.Intact, RecordIntegrity.Intact, RecordIntegrity.BrokenLink, RecordIntegrity.Intact);
    }

    [Fact]
    public void An_unchained_record_inserted_into_a_chain_is_reported()
    {
        var (lines, _) = Log();
        lines.Insert(2, AuditRecordTests.Record(Report(9, QuestionId.Fever)).ToJsonLine());

        var report = Replay(lines);

        report.Lines[2].Integrity.Should().Be(RecordIntegrity.UnchainedInChain);
        report.IntegrityFailures.Should().Be(1);
    }

    [Fact]
    public void A_record_from_another_chain_is_reported()
    {
        var (lines, _) = Log();
        var other = new AuditChain("sha256:5555555555555555555555555555555555555555555555555555555555555555", null);
        lines[2] = other.Append(Records()[2]).ToJsonLine();

        Integrity(Replay(lines)).Should().Equal(RecordIntegrity.Intact, RecordIntegrity.Intact, RecordIntegrity.BrokenLink, RecordIntegrity.BrokenLink);
    }

    [Fact]
    public void A_truncated_tail_is_not_detected_from_the_log_but_its_head_differs_from_the_kept_one()
    {
        var (lines, head) = Log();
        lines.RemoveAt(3);

        var report = Replay(lines);

        report.IntegrityFailures.Should().Be(0);
        report.ChainHead.Should().NotBe(head);
        report.ChainHead.Should().Be(AuditRecord.ParseJsonLine(lines[2]).GetValueOrThrow().RecordHash);
    }

    [Fact]
    public void A_keyed_chain_verifies_with_its_key()
    {
        var (lines, head) = Log(Key);

        var report = Replay(lines, Key);

        Integrity(report).Should().OnlyContain(i => i == RecordIntegrity.Intact);
        report.ChainHead.Should().Be(head).And.StartWith("hmac-sha256:");
        report.ChainSummary.Should().StartWith("chain: intact: 4 chained records (hmac-sha256, key checked)");
    }

    [Fact]
    public void A_keyed_chain_checked_with_the_wrong_key_fails_every_record()
    {
        var (lines, _) = Log(Key);

        Integrity(Replay(lines, OtherKey)).Should().OnlyContain(i => i == RecordIntegrity.Altered);
    }

    [Fact]
    public void A_keyed_chain_without_its_key_is_unverified_but_its_links_are_checked()
    {
        var (lines, _) = Log(Key);

        var whole = Replay(lines);
        lines.RemoveAt(1);
        var removed = Replay(lines);

        Integrity(whole).Should().OnlyContain(i => i == RecordIntegrity.Unverified);
        (whole.IntegrityFailures, whole.Unverified).Should().Be((0, 4));
        whole.ChainSummary.Should().Contain("4 keyed records not verified (no key given)");
        Integrity(removed)[1].Should().Be(RecordIntegrity.BrokenLink);
    }

    [Fact]
    public void A_keyed_record_rewritten_without_the_key_is_reported_when_the_key_is_given()
    {
        var (lines, _) = Log(Key);

        // The forger rewrites the whole log, hashing it without the key.
        var rewritten = new AuditChain();
        var forged = lines.Select(l => rewritten.Append(AuditRecord.ParseJsonLine(l).GetValueOrThrow() with { PreviousHash = null, RecordHash = null, RecordVersion = 1 }).ToJsonLine()).ToList();

        Integrity(Replay(forged, Key)).Should().OnlyContain(i => i == RecordIntegrity.NotKeyed);
        Replay(forged, Key).IntegrityFailures.Should().Be(4);
    }

    [Fact]
    public void Version_1_records_before_a_chain_are_not_chained_and_do_not_fail()
    {
        var (lines, head) = Log();
        lines.InsertRange(0, Records().Take(2).Select(r => r.ToJsonLine()));

        var report = Replay(lines);

        Integrity(report).Should().Equal(RecordIntegrity.NotChained, RecordIntegrity.NotChained, RecordIntegrity.Intact, RecordIntegrity.Intact, RecordIntegrity.Intact, RecordIntegrity.Intact);
        (report.NotChained, report.Chained, report.IntegrityFailures).Should().Be((2, 4, 0));
        report.ChainHead.Should().Be(head);
    }

    [Fact]
    public void A_log_of_version_1_records_says_it_is_not_tamper_evident()
    {
        var report = Replay(Records().Select(r => r.ToJsonLine()));

        report.ChainHead.Should().BeNull();
        report.ChainSummary.Should().Be("chain: none: 4 version-1 records are not chained, so changes to them cannot be detected");
    }

    [Fact]
    public void A_version_1_line_with_chain_fields_and_a_version_2_line_without_them_are_rejected()
    {
        var (lines, _) = Log();
        var v1 = JsonNode.Parse(lines[0])!.AsObject();
        v1["recordVersion"] = 1;
        var v2 = JsonNode.Parse(lines[0])!.AsObject();
        v2.Remove("previousHash");

        AuditRecord.ParseJsonLine(v1.ToJsonString()).Errors.Should().Contain(e => e.Path == "$.previousHash" && e.Code == ErrorCodes.Conflict);
        AuditRecord.ParseJsonLine(v2.ToJsonString()).Errors.Should().ContainSingle(e => e.Path == "$.previousHash" && e.Code == ErrorCodes.Required);
    }

    [Fact]
    public void A_chain_continued_from_its_head_verifies_as_one_chain()
    {
        var first = new AuditChain(Key);
        var records = Records();
        var lines = records.Take(2).Select(r => first.Append(r).ToJsonLine()).ToList();
        var restarted = new AuditChain(first.Head, Key);
        lines.AddRange(records.Skip(2).Select(r => restarted.Append(r).ToJsonLine()));

        Integrity(Replay(lines, Key)).Should().OnlyContain(i => i == RecordIntegrity.Intact);
    }

    [Fact]
    public void Append_to_writes_each_record_as_one_line_in_chain_order()
    {
        var chain = new AuditChain();
        var log = new StringWriter();

        foreach (var record in Records())
        {
            chain.AppendTo(log, record);
        }

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4);
        Replay(lines).ChainHead.Should().Be(chain.Head);
        Replay(lines).IntegrityFailures.Should().Be(0);
    }

    [Fact]
    public void A_chained_record_cannot_be_appended_again()
    {
        var chain = new AuditChain();
        var chained = chain.Append(Records()[0]);

        var again = () => chain.Append(chained);

        again.Should().Throw<ArgumentException>().WithParameterName("record");
    }

    [Fact]
    public void A_chain_head_must_be_a_record_hash()
    {
        var create = () => new AuditChain("sha256:abc", null);

        create.Should().Throw<ArgumentException>().WithParameterName("head");
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused_and_a_key_never_shows_its_bytes()
    {
        var tooShort = () => AuditKey.FromBytes(new byte[31]);

        tooShort.Should().Throw<ArgumentException>();
        Key.ToString().Should().Be("AuditKey (hmac-sha256, 40 bytes)");
        new AuditChain(Key).ToString().Should().NotContain("test key");
    }

    [Fact]
    public void A_log_replayed_from_a_stream_gives_the_same_entries_and_counts_as_from_lines()
    {
        var (lines, _) = Log();
        lines.Insert(2, "");
        lines.Insert(3, "{ not json");
        var text = "\uFEFF" + string.Join("\r\n", lines) + "\n";
        var entries = new List<AuditReplayLine>();

        var streamed = AuditReplay.ReplayJsonLines(Engine, new MemoryStream(Encoding.UTF8.GetBytes(text)), null, entries.Add);
        var fromLines = Replay(lines);

        entries.Select(e => e.Describe()).Should().Equal(fromLines.Lines.Select(l => l.Describe()));
        streamed.Lines.Should().BeEmpty();
        (streamed.Summary, streamed.ChainSummary).Should().Be((fromLines.Summary, fromLines.ChainSummary));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_too_large_and_the_next_lines_are_still_read()
    {
        var (lines, _) = Log();
        var huge = "{\"recordVersion\":1,\"reportId\":\"" + new string('x', AuditRecord.MaxJsonLineBytes) + "\"}";
        var text = lines[0] + "\n" + huge + "\n" + lines[1] + "\n";
        var entries = new List<AuditReplayLine>();

        var report = AuditReplay.ReplayJsonLines(Engine, new MemoryStream(Encoding.UTF8.GetBytes(text)), null, entries.Add);

        entries.Select(e => e.LineNumber).Should().Equal(1, 2, 3);
        entries[1].Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
        entries[1].Describe().Length.Should().BeLessThan(200);
        (report.Malformed, report.Chained, report.IntegrityFailures).Should().Be((1, 2, 0));
        AuditRecord.ParseJsonLine(huge).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Fact]
    public void A_tampered_record_is_reported_without_its_stored_values()
    {
        var (lines, _) = Log();
        var json = JsonNode.Parse(lines[0])!.AsObject();
        json["report"]!["painScore"] = "John Smith 1970-01-01 NHS 9434765919";
        json["report"]!["answers"]!["John Smith 1970-01-01 NHS 9434765919"] = "yes";
        json["reportId"] = 9434765919;
        lines[0] = json.ToJsonString();
        var unknown = JsonNode.Parse(lines[1])!.AsObject();
        unknown["John Smith"] = 1;
        lines[1] = unknown.ToJsonString();

        var text = string.Join("\n", Replay(lines).Lines.Select(l => l.Describe()));

        text.Should().NotContain("John").And.NotContain("9434765919").And.NotContain("1970");
        text.Should().Contain("line 1: malformed: $.reportId:").And.Contain("line 2: malformed: $: an unknown property");
    }

    [Fact]
    public void An_invalid_stored_report_is_described_by_paths_and_codes_only()
    {
        var (lines, _) = Log();
        var json = JsonNode.Parse(lines[0])!.AsObject();
        json["report"]!["painScore"] = "John Smith 1970-01-01 NHS 9434765919";
        json["report"]!["answers"]!["John Smith"] = "yes";
        lines[0] = json.ToJsonString();

        var line = Replay(lines).Lines[0];

        line.Result!.Status.Should().Be(ReplayStatus.ReportInvalid);
        line.Result.Errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(new[]
        {
            ("$.report.answers", ErrorCodes.UnknownQuestion),
            ("$.report.painScore", ErrorCodes.WrongType),
        });
        line.Describe().Should().NotContain("John").And.NotContain("1970");
    }
}
