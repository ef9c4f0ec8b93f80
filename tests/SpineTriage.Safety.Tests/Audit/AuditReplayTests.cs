using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Safety.Tests.Audit;

public class AuditReplayTests
{
    private static readonly TriageEngine Engine = ReportGen.Engine;

    private static readonly AuditRecordOptions WithReport = new() { IncludeReport = true };

    private static readonly SymptomReport WoundSigns = new()
    {
        ReportId = "replay-patient-8812",
        SurgeryDate = new DateOnly(2026, 9, 1),
        Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Select(q => KeyValuePair.Create(q.Id, q.Id == QuestionId.WoundDischarge ? Answer.Yes : Answer.No))),
    };

    [Fact]
    public void A_record_replayed_under_the_same_rules_is_the_same()
    {
        var replay = AuditReplay.Replay(Engine, AuditRecordTests.Record(WoundSigns, WithReport));

        replay.Status.Should().Be(ReplayStatus.Same);
        replay.CurrentUrgency.Should().Be(Urgency.Urgent);
        replay.CurrentRuleIds.Should().Equal("wound-signs");
        replay.RuleSetChanged.Should().BeFalse();
    }

    [Fact]
    public void A_record_whose_recorded_urgency_differs_from_today_is_different()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport) with { Urgency = Urgency.Soon };

        var replay = AuditReplay.Replay(Engine, record);

        replay.Status.Should().Be(ReplayStatus.Different);
        replay.RecordedUrgency.Should().Be(Urgency.Soon);
        replay.CurrentUrgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    public void A_record_whose_recorded_rules_differ_from_today_is_different()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport) with { RuleIds = ["fever"] };

        AuditReplay.Replay(Engine, record).Status.Should().Be(ReplayStatus.Different);
    }

    [Fact]
    public void A_replay_under_other_thresholds_reports_the_changed_rule_set()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport);
        var today = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1, SeverePainScore = 7 }, TestClock.At(ReportGen.Today));

        var replay = AuditReplay.Replay(today, record);

        replay.RuleSetChanged.Should().BeTrue();
        replay.CurrentRuleSet.Should().Be(today.RuleSet.Identity);
        replay.Status.Should().Be(ReplayStatus.Same);
    }

    [Fact]
    public void A_record_without_its_report_cannot_be_replayed()
    {
        var replay = AuditReplay.Replay(Engine, AuditRecordTests.Record(WoundSigns));

        replay.Status.Should().Be(ReplayStatus.NoReport);
        replay.CurrentUrgency.Should().BeNull();
    }

    [Fact]
    public void A_record_whose_report_was_altered_is_report_invalid()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport);
        var altered = record with { ReportJson = record.ReportJson!.Replace("\"woundDischarge\":\"yes\"", "\"woundDischarge\":\"no\"", StringComparison.Ordinal) };

        var replay = AuditReplay.Replay(Engine, altered);

        replay.Status.Should().Be(ReplayStatus.ReportInvalid);
        replay.Errors.Should().ContainSingle(e => e.Path == "$.report" && e.Message.Contains("reportHash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_whose_report_is_not_a_valid_report_is_report_invalid_with_paths_inside_the_report()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport);
        var broken = record with { ReportJson = record.ReportJson!.Replace("\"answers\"", "\"answrs\"", StringComparison.Ordinal) };

        var replay = AuditReplay.Replay(Engine, broken);

        replay.Status.Should().Be(ReplayStatus.ReportInvalid);
        replay.Errors.Should().Contain(e => e.Path == "$.report" && e.Code == ErrorCodes.UnknownProperty);
        replay.Errors.Should().OnlyContain(e => !e.Path.Contains("answrs", StringComparison.Ordinal) && !e.Message.Contains("answrs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_without_an_assessment_date_is_replayed_for_the_recorded_date()
    {
        // Recorded on the day of surgery; replayed by an engine whose clock is a day earlier, where "today"
        // would fall before the surgery date and reject the report.
        var report = WoundSigns with { SurgeryDate = ReportGen.Today, AssessedOn = null };
        var record = AuditRecordTests.Record(report, WithReport);
        var earlier = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }, TestClock.At(ReportGen.Today.AddDays(-1)));

        AuditReplay.Replay(earlier, record).Status.Should().Be(ReplayStatus.Same);
    }

    [Fact]
    public void A_replay_description_holds_no_report_id()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport);

        var lines = new[]
        {
            AuditReplay.Replay(Engine, record).Describe(),
            AuditReplay.Replay(Engine, record with { Urgency = Urgency.Soon }).Describe(),
            AuditReplay.Replay(Engine, record with { ReportJson = null }).Describe(),
        };

        lines.Should().OnlyContain(l => !l.Contains("8812", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replay_result_as_text_names_the_status_and_decisions_but_no_report_data()
    {
        var record = AuditRecordTests.Record(WoundSigns with { PainScore = 7, AssessedOn = new DateOnly(2026, 11, 20) }, WithReport);
        var invalid = record with { ReportJson = record.ReportJson!.Replace("\"painScore\":7", "\"painScore\":\"John Smith 1970-01-01\"", StringComparison.Ordinal) };

        var texts = new[]
        {
            AuditReplay.Replay(Engine, record).ToString(),
            AuditReplay.Replay(Engine, record with { Urgency = Urgency.Soon }).ToString(),
            AuditReplay.Replay(Engine, invalid).ToString(),
        };

        texts[0].Should().Be("ReplayResult: same: recorded urgent [wound-signs], now urgent [wound-signs]");
        texts[2].Should().StartWith("ReplayResult: report invalid: recorded urgent [wound-signs], 1 error(s)");
        texts.Should().OnlyContain(t => !t.Contains("8812", StringComparison.Ordinal) && !t.Contains("John", StringComparison.Ordinal)
            && !t.Contains("2026", StringComparison.Ordinal) && !t.Contains("painScore", StringComparison.Ordinal) && !t.Contains("woundDischarge", StringComparison.Ordinal));
    }

    [Fact]
    public void A_different_decision_is_described_with_the_recorded_and_the_current_urgency_and_rules()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport) with { Urgency = Urgency.Soon, RuleIds = ["new-or-worsening-pain"] };

        AuditReplay.Replay(Engine, record).Describe()
            .Should().Be("different: recorded soon [new-or-worsening-pain], now urgent [wound-signs]");
    }

    [Fact]
    public void A_log_is_replayed_line_by_line_skipping_blank_lines_and_reporting_malformed_ones()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport);
        string[] lines =
        [
            record.ToJsonLine(),
            "",
            (record with { Urgency = Urgency.Soon }).ToJsonLine(),
            AuditRecordTests.Record(WoundSigns).ToJsonLine(),
            "{ not json",
        ];

        var report = AuditReplay.ReplayJsonLines(Engine, lines);

        report.Lines.Select(l => l.LineNumber).Should().Equal(1, 3, 4, 5);
        report.Lines.Select(l => l.Result?.Status).Should().Equal(ReplayStatus.Same, ReplayStatus.Different, ReplayStatus.NoReport, null);
        report.Summary.Should().Be("4 records: 1 same, 1 different, 1 no report, 0 report invalid, 1 malformed");
        (report.Same, report.Different, report.NoReport, report.ReportInvalid, report.Malformed).Should().Be((1, 1, 1, 0, 1));
        report.Lines[3].Describe().Should().StartWith("line 5: malformed: $");
    }

    [Fact]
    public void A_log_whose_decisions_all_replay_the_same_counts_only_same_records()
    {
        var report = AuditReplay.ReplayJsonLines(Engine, [AuditRecordTests.Record(WoundSigns, WithReport).ToJsonLine()]);

        (report.Same, report.Different, report.NoReport, report.ReportInvalid, report.Malformed).Should().Be((1, 0, 0, 0, 0));
    }

    [Fact]
    public void A_log_with_a_different_decision_counts_it_as_different()
    {
        var record = AuditRecordTests.Record(WoundSigns, WithReport) with { Urgency = Urgency.Soon };

        var report = AuditReplay.ReplayJsonLines(Engine, [record.ToJsonLine()]);

        (report.Same, report.Different, report.Malformed).Should().Be((0, 1, 0));
    }

    [Fact]
    public void The_sample_audit_log_replays_to_its_documented_statuses()
    {
        var path = Path.Combine(RepositoryPaths.Root, "samples", "audit", "records.jsonl");

        var report = AuditReplay.ReplayJsonLines(Engine, File.ReadLines(path));

        report.Lines.Select(l => l.Result?.Status).Should().Equal(
            ReplayStatus.Same, ReplayStatus.Same, ReplayStatus.Same, ReplayStatus.Different, ReplayStatus.NoReport);
        report.Lines[3].Result!.RuleSetChanged.Should().BeTrue();
        (report.Same, report.Different, report.NoReport, report.ReportInvalid, report.Malformed).Should().Be((3, 1, 1, 0, 0));
    }
}
