using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.Testing;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Testing;

public class CaseFileTests
{
    // Case files carry their own assessedOn; the clock only needs to be later than all of them.
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Case_file_gives_its_expected_result(string file)
    {
        var parsed = TriageCase.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "cases", file)));
        parsed.Errors.Should().BeEmpty();

        var check = parsed.Value!.Check(Engine);

        check.Failures.Should().BeEmpty();
    }

    /// <summary>Every case file of each later rule set's folder (<c>cases-2.0</c>, <c>cases-3.0</c>), with its rule set.</summary>
    public static TheoryData<string, string> LaterRuleSetCaseFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var selector in new[] { RuleSets.V2, RuleSets.V3 })
        {
            foreach (var file in FilesOf(selector))
            {
                data.Add(selector, Path.GetFileName(file));
            }
        }

        return data;
    }

    private static string[] FilesOf(string selector) =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", $"cases-{selector}"), "*.json").Order(StringComparer.Ordinal)];

    private static string[] RuleSetTwoFiles() => FilesOf(RuleSets.V2);

    [Theory]
    [MemberData(nameof(LaterRuleSetCaseFiles))]
    public void A_later_rule_set_case_file_names_its_rule_set_and_gives_its_expected_result_on_that_rule_set_only(string selector, string file)
    {
        var parsed = TriageCase.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", $"cases-{selector}", file)));
        parsed.Errors.Should().BeEmpty();
        parsed.Value!.RuleSet.Should().Be(selector);

        // Later case files are dated up to 2026-12-01: the clock only needs to be later than all of them.
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector }, TestClock.At(new DateOnly(2027, 1, 1)));
        parsed.Value.Check(engine).Failures.Should().BeEmpty();
        parsed.Value.Check(Engine).Failures.Should().ContainSingle().Which.Should().StartWith($"the case is for rule set {selector}, but the engine runs rule set 1.0 (1.1.0)");
    }

    [Fact]
    public void The_rule_set_2_0_case_files_cover_every_rule_2_0_adds()
    {
        var expected = RuleSetTwoFiles()
            .Select(file => TriageCase.Parse(File.ReadAllText(file)).Value!)
            .SelectMany(c => c.ExpectedRules);
        var added = ReportBuilder.EngineV2().RuleSet.Rules.Select(r => r.Id).Except(Engine.RuleSet.Rules.Select(r => r.Id));

        added.Should().HaveCount(11).And.BeSubsetOf(expected);
    }

    [Fact]
    public void The_shared_case_files_are_all_present()
    {
        CaseFiles().Should().HaveCountGreaterThanOrEqualTo(8);
    }
}
