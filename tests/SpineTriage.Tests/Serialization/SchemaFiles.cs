using System.Text.Json;
using Json.Schema;
using SpineTriage.Tests.Traceability;

namespace SpineTriage.Tests.Serialization;

/// <summary>The published JSON Schemas of docs/schemas, read from the repository and built once with JsonSchema.Net.</summary>
internal static class SchemaFiles
{
    public const string Folder = "docs/schemas";

    private static readonly BuildOptions Options = new() { SchemaRegistry = new SchemaRegistry() };

    // The report schema first: the case-file and audit-record schemas refer to it by its relative $id.
    public static JsonSchema Report { get; } = Load("report.schema.json");

    public static JsonSchema Result { get; } = Load("result.schema.json");

    public static JsonSchema CaseFile { get; } = Load("case-file.schema.json");

    public static JsonSchema AuditRecord { get; } = Load("audit-record.schema.json");

    public static JsonSchema RuleSet { get; } = Load("rule-set.schema.json");

    public static IReadOnlyList<string> Names { get; } = ["report.schema.json", "result.schema.json", "case-file.schema.json", "audit-record.schema.json", "rule-set.schema.json"];

    /// <summary>Whether the schema accepts the JSON (which must be well-formed).</summary>
    public static bool Accepts(this JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    public static string Text(string name) => File.ReadAllText(Repository.PathOf($"{Folder}/{name}"));

    private static JsonSchema Load(string name) => JsonSchema.FromText(Text(name), Options);
}
