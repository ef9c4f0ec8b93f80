using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Audit;

/// <summary>
/// The generated realistic rule set 2.0 audit log (samples/audit/realistic-2.0.jsonl) and its impact table in
/// docs/rules.md (generated there by TraceabilityTests with the rule-set documentation).
/// </summary>
public class RealisticAuditLogTests
{
    private static readonly string[] Lines = LogLines();

    [Fact]
    public void The_realistic_2_0_log_is_the_generator_s_and_replays_intact_with_every_decision_the_same()
    {
        if (Environment.GetEnvironmentVariable(Repository.UpdateVariable) == "1")
        {
            File.WriteAllText(Repository.PathOf(RealisticAuditLog.RelativePath), RealisticAuditLog.Generate());
        }

        var engines = new TriageEngines(timeProvider: TestClock.At(ReportBuilder.Today.AddDays(30)));
        var replay = AuditReplay.ReplayJsonLines(engines, LogLines(), null, null);

        replay.Records.Should().Be(RealisticAuditLog.Count);
        replay.Same.Should().Be(RealisticAuditLog.Count, "each record is a 2.0 decision the 2.0 engine still makes");
        replay.Chained.Should().Be(RealisticAuditLog.Count);
        replay.IntegrityFailures.Should().Be(0);
        replay.Lines.Select(l => l.Result!.Record.RuleSet.Version).Distinct().Should().Equal(engines.For(RuleSets.V2).RuleSet.Version);
    }

    [Fact]
    public void The_realistic_log_is_mostly_self_care_and_soon_with_some_urgent_and_emergency_decisions()
    {
        var urgencies = Lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow().Urgency).ToArray();
        double Share(Urgency u) => urgencies.Count(x => x == u) / (double)urgencies.Length;

        (Share(Urgency.SelfCare) + Share(Urgency.Soon) + Share(Urgency.Routine)).Should().BeGreaterThan(0.6);
        Share(Urgency.Urgent).Should().BeInRange(0.05, 0.35);
        Share(Urgency.Emergency).Should().BeInRange(0.005, 0.08);
        Share(Urgency.SelfCare).Should().BeGreaterThan(0.2);
        Share(Urgency.Soon).Should().BeGreaterThan(0.1);
    }

    [Fact]
    public void The_records_hold_their_report_without_a_report_hash_or_id_as_the_service_writes_them_unkeyed()
    {
        foreach (var record in Lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow()))
        {
            record.ReportJson.Should().NotBeNull();
            record.ReportHash.Should().BeNull();
            record.ReportId.Should().BeNull();
            record.RecordVersion.Should().Be(AuditRecord.ChainedRecordVersion);
        }
    }

    [Fact]
    public void Replayed_against_its_own_rule_set_the_impact_table_changes_nothing()
    {
        var section = RealisticAuditLog.ImpactSection(Lines, RuleSets.V2);

        section.Should().Contain($"{RealisticAuditLog.Count} records re-triaged: 0 higher, 0 lower, 0 the same urgency with other findings, 0 not re-triaged");
        section.Should().Contain("(it adds none)");
    }

    [Fact]
    public void Replayed_against_1_0_every_2_0_record_is_counted_as_not_re_triaged()
    {
        var section = RealisticAuditLog.ImpactSection(Lines, RuleSets.V1);

        section.Should().Contain($"{RealisticAuditLog.Count} records re-triaged: 0 higher, 0 lower, 0 the same urgency with other findings, {RealisticAuditLog.Count} not re-triaged");
    }

    [Fact]
    public void The_impact_section_holds_counts_only_never_a_date_an_answer_or_a_report()
    {
        var section = RealisticAuditLog.ImpactSection();

        section.Should().NotContain("2026-").And.NotContain("\"answers\"").And.NotContain(": yes").And.NotContain("surgeryDate");
        section.Should().StartWith("<!-- impact:begin").And.EndWith("<!-- impact:end -->\n");
        File.ReadAllText(Repository.PathOf("docs/rules.md")).ReplaceLineEndings("\n").Should().Contain(section, "docs/rules.md carries the impact table of RealisticAuditLog.ImpactTarget");
    }

    private static string[] LogLines() => [.. File.ReadAllLines(Repository.PathOf(RealisticAuditLog.RelativePath)).Where(l => l.Length > 0)];
}
