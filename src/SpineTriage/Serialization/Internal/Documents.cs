using System.Text.Json.Serialization;

namespace SpineTriage.Serialization.Internal;

// The JSON shapes of contract.md, as plain documents for the source-generated serializer.
// The public model maps to and from these; enums travel as their camelCase names.

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ReportDocument
{
    public string? ReportId { get; set; }

    public string? SurgeryDate { get; set; }

    public string? AssessedOn { get; set; }

    public string? SurgeryRegion { get; set; }

    public List<string>? Hardware { get; set; }

    public int? FusionLevels { get; set; }

    public List<string>? RiskFactors { get; set; }

    public int? PainScore { get; set; }

    public TemperatureDocument? Temperature { get; set; }

    public Dictionary<string, string>? Answers { get; set; }

    public List<string>? Skipped { get; set; }

    public string? Language { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class TemperatureDocument
{
    public decimal Value { get; set; }

    public string Unit { get; set; } = "";
}

internal sealed class ErrorsDocument
{
    public List<ErrorDocument> Errors { get; set; } = [];
}

internal sealed class ErrorDocument
{
    public string Path { get; set; } = "";

    public string Code { get; set; } = "";

    public string Message { get; set; } = "";
}

internal sealed class RuleCatalogueDocument
{
    public string Version { get; set; } = "";

    public string RuleSet { get; set; } = "";

    public string Hash { get; set; } = "";

    public decimal FeverThresholdCelsius { get; set; }

    public int SeverePainScore { get; set; }

    public List<RuleDocument> Rules { get; set; } = [];
}

internal sealed class RuleDocument
{
    public string Id { get; set; } = "";

    public string Urgency { get; set; } = "";

    public int UrgencyCode { get; set; }

    public string Title { get; set; } = "";

    public string Condition { get; set; } = "";

    public string Consideration { get; set; } = "";

    public string Source { get; set; } = "";

    public string PatientExplanation { get; set; } = "";

    public string ClinicianRationale { get; set; } = "";
}

internal sealed class QuestionCatalogueDocument
{
    public string Version { get; set; } = "";

    /// <summary>Gets or sets the rule set's selector (<c>1.0</c>, <c>2.0</c>); not written by the 1.0-only overload.</summary>
    public string? RuleSet { get; set; }

    public List<QuestionDocument> Questions { get; set; } = [];
}

internal sealed class QuestionDocument
{
    public string Id { get; set; } = "";

    public int Order { get; set; }

    public bool RedFlag { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Gets or sets when the question applies, for a question that does not always apply; not written otherwise.</summary>
    public string? Applies { get; set; }

    /// <summary>Gets or sets the lead: the whole question for one sign, else the line before the signs (issue 27).</summary>
    public string Lead { get; set; } = "";

    public string LeadKey { get; set; } = "";

    /// <summary>Gets or sets the signs, one a line after the lead; empty for a question of one sign.</summary>
    public List<string> Signs { get; set; } = [];

    public List<string> SignKeys { get; set; } = [];

    /// <summary>Gets or sets the hint after a list of signs ("Answer yes if any of these is true."); not written for one sign.</summary>
    public string? AnswerHint { get; set; }

    public string? AnswerHintKey { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(ErrorsDocument))]
[JsonSerializable(typeof(RuleCatalogueDocument))]
[JsonSerializable(typeof(QuestionCatalogueDocument))]
internal sealed partial class SpineTriageJsonContext : JsonSerializerContext;
