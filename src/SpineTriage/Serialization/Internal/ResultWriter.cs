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
    private static readonly JsonEncodedText DispositionKey = JsonEncodedText.Encode("dispositionKey");
    private static readonly JsonEncodedText TitleKey = JsonEncodedText.Encode("titleKey");
    private static readonly JsonEncodedText PatientExplanationKey = JsonEncodedText.Encode("patientExplanationKey");
    private static readonly JsonEncodedText CareAdviceKeys = JsonEncodedText.Encode("careAdviceKeys");
    private static readonly JsonEncodedText SafetyNetParts = JsonEncodedText.Encode("safetyNetParts");
    private static readonly JsonEncodedText Intro = JsonEncodedText.Encode("intro");
    private static readonly JsonEncodedText IntroKey = JsonEncodedText.Encode("introKey");
    private static readonly JsonEncodedText Signs = JsonEncodedText.Encode("signs");
    private static readonly JsonEncodedText SignKeys = JsonEncodedText.Encode("signKeys");
    private static readonly JsonEncodedText Closing = JsonEncodedText.Encode("closing");
    private static readonly JsonEncodedText ClosingKey = JsonEncodedText.Encode("closingKey");
    private static readonly JsonEncodedText WarningKeys = JsonEncodedText.Encode("warningKeys");

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
        if (result.DispositionKey is not null)
        {
            writer.WriteString(DispositionKey, result.DispositionKey);
        }

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
            if (finding.TitleKey is not null)
            {
                writer.WriteString(TitleKey, finding.TitleKey);
            }

            if (finding.PatientExplanationKey is not null)
            {
                writer.WriteString(PatientExplanationKey, finding.PatientExplanationKey);
            }

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
        if (result.DispositionKey is not null)
        {
            // Written with the other keys (results read from JSON written before keys existed have none).
            Strings(writer, CareAdviceKeys, result.CareAdviceKeys);
        }

        Strings(writer, SafetyNet, result.SafetyNet);
        if (result.SafetyNetParts is { } parts)
        {
            writer.WriteStartObject(SafetyNetParts);
            if (parts.Intro is not null)
            {
                writer.WriteString(Intro, parts.Intro);
                writer.WriteString(IntroKey, parts.IntroKey);
            }

            Strings(writer, Signs, parts.Signs);
            Strings(writer, SignKeys, parts.SignKeys);
            writer.WriteString(Closing, parts.Closing);
            writer.WriteString(ClosingKey, parts.ClosingKey);
            writer.WriteEndObject();
        }

        Strings(writer, Warnings, result.Warnings);
        if (result.DispositionKey is not null)
        {
            Strings(writer, WarningKeys, result.WarningKeys);
        }

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
