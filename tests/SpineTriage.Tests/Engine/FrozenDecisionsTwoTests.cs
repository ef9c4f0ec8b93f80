using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using FluentAssertions.Execution;
using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.Tests.Support;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The decisions of rule set 2.0 frozen at 2.0.0, before the patient texts were reworded (issue 11, 2.0.0 to 2.1.0): the
/// urgency, completeness and fired rules (<see cref="FrozenDecisionsTests.CanonicalLine"/>) of 20,000 generated 2.0
/// reports and of the 2.0 case files, as digests and counts in TestData/frozen/rule-set-2.0-decisions.json. A rewording
/// changes texts and the hash, never a decision.
/// </summary>
/// <remarks>
/// Reports: the 1.0 reports of <see cref="FrozenReportGenerator"/> (another seed) with, from a second SplitMix64 sequence,
/// a surgery region (cervical, another, or not given), days since surgery often at 42/43 and 90/91, and answers to the
/// nine 2.0 questions (yes, no, unknown or not given). Regenerate only for an intended, reviewed change of decisions:
/// <c>SPINETRIAGE_REGENERATE_FROZEN=1 dotnet test tests/SpineTriage.Tests --filter "FullyQualifiedName~FrozenDecisionsTwo"</c>.
/// </remarks>
public class FrozenDecisionsTwoTests
{
    private const string FrozenPath = "tests/SpineTriage.Tests/TestData/frozen/rule-set-2.0-decisions.json";
    private const ulong Seed = 20261130;
    private const int Count = 20_000;
    private const int BlockSize = 1_000;

    private static readonly string[] NewQuestions =
    [
        "neckSwellingOrAirway", "drowsyConfusedOrSlowBreathing", "recentFallOrInjury", "headacheWithStiffNeck", "spinalFluidLeakSigns",
        "woundBleeding", "woundOpening", "painNotControlled", "newSwallowingDifficulty",
    ];

    private static readonly string[] Regions = ["cervical", "cervical", "thoracic", "lumbar", "sacral"];
    private static readonly int[] EdgeDays = [0, 1, 41, 42, 43, 44, 89, 90, 91, 92];

    private TriageEngine Engine { get; } = new(new TriageEngineOptions { RuleSet = RuleSets.V2 }, TestClock.At(FrozenReportGenerator.Clock));

    private static bool Regenerating => Environment.GetEnvironmentVariable(FrozenDecisionsTests.RegenerateVariable) == "1";

    /// <summary>
    /// How many blocks of <see cref="BlockSize"/> generated reports to check: all 20 in a normal run, fewer when
    /// SPINETRIAGE_PROPERTY_PERCENT (set by scripts/mutation.sh) lowers the share, at least one.
    /// </summary>
    private static int SampledBlocks => PropertyRuns.Scaled(Count / BlockSize);

    [Fact]
    public void Rule_set_2_decisions_on_20000_generated_reports_are_those_of_2_0_0()
    {
        // Mutation testing (scripts/mutation.sh) reruns this test for every mutant it covers: there it checks the first
        // blocks of the same sequence against their frozen block digests (5 % gives the first 1,000 reports).
        var sampling = SampledBlocks < Count / BlockSize && !Regenerating;
        var reports = (sampling ? Reports().Take(SampledBlocks * BlockSize) : Reports()).ToArray();
        var lines = new string[reports.Length];
        Parallel.For(0, reports.Length, i => lines[i] = FrozenDecisionsTests.CanonicalLine(Engine.TriageJson(reports[i])));
        var blockDigests = lines.Chunk(BlockSize).Select(Digest).ToArray();
        if (sampling)
        {
            var frozenPrefix = ReadFrozen()["generated"]!["blockDigests"]!.AsArray().Take(SampledBlocks).Select(b => b!.GetValue<string>());
            lines.Should().NotContain(l => l.StartsWith("invalid|", StringComparison.Ordinal), "every generated report must be valid input");
            blockDigests.Should().Equal(frozenPrefix, "every block of {0} decisions is frozen", BlockSize);
            return;
        }

        var actual = new JsonObject
        {
            ["seed"] = Seed,
            ["count"] = Count,
            ["inputDigest"] = Digest(reports),
            ["digest"] = Digest(lines),
            ["invalid"] = lines.Count(l => l.StartsWith("invalid|", StringComparison.Ordinal)),
            ["urgencyCounts"] = Tally(lines.Select(l => l.Split('|')[0])),
            ["ruleCounts"] = Tally(lines.SelectMany(l => l.Split('|')[2].Split(',', StringSplitOptions.RemoveEmptyEntries))),
            ["blockSize"] = BlockSize,
            ["blockDigests"] = new JsonArray([.. blockDigests.Select(d => JsonValue.Create(d))]),
        };

        if (Regenerating)
        {
            Rewrite("generated", actual);
            return;
        }

        var frozen = ReadFrozen()["generated"]!.AsObject();
        using (new AssertionScope())
        {
            actual["invalid"]!.GetValue<int>().Should().Be(0, "every generated report must be valid input");
            actual["inputDigest"]!.GetValue<string>().Should().Be(frozen["inputDigest"]!.GetValue<string>(), "the generator must produce the frozen reports");
            actual["urgencyCounts"]!.ToJsonString().Should().Be(frozen["urgencyCounts"]!.ToJsonString());
            actual["ruleCounts"]!.ToJsonString().Should().Be(frozen["ruleCounts"]!.ToJsonString());
            actual["digest"]!.GetValue<string>().Should().Be(frozen["digest"]!.GetValue<string>(), "every decision is frozen");
            actual["blockSize"]!.GetValue<int>().Should().Be(frozen["blockSize"]!.GetValue<int>());
            actual["blockDigests"]!.ToJsonString().Should().Be(frozen["blockDigests"]!.ToJsonString(), "every block of {0} decisions is frozen", BlockSize);
        }
    }

    [Fact]
    public void Rule_set_2_decisions_on_its_case_files_are_those_of_2_0_0()
    {
        var actual = new JsonObject();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "cases-2.0"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            actual[Path.GetFileName(file)] = FrozenDecisionsTests.CanonicalLine(Engine.TriageJson(document.RootElement.GetProperty("report").GetRawText()));
        }

        actual.Count.Should().BeGreaterThanOrEqualTo(10);
        if (Regenerating)
        {
            Rewrite("cases", actual);
            return;
        }

        actual.ToJsonString().Should().Be(ReadFrozen()["cases"]!.ToJsonString());
    }

    [Fact]
    public void The_frozen_2_0_data_reaches_every_rule_of_rule_set_2_and_every_urgency()
    {
        var frozen = ReadFrozen()["generated"]!.AsObject();
        frozen["ruleCounts"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(Engine.RuleSet.Rules.Select(r => r.Id));
        frozen["ruleCounts"]!.AsObject().Should().OnlyContain(p => p.Value!.GetValue<int>() >= 20);
        frozen["urgencyCounts"]!.AsObject().Should().HaveCount(5);
    }

    private static IEnumerable<string> Reports()
    {
        var state = Seed ^ 0x9E3779B97F4A7C15UL;
        var earliest = new DateOnly(1900, 1, 1);
        foreach (var text in FrozenReportGenerator.Create(Seed, Count))
        {
            var report = JsonNode.Parse(text)!.AsObject();
            report.Remove("surgeryRegion");
            var region = Below(Regions.Length + 2);
            if (region < Regions.Length)
            {
                report["surgeryRegion"] = Regions[region];
            }

            var days = Below(2) == 0 ? EdgeDays[Below(EdgeDays.Length)] : Below(1100);
            var assessed = DateOnly.ParseExact(report["assessedOn"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (assessed.AddDays(-days) >= earliest)
            {
                report["surgeryDate"] = assessed.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            var answers = report["answers"] as JsonObject ?? [];
            report["answers"] = answers.DeepClone();
            var target = report["answers"]!.AsObject();
            var yesRate = Below(4) * 8; // percent: 0, 8, 16, 24
            foreach (var id in NewQuestions)
            {
                var roll = Below(100);
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

    private static JsonObject ReadFrozen() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "frozen", "rule-set-2.0-decisions.json")))!.AsObject();

    private static void Rewrite(string section, JsonObject content)
    {
        lock (FrozenPath)
        {
            var path = Repository.PathOf(FrozenPath);
            var file = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject
            {
                ["note"] = "Decisions of rule set 2.0 at 2.0.0, frozen before the patient texts were reworded (issue 11), asserted by tests/SpineTriage.Tests/Engine/FrozenDecisionsTwoTests.cs. Lines urgency|isComplete|ruleId,...; digests are SHA-256 of the lines, each ended by \\n.",
                ["clock"] = "2026-11-29",
            };
            file[section] = content.DeepClone();
            File.WriteAllText(path, file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }
}
