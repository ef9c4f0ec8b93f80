using System.Text;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Server.Tests.Api;

/// <summary><c>SpineTriage:RuleSetFile</c>: the service runs a local edition (docs/rule-sets.md), and refuses to start with a broken one.</summary>
public sealed class LocalEditionApiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spinetriage-local-edition-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_service_triages_with_the_local_edition_its_setting_names_and_records_its_version()
    {
        var file = Path.Combine(_folder, "st-marys.json");
        File.WriteAllBytes(file, LocalEditions.Bytes(LocalEditions.StMarys()));
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSetFile"] = file });
        using var client = factory.CreateClient();
        var report = $$"""{ "surgeryDate": "{{ReportBuilder.Today.AddDays(-10):yyyy-MM-dd}}", "assessedOn": "{{ReportBuilder.Today:yyyy-MM-dd}}", "answers": { "radiatingLimbPain": "yes" } }""";

        var response = await client.PostAsync("/api/triage", new StringContent(report, Encoding.UTF8, "application/json"));
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var rules = JsonDocument.Parse(await client.GetStringAsync("/api/rules"));

        response.IsSuccessStatusCode.Should().BeTrue();
        result.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Should().Contain(LocalEditions.AddedRule);
        result.RootElement.GetProperty("ruleSet").GetProperty("version").GetString().Should().Be(LocalEditions.Version);
        rules.RootElement.GetProperty("version").GetString().Should().Be(LocalEditions.Version);
        var record = AuditRecord.ParseJsonLine(factory.AuditLines.Single()).GetValueOrThrow();
        record.RuleSet.Version.Should().Be(LocalEditions.Version);
        record.RuleSet.Hash.Should().Be(rules.RootElement.GetProperty("hash").GetString());
    }

    [Fact]
    public void The_service_does_not_start_with_a_broken_local_edition()
    {
        var document = LocalEditions.StMarys();
        document["rules"]![0]!["when"] = JsonNode("""{ "yes": "bladerControlLoss" }""");
        var file = Path.Combine(_folder, "broken.json");
        File.WriteAllBytes(file, LocalEditions.Bytes(document));
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSetFile"] = file });

        var start = () => factory.CreateClient();

        start.Should().Throw<RuleSetValidationException>().Which.Errors.Should().Contain(e => e.Path == "$.rules[0].when.yes" && e.Code == "unknownQuestion");
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;
}
