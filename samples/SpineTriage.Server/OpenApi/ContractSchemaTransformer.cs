using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace SpineTriage.Server.OpenApi;

/// <summary>
/// Puts the contract's own JSON Schemas (docs/schemas/report.schema.json and result.schema.json, embedded) into the
/// OpenAPI document as <c>SymptomReport</c> and <c>TriageResult</c>, their <c>$defs</c> as <c>SymptomReport_*</c> and
/// <c>TriageResult_*</c>, and names them as the bodies of the JSON API. The schemas are the contract's, not a copy.
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The component of the report schema.</summary>
    public const string Report = "SymptomReport";

    /// <summary>The component of the result schema.</summary>
    public const string Result = "TriageResult";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        Add(document, Report, "report.schema.json");
        Add(document, Result, "result.schema.json");
        Body(document, "/api/triage", Report, Result);
        Body(document, "/api/interview/next", Report, null);
        return Task.CompletedTask;
    }

    private static void Add(OpenApiDocument document, string name, string file)
    {
        using var stream = typeof(ContractSchemaTransformer).Assembly.GetManifestResourceStream("schemas." + file)
            ?? throw new InvalidOperationException($"The embedded schema {file} is missing.");
        var root = JsonNode.Parse(stream)!.AsObject();
        root.Remove("$schema");
        root.Remove("$id");
        if (root["$defs"] is JsonObject defs)
        {
            root.Remove("$defs");
            foreach (var (defName, def) in defs.ToList())
            {
                defs.Remove(defName);
                document.Components!.Schemas![$"{name}_{defName}"] = Read(document, Rewrite(def!, name));
            }
        }

        document.Components!.Schemas![name] = Read(document, Rewrite(root, name));
    }

    private static JsonNode Rewrite(JsonNode node, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var target))
                    {
                        obj["$ref"] = target switch
                        {
                            _ when target.StartsWith("#/$defs/", StringComparison.Ordinal) => $"#/components/schemas/{name}_{target["#/$defs/".Length..]}",
                            "report.schema.json" => $"#/components/schemas/{Report}",
                            _ => target,
                        };
                    }
                    else if (key == "const")
                    {
                        // Microsoft.OpenApi keeps const as a string (3 would become "3"); enum keeps the JSON value, with the same meaning.
                        obj.Remove("const");
                        obj["enum"] = new JsonArray(value?.DeepClone());
                    }
                    else if (value is not null)
                    {
                        Rewrite(value, name);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Rewrite(item, name);
                    }
                }

                break;
        }

        return node;
    }

    private static OpenApiSchema Read(OpenApiDocument document, JsonNode node) =>
        new OpenApiJsonReader().ReadFragment<OpenApiSchema>(node, OpenApiSpecVersion.OpenApi3_1, document, out _)
        ?? throw new InvalidOperationException("An embedded contract schema could not be read.");

    private static void Body(OpenApiDocument document, string path, string request, string? response)
    {
        if (document.Paths is null || !document.Paths.TryGetValue(path, out var item) || item.Operations is null
            || !item.Operations.TryGetValue(HttpMethod.Post, out var operation))
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(request, document) },
            },
        };
        operation.Responses ??= [];
        if (response is not null)
        {
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "The result.",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(response, document) } },
            };
        }

        operation.Responses["400"] = new OpenApiResponse { Description = "Invalid input: problem details with every error as { path, code, message }." };
        operation.Responses["413"] = new OpenApiResponse { Description = "The body is larger than 1 MiB." };
        operation.Responses["429"] = new OpenApiResponse { Description = "Too many requests from this client address." };
    }
}
