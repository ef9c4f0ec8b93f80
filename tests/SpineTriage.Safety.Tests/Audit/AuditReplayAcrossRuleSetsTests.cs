using System.Text;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests.Audit;

/// <summary>
/// Replaying a log whose records name different rule sets (<see cref="TriageEngines"/>): each record with the engine of
/// its own line, an unknown line as a status, and the impact of another rule set by line number only.
/// </summary>
public class AuditReplayAcrossRuleSetsTests
{
    private static readonly TriageEngines Engines = new(timeProvider: TestClock.At(ReportBuilder.Today));

    private static readonly AuditRecordOptions WithReport = new() { IncludeReport = true };

    /// <summary>A 1.0 self-care report: 2.0 cannot settle it without its new red flags, so 2.0 makes it urgent.</summary>
    private static readonly SymptomReport SelfCareV1 = ReportBuilder.AllRedFlagsDenied() with { ReportId = "patient-private-4471", SurgeryRegion = SurgeryRegion.Lumbar };

    /// <summary>A 2.0 self-care report of a lumbar patient on day 84: every applicable red flag denied.</summary>
    private static readonly SymptomReport SelfCareV2 = ReportBuilder.AllRedFlagsDeniedV2(84, SurgeryRegion.Lumbar) with { ReportId = "patient-private-4471" };

    [Theory]
    [InlineData(RuleSets.V1)]
    [InlineData(RuleSets.V2)]
    public void A_record_is_replayed_with_the_engine_of_the_line_it_names(string selector)
    {
        var engine = Engines.For(selector);
        var record = Record(engine, selector == RuleSets.V1 ? SelfCareV1 : SelfCareV2);

        var replay = AuditReplay.Replay(Engines, record);

        replay.Status.Should().Be(ReplayStatus.Same);
        replay.CurrentUrgency.Should().Be(Urgency.SelfCare);
        replay.CurrentRuleSet.Should().Be(engine.RuleSet.Identity);
        replay.RuleSetChanged.Should().BeFalse();
    }

    [Fact]
    public void A_1_0_record_replayed_with_the_2_0_engine_alone_differs_which_is_why_each_record_needs_its_line()
    {
        var record = Record(Engines.For(RuleSets.V1), SelfCareV1);

        AuditReplay.Replay(Engines.For(RuleSets.V2), record).Status.Should().Be(ReplayStatus.Different);
        AuditReplay.Replay(Engines, record).Status.Should().Be(ReplayStatus.Same);
    }

    [Fact]
    public void A_record_naming_a_version_of_no_line_is_an_unknown_rule_set_not_an_exception()
    {
        var record = Renamed(Record(Engines.For(RuleSets.V2), SelfCareV2), "7.1.0");

        var replay = AuditReplay.Replay(Engines, record);

        replay.Status.Should().Be(ReplayStatus.UnknownRuleSet);
        replay.CurrentUrgency.Should().BeNull();
        replay.CurrentRuleIds.Should().BeEmpty();
        replay.RuleSetChanged.Should().BeFalse("nothing replayed it");
        replay.Describe().Should().Be("unknown rule set: recorded selfCare [expected-recovery]; the record names rule set version 7.1.0, of no line the engines run (1.0, 2.0, 3.0), so it was not replayed");
    }

    [Fact]
    public void A_stored_version_that_is_not_plain_version_text_is_not_shown()
    {
        var record = Renamed(Record(Engines.For(RuleSets.V2), SelfCareV2), "John Smith 1970-01-01");

        var replay = AuditReplay.Replay(Engines, record);

        replay.Status.Should().Be(ReplayStatus.UnknownRuleSet);
        replay.Describe().Should().Contain("rule set version (not shown)").And.NotContain("Smith");
    }

    [Fact]
    public void A_record_of_no_known_line_without_its_report_is_no_report()
    {
        var record = Renamed(Record(Engines.For(RuleSets.V2), SelfCareV2, new AuditRecordOptions()), "0.9.0");

        var replay = AuditReplay.Replay(Engines, record);

        replay.Status.Should().Be(ReplayStatus.NoReport);
        replay.CurrentRuleSet.Should().Be(Engines.Default.RuleSet.Identity);
    }

    [Fact]
    public void A_log_of_both_lines_replays_each_record_with_its_line_and_counts_unknown_rule_sets()
    {
        var lines = new[]
        {
            Record(Engines.For(RuleSets.V1), SelfCareV1).ToJsonLine(),
            "",
            Record(Engines.For(RuleSets.V2), SelfCareV2.Yes(QuestionId.RecentFallOrInjury)).ToJsonLine(),
            Renamed(Record(Engines.For(RuleSets.V2), SelfCareV2), "7.1.0").ToJsonLine(),
        };

        var report = AuditReplay.ReplayJsonLines(Engines, lines, key: null, against: null);

        report.Lines.Select(l => (l.LineNumber, l.Result!.Status)).Should().Equal((1, ReplayStatus.Same), (3, ReplayStatus.Same), (4, ReplayStatus.UnknownRuleSet));
        report.Lines[1].Result!.CurrentRuleIds.Should().Equal("fall-within-90-days");
        report.Same.Should().Be(2);
        report.UnknownRuleSet.Should().Be(1);
        report.Summary.Should().Be("3 records: 2 same, 0 different, 0 no report, 0 report invalid, 0 malformed, 1 unknown rule set");
        report.Impact.Should().BeNull("no rule set to compare against was given");
        report.Lines.Should().OnlyContain(l => l.AgainstResult == null);
    }

    [Fact]
    public void A_replay_with_one_engine_never_names_unknown_rule_sets_in_its_summary()
    {
        var report = AuditReplay.ReplayJsonLines(Engines.For(RuleSets.V1), [Record(Engines.For(RuleSets.V1), SelfCareV1).ToJsonLine()]);

        report.UnknownRuleSet.Should().Be(0);
        report.Summary.Should().Be("1 records: 1 same, 0 different, 0 no report, 0 report invalid, 0 malformed");
    }

    [Fact]
    public void The_impact_of_2_0_on_a_1_0_log_counts_old_and_new_urgencies_and_names_changed_records_by_line_only()
    {
        var v1 = Engines.For(RuleSets.V1);
        var lines = new[]
        {
            Record(v1, SelfCareV1).ToJsonLine(),                                                       // selfCare -> urgent (2.0's red flags unknown)
            Record(v1, SelfCareV1.Yes(QuestionId.BladderOrBowelControlLoss)).ToJsonLine(),             // emergency -> emergency, other findings
            Record(v1, SelfCareV1, new AuditRecordOptions()).ToJsonLine(),                              // no report: not re-triaged, not counted
            Record(v1, SelfCareV1.Yes(QuestionId.SaddleNumbness)).ToJsonLine(),                        // emergency -> emergency
        };
        var against = Engines.For(RuleSets.V2);

        var report = AuditReplay.ReplayJsonLines(Engines, lines, key: null, against);

        report.Same.Should().Be(3, "the records' own line decides the statuses: --against changes nothing of the replay");
        report.NoReport.Should().Be(1);
        var impact = report.Impact!;
        impact.RuleSet.Should().BeSameAs(against.RuleSet);
        impact.Records.Should().Be(3);
        impact.Counts.Should().Equal(new ReplayImpactCount(Urgency.Emergency, Urgency.Emergency, 2), new ReplayImpactCount(Urgency.SelfCare, Urgency.Urgent, 1));
        (impact.Changed, impact.Higher, impact.Lower).Should().Be((1, 1, 0));
        impact.ChangedLines.Should().Equal(1);
        impact.OtherFindings.Should().Be(2);
        impact.OtherFindingsLines.Should().Equal(2, 4);
        impact.NotRetriaged.Should().Be(0);
        report.Lines.Select(l => l.AgainstResult?.CurrentUrgency).Should().Equal(Urgency.Urgent, Urgency.Emergency, null, Urgency.Emergency);
        impact.ToString().Should().Be("ReplayImpact: 2.0 (2.1.0) on 3 records: 1 changed (1 higher, 0 lower), 2 other findings, 0 not re-triaged");
    }

    [Fact]
    public void The_impact_of_1_0_on_2_0_records_names_the_reports_it_cannot_read_as_not_re_triaged()
    {
        var v2 = Engines.For(RuleSets.V2);
        var lines = new[] { Record(v2, SelfCareV2).ToJsonLine(), Record(v2, SelfCareV2.Yes(QuestionId.NeckSwellingOrAirway)).ToJsonLine() };

        var impact = AuditReplay.ReplayJsonLines(Engines, lines, key: null, Engines.For(RuleSets.V1)).Impact!;

        impact.NotRetriaged.Should().Be(2);
        impact.NotRetriagedLines.Should().Equal(1, 2);
        impact.Counts.Should().BeEmpty();
        impact.Records.Should().Be(2);
    }

    [Fact]
    public void A_record_of_an_unknown_line_is_still_re_triaged_for_the_impact()
    {
        var line = Renamed(Record(Engines.For(RuleSets.V2), SelfCareV2), "7.1.0").ToJsonLine();

        var report = AuditReplay.ReplayJsonLines(Engines, [line], key: null, Engines.For(RuleSets.V2));

        report.Lines[0].Result!.Status.Should().Be(ReplayStatus.UnknownRuleSet);
        report.Impact!.Counts.Should().Equal(new ReplayImpactCount(Urgency.SelfCare, Urgency.SelfCare, 1));
    }

    [Fact]
    public void The_stream_replay_gives_the_counts_and_impact_of_the_lines_replay_in_bounded_lists()
    {
        // More changed records than the impact lists keep: the counts stay whole, the lists stop at MaxListedLines.
        var v1 = Engines.For(RuleSets.V1);
        var changed = Record(v1, SelfCareV1).ToJsonLine();
        var lines = Enumerable.Repeat(changed, ReplayImpact.MaxListedLines + 5).Append(Record(v1, SelfCareV1.Yes(QuestionId.Fever)).ToJsonLine()).ToArray();
        var seen = new List<AuditReplayLine>();

        var fromLines = AuditReplay.ReplayJsonLines(Engines, lines, key: null, Engines.For(RuleSets.V2));
        var fromStream = AuditReplay.ReplayJsonLines(Engines, new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), null, Engines.For(RuleSets.V2), seen.Add);

        fromStream.Lines.Should().BeEmpty();
        seen.Select(l => l.Describe()).Should().Equal(fromLines.Lines.Select(l => l.Describe()));
        fromStream.Summary.Should().Be(fromLines.Summary);
        foreach (var impact in new[] { fromLines.Impact!, fromStream.Impact! })
        {
            impact.Changed.Should().Be(ReplayImpact.MaxListedLines + 5);
            impact.ChangedLines.Should().HaveCount(ReplayImpact.MaxListedLines).And.Equal(Enumerable.Range(1, ReplayImpact.MaxListedLines));
            impact.Records.Should().Be(ReplayImpact.MaxListedLines + 6);
        }

        fromStream.Impact!.Counts.Should().Equal(fromLines.Impact!.Counts);
    }

    [Fact]
    public void Nothing_the_replay_across_lines_tells_holds_the_report_id_or_dates()
    {
        var v1 = Engines.For(RuleSets.V1);
        var lines = new[]
        {
            Record(v1, SelfCareV1).ToJsonLine(),
            Renamed(Record(v1, SelfCareV1), "7.1.0").ToJsonLine(),
        };

        var report = AuditReplay.ReplayJsonLines(Engines, lines, key: null, Engines.For(RuleSets.V2));
        var texts = report.Lines.Select(l => l.Describe()).Append(report.Summary).Append(report.Impact!.ToString()).Append(report.ChainSummary);

        texts.Should().OnlyContain(t => !t.Contains("4471", StringComparison.Ordinal) && !t.Contains("2026-", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var record = Record(Engines.For(RuleSets.V1), SelfCareV1);

        FluentActions.Invoking(() => AuditReplay.Replay((TriageEngines)null!, record)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => AuditReplay.Replay(Engines, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => AuditReplay.ReplayJsonLines(Engines, (IEnumerable<string>)null!, null, null)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => AuditReplay.ReplayJsonLines(Engines, new MemoryStream(), null, null, null!)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>The record as if a rule set of another version had made it (its hash kept, so it still reads).</summary>
    private static AuditRecord Renamed(AuditRecord record, string version) => record with { RuleSet = record.RuleSet with { Version = version } };

    private static AuditRecord Record(TriageEngine engine, SymptomReport report, AuditRecordOptions? options = null)
    {
        var validated = engine.Validate(report).GetValueOrThrow();
        return AuditRecord.Create(engine, validated, engine.Evaluate(validated), options ?? WithReport);
    }
}
