using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpineTriage.Validation;

namespace SpineTriage.Server.Api;

/// <summary>
/// The optional <c>earliestSurgeryDate</c> of an interview request (docs/interview.md, "An approximate surgery date"):
/// the report's own properties are read strictly by the library, so this one is taken out of the body first.
/// </summary>
internal static class SurgeryPeriod
{
    /// <summary>The property's name.</summary>
    public const string Property = "earliestSurgeryDate";

    /// <summary>
    /// Splits a request body into the report JSON and the earliest surgery date. A body without the property, or one
    /// that is not a readable JSON object, comes back unchanged (the report reader lists its errors).
    /// </summary>
    /// <returns>The report JSON, the earliest date when given, and the error when the date is not a <c>yyyy-MM-dd</c> string.</returns>
    public static (ReadOnlyMemory<byte> Report, DateOnly? Earliest, ValidationError? Error) Split(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Span.IndexOf("\"earliestSurgeryDate\""u8) < 0)
        {
            return (utf8Json, null, null);
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(utf8Json.Span) as JsonObject;
            if (body is null || !body.TryGetPropertyValue(Property, out var value))
            {
                return (utf8Json, null, null);
            }

            body.Remove(Property);
            if (value is not JsonValue text || !text.TryGetValue<string>(out var iso)
                || !DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var earliest))
            {
                return (utf8Json, null, new ValidationError("$." + Property, ErrorCodes.InvalidDate, "earliestSurgeryDate must be a date written yyyy-MM-dd."));
            }

            var output = new ArrayBufferWriter<byte>(utf8Json.Length);
            using (var json = new Utf8JsonWriter(output))
            {
                body.WriteTo(json);
            }

            return (output.WrittenMemory, earliest, null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return (utf8Json, null, null);
        }
    }
}
