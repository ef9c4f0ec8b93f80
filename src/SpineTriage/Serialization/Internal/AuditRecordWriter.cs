using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpineTriage.Audit;
using SpineTriage.Results;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Writes an audit record as one line of JSON (contract.md, audit record) straight to a <see cref="Utf8JsonWriter"/>,
/// in a fixed property order, without whitespace. The embedded report is copied token by token, compactly, so
/// the line never holds a line break.
/// </summary>
internal static class AuditRecordWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonReaderOptions ReportOptions = new() { MaxDepth = StrictJson.MaxDepth };

    private static readonly JsonEncodedText RecordVersion = JsonEncodedText.Encode("recordVersion");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText EngineVersion = JsonEncodedText.Encode("engineVersion");
    private static readonly JsonEncodedText RuleSet = JsonEncodedText.Encode("ruleSet");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Hash = JsonEncodedText.Encode("hash");
    private static readonly JsonEncodedText TextSet = JsonEncodedText.Encode("textSet");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText AssessedOn = JsonEncodedText.Encode("assessedOn");
    private static readonly JsonEncodedText ReportHash = JsonEncodedText.Encode("reportHash");
    private static readonly JsonEncodedText UrgencyName = JsonEncodedText.Encode("urgency");
    private static readonly JsonEncodedText UrgencyCode = JsonEncodedText.Encode("urgencyCode");
    private static readonly JsonEncodedText RuleIds = JsonEncodedText.Encode("ruleIds");
    private static readonly JsonEncodedText ReportId = JsonEncodedText.Encode("reportId");
    private static readonly JsonEncodedText Report = JsonEncodedText.Encode("report");
    private static readonly JsonEncodedText PreviousHash = JsonEncodedText.Encode("previousHash");
    private static readonly JsonEncodedText RecordHash = JsonEncodedText.Encode("recordHash");

    /// <summary>The record as one JSON line (no line break).</summary>
    public static string ToJsonLine(AuditRecord record)
    {
        var output = new ArrayBufferWriter<byte>(512);
        Write(record, output, includeRecordHash: true);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes the record; without <paramref name="includeRecordHash"/>, its canonical form (<see cref="AuditRecordHash"/>).</summary>
    public static void Write(AuditRecord record, IBufferWriter<byte> output, bool includeRecordHash)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteNumber(RecordVersion, record.RecordVersion);
        writer.WriteString(Time, record.Time);
        writer.WriteString(EngineVersion, record.EngineVersion);
        writer.WriteStartObject(RuleSet);
        writer.WriteString(Version, record.RuleSet.Version);
        writer.WriteString(Hash, record.RuleSet.Hash);
        writer.WriteEndObject();
        if (record.TextSet is { } textSet)
        {
            writer.WriteStartObject(TextSet);
            writer.WriteString(Language, textSet.Language);
            writer.WriteString(Hash, textSet.Hash);
            writer.WriteEndObject();
        }

        writer.WriteString(AssessedOn, record.AssessedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (record.ReportHash is not null)
        {
            writer.WriteString(ReportHash, record.ReportHash);
        }

        writer.WriteString(UrgencyName, record.Urgency.JsonName());
        writer.WriteNumber(UrgencyCode, record.Urgency.Code());
        writer.WriteStartArray(RuleIds);
        foreach (var id in record.RuleIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        if (record.ReportId is not null)
        {
            writer.WriteString(ReportId, record.ReportId);
        }

        if (record.ReportJson is not null)
        {
            writer.WritePropertyName(Report);
            CopyCompact(record.ReportJson, writer);
        }

        if (record.PreviousHash is not null)
        {
            writer.WriteString(PreviousHash, record.PreviousHash);
        }

        if (includeRecordHash && record.RecordHash is not null)
        {
            writer.WriteString(RecordHash, record.RecordHash);
        }

        writer.WriteEndObject();
    }

    /// <summary>Copies one JSON value token by token, without whitespace; throws <see cref="JsonException"/> when it is not JSON.</summary>
    private static void CopyCompact(string json, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), ReportOptions);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    writer.WritePropertyName(reader.GetString()!);
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(reader.GetString());
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                    writer.WriteBooleanValue(true);
                    break;
                case JsonTokenType.False:
                    writer.WriteBooleanValue(false);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }
    }
}
