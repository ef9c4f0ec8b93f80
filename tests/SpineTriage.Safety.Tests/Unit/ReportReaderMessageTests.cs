using System.Text;
using FluentAssertions;
using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.Safety.Tests.Unit;

/// <summary>
/// The exact paths and messages of the strict report reader at their boundaries: how long an echoed value
/// may be, when a close name is suggested, when a path needs brackets, where malformed JSON is located.
/// </summary>
public class ReportReaderMessageTests
{
    private const string Allowed = "allowed: reportId, surgeryDate, assessedOn, surgeryRegion, hardware, fusionLevels, riskFactors, painScore, temperature, answers, skipped, language.";

    [Fact]
    public void An_echoed_value_of_40_characters_is_echoed_whole()
    {
        var value = new string('x', 40);

        Error($"\"surgeryRegion\":\"{value}\"").Message.Should().EndWith($"got the string \"{value}\".");
    }

    [Fact]
    public void An_echoed_value_of_41_characters_is_cut_to_40_with_an_ellipsis()
    {
        Error($"\"surgeryRegion\":\"{new string('x', 41)}\"").Message.Should().EndWith($"got the string \"{new string('x', 40)}…\".");
    }

    [Fact]
    public void A_long_number_is_cut_to_40_characters()
    {
        var digits = "12345678901234567890123456789012345678901234567890";

        Error($"\"painScore\":{digits}").Message.Should().Be($"painScore must be a whole number from 0 to 10; got the number {digits[..40]}….");
    }

    [Fact]
    public void A_wrong_type_names_the_json_type_it_got()
    {
        Error("\"reportId\":5").ToString().Should().Be("$.reportId: reportId must be a string of up to 128 characters; got the number 5.");
        Error("\"reportId\":true").Message.Should().EndWith("got true.");
        Error("\"reportId\":false").Message.Should().EndWith("got false.");
        Error("\"reportId\":[]").Message.Should().EndWith("got an array.");
        Error("\"reportId\":{}").Message.Should().EndWith("got an object.");
    }

    [Fact]
    public void A_name_two_edits_from_an_allowed_name_gets_a_suggestion()
    {
        Error("\"pinScre\":1").Should().Be(new ValidationError("$.pinScre", ErrorCodes.UnknownProperty, $"unknown property 'pinScre' (did you mean 'painScore'?); {Allowed}"));
    }

    [Fact]
    public void A_name_three_edits_from_every_allowed_name_gets_no_suggestion()
    {
        Error("\"pnScr\":1").Message.Should().Be($"unknown property 'pnScr'; {Allowed}");
    }

    [Fact]
    public void A_name_that_differs_only_in_case_gets_a_suggestion()
    {
        Error("\"PAINSCORE\":1").Message.Should().StartWith("unknown property 'PAINSCORE' (did you mean 'painScore'?)");
    }

    [Fact]
    public void A_transposition_counts_as_two_edits()
    {
        Error("\"pianScore\":1").Message.Should().StartWith("unknown property 'pianScore' (did you mean 'painScore'?)");
    }

    [Fact]
    public void A_misspelt_question_id_is_suggested_from_the_question_ids()
    {
        Error("\"answers\":{\"fevr\":\"yes\"}").Should().Be(new ValidationError(
            "$.answers.fevr",
            ErrorCodes.UnknownQuestion,
            "unknown question id 'fevr' (did you mean 'fever'?); the question ids are listed by the question catalogue (spinetriage questions)."));
    }

    [Theory]
    [InlineData("pain_score", "$.pain_score")]
    [InlineData("a1", "$.a1")]
    [InlineData("1abc", "$['1abc']")]
    [InlineData("", "$['']")]
    [InlineData("pain score", "$['pain score']")]
    [InlineData("o'k", "$['o\\'k']")]
    public void A_property_name_is_written_as_a_dot_path_only_when_it_is_an_identifier(string name, string path)
    {
        Error($"\"{name}\":1").Path.Should().Be(path);
    }

    [Fact]
    public void A_duplicate_property_is_named_once_with_its_path()
    {
        Error("\"painScore\":1,\"painScore\":2").Should().Be(new ValidationError("$.painScore", ErrorCodes.DuplicateKey, "'painScore' appears more than once; each property may appear once."));
    }

    [Fact]
    public void Malformed_json_is_located_by_line_and_byte_counted_from_one()
    {
        var parsed = TriageJson.ParseReport("{\n\"surgeryDate\":\"2026-09-01\",\n  \"a\" 1}");

        parsed.Errors.Should().Equal(new ValidationError("$", ErrorCodes.MalformedJson, "the input is not well-formed JSON (UTF-8, no comments, no trailing commas) at line 3, byte 7."));
    }

    [Fact]
    public void Json_nested_deeper_than_64_levels_is_named_as_such()
    {
        var parsed = TriageJson.ParseReport(new string('[', 70) + new string(']', 70));

        parsed.Errors.Should().ContainSingle().Which.Message.Should().StartWith("the JSON is nested deeper than 64 levels");
    }

    [Fact]
    public void Json_nested_64_levels_deep_is_read_and_rejected_only_as_a_wrong_value()
    {
        var nested = new string('[', 63) + new string(']', 63);

        var parsed = TriageJson.ParseReport($"{{\"surgeryDate\":\"2026-09-01\",\"hardware\":{nested}}}");

        parsed.Errors.Should().ContainSingle().Which.Path.Should().Be("$.hardware[0]");
    }

    [Fact]
    public void A_null_optional_field_is_read_as_absent_but_a_null_surgery_date_is_an_error()
    {
        TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\",\"painScore\":null,\"answers\":null}").Errors.Should().BeEmpty();
        TriageJson.ParseReport("{\"surgeryDate\":null}").Errors.Should().ContainSingle().Which.Path.Should().Be("$.surgeryDate");
    }

    [Fact]
    public void A_missing_surgery_date_is_one_error_at_its_path()
    {
        TriageJson.ParseReport("{}").Errors.Should().Equal(new ValidationError("$.surgeryDate", ErrorCodes.Required, "surgeryDate is required: the date of the operation, as yyyy-MM-dd."));
    }

    [Fact]
    public void A_temperature_without_value_and_unit_names_both()
    {
        TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\",\"temperature\":{}}").Errors.Select(e => e.Path)
            .Should().Equal("$.temperature.value", "$.temperature.unit");
    }

    [Fact]
    public void A_byte_order_mark_alone_is_not_a_report()
    {
        TriageJson.ParseReport([0xEF, 0xBB, 0xBF]).Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void A_report_behind_a_byte_order_mark_is_read()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{\"surgeryDate\":\"2026-09-01\"}"u8];

        TriageJson.ParseReport(json).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Bytes_that_only_start_like_a_byte_order_mark_are_not_skipped()
    {
        byte[] json = [0xEF, .. "{\"surgeryDate\":\"2026-09-01\"}"u8];

        TriageJson.ParseReport(json).IsSuccess.Should().BeFalse();
    }

    [Fact]
    public void A_report_as_utf8_bytes_without_a_byte_order_mark_is_read_whole()
    {
        TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\"}"u8).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_first_byte_like_a_byte_order_mark_followed_by_other_bytes_is_not_skipped()
    {
        byte[] json = [0xEF, (byte)' ', (byte)' ', .. "{\"surgeryDate\":\"2026-09-01\"}"u8];

        TriageJson.ParseReport(json).IsSuccess.Should().BeFalse();
    }

    [Fact]
    public void A_report_string_behind_a_byte_order_mark_character_is_read_as_its_utf8_bytes_are()
    {
        const string json = "\uFEFF{\"surgeryDate\":\"2026-09-01\"}";

        TriageJson.ParseReport(json).IsSuccess.Should().BeTrue();
        TriageJson.ParseReport(Encoding.UTF8.GetBytes(json)).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Only_one_leading_byte_order_mark_character_is_skipped()
    {
        TriageJson.ParseReport("\uFEFF\uFEFF{\"surgeryDate\":\"2026-09-01\"}").IsSuccess.Should().BeFalse();
        TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\"}\uFEFF").IsSuccess.Should().BeFalse();
        TriageJson.ParseReport("\uFEFF").Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void Bytes_that_only_end_like_a_byte_order_mark_are_not_skipped()
    {
        byte[] json = [(byte)' ', 0xBB, 0xBF, .. "{\"surgeryDate\":\"2026-09-01\"}"u8];

        TriageJson.ParseReport(json).IsSuccess.Should().BeFalse();
    }

    [Theory]
    [InlineData(new byte[] { 0xEF })]
    [InlineData(new byte[] { 0xEF, 0xBB })]
    [InlineData(new byte[] { (byte)'{' })]
    [InlineData(new byte[] { (byte)' ', 0xBB })]
    public void One_or_two_bytes_are_an_error_at_the_root_not_an_exception(byte[] json)
    {
        TriageJson.ParseReport(json).Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    private static ValidationError Error(string properties)
    {
        var parsed = TriageJson.ParseReport($"{{\"surgeryDate\":\"2026-09-01\",{properties}}}");
        parsed.Errors.Should().ContainSingle();
        return parsed.Errors[0];
    }
}
