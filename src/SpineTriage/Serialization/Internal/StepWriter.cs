using System.Text.Json;
using SpineTriage.Interview;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Writes an interview step as the step JSON of docs/contract.md (interview step): <c>{ "done": false, "next": item,
/// "provisional": result }</c> or <c>{ "done": true, "stoppedEarly", "result" }</c>, with
/// <c>"surgeryDateApproximate": true</c> after <c>done</c> when the surgery date is approximate. Each item names the input
/// it takes with the limits the engine validates it against (<see cref="InputLimits"/>).
/// </summary>
internal static class StepWriter
{
    public static void Write(Utf8JsonWriter json, InterviewStep step)
    {
        json.WriteStartObject();
        json.WriteBoolean("done", step.IsSettled);
        if (step.IsSurgeryDateApproximate)
        {
            json.WriteBoolean("surgeryDateApproximate", true);
        }

        if (step.IsSettled)
        {
            json.WriteBoolean("stoppedEarly", step.StoppedEarly);
            json.WritePropertyName("result");
            ResultWriter.Write(json, step.Result);
        }
        else
        {
            json.WritePropertyName("next");
            WriteItem(json, step.Ask, step.RemainingAtMost);
            json.WritePropertyName("provisional");
            ResultWriter.Write(json, step.Result);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes an item: what it asks, its texts with their registry keys, and the input it takes with its limits.</summary>
    public static void WriteItem(Utf8JsonWriter json, InterviewItem item, int remaining)
    {
        json.WriteStartObject();
        json.WriteString("id", item.JsonName);
        json.WriteString("kind", KindName(item.Kind));
        json.WriteString("text", item.Text);
        json.WriteBoolean("redFlag", item.IsRedFlag);
        json.WriteNumber("order", item.Order);
        json.WriteNumber("remaining", remaining);
        json.WriteString("lead", item.Lead);
        json.WriteString("leadKey", item.LeadKey);
        json.WriteStartArray("signs");
        foreach (var sign in item.Signs)
        {
            json.WriteStringValue(sign);
        }

        json.WriteEndArray();
        json.WriteStartArray("signKeys");
        foreach (var key in item.SignKeys)
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        if (item.AnswerHint is not null)
        {
            json.WriteString("answerHint", item.AnswerHint);
            json.WriteString("answerHintKey", item.AnswerHintKey);
        }

        json.WritePropertyName("input");
        WriteInput(json, item.Kind);
        json.WriteEndObject();
    }

    /// <summary>The kind's name in the step JSON.</summary>
    public static string KindName(InterviewItemKind kind) => kind switch
    {
        InterviewItemKind.Temperature => "temperature",
        InterviewItemKind.PainScore => "painScore",
        InterviewItemKind.Question => "question",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an interview item kind."),
    };

    private static void WriteInput(Utf8JsonWriter json, InterviewItemKind kind)
    {
        json.WriteStartObject();
        switch (kind)
        {
            case InterviewItemKind.Temperature:
                // A number in either unit, at most two decimal places, never rounded; may be skipped (not measured).
                json.WriteString("type", "temperature");
                json.WriteStartObject("celsius");
                json.WriteNumber("min", InputLimits.MinCelsius);
                json.WriteNumber("max", InputLimits.MaxCelsius);
                json.WriteEndObject();
                json.WriteStartObject("fahrenheit");
                json.WriteNumber("min", InputLimits.MinFahrenheit);
                json.WriteNumber("max", InputLimits.MaxFahrenheit);
                json.WriteEndObject();
                json.WriteNumber("maxDecimals", InputLimits.TemperatureDecimals);
                json.WriteBoolean("skippable", true);
                break;
            case InterviewItemKind.PainScore:
                json.WriteString("type", "integer");
                json.WriteNumber("min", InputLimits.MinPainScore);
                json.WriteNumber("max", InputLimits.MaxPainScore);
                json.WriteBoolean("skippable", true);
                break;
            default:
                json.WriteString("type", "answer");
                json.WriteStartArray("values");
                json.WriteStringValue("yes");
                json.WriteStringValue("no");
                json.WriteStringValue("unknown");
                json.WriteEndArray();
                json.WriteBoolean("skippable", false);
                break;
        }

        json.WriteEndObject();
    }
}
