using System.Text.Json;
using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.TestSupport.Floors;

namespace SpineTriage.Tests.Floors;

/// <summary>
/// The rule set 3.0 case files (TestData/cases-3.0, the case-file format of docs/contract.md with <c>"ruleSet": "3.0"</c>)
/// decided by the floor of rule set 3.0, each exactly as the file says. Their expectations were written from
/// clinical-criteria-3.0.md, and each file lists every rule that fires (in the 3.0 catalogue order), so the floor must
/// fire exactly those. Once the engine runs 3.0, <c>TriageCase.Check</c> runs the same files against it.
/// </summary>
public class RuleSetThreeCaseFileTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "cases-3.0");

    public static TheoryData<string> Files() => new(FileNames());

    [Theory]
    [MemberData(nameof(Files))]
    public void The_floor_of_rule_set_3_0_decides_each_3_0_case_file_exactly_as_the_file_says(string file)
    {
        var expected = Read(file);

        var result = HandCodedTriageThree.Decide(expected.Report, ReportBuilder.Today);

        result.Urgency.Should().Be(expected.Urgency, expected.Name);
        result.RuleIds.Should().Equal(expected.Rules, "every rule that fires is listed, in catalogue order ({0})", expected.Name);
        result.RuleIds.Should().NotIntersectWith(expected.AbsentRules);
        if (expected.IsComplete is { } complete)
        {
            result.IsComplete.Should().Be(complete, expected.Name);
        }
    }

    [Fact]
    public void The_3_0_case_files_name_rule_set_3_0_and_use_only_the_case_file_format()
    {
        foreach (var file in FileNames())
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
            var root = document.RootElement;
            root.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(["name", "ruleSet", "report", "expect"], file);
            root.GetProperty("ruleSet").GetString().Should().Be("3.0", file);
            root.GetProperty("expect").EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(["urgency", "isComplete", "rules", "absentRules"], file);
            root.GetProperty("report").TryGetProperty("assessedOn", out _).Should().BeTrue("a case file carries its own assessment date ({0})", file);
        }
    }

    [Fact]
    public void The_3_0_case_files_show_every_new_and_changed_rule_firing_and_every_new_rule_not_firing()
    {
        var cases = FileNames().Select(Read).ToArray();
        string[] newRules = ["possible-epidural-haematoma", "stroke-or-seizure", "severe-headache", "belly-swollen-or-vomiting", "no-bowel-movement", "persistent-hoarseness"];
        string[] changedRules = ["possible-meningitis", "possible-pulmonary-embolism", "possible-deep-vein-thrombosis", "symptomatic-imaging-finding", "asymptomatic-imaging-finding", "neck-swelling-or-airway", "wound-signs", "infection-with-fever", "hardware-irritation", "unresolved-red-flag"];

        cases.SelectMany(c => c.Rules).Should().Contain(newRules).And.Contain(changedRules);
        foreach (var rule in newRules)
        {
            cases.Where(c => !c.Rules.Contains(rule)).Should().NotBeEmpty("{0} is shown not firing", rule);
        }

        cases.SelectMany(c => c.AbsentRules).Should().Contain(["possible-epidural-haematoma", "severe-headache", "possible-meningitis", "asymptomatic-imaging-finding", "infection-with-fever"]);
        cases.Select(c => c.Urgency).Distinct().Should().HaveCount(5, "every urgency is reached");
    }

    private static string[] FileNames() => [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static Case Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var root = document.RootElement;
        var expect = root.GetProperty("expect");
        var report = TriageJson.ParseReport(root.GetProperty("report").GetRawText());
        report.Errors.Should().BeEmpty(file);
        return new Case(
            root.GetProperty("name").GetString()!,
            report.Value!,
            Enum.GetValues<Urgency>().Single(u => u.JsonName() == expect.GetProperty("urgency").GetString()),
            expect.TryGetProperty("isComplete", out var complete) ? complete.GetBoolean() : null,
            Strings(expect, "rules"),
            Strings(expect, "absentRules"));

        static string[] Strings(JsonElement expect, string name) =>
            expect.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
    }

    private sealed record Case(string Name, SymptomReport Report, Urgency Urgency, bool? IsComplete, string[] Rules, string[] AbsentRules);
}
