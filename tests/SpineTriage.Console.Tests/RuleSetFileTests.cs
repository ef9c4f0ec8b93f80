using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.TestSupport;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary><c>--rule-set-file PATH</c> on triage, rules and questions: a local edition (docs/rule-sets.md), validated first.</summary>
public sealed class RuleSetFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Triage_with_a_local_edition_decides_by_its_rules_and_names_its_version()
    {
        var file = _folder.Write("st-marys.json", LocalEditions.Bytes(LocalEditions.StMarys()));
        var report = _folder.Write("report.json", $$"""{ "surgeryDate": "{{Today.AddDays(-10):yyyy-MM-dd}}", "assessedOn": "{{Today:yyyy-MM-dd}}", "answers": { "radiatingLimbPain": "yes" } }""");

        var run = Run("triage", "--rule-set-file", file, "--input", report, "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var result = JsonDocument.Parse(run.Output);
        result.RootElement.GetProperty("urgency").GetString().Should().Be("urgent");
        result.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Should().Contain(LocalEditions.AddedRule);
        result.RootElement.GetProperty("ruleSet").GetProperty("version").GetString().Should().Be(LocalEditions.Version);
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("questions")]
    public void Rules_and_questions_print_the_local_edition(string command)
    {
        var file = _folder.Write("st-marys.json", LocalEditions.Bytes(LocalEditions.StMarys()));

        var run = Run(command, "--rule-set-file", file, "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain($"\"{LocalEditions.Version}\"");
    }

    [Theory]
    [InlineData("triage")]
    [InlineData("rules")]
    [InlineData("questions")]
    public void A_broken_local_edition_exits_2_naming_each_path_and_the_offending_id_cut_to_40_characters(string command)
    {
        var id = "bladderControl" + new string('x', 40);
        var document = LocalEditions.StMarys();
        document["rules"]![0]!["when"] = new JsonObject { ["yes"] = id };
        document["rules"]![1]!["id"] = "cauda-equina";
        var file = _folder.Write("broken.json", LocalEditions.Bytes(document));
        string[] input = command == "triage" ? ["--input", SampleReport("urgent-wound-bleeding.json")] : [];

        var run = Run([command, "--rule-set-file", file, .. input]);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("the rule-set document cannot be used")
            .And.Contain($"$.rules[0].when.yes: unknown question '{id[..40]}…'")
            .And.Contain("$.rules[1].id: the rule id 'cauda-equina' is listed twice")
            .And.NotContain(id);
    }

    [Fact]
    public void A_missing_rule_set_file_exits_2()
    {
        var run = Run("rules", "--rule-set-file", Path.Combine(_folder.Path, "none.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no such file");
    }
}
