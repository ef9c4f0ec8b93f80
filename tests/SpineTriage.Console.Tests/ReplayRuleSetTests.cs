using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary><c>replay</c> across rule sets: each record with the line it names, and <c>--against</c> with its impact report.</summary>
public sealed class ReplayRuleSetTests : IDisposable
{
    private static readonly DateOnly Surgery = new(2026, 3, 2);

    private static readonly DateOnly Assessed = new(2026, 9, 1);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_log_holding_1_0_and_2_0_records_replays_each_with_its_own_line_and_exits_0()
    {
        var file = Log(
            Record(RuleSets.V1, SelfCareV1()),
            Record(RuleSets.V2, SelfCareV2()),
            Record(RuleSets.V2, SelfCareV2().With(QuestionId.RecentFallOrInjury, Answer.Yes)));

        var run = Run("replay", file);

        run.ExitCode.Should().Be(0, run.Output);
        run.OutputLines[0].Should().Be("line 1: same: selfCare [expected-recovery]");
        run.OutputLines[1].Should().Be("line 2: same: selfCare [expected-recovery]");
        run.OutputLines[2].Should().Be("line 3: same: soon [recent-fall]");
        run.OutputLines[^1].Should().Be("3 records: 3 same, 0 different, 0 no report, 0 report invalid, 0 malformed");
    }

    [Fact]
    public void A_record_naming_a_rule_set_of_no_known_line_is_reported_on_its_line_and_the_rest_still_replays()
    {
        var unknown = Record(RuleSets.V2, SelfCareV2()).Replace("\"version\":\"2.1.0\"", "\"version\":\"7.1.0\"", StringComparison.Ordinal);
        var file = Log(unknown, Record(RuleSets.V1, SelfCareV1()));

        var run = Run("replay", file);

        run.ExitCode.Should().Be(1);
        run.OutputLines[0].Should().StartWith("line 1: unknown rule set: recorded selfCare [expected-recovery]; the record names rule set version 7.1.0");
        run.OutputLines[1].Should().Be("line 2: same: selfCare [expected-recovery]");
        run.OutputLines[^1].Should().EndWith(", 1 unknown rule set");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Against_2_0_counts_recorded_and_new_urgencies_and_names_changed_records_by_line_number_only()
    {
        // Line 1: a 1.0 self-care report, which 2.0 cannot settle without its new red flags: urgent (unresolved-red-flag).
        // Line 2: a 1.0 emergency, which stays an emergency. Line 3: a record without its report, not re-triaged.
        var file = Log(
            Record(RuleSets.V1, SelfCareV1()),
            Record(RuleSets.V1, SelfCareV1().With(QuestionId.BladderOrBowelControlLoss, Answer.Yes)),
            Record(RuleSets.V1, SelfCareV1(), includeReport: false));

        var run = Run("replay", file, "--against", "2.0");

        run.ExitCode.Should().Be(0, "--against does not change replay's exit code");
        var impact = run.OutputLines.SkipWhile(l => !l.StartsWith("impact of rule set 2.0", StringComparison.Ordinal)).ToArray();
        impact.Should().Equal(
            $"impact of rule set 2.0 ({new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 }).RuleSet.Version}) on the 2 records that hold a report (recorded -> 2.0: records):",
            "  emergency -> emergency: 1",
            "  selfCare -> urgent: 1",
            "  urgency changed: 1 (1 higher, 0 lower): line 1",
            "  same urgency, other findings: 1: line 2",
            "  not re-triaged (the report is invalid under 2.0): 0");
        run.OutputLines.Should().Contain(l => l.StartsWith("3 records: 2 same, 0 different, 1 no report", StringComparison.Ordinal));
        run.Output.Should().NotContain("report-").And.NotContain("2026-").And.NotContain("bladderOrBowelControlLoss");
    }

    [Fact]
    public void Against_1_0_names_the_2_0_reports_it_cannot_read_as_not_re_triaged()
    {
        var file = Log(
            Record(RuleSets.V2, SelfCareV2()),
            Record(RuleSets.V2, SelfCareV2().With(QuestionId.NeckSwellingOrAirway, Answer.Yes)));

        var run = Run("replay", file, "--against", "1.0");

        run.ExitCode.Should().Be(0);
        run.OutputLines[^1].Should().Be("  not re-triaged (the report is invalid under 1.0): 2: lines 1, 2");
    }

    [Fact]
    public void Against_does_not_hide_a_decision_that_differs_under_the_records_own_rule_set()
    {
        var altered = Record(RuleSets.V1, SelfCareV1()).Replace("\"urgency\":\"selfCare\",\"urgencyCode\":1", "\"urgency\":\"routine\",\"urgencyCode\":2", StringComparison.Ordinal);

        var run = Run("replay", Log(altered), "--against", "1.0");

        run.ExitCode.Should().Be(1);
        run.OutputLines[0].Should().StartWith("line 1: different: recorded routine");
        run.OutputLines.Should().Contain("  routine -> selfCare: 1");
    }

    [Theory]
    [InlineData("4.0")]
    [InlineData("2")]
    public void Against_an_unknown_rule_set_is_a_usage_error(string value)
    {
        var run = Run("replay", Log(Record(RuleSets.V1, SelfCareV1())), "--against", value);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.ErrorLines[0].Should().Be($"spinetriage: --against {value} is not a rule set: use 1.0 or 2.0 or 3.0 (the default is 3.0).");
    }

    private static AnswerSet SelfCareV1() =>
        AnswerSet.Empty.WithNotGivenAs(Answer.No, new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }).RuleSet.Questions);

    private static AnswerSet SelfCareV2()
    {
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 }).RuleSet;
        var applicable = ruleSet.Questions.Where(q => ruleSet.Applicability(q.Id, SurgeryRegion.Lumbar, Assessed.DayNumber - Surgery.DayNumber).Applies);
        return AnswerSet.Empty.WithNotGivenAs(Answer.No, applicable);
    }

    private static string Record(string ruleSet, AnswerSet answers, bool includeReport = true)
    {
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = ruleSet });
        var report = new SymptomReport
        {
            ReportId = "report-private-1",
            SurgeryDate = Surgery,
            AssessedOn = Assessed,
            SurgeryRegion = SurgeryRegion.Lumbar,
            PainScore = 2,
            Answers = answers,
        };
        var validated = engine.Validate(report).GetValueOrThrow();
        var result = engine.Evaluate(validated);
        return AuditRecord.Create(engine, validated, result, new AuditRecordOptions { IncludeReport = includeReport }).ToJsonLine();
    }

    private string Log(params string[] lines) => _folder.Write("log.jsonl", string.Join("\n", lines) + "\n");
}
