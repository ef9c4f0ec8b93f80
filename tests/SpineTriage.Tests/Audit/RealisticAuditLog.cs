using System.Globalization;
using System.Text;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Audit;

/// <summary>
/// samples/audit/realistic-2.0.jsonl, a generated audit log of made-up but realistic rule set 2.0 triages (written as
/// the service writes its audit file with <c>Audit:IncludeReport</c> and no key: each record holds its report, no report
/// hash, chained), and the impact table that re-triaging it with another rule set gives (<c>spinetriage replay LOG
/// --against SELECTOR</c>, through the library's <see cref="AuditReplay"/>), generated into docs/rules.md.
/// </summary>
internal static class RealisticAuditLog
{
    /// <summary>
    /// The rule set the impact table re-triages the 2.0 log with. Set it to "3.0" once rule set 3.0 ships, and
    /// regenerate docs/rules.md (<c>UPDATE_DOCS=1 dotnet test tests/SpineTriage.Tests --filter "FullyQualifiedName~Traceability"</c>).
    /// </summary>
    public const string ImpactTarget = RuleSets.V3;

    public const string RelativePath = "samples/audit/realistic-2.0.jsonl";

    public const int Count = 400;

    private const string Begin = "<!-- impact:begin (generated from samples/audit/realistic-2.0.jsonl by tests/SpineTriage.Tests/Audit/RealisticAuditLog.cs) -->";

    private const string End = "<!-- impact:end -->";

    /// <summary>The last assessment day of the log; the engine's clock stands here.</summary>
    private static readonly DateOnly LastDay = new(2026, 11, 30);

    private static readonly Urgency[] Descending = [Urgency.Emergency, Urgency.Urgent, Urgency.Soon, Urgency.Routine, Urgency.SelfCare];

    /// <summary>How often a patient answers yes to each question (per report, where it is asked): mostly no, as in a real clinic.</summary>
    private static readonly Dictionary<Q, double> YesRate = new()
    {
        [Q.BladderOrBowelControlLoss] = 0.003,
        [Q.SaddleNumbness] = 0.004,
        [Q.NewOrWorseningLimbWeakness] = 0.008,
        [Q.NeckSwellingOrAirway] = 0.004,
        [Q.DrowsyConfusedOrSlowBreathing] = 0.004,
        [Q.SuddenSeverePainAfterFallOrInjury] = 0.004,
        [Q.RecentFallOrInjury] = 0.02,
        [Q.Fever] = 0.02,
        [Q.HeadacheWithStiffNeck] = 0.008,
        [Q.SpinalFluidLeakSigns] = 0.006,
        [Q.WoundDischarge] = 0.04,
        [Q.WoundRednessOrSwelling] = 0.02,
        [Q.WoundBleeding] = 0.01,
        [Q.WoundOpening] = 0.008,
        [Q.ChestPainOrBreathlessness] = 0.004,
        [Q.NewOrWorseningLimbNumbness] = 0.015,
        [Q.CalfPainOrSwelling] = 0.01,
        [Q.PainNotControlled] = 0.03,
        [Q.NewSwallowingDifficulty] = 0.012,
        [Q.PainReturnedAfterImprovement] = 0.06,
        [Q.NewOrWorseningPain] = 0.10,
        [Q.InstabilityOrMovement] = 0.02,
        [Q.RadiatingLimbPain] = 0.15,
        [Q.LocalizedTenderness] = 0.10,
        [Q.PainWorseWithMovement] = 0.15,
        [Q.LumpOverHardware] = 0.02,
    };

    /// <summary>Generates the log: <see cref="Count"/> chained JSON lines, the same on every run.</summary>
    public static string Generate()
    {
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 }, TestClock.At(LastDay));
        var random = new Random(20261208);
        var chain = new AuditChain();
        var options = new AuditRecordOptions { IncludeReport = true, IncludeReportHash = false };
        var version = AuditRecord.CurrentEngineVersion.Split('+')[0];
        var text = new StringBuilder();
        var time = LastDay.AddDays(-60).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        for (var i = 0; i < Count; i++)
        {
            time = time.AddMinutes(random.Next(30, 300));
            var report = Report(random, engine, DateOnly.FromDateTime(time));
            var validated = engine.Validate(report).GetValueOrThrow();
            var record = AuditRecord.Create(engine, validated, engine.Evaluate(validated), options) with
            {
                Time = new DateTimeOffset(time, TimeSpan.Zero),
                EngineVersion = version,
            };
            text.Append(chain.Append(record).ToJsonLine()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The impact section of docs/rules.md for <see cref="ImpactTarget"/>, from the committed log.</summary>
    public static string ImpactSection() => ImpactSection(File.ReadAllLines(Repository.PathOf(RelativePath)), ImpactTarget);

    /// <summary>The impact section for a log and a target rule set: counts only, never a stored value.</summary>
    public static string ImpactSection(IReadOnlyList<string> lines, string target)
    {
        var engines = new TriageEngines(timeProvider: TestClock.At(LastDay));
        var against = engines.For(target);
        var asRecorded = AuditReplay.ReplayJsonLines(engines, lines, null, against);
        var withNewAnswered = AuditReplay.ReplayJsonLines(engines, [.. lines.Select(line => NewQuestionsAnsweredNo(line, engines, against))], null, against);
        var added = NewQuestions(engines.For(RuleSets.V2), against);

        var text = new StringBuilder()
            .Append(Begin).Append("\n\n## Impact of rule set ").Append(target).Append(" on a realistic 2.0 audit log\n\n")
            .Append(CultureInfo.InvariantCulture, $"`{RelativePath}` holds {asRecorded.Records} made-up but realistic rule set 2.0 triages (mostly self care and soon,\n")
            .Append("a few urgent and emergency; days since surgery, regions, temperatures and pain scores as a clinic sees them), written as\n")
            .Append("the service writes its audit file with the report included. `spinetriage replay ").Append(RelativePath).Append(" --against ").Append(target).Append("`\n")
            .Append("re-triages each record with rule set ").Append(target).Append(" (").Append(against.RuleSet.Version)
            .Append("); the tables count records by recorded (rows) and new (columns) urgency, never a report.\n\n")
            .Append("As recorded (the questions rule set ").Append(target).Append(" adds are unanswered in a 2.0 report):\n\n");
        Table(text, asRecorded.Impact!);
        text.Append("\nThe same reports with the questions rule set ").Append(target).Append(" adds answered no")
            .Append(added.Count == 0 ? " (it adds none)" : " (" + string.Join(", ", added.Select(q => $"`{q}`")) + ")")
            .Append(": what the same patients get once the new questions are asked and denied.\n\n");
        Table(text, withNewAnswered.Impact!);
        text.Append("\nA 2.0 yes to a question whose meaning changed (the narrowed `woundDischarge`, say) is replayed as a yes: the\n")
            .Append("change of meaning shows in new reports, not in a replayed log (clinical-notes.md).\n")
            .Append("Regenerate the log with `UPDATE_DOCS=1 dotnet test tests/SpineTriage.Tests --filter \"FullyQualifiedName~RealisticAuditLog\"`.\n\n")
            .Append(End).Append('\n');
        return text.ToString();
    }

    private static void Table(StringBuilder text, ReplayImpact impact)
    {
        text.Append("| recorded \\ new |");
        foreach (var urgency in Descending)
        {
            text.Append(' ').Append(urgency.JsonName()).Append(" |");
        }

        text.Append(" total |\n|---|").Append(string.Concat(Enumerable.Repeat("---|", Descending.Length + 1))).Append('\n');
        foreach (var recorded in Descending)
        {
            var row = impact.Counts.Where(c => c.Recorded == recorded).ToArray();
            text.Append("| ").Append(recorded.JsonName()).Append(" |");
            foreach (var now in Descending)
            {
                text.Append(' ').Append(row.Where(c => c.New == now).Sum(c => c.Records).ToString(CultureInfo.InvariantCulture)).Append(" |");
            }

            text.Append(' ').Append(row.Sum(c => c.Records).ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{impact.Records} records re-triaged: {impact.Higher} higher, {impact.Lower} lower, ")
            .Append(CultureInfo.InvariantCulture, $"{impact.OtherFindings} the same urgency with other findings, {impact.NotRetriaged} not re-triaged (rejected by rule set {impact.RuleSet.Selector}).\n");
    }

    /// <summary>The record with its report answering no to every question of <paramref name="against"/> that the record's rule set does not have, unchained.</summary>
    private static string NewQuestionsAnsweredNo(string line, TriageEngines engines, TriageEngine against)
    {
        var record = AuditRecord.ParseJsonLine(line).GetValueOrThrow();
        var own = engines.ForVersion(record.RuleSet.Version);
        if (record.ReportJson is null || own is null)
        {
            return line;
        }

        var report = TriageJson.ParseReport(record.ReportJson).GetValueOrThrow();
        var answers = NewQuestions(own, against).Aggregate(report.Answers, (a, q) => a.IsGiven(q) ? a : a.With(q, Answer.No));
        return (record with
        {
            RecordVersion = AuditRecord.UnchainedRecordVersion,
            PreviousHash = null,
            RecordHash = null,
            ReportHash = null,
            ReportJson = TriageJson.SerializeReport(report with { Answers = answers }),
        }).ToJsonLine();
    }

    private static List<Q> NewQuestions(TriageEngine from, TriageEngine to) =>
        [.. to.RuleSet.Questions.Select(q => q.Id).Where(q => !from.RuleSet.Questions.Any(f => f.Id == q))];

    /// <summary>One made-up report as a clinic sees it: the interview asks every question that applies, mostly answered no.</summary>
    private static SymptomReport Report(Random random, TriageEngine engine, DateOnly assessedOn)
    {
        // Days since surgery: most calls come in the first weeks.
        var days = random.NextDouble() switch
        {
            < 0.30 => random.Next(1, 15),
            < 0.60 => random.Next(15, 43),
            < 0.80 => random.Next(43, 91),
            _ => random.Next(91, 730),
        };
        SurgeryRegion? region = random.NextDouble() switch
        {
            < 0.55 => SurgeryRegion.Lumbar,
            < 0.85 => SurgeryRegion.Cervical,
            < 0.93 => SurgeryRegion.Thoracic,
            < 0.97 => SurgeryRegion.Sacral,
            _ => null,
        };
        HardwareKind[] hardware = region switch
        {
            SurgeryRegion.Cervical => random.NextDouble() < 0.7 ? [HardwareKind.Plates, HardwareKind.Screws] : [HardwareKind.Cages],
            _ => random.NextDouble() < 0.8 ? [HardwareKind.Screws, HardwareKind.Rods] : [HardwareKind.Screws, HardwareKind.Rods, HardwareKind.Cages],
        };
        RiskFactor[] risks = [.. Enum.GetValues<RiskFactor>().Where(_ => random.NextDouble() < 0.08)];
        var early = days <= 42;
        var painScore = Math.Clamp((int)Math.Round((early ? 4.5 : 3.0) + (random.NextDouble() * 4) - 2 + (random.NextDouble() < 0.08 ? 3 : 0)), 0, 10);
        var febrile = random.NextDouble() < 0.025;
        Temperature? temperature = random.NextDouble() < 0.7
            ? (febrile ? Temperature.Celsius(38.0m + (random.Next(0, 16) / 10m)) : Temperature.Celsius(36.3m + (random.Next(0, 14) / 10m)))
            : null;

        var surgeryDate = assessedOn.AddDays(-days);
        var answers = new List<KeyValuePair<Q, Answer>>();
        foreach (var question in engine.RuleSet.Questions)
        {
            if (!engine.RuleSet.Applicability(question.Id, region, days).Applies || question.Id == Q.ImagingShowsHardwareProblem)
            {
                continue;
            }

            var answer = question.Id == Q.Fever && febrile ? Answer.Yes
                : random.NextDouble() < YesRate.GetValueOrDefault(question.Id) ? Answer.Yes
                : question.IsRedFlag && random.NextDouble() < 0.002 ? Answer.Unknown
                : Answer.No;
            if (question.IsRedFlag || answer != Answer.No || random.NextDouble() < 0.9)
            {
                answers.Add(KeyValuePair.Create(question.Id, answer));
            }
        }

        if (random.NextDouble() < 0.02)
        {
            answers.Add(KeyValuePair.Create(Q.ImagingShowsHardwareProblem, Answer.Yes));
        }

        return new SymptomReport
        {
            SurgeryDate = surgeryDate,
            AssessedOn = assessedOn,
            SurgeryRegion = region,
            Hardware = hardware,
            RiskFactors = risks,
            PainScore = random.NextDouble() < 0.9 ? painScore : null,
            Temperature = temperature,
            Answers = AnswerSet.From(answers),
        };
    }
}
