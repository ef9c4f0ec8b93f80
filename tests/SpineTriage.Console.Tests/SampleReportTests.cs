using System.Text.Json;
using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// The sample reports: those of samples/reports are rule set 2.0 reports, those of samples/reports/rule-set-1.0 rule set
/// 1.0 reports; each file's name starts with the urgency it triages to (or <c>invalid</c>).
/// </summary>
public class SampleReportTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot, "samples", "reports");

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add("2.0", Path.GetFileName(file));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "rule-set-1.0"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add("1.0", Path.Combine("rule-set-1.0", Path.GetFileName(file)));
        }

        return data;
    }

    [Fact]
    public void Each_rule_set_has_one_sample_per_urgency_level_and_an_invalid_one_and_no_other_files()
    {
        string[] levels = ["emergency", "urgent", "soon", "routine", "selfcare", "invalid"];
        foreach (var folder in new[] { Folder, Path.Combine(Folder, "rule-set-1.0") })
        {
            var prefixes = Directory.GetFiles(folder).Select(f => Path.GetFileName(f).Split('-')[0]).ToArray();
            prefixes.Should().OnlyContain(p => levels.Contains(p), folder);
            prefixes.Distinct().Should().BeEquivalentTo(levels, folder);
        }

        Directory.GetDirectories(Folder).Select(Path.GetFileName).Should().Equal("rule-set-1.0");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_triages_under_its_rule_set_to_the_urgency_its_name_says(string ruleSet, string file)
    {
        var expected = Path.GetFileName(file).Split('-')[0] switch
        {
            "selfcare" => "selfCare",
            var level => level,
        };

        var run = Run("triage", "--rule-set", ruleSet, "--input", Path.Combine(Folder, file), "--format", "json");

        if (expected == "invalid")
        {
            run.ExitCode.Should().Be(2);
            return;
        }

        run.ExitCode.Should().Be(0, run.Error);
        using var result = JsonDocument.Parse(run.Output);
        result.RootElement.GetProperty("urgency").GetString().Should().Be(expected);
        result.RootElement.GetProperty("ruleSet").GetProperty("version").GetString().Should().StartWith(ruleSet[..2]);
    }
}
