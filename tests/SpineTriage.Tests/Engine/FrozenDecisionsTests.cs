using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using FluentAssertions.Execution;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Support;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The frozen decisions of every shipped rule set: the urgency, completeness and exact fired-rule list (in finding order)
/// of generated reports (<see cref="FrozenReportGenerator"/>) and of the rule set's case files, as SHA-256 digests and
/// counts in TestData/frozen/rule-set-SELECTOR-decisions.json. Rule set 1.0's were frozen before the engine was
/// redesigned (100,000 reports); 2.0's at 2.0.0, before its patient texts were reworded (20,000 reports, 1.0's generator
/// with another seed plus regions, days at the edges of applicability and answers to the nine 2.0 questions); 3.0's at
/// 3.0.0 (20,000 reports, 2.0's generator with another seed, the edges of 3.0's windows and answers to the five 3.0
/// questions). A new shipped rule set adds a row to <see cref="Frozen"/> and its frozen file.
/// </summary>
/// <remarks>
/// Reports go in as contract JSON (<see cref="TriageEngine.TriageJson(string)"/>) and each decision is reduced to a
/// canonical line <c>urgency|isComplete|ruleId,ruleId,...</c> with the urgency's contract name, for example
/// <c>selfCare|true|expected-recovery</c>; an invalid report's line is <c>invalid|</c> and its error paths.
/// <para>
/// To regenerate a frozen file, only when a change of decisions is intended and reviewed, run
/// <c>SPINETRIAGE_REGENERATE_FROZEN=1 dotnet test tests/SpineTriage.Tests --filter "FullyQualifiedName~FrozenDecisions"</c>:
/// the tests then rewrite the files in the source tree instead of asserting. Review the diff before committing it.
/// </para>
/// </remarks>
public class FrozenDecisionsTests
{
    /// <summary>Set to 1 to rewrite the frozen files from the current engine instead of asserting.</summary>
    public const string RegenerateVariable = "SPINETRIAGE_REGENERATE_FROZEN";

    /// <summary>The contract names of the urgencies, lowest first.</summary>
    private static readonly string[] UrgencyNames = ["selfCare", "routine", "soon", "urgent", "emergency"];

    /// <summary>What is frozen for each shipped rule set.</summary>
    private static readonly Dictionary<string, FrozenSet> Frozen = new(StringComparer.Ordinal)
    {
        [RuleSets.V1] = new(Seed: 20261129, Count: 100_000, BlockSize: 5_000, MinimumFiringsPerRule: 100, CaseFolder: "cases", MinimumCases: 8, FrozenReportGenerator.Create),
        [RuleSets.V2] = new(Seed: 20261130, Count: 20_000, BlockSize: 1_000, MinimumFiringsPerRule: 20, CaseFolder: "cases-2.0", MinimumCases: 10, TwoZeroReports),

        // 3.0's case files (TestData/cases-3.0) are written apart from the rule set, from the criteria; the frozen case
        // lines are regenerated once they are in (SPINETRIAGE_REGENERATE_FROZEN=1, see above).
        [RuleSets.V3] = new(Seed: 20261208, Count: 20_000, BlockSize: 1_000, MinimumFiringsPerRule: 20, CaseFolder: "cases-3.0", MinimumCases: 0, ThreeZeroReports),
    };

    private static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    public static TheoryData<string> Selectors() => new(RuleSets.Selectors);

    [Fact]
    public void Every_shipped_rule_set_has_frozen_decisions()
    {
        Frozen.Keys.Should().BeEquivalentTo(RuleSets.Selectors);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Decisions_on_the_generated_reports_are_unchanged(string selector)
    {
        var set = Frozen[selector];
        var engine = EngineOf(selector);

        // How many blocks to check: all in a normal run, fewer when SPINETRIAGE_PROPERTY_PERCENT (set by
        // scripts/mutation.sh) lowers the share, at least one. Mutation testing reruns this test for every mutant it
        // covers: there it checks the first blocks of the same sequence against their frozen block digests.
        var sampledBlocks = PropertyRuns.Scaled(set.Count / set.BlockSize);
        var sampling = sampledBlocks < set.Count / set.BlockSize && !Regenerating;
        var reports = set.Reports(set.Seed, sampling ? sampledBlocks * set.BlockSize : set.Count).ToArray();
        var actual = Decide(engine, set, reports);
        if (sampling)
        {
            var frozenPrefix = ReadFrozen(selector)["generated"]!["blockDigests"]!.AsArray().Take(sampledBlocks).Select(b => b!.GetValue<string>());
            actual["invalid"]!.GetValue<int>().Should().Be(0, "every generated report must be valid input");
            actual["blockDigests"]!.AsArray().Select(b => b!.GetValue<string>()).Should().Equal(frozenPrefix, "every block of {0} decisions is frozen", set.BlockSize);
            return;
        }

        if (Regenerating)
        {
            Rewrite(selector, "generated", actual);
            return;
        }

        // Every field the frozen file holds must be reproduced (1.0's file also counts complete results, 2.0's invalid ones).
        var frozen = ReadFrozen(selector)["generated"]!.AsObject();
        using (new AssertionScope())
        {
            actual["invalid"]!.GetValue<int>().Should().Be(0, "every generated report must be valid input");
            actual["inputDigest"]!.GetValue<string>().Should().Be(
                frozen["inputDigest"]!.GetValue<string>(),
                "the generator must produce the frozen reports (if this fails, the generator changed, not necessarily the engine)");
            foreach (var (key, value) in frozen)
            {
                if (value is JsonObject counts)
                {
                    Counts(actual[key]!).Should().BeEquivalentTo(Counts(counts), "the {0} are frozen", key);
                }
                else
                {
                    actual[key]!.ToJsonString().Should().Be(value!.ToJsonString(), "{0} is frozen", key);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_frozen_data_makes_every_rule_of_the_rule_set_fire_often_and_reaches_every_urgency(string selector)
    {
        var set = Frozen[selector];
        var frozen = ReadFrozen(selector)["generated"]!.AsObject();

        var rules = Counts(frozen["ruleCounts"]!);
        rules.Keys.Should().BeEquivalentTo(EngineOf(selector).RuleSet.Rules.Select(r => r.Id));
        rules.Should().OnlyContain(r => r.Value >= set.MinimumFiringsPerRule, "every rule must be held to its frozen decisions");
        var urgencies = Counts(frozen["urgencyCounts"]!);
        urgencies.Keys.Should().BeEquivalentTo(UrgencyNames);
        urgencies.Should().OnlyContain(u => u.Value >= set.MinimumFiringsPerRule);
        urgencies.Values.Sum().Should().Be(set.Count);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Decisions_on_the_case_files_are_unchanged(string selector)
    {
        var set = Frozen[selector];
        var engine = EngineOf(selector);
        var actual = new JsonObject();
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", set.CaseFolder);
        var files = Directory.Exists(folder) || set.MinimumCases > 0 ? Directory.GetFiles(folder, "*.json") : [];
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            actual[Path.GetFileName(file)] = CanonicalLine(engine.TriageJson(document.RootElement.GetProperty("report").GetRawText()));
        }

        actual.Count.Should().BeGreaterThanOrEqualTo(set.MinimumCases);
        if (Regenerating)
        {
            Rewrite(selector, "cases", actual);
            return;
        }

        Lines(actual).Should().Equal(Lines(ReadFrozen(selector)["cases"]!.AsObject()));
    }

    /// <summary>The canonical line of a decision: <c>urgency|isComplete|ruleId,...</c>, or <c>invalid|path,...</c>.</summary>
    internal static string CanonicalLine(Outcome<TriageResult> outcome)
    {
        if (!outcome.IsSuccess)
        {
            return "invalid|" + string.Join(",", outcome.Errors.Select(e => e.Path).Distinct().Order(StringComparer.Ordinal));
        }

        var result = outcome.Value!;
        return string.Join(
            '|',
            UrgencyNames[result.Urgency.Code() - 1],
            result.IsComplete ? "true" : "false",
            string.Join(",", result.Findings.Select(f => f.RuleId)));
    }

    // A fresh engine for each test, with its clock fixed at the generator's date and default options.
    private static TriageEngine EngineOf(string selector) => new(new TriageEngineOptions { RuleSet = selector }, TestClock.At(FrozenReportGenerator.Clock));

    private static JsonObject Decide(TriageEngine engine, FrozenSet set, string[] reports)
    {
        // The engine is thread-safe: triage in parallel, then hash and count in report order.
        var lines = new string[reports.Length];
        Parallel.For(0, reports.Length, i => lines[i] = CanonicalLine(engine.TriageJson(reports[i])));
        var valid = lines.Where(l => !l.StartsWith("invalid|", StringComparison.Ordinal)).Select(l => l.Split('|')).ToArray();
        return new JsonObject
        {
            ["seed"] = set.Seed,
            ["count"] = reports.Length,
            ["blockSize"] = set.BlockSize,
            ["inputDigest"] = Digest(reports),
            ["digest"] = Digest(lines),
            ["invalid"] = reports.Length - valid.Length,
            ["urgencyCounts"] = Tally(valid.Select(l => l[0])),
            ["ruleCounts"] = Tally(valid.SelectMany(l => l[2].Split(',', StringSplitOptions.RemoveEmptyEntries))),
            ["completeCount"] = valid.Count(l => l[1] == "true"),
            ["blockDigests"] = new JsonArray([.. lines.Chunk(set.BlockSize).Select(block => JsonValue.Create(Digest(block)))]),
        };
    }

    private static IEnumerable<string> TwoZeroReports(ulong seed, int count)
    {
        var state = seed ^ 0x9E3779B97F4A7C15UL;
        var earliest = new DateOnly(1900, 1, 1);
        string[] newQuestions =
        [
            "neckSwellingOrAirway", "drowsyConfusedOrSlowBreathing", "recentFallOrInjury", "headacheWithStiffNeck", "spinalFluidLeakSigns",
            "woundBleeding", "woundOpening", "painNotControlled", "newSwallowingDifficulty",
        ];
        string[] regions = ["cervical", "cervical", "thoracic", "lumbar", "sacral"];
        int[] edgeDays = [0, 1, 41, 42, 43, 44, 89, 90, 91, 92];
        foreach (var text in FrozenReportGenerator.Create(seed, count))
        {
            var report = JsonNode.Parse(text)!.AsObject();
            report.Remove("surgeryRegion");
            var region = Below(regions.Length + 2);
            if (region < regions.Length)
            {
                report["surgeryRegion"] = regions[region];
            }

            var days = Below(2) == 0 ? edgeDays[Below(edgeDays.Length)] : Below(1100);
            var assessed = DateOnly.ParseExact(report["assessedOn"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (assessed.AddDays(-days) >= earliest)
            {
                report["surgeryDate"] = assessed.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            var answers = report["answers"] as JsonObject ?? [];
            report["answers"] = answers.DeepClone();
            var target = report["answers"]!.AsObject();
            AnswerNewQuestions(target, newQuestions, Below);

            yield return report.ToJsonString();
        }

        int Below(int n)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) % (ulong)n);
        }
    }

    /// <summary>
    /// 3.0's reports: 2.0's generator with another seed, days at the edges of every window of 3.0 (14/15, 42/43, 90/91),
    /// and answers to the five questions 3.0 adds, at the same rates as 2.0's new ones.
    /// </summary>
    private static IEnumerable<string> ThreeZeroReports(ulong seed, int count)
    {
        var state = seed ^ 0xD1B54A32D192ED03UL;
        var earliest = new DateOnly(1900, 1, 1);
        string[] newQuestions = ["strokeOrSeizureSigns", "newSevereHeadache", "bellySwollenOrVomiting", "noBowelMovementFourDays", "hoarseVoiceTwoWeeks"];
        int[] edgeDays = [0, 7, 13, 14, 15, 16, 42, 43, 90, 91];
        foreach (var text in TwoZeroReports(seed, count))
        {
            var report = JsonNode.Parse(text)!.AsObject();
            if (Below(3) == 0)
            {
                var assessed = DateOnly.ParseExact(report["assessedOn"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var days = edgeDays[Below(edgeDays.Length)];
                if (assessed.AddDays(-days) >= earliest)
                {
                    report["surgeryDate"] = assessed.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
            }

            var target = report["answers"]!.AsObject();
            AnswerNewQuestions(target, newQuestions, Below);

            yield return report.ToJsonString();
        }

        int Below(int n)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) % (ulong)n);
        }
    }

    /// <summary>
    /// Answers a rule set's new questions as both generators do: one yes rate for the report (0, 8, 16 or 24 %), then per
    /// question yes, no (up to 80 %), unknown (up to 90 %) or not given, drawing from the generator's own sequence.
    /// </summary>
    private static void AnswerNewQuestions(JsonObject target, string[] newQuestions, Func<int, int> below)
    {
        var yesRate = below(4) * 8; // percent: 0, 8, 16, 24
        foreach (var id in newQuestions)
        {
            var roll = below(100);
            if (roll < yesRate)
            {
                target[id] = "yes";
            }
            else if (roll < 80)
            {
                target[id] = "no";
            }
            else if (roll < 90)
            {
                target[id] = "unknown";
            }
        }
    }

    private static JsonObject Tally(IEnumerable<string> names)
    {
        var tally = new JsonObject();
        foreach (var group in names.GroupBy(n => n, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            tally[group.Key] = group.Count();
        }

        return tally;
    }

    private static string Digest(IEnumerable<string> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        }

        return "sha256:" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static Dictionary<string, int> Counts(JsonNode node) =>
        node.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());

    private static List<KeyValuePair<string, string>> Lines(JsonObject cases) =>
        cases.Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<string>())).ToList();

    private static string FileOf(string selector) => $"rule-set-{selector}-decisions.json";

    private static JsonObject ReadFrozen(string selector) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "frozen", FileOf(selector))))!.AsObject();

    /// <summary>Replaces one section of a frozen file in the source tree, keeping the others.</summary>
    private static void Rewrite(string selector, string section, JsonObject content)
    {
        lock (Frozen)
        {
            var path = Repository.PathOf("tests/SpineTriage.Tests/TestData/frozen/" + FileOf(selector));
            var file = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject
            {
                ["note"] = $"Decisions of rule set {selector}, asserted by tests/SpineTriage.Tests/Engine/FrozenDecisionsTests.cs. Lines urgency|isComplete|ruleId,...; digests are SHA-256 of the lines, each ended by \\n.",
                ["clock"] = FrozenReportGenerator.Clock.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            file[section] = content.DeepClone();
            File.WriteAllText(path, file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n");
        }
    }

    /// <summary>What is frozen for one rule set.</summary>
    /// <param name="Seed">The generator's seed.</param>
    /// <param name="Count">How many generated reports.</param>
    /// <param name="BlockSize">How many decisions each block digest covers.</param>
    /// <param name="MinimumFiringsPerRule">How often the frozen data must make each rule fire and reach each urgency.</param>
    /// <param name="CaseFolder">The folder of the rule set's case files under TestData.</param>
    /// <param name="MinimumCases">How many case files there are at least.</param>
    /// <param name="Reports">The generator: seed and count to report JSON.</param>
    private sealed record FrozenSet(ulong Seed, int Count, int BlockSize, int MinimumFiringsPerRule, string CaseFolder, int MinimumCases, Func<ulong, int, IEnumerable<string>> Reports);
}
