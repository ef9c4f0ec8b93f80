using System.Text.Json;
using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Writes a triage result as contract JSON straight to a <see cref="Utf8JsonWriter"/>, without an intermediate
/// document: every property of the published result schema (docs/schemas/result.schema.json), in the contract's order.
/// </summary>
internal static class ResultWriter
{
    private static readonly JsonEncodedText ReportId = JsonEncodedText.Encode("reportId");
    private static readonly JsonEncodedText UrgencyName = JsonEncodedText.Encode("urgency");
    private static readonly JsonEncodedText UrgencyCode = JsonEncodedText.Encode("urgencyCode");
    private static readonly JsonEncodedText Disposition = JsonEncodedText.Encode("disposition");
    private static readonly JsonEncodedText IsComplete = JsonEncodedText.Encode("isComplete");
    private static readonly JsonEncodedText DaysSinceSurgery = JsonEncodedText.Encode("daysSinceSurgery");
    private static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
    private static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText PatientExplanation = JsonEncodedText.Encode("patientExplanation");
    private static readonly JsonEncodedText ClinicianRationale = JsonEncodedText.Encode("clinicianRationale");
    private static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText UnansweredQuestions = JsonEncodedText.Encode("unansweredQuestions");
    private static readonly JsonEncodedText NotAskedQuestions = JsonEncodedText.Encode("notAskedQuestions");
    private static readonly JsonEncodedText IsSettled = JsonEncodedText.Encode("isSettled");
    private static readonly JsonEncodedText CareAdvice = JsonEncodedText.Encode("careAdvice");
    private static readonly JsonEncodedText SafetyNet = JsonEncodedText.Encode("safetyNet");
    private static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText RuleSet = JsonEncodedText.Encode("ruleSet");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Hash = JsonEncodedText.Encode("hash");
    private static readonly JsonEncodedText TextSet = JsonEncodedText.Encode("textSet");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");

    public static void Write(Utf8JsonWriter writer, TriageResult result)
    {
        writer.WriteStartObject();
        if (result.ReportId is not null)
        {
            writer.WriteString(ReportId, result.ReportId);
        }

        writer.WriteString(UrgencyName, result.Urgency.JsonName());
        writer.WriteNumber(UrgencyCode, result.Urgency.Code());
        writer.WriteString(Disposition, result.Disposition);
        writer.WriteBoolean(IsComplete, result.IsComplete);
        writer.WriteNumber(DaysSinceSurgery, result.DaysSinceSurgery);
        writer.WriteStartArray(Findings);
        foreach (var finding in result.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString(RuleId, finding.RuleId);
            writer.WriteString(UrgencyName, finding.Urgency.JsonName());
            writer.WriteString(Title, finding.Title);
            writer.WriteString(PatientExplanation, finding.PatientExplanation);
            writer.WriteString(ClinicianRationale, finding.ClinicianRationale);
            Strings(writer, Evidence, finding.Evidence);
            writer.WriteString(Source, finding.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Questions(writer, UnansweredQuestions, result.UnansweredQuestions);
        Questions(writer, NotAskedQuestions, result.NotAskedQuestions);
        writer.WriteBoolean(IsSettled, result.IsSettled);
        Strings(writer, CareAdvice, result.CareAdvice);
        Strings(writer, SafetyNet, result.SafetyNet);
        Strings(writer, Warnings, result.Warnings);
        writer.WriteStartObject(RuleSet);
        writer.WriteString(Version, result.RuleSet.Version);
        writer.WriteString(Hash, result.RuleSet.Hash);
        writer.WriteEndObject();
        if (result.TextSet is { } textSet)
        {
            writer.WriteStartObject(TextSet);
            writer.WriteString(Language, textSet.Language);
            writer.WriteString(Hash, textSet.Hash);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    private static void Questions(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<QuestionId> questions)
    {
        writer.WriteStartArray(name);
        foreach (var question in questions)
        {
            writer.WriteStringValue(JsonNames.Of(question));
        }

        writer.WriteEndArray();
    }
}
