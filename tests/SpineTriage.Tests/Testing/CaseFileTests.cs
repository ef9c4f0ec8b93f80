using FluentAssertions;
using SpineTriage.Engine;
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

    public static TheoryData<string> RuleSetTwoCaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in RuleSetTwoFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string[] RuleSetTwoFiles() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "cases-2.0"), "*.json").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RuleSetTwoCaseFiles))]
    public void Rule_set_2_0_case_file_names_its_rule_set_and_gives_its_expected_result(string file)
    {
        var parsed = TriageCase.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "cases-2.0", file)));
        parsed.Errors.Should().BeEmpty();
        parsed.Value!.RuleSet.Should().Be("2.0");

        parsed.Value.Check(ReportBuilder.EngineV2()).Failures.Should().BeEmpty();
        parsed.Value.Check(Engine).Failures.Should().ContainSingle().Which.Should().StartWith("the case is for rule set 2.0, but the engine runs rule set 1.0 (1.0.1)");
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
