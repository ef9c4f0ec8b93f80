using System.Buffers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Serialization;
using SpineTriage.Testing;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>The fast result writer writes the contract's result JSON, every property of it, into the caller's buffer.</summary>
public class ResultWriterTests
{
    private const string Report =
        "{\"reportId\":\"r-1\",\"surgeryDate\":\"2026-09-01\",\"assessedOn\":\"2026-11-24\",\"temperature\":{\"value\":38.4,\"unit\":\"celsius\"},\"answers\":{\"fever\":\"no\",\"woundRednessOrSwelling\":\"yes\",\"saddleNumbness\":\"unknown\"}}";

    [Fact]
    public void Writing_into_a_buffer_gives_the_bytes_of_the_compact_string()
    {
        var result = ReportBuilder.EngineV1().TriageJson(Encoding.UTF8.GetBytes(Report)).GetValueOrThrow();
        var buffer = new ArrayBufferWriter<byte>();

        TriageJson.WriteResult(result, buffer);

        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be(TriageJson.SerializeResult(result, indented: false));
    }

    [Fact]
    public void A_reused_buffer_holds_only_the_last_result()
    {
        var result = ReportBuilder.EngineV1().TriageJson(Report).GetValueOrThrow();
        var buffer = new ArrayBufferWriter<byte>();
        TriageJson.WriteResult(result, buffer);
        buffer.ResetWrittenCount();

        TriageJson.WriteResult(result, buffer);

        TriageJson.ParseResult(Encoding.UTF8.GetString(buffer.WrittenSpan)).GetValueOrThrow().Should().Be(result);
    }

    [Fact]
    public void The_writer_writes_every_property_of_the_published_result_schema()
    {
        // A property added to the contract's result schema must be written by the fast writer too.
        var result = ReportBuilder.EngineV1().TriageJson(Report).GetValueOrThrow();
        using var json = JsonDocument.Parse(TriageJson.SerializeResult(result));
        using var schema = JsonDocument.Parse(SchemaFiles.Text("result.schema.json"));
        var expected = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        var findingExpected = schema.RootElement.GetProperty("$defs").GetProperty("finding").GetProperty("properties").EnumerateObject().Select(p => p.Name);

        json.RootElement.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(expected);
        json.RootElement.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(findingExpected);
    }

    [Fact]
    public void A_case_file_reports_unknown_properties_with_a_suggestion_and_a_code()
    {
        var parsed = TriageCase.Parse("{\"name\":\"n\",\"report\":{\"surgeryDate\":\"2026-09-01\"},\"expect\":{\"urgncy\":\"urgent\"}}");

        parsed.Errors.Should().Equal(
            new ValidationError("$.expect.urgncy", ErrorCodes.UnknownProperty, "unknown property 'urgncy' (did you mean 'urgency'?); allowed: urgency, invalid, isComplete, rules, absentRules."),
            new ValidationError("$.expect.urgency", ErrorCodes.Required, "urgency is required unless invalid is true."));
    }

    [Fact]
    public void A_case_file_keeps_its_report_as_the_exact_text()
    {
        const string report = "{ \"surgeryDate\" : \"2026-09-01\",\n \"answers\": {\"fever\": \"no\"} }";

        TriageCase.Parse($"{{\"name\":\"n\",\"report\":{report},\"expect\":{{\"urgency\":\"urgent\"}}}}").GetValueOrThrow().ReportJson.Should().Be(report);
    }
}
