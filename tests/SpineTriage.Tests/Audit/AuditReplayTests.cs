using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Audit;

/// <summary>Replaying one record: a stored report today's engine rejects, and the one-line descriptions of each outcome.</summary>
public class AuditReplayTests
{
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private AuditRecord Record(SymptomReport report)
    {
        var validated = Engine.Validate(report).Value!;
        return AuditRecord.Create(Engine, validated, Engine.Evaluate(validated), new AuditRecordOptions { IncludeReport = true });
    }

    [Fact]
    public void A_stored_report_that_today_s_engine_rejects_is_report_invalid_with_codes_and_paths_but_no_values()
    {
        var record = Record(ReportBuilder.AllRedFlagsDenied() with { PainScore = 4 });
        var json = record.ReportJson!.Replace("\"painScore\":4", "\"painScore\":11", StringComparison.Ordinal);
        var tampered = record with { ReportJson = json, ReportHash = AuditRecord.HashReport(TriageJson.ParseReport(json).Value!) };

        var replay = AuditReplay.Replay(Engine, tampered);

        replay.Status.Should().Be(ReplayStatus.ReportInvalid);
        replay.Errors.Should().ContainSingle().Which.Should().Be(new ValidationError(
            "$.report.painScore", ErrorCodes.OutOfRange, "the stored report is not valid today (outOfRange; the stored value is not shown)."));
        (replay.CurrentUrgency, replay.CurrentRuleIds.Count).Should().Be((null, 0));
        replay.Describe().Should().Be("report invalid: recorded selfCare [expected-recovery]; " + replay.Errors[0]);
        replay.ToString().Should().Be("ReplayResult: report invalid: recorded selfCare [expected-recovery], 1 error(s)");
    }

    [Theory]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",\"answers\":{\"fever\":\"yes\",\"fever\":\"no\"}}", "$.report.answers", ErrorCodes.DuplicateKey)]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",\"answers\":{\"John Smith\":\"yes\"}}", "$.report.answers", ErrorCodes.UnknownQuestion)]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",\"temperature\":{\"value\":37,\"unit\":\"celsius\",\"John\":1}}", "$.report.temperature", ErrorCodes.UnknownProperty)]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",\"John Smith\":1}", "$.report", ErrorCodes.UnknownProperty)]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",\"answers\":{},\"answers\":{}}", "$.report", ErrorCodes.DuplicateKey)]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",\"temperature\":{},\"temperature\":{}}", "$.report", ErrorCodes.DuplicateKey)]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",\"answers\":{\"fever\":\"John\"}}", "$.report.answers.fever", ErrorCodes.UnknownValue)]
    public void An_unknown_or_duplicate_name_in_a_stored_report_is_reported_at_its_object(string report, string path, string code)
    {
        var record = Record(ReportBuilder.AllRedFlagsDenied()) with { ReportJson = report };

        var replay = AuditReplay.Replay(Engine, record);

        replay.Errors.Select(e => (e.Path, e.Code)).Should().Contain((path, code));
        replay.Errors.Should().OnlyContain(e => !e.Path.Contains("John", StringComparison.Ordinal) && !e.Message.Contains("John", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_rule_set_is_described_with_the_recorded_and_today_s_versions_and_hashes()
    {
        var record = Record(ReportBuilder.AllRedFlagsDenied().Yes(QuestionId.NewOrWorseningPain) with { PainScore = 7 });
        var today = new TriageEngine(new TriageEngineOptions { SeverePainScore = 7 }, TestClock.At(ReportBuilder.Today));

        var replay = AuditReplay.Replay(today, record);

        replay.Status.Should().Be(ReplayStatus.Different);
        replay.Describe().Should().Be(
            $"different: recorded {replay.RecordedUrgency.JsonName()} [{string.Join(", ", record.RuleIds)}], now {replay.CurrentUrgency!.Value.JsonName()} [{string.Join(", ", replay.CurrentRuleIds)}]"
            + $"; rule set changed (recorded {record.RuleSet.Version} {record.RuleSet.Hash}, now {today.RuleSet.Version} {today.RuleSet.Hash})");
        replay.ToString().Should().Be(
            $"ReplayResult: different: recorded {replay.RecordedUrgency.JsonName()} [{string.Join(", ", record.RuleIds)}], now {replay.CurrentUrgency!.Value.JsonName()} [{string.Join(", ", replay.CurrentRuleIds)}]");
    }

    [Fact]
    public void Same_and_no_report_outcomes_are_described_in_one_line()
    {
        var record = Record(ReportBuilder.AllRedFlagsDenied().Yes(QuestionId.Fever));

        AuditReplay.Replay(Engine, record).Describe().Should().Be("same: urgent [fever]");
        AuditReplay.Replay(Engine, record).ToString().Should().Be("ReplayResult: same: recorded urgent [fever], now urgent [fever]");
        var noReport = AuditReplay.Replay(Engine, record with { ReportJson = null });
        noReport.Describe().Should().Be("no report: recorded urgent [fever]; the record holds no report to replay");
        noReport.ToString().Should().Be("ReplayResult: no report: recorded urgent [fever]");
        noReport.RuleSetChanged.Should().BeFalse();
    }
}
