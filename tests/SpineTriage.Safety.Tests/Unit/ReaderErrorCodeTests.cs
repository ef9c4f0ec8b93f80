using System.Text;
using FluentAssertions;
using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.Safety.Tests.Unit;

/// <summary>Every error of the strict report reader has the code of its kind (docs/error-codes.md), whatever form the input takes.</summary>
public class ReaderErrorCodeTests
{
    [Theory]
    [InlineData("\"pinScre\":1", "$.pinScre", ErrorCodes.UnknownProperty)]
    [InlineData("\"answers\":{\"fevr\":\"yes\"}", "$.answers.fevr", ErrorCodes.UnknownQuestion)]
    [InlineData("\"answers\":{\"fever\":\"maybe\"}", "$.answers.fever", ErrorCodes.UnknownValue)]
    [InlineData("\"answers\":{\"fever\":1}", "$.answers.fever", ErrorCodes.UnknownValue)]
    [InlineData("\"surgeryRegion\":\"neck\"", "$.surgeryRegion", ErrorCodes.UnknownValue)]
    [InlineData("\"surgeryRegion\":3", "$.surgeryRegion", ErrorCodes.WrongType)]
    [InlineData("\"hardware\":[\"rods\",\"nails\"]", "$.hardware[1]", ErrorCodes.UnknownValue)]
    [InlineData("\"hardware\":\"rods\"", "$.hardware", ErrorCodes.WrongType)]
    [InlineData("\"painScore\":1,\"painScore\":2", "$.painScore", ErrorCodes.DuplicateKey)]
    [InlineData("\"answers\":{\"fever\":\"no\",\"fever\":\"yes\"}", "$.answers.fever", ErrorCodes.DuplicateKey)]
    [InlineData("\"painScore\":\"6\"", "$.painScore", ErrorCodes.WrongType)]
    [InlineData("\"painScore\":6.5", "$.painScore", ErrorCodes.WrongType)]
    [InlineData("\"painScore\":99999999999", "$.painScore", ErrorCodes.OutOfRange)]
    [InlineData("\"assessedOn\":\"2026-02-30\"", "$.assessedOn", ErrorCodes.InvalidDate)]
    [InlineData("\"assessedOn\":\"24/11/2026\"", "$.assessedOn", ErrorCodes.InvalidDate)]
    [InlineData("\"temperature\":{\"value\":38}", "$.temperature.unit", ErrorCodes.Required)]
    [InlineData("\"temperature\":{\"value\":38,\"unit\":\"celsius\",\"scale\":1}", "$.temperature.scale", ErrorCodes.UnknownProperty)]
    [InlineData("\"reportId\":{}", "$.reportId", ErrorCodes.WrongType)]
    public void A_reader_error_has_the_code_of_its_kind(string properties, string path, string code)
    {
        var parsed = TriageJson.ParseReport($"{{\"surgeryDate\":\"2026-09-01\",{properties}}}");

        parsed.Errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == path && e.Code == code);
    }

    [Theory]
    [InlineData("{\"surgeryDate\":\"2026-09-01\",}", ErrorCodes.MalformedJson)]
    [InlineData("", ErrorCodes.MalformedJson)]
    [InlineData("[]", ErrorCodes.WrongType)]
    [InlineData("{\"surgeryDate\":\"\\ud800\"}", ErrorCodes.NotText)]
    public void A_document_error_is_one_error_at_the_root_with_its_code(string json, string code)
    {
        TriageJson.ParseReport(json).Errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$" && e.Code == code);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_too_deep()
    {
        var json = "{\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        TriageJson.ParseReport(json).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooDeep);
    }

    [Fact]
    public void Invalid_text_before_a_syntax_error_is_reported_as_the_syntax_error_as_a_whole_document_reader_would()
    {
        byte[] json = [.. "{\"reportId\":\""u8, 0xFF, .. "\",\"painScore\":}"u8];

        TriageJson.ParseReport(json).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedJson);
    }

    [Fact]
    public void The_same_report_as_bytes_and_as_a_string_gives_the_same_errors()
    {
        const string json = "{\"surgeryDate\":\"2026-09-01\",\"painScore\":\"x\",\"pianScore\":1,\"answers\":{\"fevr\":\"yes\",\"fever\":\"maybe\"},\"temperature\":{}}";

        TriageJson.ParseReport(Encoding.UTF8.GetBytes(json)).Errors.Should().Equal(TriageJson.ParseReport(json).Errors);
    }

    [Fact]
    public void Unknown_and_duplicate_properties_of_an_object_come_before_the_errors_of_its_values()
    {
        var parsed = TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\",\"painScore\":\"x\",\"foo\":1,\"temperature\":{\"unit\":\"kelvin\",\"bar\":2}}");

        parsed.Errors.Select(e => (e.Path, e.Code)).Should().Equal(
            ("$.foo", ErrorCodes.UnknownProperty),
            ("$.painScore", ErrorCodes.WrongType),
            ("$.temperature.bar", ErrorCodes.UnknownProperty),
            ("$.temperature.unit", ErrorCodes.UnknownValue),
            ("$.temperature.value", ErrorCodes.Required));
    }
}
