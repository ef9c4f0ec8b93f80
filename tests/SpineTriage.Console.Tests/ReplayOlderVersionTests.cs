using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// <c>replay</c> of records written before the patient texts were reworded (issue 11): a 1.0.1 or 2.0.0 record is
/// re-triaged with its line (now 1.1.0, 2.1.0), gives the same decision, and the version difference is reported.
/// </summary>
public sealed class ReplayOlderVersionTests : IDisposable
{
    private const string Hash101 = "sha256:9b82c8982c8b16866b8963f02494adba956c63f6d24f07fa2e0e820115fad6d4";
    private const string Hash200 = "sha256:877d769d6f2e5be0558061792197a886ccd5874a4caac829f815474e9cea7073";

    private static readonly DateOnly Surgery = new(2026, 3, 2);

    private static readonly DateOnly Assessed = new(2026, 9, 1);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Records_of_1_0_1_and_2_0_0_replay_with_their_line_give_the_same_decision_and_name_the_version_change()
    {
        var one = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 });
        var two = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 });
        var file = _folder.Write("log.jsonl", string.Join(
            "\n",
            AsOf(Record(one, Answers(one).With(QuestionId.SaddleNumbness, Answer.Yes)), one, "1.0.1", Hash101),
            AsOf(Record(two, Answers(two).With(QuestionId.RecentFallOrInjury, Answer.Yes)), two, "2.0.0", Hash200)) + "\n");

        var run = Run("replay", file);

        run.ExitCode.Should().Be(0, run.Output);
        run.OutputLines[0].Should().Be($"line 1: same: emergency [cauda-equina]; rule set changed (recorded 1.0.1 {Hash101}, now 1.1.0 {one.RuleSet.Hash})");
        run.OutputLines[1].Should().Be($"line 2: same: soon [recent-fall]; rule set changed (recorded 2.0.0 {Hash200}, now 2.1.0 {two.RuleSet.Hash})");
    }

    private static string AsOf(string record, TriageEngine engine, string version, string hash)
    {
        var current = $"\"version\":\"{engine.RuleSet.Version}\",\"hash\":\"{engine.RuleSet.Hash}\"";
        record.Should().Contain(current);
        return record.Replace(current, $"\"version\":\"{version}\",\"hash\":\"{hash}\"", StringComparison.Ordinal);
    }

    private static AnswerSet Answers(TriageEngine engine)
    {
        var ruleSet = engine.RuleSet;
        var applicable = ruleSet.Questions.Where(q => ruleSet.Applicability(q.Id, SurgeryRegion.Lumbar, Assessed.DayNumber - Surgery.DayNumber).Applies);
        return AnswerSet.Empty.WithNotGivenAs(Answer.No, applicable);
    }

    private static string Record(TriageEngine engine, AnswerSet answers)
    {
        var report = new SymptomReport { SurgeryDate = Surgery, AssessedOn = Assessed, SurgeryRegion = SurgeryRegion.Lumbar, PainScore = 2, Answers = answers };
        var validated = engine.Validate(report).GetValueOrThrow();
        return AuditRecord.Create(engine, validated, engine.Evaluate(validated), new AuditRecordOptions { IncludeReport = true }).ToJsonLine();
    }
}
