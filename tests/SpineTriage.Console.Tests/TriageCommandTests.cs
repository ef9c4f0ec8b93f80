using System.Text.Json;
using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

public class TriageCommandTests
{
    [Theory]
    [InlineData("emergency-cauda-equina.json", "EMERGENCY (code 5): now")]
    [InlineData("emergency-fever-wound-discharge.json", "EMERGENCY (code 5): now")]
    [InlineData("urgent-wound-redness.json", "URGENT (code 4): today, within hours")]
    [InlineData("urgent-red-flags-not-answered.json", "URGENT (code 4): today, within hours")]
    [InlineData("soon-pain-after-improvement.json", "SOON (code 3): within 3 days")]
    [InlineData("routine-tender-lump.json", "ROUTINE (code 2): at the next follow-up, within 2 weeks")]
    [InlineData("selfcare-expected-recovery.json", "SELF CARE (code 1): no visit needed now")]
    public void Sample_report_is_triaged_to_its_urgency_on_the_first_line(string report, string headline)
    {
        var run = Run("triage", "--rule-set", "1.0", "--input", SampleReportV1(report));

        run.ExitCode.Should().Be(0);
        run.OutputLines[0].Should().Be(headline);
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public void Text_result_gives_the_disposition_then_findings_with_evidence_advice_safety_net_and_rule_set()
    {
        var run = Run("triage", "--rule-set", "1.0", "--input", SampleReportV1("urgent-wound-redness.json"));

        run.OutputLines[1].Should().StartWith("Contact your surgeon's team today");
        run.Output.Should().ContainAll(
            "rule wound-signs",
            "Evidence: woundRednessOrSwelling: yes",
            "Care advice:",
            "Stop smoking",
            "Safety net:",
            "Seek emergency care at once if you develop:",
            "Rule set 1.0.1, sha256:");
        run.Output.IndexOf("rule wound-signs", StringComparison.Ordinal).Should().BeLessThan(run.Output.IndexOf("rule hardware-irritation", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_result_of_an_incomplete_report_lists_the_unanswered_red_flags()
    {
        var run = Run("triage", "--rule-set", "1.0", "--input", SampleReportV1("urgent-red-flags-not-answered.json"));

        run.Output.Should().Contain("Red-flag questions not answered (the report is incomplete):");
        run.Output.Should().ContainAll("  - saddleNumbness: ", "  - newOrWorseningLimbNumbness: ", "  - calfPainOrSwelling: ");
    }

    [Fact]
    public void Json_format_prints_the_contract_result()
    {
        var run = Run("triage", "--rule-set", "1.0", "--input", SampleReportV1("emergency-fever-wound-discharge.json"), "--format", "json");

        run.ExitCode.Should().Be(0);
        using var result = JsonDocument.Parse(run.Output);
        result.RootElement.GetProperty("urgency").GetString().Should().Be("emergency");
        result.RootElement.GetProperty("reportId").GetString().Should().Be("sample-emergency-fever-wound");
        result.RootElement.GetProperty("findings")[0].GetProperty("ruleId").GetString().Should().Be("infection-with-fever");
        result.RootElement.GetProperty("ruleSet").GetProperty("hash").GetString().Should().StartWith("sha256:");
    }

    [Fact]
    public void Dash_reads_the_report_from_standard_input()
    {
        var run = RunProcess(["triage", "--rule-set", "1.0", "--input", "-"], File.ReadAllText(SampleReportV1("soon-pain-after-improvement.json")));

        run.ExitCode.Should().Be(0);
        run.OutputLines[0].Should().StartWith("SOON");
    }

    [Fact]
    public void Invalid_report_prints_every_error_with_its_json_path_on_standard_error_and_exits_2()
    {
        var run = Run("triage", "--rule-set", "1.0", "--input", SampleReportV1("invalid-misspelt-red-flag.json"));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().ContainAll("$.painScore: ", "$.answers.saddleNumbess: ", "$.temperature.unit: ", "$.answers.fever: ");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Invalid_report_with_json_format_prints_the_error_json_on_standard_error()
    {
        var run = Run("triage", "--rule-set", "1.0", "--input", SampleReportV1("invalid-misspelt-red-flag.json"), "--format", "json");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        using var errors = JsonDocument.Parse(run.Error);
        errors.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString())
            .Should().BeEquivalentTo("$.painScore", "$.answers.saddleNumbess", "$.temperature.unit", "$.answers.fever");
    }
}
