using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpineTriage.Serialization.Internal;

// The JSON Lines shape of an audit record, for the source-generated serializer.

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class AuditRecordDocument
{
    public int? RecordVersion { get; set; }

    public DateTimeOffset? Time { get; set; }

    public string? EngineVersion { get; set; }

    public AuditRuleSetDocument? RuleSet { get; set; }

    public string? AssessedOn { get; set; }

    public string? ReportHash { get; set; }

    public string? Urgency { get; set; }

    public int? UrgencyCode { get; set; }

    public List<string>? RuleIds { get; set; }

    public string? ReportId { get; set; }

    public JsonElement? Report { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class AuditRuleSetDocument
{
    public string? Version { get; set; }

    public string? Hash { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditRecordDocument))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
