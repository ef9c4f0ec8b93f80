using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Audit;

/// <summary>
/// The counts a replay gives, each where it changes (mutation run 5a of Audit/**, 2026-11-29: the report-invalid count,
/// the lower-urgency count, the order of the impact counts and the bounds of a shown version survived).
/// </summary>
public class ReplayCountTests
{
    private static readonly TriageEngine Engine = ReportBuilder.EngineV1();

    [Fact]
    public void A_log_counts_each_record_whose_stored_report_no_longer_reads_as_report_invalid()
    {
        var good = Record(ReportBuilder.AllRedFlagsDenied() with { PainScore = 4 });
        var json = good.ReportJson!.Replace("\"painScore\":4", "\"painScore\":11", StringComparison.Ordinal);
        var invalid = good with { ReportJson = json, ReportHash = AuditRecord.HashReport(TriageJson.ParseReport(json).Value!) };

        var report = AuditReplay.ReplayJsonLines(Engine, [good.ToJsonLine(), invalid.ToJsonLine(), invalid.ToJsonLine()]);

        (report.Same, report.ReportInvalid, report.Different, report.NoReport, report.Malformed).Should().Be((1, 2, 0, 0, 0));
        report.Summary.Should().Be("3 records: 1 same, 0 different, 0 no report, 2 report invalid, 0 malformed");
    }

    [Fact]
    public void The_impact_counts_higher_and_lower_urgencies_apart_and_orders_counts_by_recorded_then_new_urgency_highest_first()
    {
        var emergency = Record(ReportBuilder.AllRedFlagsDenied().Yes(QuestionId.BladderOrBowelControlLoss));
        var urgent = Record(ReportBuilder.AllRedFlagsDenied().Yes(QuestionId.Fever));
        emergency.Urgency.Should().Be(Urgency.Emergency);
        urgent.Urgency.Should().Be(Urgency.Urgent);
        var builder = new ReplayImpact.Builder(Engine.RuleSet);

        builder.Add(1, emergency, Replayed(emergency, Urgency.Urgent));     // lower
        builder.Add(2, urgent, Replayed(urgent, Urgency.Emergency));        // higher
        builder.Add(3, emergency, Replayed(emergency, Urgency.SelfCare));   // lower
        builder.Add(4, emergency, Replayed(emergency, Urgency.Emergency));  // the same
        builder.Add(5, emergency, Replayed(emergency, Urgency.Urgent));     // lower
        var impact = builder.Build();

        (impact.Records, impact.Changed, impact.Higher, impact.Lower).Should().Be((5, 4, 1, 3));
        impact.ChangedLines.Should().Equal(1, 2, 3, 5);
        impact.Counts.Should().Equal(
            new ReplayImpactCount(Urgency.Emergency, Urgency.Emergency, 1),
            new ReplayImpactCount(Urgency.Emergency, Urgency.Urgent, 2),
            new ReplayImpactCount(Urgency.Emergency, Urgency.SelfCare, 1),
            new ReplayImpactCount(Urgency.Urgent, Urgency.Emergency, 1));
        impact.ToString().Should().Contain("4 changed (1 higher, 3 lower)");
    }

    [Theory]
    [InlineData("", "version (not shown)")]
    [InlineData("7", "version 7")]
    [InlineData("1.0.0-rc.1+abc", "version 1.0.0-rc.1+abc")]
    [InlineData("12345678901234567890123456789012", "version 12345678901234567890123456789012")]
    [InlineData("123456789012345678901234567890123", "version (not shown)")]
    [InlineData("7.1 0", "version (not shown)")]
    public void A_stored_version_is_shown_only_when_it_is_1_to_32_characters_of_version_text(string version, string shown)
    {
        ReplayResult.ShownVersion(version).Should().Be(shown);
    }

    private static AuditRecord Record(SymptomReport report)
    {
        var validated = Engine.Validate(report).Value!;
        return AuditRecord.Create(Engine, validated, Engine.Evaluate(validated), new AuditRecordOptions { IncludeReport = true });
    }

    private static ReplayResult Replayed(AuditRecord record, Urgency now) => new()
    {
        Status = now == record.Urgency ? ReplayStatus.Same : ReplayStatus.Different,
        Record = record,
        CurrentUrgency = now,
        CurrentRuleSet = Engine.RuleSet.Identity,
    };
}
