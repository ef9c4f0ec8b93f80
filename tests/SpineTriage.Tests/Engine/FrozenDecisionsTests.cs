using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using FluentAssertions.Execution;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// Today's decisions of rule set 1.0, frozen before the engine is redesigned: the urgency, completeness and exact
/// fired-rule list (in finding order) of 100,000 generated reports (<see cref="FrozenReportGenerator"/>) and of the
/// shared case files, as SHA-256 digests and counts in TestData/frozen/rule-set-1.0-decisions.json.
/// </summary>
/// <remarks>
/// Reports go in as contract JSON (<see cref="TriageEngine.TriageJson(string)"/>) and each decision is reduced to a
/// canonical line <c>urgency|isComplete|ruleId,ruleId,...</c> with the urgency's contract name, for example
/// <c>selfCare|true|expected-recovery</c>; an invalid report's line is <c>invalid|</c> and its error paths.
/// <para>
/// To regenerate the frozen file, only when a change of decisions is intended and reviewed, run
/// <c>SPINETRIAGE_REGENERATE_FROZEN=1 dotnet test tests/SpineTriage.Tests --filter "FullyQualifiedName~FrozenDecisions"</c>:
/// the tests then rewrite tests/SpineTriage.Tests/TestData/frozen/rule-set-1.0-decisions.json in the source tree
/// instead of asserting. Review its diff before committing it.
/// </para>
/// </remarks>
public class FrozenDecisionsTests
{
    /// <summary>Set to 1 to rewrite the frozen file from the current engine instead of asserting.</summary>
    public const string RegenerateVariable = "SPINETRIAGE_REGENERATE_FROZEN";

    private const string FrozenPath = "tests/SpineTriage.Tests/TestData/frozen/rule-set-1.0-decisions.json";
    private const ulong Seed = 20261129;
    private const int Count = 100_000;
    private const int BlockSize = 5_000;
    private const int MinimumFiringsPerRule = 100;

    /// <summary>The 20 rule ids of rule set 1.0 in catalogue order (clinical-criteria.md section 4).</summary>
    private static readonly string[] RuleIds =
    [
        "cauda-equina",
        "motor-deficit",
        "infection-with-fever",
        "fall-or-injury",
        "possible-pulmonary-embolism",
        "sensory-deficit",
        "wound-signs",
        "fever",
        "possible-deep-vein-thrombosis",
        "unresolved-red-flag",
        "severe-escalating-pain",
        "pain-after-improvement",
        "new-or-worsening-pain",
        "instability",
        "radicular-pain",
        "severe-pain",
        "symptomatic-imaging-finding",
        "hardware-irritation",
        "asymptomatic-imaging-finding",
        "expected-recovery",
    ];

    /// <summary>The contract names of the urgencies, lowest first.</summary>
    private static readonly string[] UrgencyNames = ["selfCare", "routine", "soon", "urgent", "emergency"];

    private static readonly Lock FileLock = new();

    // A fresh engine for each test, with its clock fixed at the generator's date and default options.
    private TriageEngine Engine { get; } = new(options: new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }, TestClock.At(FrozenReportGenerator.Clock));

    private static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    /// <summary>
    /// How many blocks of <see cref="BlockSize"/> generated reports to check: all 20 in a normal run, fewer when
    /// SPINETRIAGE_PROPERTY_PERCENT (1 to 100, set by scripts/mutation.sh) lowers the share, at least one.
    /// </summary>
    private static int SampledBlocks => PropertyRuns.Scaled(Count / BlockSize);

    [Fact]
    public void Rule_set_1_0_decisions_on_100000_generated_reports_are_unchanged()
    {
        if (SampledBlocks < Count / BlockSize && !Regenerating)
        {
            // Mutation testing (scripts/mutation.sh) reruns this test for every mutant it covers: there it checks the
            // first blocks of the same sequence against their frozen block digests (5 % gives the first 5,000 reports).
            var sampled = Decide(FrozenReportGenerator.Create(Seed, SampledBlocks * BlockSize).ToArray());
            var frozenPrefix = ReadFrozen()["generated"]!["blockDigests"]!.AsArray().Take(SampledBlocks).Select(b => b!.GetValue<string>()).ToArray();
            sampled.FirstInvalid.Should().BeNull("every generated report must be valid input");
            FirstDifferentBlock(sampled.BlockDigests, frozenPrefix).Should().BeNull("every block of {0} decisions is frozen", BlockSize);
            return;
        }

        var actual = Decide(FrozenReportGenerator.Create(Seed, Count).ToArray());

        actual.FirstInvalid.Should().BeNull("every generated report must be valid input");
        if (Regenerating)
        {
            Rewrite("generated", actual.ToJson());
            return;
        }

        var frozen = ReadFrozen()["generated"]!.AsObject();
        using (new AssertionScope())
        {
            frozen["seed"]!.GetValue<ulong>().Should().Be(Seed);
            frozen["count"]!.GetValue<int>().Should().Be(Count);
            frozen["blockSize"]!.GetValue<int>().Should().Be(BlockSize);
            actual.InputDigest.Should().Be(
                frozen["inputDigest"]!.GetValue<string>(),
                "the generator must produce the frozen reports (if this fails, the generator changed, not necessarily the engine)");
            actual.UrgencyCounts.Should().Equal(Counts(frozen["urgencyCounts"]!), "the number of reports per urgency is frozen");
            actual.RuleCounts.Should().Equal(Counts(frozen["ruleCounts"]!), "the number of reports each rule fires on is frozen");
            actual.CompleteCount.Should().Be(frozen["completeCount"]!.GetValue<int>(), "the number of complete results is frozen");
            var frozenBlocks = frozen["blockDigests"]!.AsArray().Select(b => b!.GetValue<string>()).ToArray();
            FirstDifferentBlock(actual.BlockDigests, frozenBlocks).Should().BeNull("every block of {0} decisions is frozen", BlockSize);
            actual.Digest.Should().Be(frozen["digest"]!.GetValue<string>(), "the digest of all decisions is frozen");
        }
    }

    [Fact]
    public void The_frozen_data_makes_every_rule_of_rule_set_1_0_fire_at_least_100_times_and_reaches_every_urgency()
    {
        var frozen = ReadFrozen()["generated"]!.AsObject();

        var rules = Counts(frozen["ruleCounts"]!);
        rules.Keys.Should().Equal(RuleIds);
        rules.Should().OnlyContain(r => r.Value >= MinimumFiringsPerRule, "every rule must be held to its frozen decisions");
        var urgencies = Counts(frozen["urgencyCounts"]!);
        urgencies.Keys.Should().Equal(UrgencyNames);
        urgencies.Should().OnlyContain(u => u.Value >= MinimumFiringsPerRule);
        urgencies.Values.Sum().Should().Be(Count);
    }

    [Fact]
    public void Rule_set_1_0_decisions_on_the_shared_case_files_are_unchanged()
    {
        var actual = new JsonObject();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var report = document.RootElement.GetProperty("report").GetRawText();
            actual[Path.GetFileName(file)] = CanonicalLine(Engine.TriageJson(report));
        }

        actual.Count.Should().BeGreaterThanOrEqualTo(8);
        if (Regenerating)
        {
            Rewrite("cases", actual);
            return;
        }

        var frozen = ReadFrozen()["cases"]!.AsObject();
        Lines(actual).Should().Equal(Lines(frozen));
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
            UrgencyName(result.Urgency),
            result.IsComplete ? "true" : "false",
            string.Join(",", result.Findings.Select(f => f.RuleId)));
    }

    private static string UrgencyName(Urgency urgency) => urgency switch
    {
        Urgency.SelfCare => "selfCare",
        Urgency.Routine => "routine",
        Urgency.Soon => "soon",
        Urgency.Urgent => "urgent",
        Urgency.Emergency => "emergency",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Not an urgency of rule set 1.0."),
    };

    private GeneratedDecisions Decide(string[] reports)
    {
        // The engine is thread-safe: triage in parallel, then hash and count in report order.
        var outcomes = new Outcome<TriageResult>[reports.Length];
        Parallel.For(0, reports.Length, i => outcomes[i] = Engine.TriageJson(reports[i]));

        using var inputs = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var block = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decisions = new GeneratedDecisions();
        foreach (var name in UrgencyNames)
        {
            decisions.UrgencyCounts[name] = 0;
        }

        foreach (var id in RuleIds)
        {
            decisions.RuleCounts[id] = 0;
        }

        var index = 0;
        foreach (var (report, outcome) in reports.Zip(outcomes))
        {
            inputs.AppendData(Encoding.UTF8.GetBytes(report + "\n"));
            if (!outcome.IsSuccess)
            {
                decisions.FirstInvalid ??= $"report {index} {report} is invalid: {string.Join("; ", outcome.Errors)}";
            }
            else
            {
                decisions.UrgencyCounts[UrgencyName(outcome.Value!.Urgency)]++;
                decisions.CompleteCount += outcome.Value.IsComplete ? 1 : 0;
                foreach (var finding in outcome.Value.Findings)
                {
                    // An unknown rule id is counted too, so a count comparison names it.
                    decisions.RuleCounts[finding.RuleId] = decisions.RuleCounts.GetValueOrDefault(finding.RuleId) + 1;
                }
            }

            var line = Encoding.UTF8.GetBytes(CanonicalLine(outcome) + "\n");
            all.AppendData(line);
            block.AppendData(line);
            index++;
            if (index % BlockSize == 0)
            {
                decisions.BlockDigests.Add(Hex(block.GetHashAndReset()));
            }
        }

        if (index % BlockSize != 0)
        {
            decisions.BlockDigests.Add(Hex(block.GetHashAndReset()));
        }

        decisions.InputDigest = Hex(inputs.GetHashAndReset());
        decisions.Digest = Hex(all.GetHashAndReset());
        return decisions;
    }

    private static string? FirstDifferentBlock(List<string> actual, string[] frozen)
    {
        for (var i = 0; i < Math.Max(actual.Count, frozen.Length); i++)
        {
            if (i >= actual.Count || i >= frozen.Length || actual[i] != frozen[i])
            {
                return $"block {i} (reports {i * BlockSize} to {((i + 1) * BlockSize) - 1}) differs";
            }
        }

        return null;
    }

    private static Dictionary<string, int> Counts(JsonNode node) =>
        node.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());

    private static List<KeyValuePair<string, string>> Lines(JsonObject cases) =>
        cases.Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<string>())).ToList();

    private static string Hex(byte[] hash) => "sha256:" + Convert.ToHexString(hash).ToLowerInvariant();

    private static JsonObject ReadFrozen() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "frozen", "rule-set-1.0-decisions.json")))!.AsObject();

    /// <summary>Replaces one section of the frozen file in the source tree, keeping the others.</summary>
    private void Rewrite(string section, JsonObject content)
    {
        lock (FileLock)
        {
            var path = Repository.PathOf(FrozenPath);
            var file = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
            var rewritten = new JsonObject
            {
                ["note"] = "Decisions of rule set 1.0, frozen before the engine redesign, asserted by tests/SpineTriage.Tests/Engine/FrozenDecisionsTests.cs. "
                    + "Each decision is the line urgency|isComplete|ruleId,... (invalid|path,... for invalid input); digests are SHA-256 of the lines, each ended by \\n. "
                    + $"Regenerate only for an intended, reviewed change of decisions: {RegenerateVariable}=1 dotnet test tests/SpineTriage.Tests --filter FullyQualifiedName~FrozenDecisions.",
                ["ruleSet"] = new JsonObject { ["version"] = Engine.RuleSet.Version, ["hash"] = Engine.RuleSet.Hash },
                ["clock"] = FrozenReportGenerator.Clock.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["options"] = "default",
            };
            foreach (var name in new[] { "generated", "cases" })
            {
                var value = name == section ? content : file[name];
                rewritten[name] = value?.DeepClone();
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rewritten.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n");
        }
    }

    /// <summary>The decisions on the generated reports, reduced to what is frozen.</summary>
    private sealed class GeneratedDecisions
    {
        public string? FirstInvalid { get; set; }

        public string InputDigest { get; set; } = "";

        public string Digest { get; set; } = "";

        public List<string> BlockDigests { get; } = [];

        public Dictionary<string, int> UrgencyCounts { get; } = [];

        public Dictionary<string, int> RuleCounts { get; } = [];

        public int CompleteCount { get; set; }

        public JsonObject ToJson() => new()
        {
            ["seed"] = Seed,
            ["count"] = Count,
            ["blockSize"] = BlockSize,
            ["inputDigest"] = InputDigest,
            ["digest"] = Digest,
            ["urgencyCounts"] = ToJson(UrgencyCounts),
            ["ruleCounts"] = ToJson(RuleCounts),
            ["completeCount"] = CompleteCount,
            ["blockDigests"] = new JsonArray(BlockDigests.Select(d => (JsonNode?)d).ToArray()),
        };

        private static JsonObject ToJson(Dictionary<string, int> counts)
        {
            var json = new JsonObject();
            foreach (var (key, value) in counts)
            {
                json[key] = value;
            }

            return json;
        }
    }
}
