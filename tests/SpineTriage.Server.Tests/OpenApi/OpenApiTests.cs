using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SpineTriage.Server.Tests.OpenApi;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Every_sample_report_of_both_rule_sets_matches_the_served_report_schema_except_the_invalid_one()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var report = Schema(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject(), "SymptomReport");

        foreach (var sample in Directory.GetFiles(Repository.PathOf("samples", "reports"), "*.json", SearchOption.AllDirectories))
        {
            using var parsed = JsonDocument.Parse(File.ReadAllText(sample));
            report.Evaluate(parsed.RootElement).IsValid.Should().Be(!Path.GetFileName(sample).StartsWith("invalid", StringComparison.Ordinal), sample);
        }
    }

    /// <summary>The OpenAPI components as one JSON Schema document, with the given component as its root.</summary>
    private static JsonSchema Schema(JsonObject document, string component)
    {
        var defs = document["components"]!["schemas"]!.DeepClone();
        var text = defs.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://spinetriage.example/openapi/{Guid.NewGuid():N}/{component}",
            ["$defs"] = JsonNode.Parse(text),
            ["$ref"] = "#/$defs/" + component,
        };
        return JsonSchema.FromText(root.ToJsonString());
    }

    // Both rule sets: the result schema lists the question ids of every rule set (it listed 1.0's only before).
    [Theory]
    [InlineData("1.0", "rule-set-1.0")]
    [InlineData("2.0", "")]
    public async Task The_OpenAPI_document_serves_the_contract_schemas_and_every_sample_report_and_result_matches_them(string ruleSet, string folder)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSet"] = ruleSet });
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        document["paths"]!["/api/triage"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
            .Should().Be("#/components/schemas/SymptomReport");
        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/api/triage", "/api/interview/next", "/api/questions", "/api/rules", "/cds-services", "/cds-services/{id}", "/cds-services/{id}/feedback", "/fhir/metadata", "/fhir/Questionnaire/{id}", "/fhir/Questionnaire/$next-question", "/fhir/QuestionnaireResponse/$triage", "/fhir/OperationDefinition/{id}"]);
        var report = Schema(document, "SymptomReport");
        var result = Schema(document, "TriageResult");
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };

        var samples = Directory.GetFiles(Repository.PathOf("samples", "reports", folder), "*.json");
        samples.Should().HaveCountGreaterThan(3);
        foreach (var sample in samples)
        {
            var json = File.ReadAllText(sample);
            using var parsed = JsonDocument.Parse(json);
            var valid = report.Evaluate(parsed.RootElement, options).IsValid;
            using var response = await client.PostAsync("/api/triage", new StringContent(json, Encoding.UTF8, "application/json"));
            if (Path.GetFileName(sample).StartsWith("invalid", StringComparison.Ordinal))
            {
                valid.Should().BeFalse(sample);
                ((int)response.StatusCode).Should().Be(400);
                continue;
            }

            valid.Should().BeTrue(sample);
            ((int)response.StatusCode).Should().Be(200);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var evaluation = result.Evaluate(answer.RootElement, options);
            evaluation.IsValid.Should().BeTrue(sample + ": " + string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {d.EvaluationPath}: {e.Value}"))));
        }
    }

    // Both settings of the floor: the document lists exactly what the service maps.
    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task The_OpenAPI_document_lists_every_endpoint_the_service_maps(string floor)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["LoadTest:EnableFloor"] = floor });
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => ("/" + e.RoutePattern.RawText!.Trim('/'), m.ToLowerInvariant())))
            .ToList();
        var listed = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key))).ToList();

        mapped.Should().Contain(("/health/ready", "get")).And.Contain(("/cds-services/{id}/feedback", "post"));
        listed.Should().BeEquivalentTo(mapped);
        listed.Contains(("/api/floor", "post")).Should().Be(floor == "true");
    }

    [Fact]
    public async Task The_OpenAPI_document_names_PublicBaseUrl_as_its_server_never_the_Host_header_and_the_bearer_scheme_of_CDS_Hooks()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var document = JsonNode.Parse(text)!.AsObject();

        text.Should().NotContain("evil.example");
        document["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).Should().Equal(ServerFactory.PublicBaseUrl);
        var scheme = document["components"]!["securitySchemes"]!["cdsHooksJwt"]!;
        scheme["type"]!.GetValue<string>().Should().Be("http");
        scheme["scheme"]!.GetValue<string>().Should().Be("bearer");
        scheme["bearerFormat"]!.GetValue<string>().Should().Be("JWT");
        foreach (var path in new[] { "/cds-services/{id}", "/cds-services/{id}/feedback" })
        {
            var operation = document["paths"]![path]!["post"]!;
            operation["security"]!.AsArray().Should().ContainSingle().Which!.AsObject().Select(r => r.Key).Should().Equal("cdsHooksJwt");
            operation["responses"]!["401"].Should().NotBeNull();
        }

        document["paths"]!["/cds-services"]!["get"]!["security"].Should().BeNull("discovery is public");
    }

    [Fact]
    public async Task Without_PublicBaseUrl_the_OpenAPI_document_names_no_server_rather_than_the_Host_header()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["CdsHooks:PublicBaseUrl"] = "" });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        text.Should().NotContain("evil.example");
        (JsonNode.Parse(text)!["servers"]?.AsArray() ?? []).Should().BeEmpty();
    }
}
