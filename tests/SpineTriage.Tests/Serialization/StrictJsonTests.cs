using System.Text;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>The shared pieces of the strict readers: escaped property names, the limit on an object shape, and paths of odd names.</summary>
public class StrictJsonTests
{
    [Theory]
    [InlineData("\"2026-11-24\"", "2026-11-24")]
    [InlineData("\"0001-01-01\"", "0001-01-01")]
    [InlineData("\"9999-12-31\"", "9999-12-31")]
    [InlineData("\"2024-02-29\"", "2024-02-29")]
    [InlineData("\"2026-01-31\"", "2026-01-31")]
    [InlineData("\"\\u0032026-11-24\"", "2026-11-24")]
    [InlineData("\"0000-01-01\"", null)]
    [InlineData("\"2026-00-10\"", null)]
    [InlineData("\"2026-13-10\"", null)]
    [InlineData("\"2026-02-29\"", null)]
    [InlineData("\"2026-04-31\"", null)]
    [InlineData("\"2026-01-00\"", null)]
    [InlineData("\"2026-01-0:\"", null)]
    [InlineData("\"2026-01-0/\"", null)]
    [InlineData("\"202/-01-01\"", null)]
    [InlineData("\"2026-0:-01\"", null)]
    [InlineData("\"2026/01/01\"", null)]
    [InlineData("\"2026-01/01\"", null)]
    [InlineData("\"2026-1-010\"", null)]
    [InlineData("\"2026-01-01 \"", null)]
    [InlineData("\"2026-01-1\"", null)]
    [InlineData("\"\\u0032026-13-24\"", null)]
    [InlineData("20261124", null)]
    public void A_date_is_four_two_and_two_ascii_digits_of_a_real_calendar_day(string json, string? expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        var read = StrictJson.TryGetDate(ref reader, out var date);

        (read ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null).Should().Be(expected);
    }

    [Fact]
    public void Malformed_json_is_located_by_line_and_byte_counted_from_1_and_deep_nesting_is_too_deep()
    {
        var malformed = TriageJson.ParseReport("{\n  \"reportId\": }").Errors.Should().ContainSingle().Subject;
        malformed.Code.Should().Be(ErrorCodes.MalformedJson);
        malformed.Message.Should().EndWith(" at line 2, byte 15.");

        var deep = TriageJson.ParseReport(new string('[', 65) + new string(']', 65)).Errors.Should().ContainSingle().Subject;
        deep.Code.Should().Be(ErrorCodes.TooDeep);
        TriageJson.ParseReport(new string('[', 64) + new string(']', 64)).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.WrongType);

        // A truncated document also speaks of depth ("expected depth to be zero"): it is malformed, not too deep.
        TriageJson.ParseReport("[[").Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedJson);
    }

    [Fact]
    public void Invalid_text_is_not_text_unless_the_json_is_malformed_further_on()
    {
        TriageJson.ParseReport("{\"reportId\":\"\\ud800\"}").Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.NotText);
        TriageJson.ParseReport("{\"reportId\":\"\\ud800\",}").Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedJson);
        TriageJson.ParseReport("{\"reportId\":\"\ud800\"}").Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.NotText);
        TriageJson.ParseReport([(byte)'"', 0xFF, (byte)'"']).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.NotText);
    }

    [Fact]
    public void A_property_name_written_with_escapes_is_the_same_name()
    {
        var parsed = TriageJson.ParseReport("{\"\\u0073urgeryDate\":\"2026-09-01\",\"answers\":{\"fe\\u0076er\":\"yes\"}}");

        parsed.Errors.Should().BeEmpty();
        parsed.Value!.SurgeryDate.Should().Be(new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void An_escaped_name_that_is_not_allowed_is_unknown_and_an_escaped_repeat_is_a_duplicate()
    {
        var errors = TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\",\"\\u0073urgeryDate\":\"2026-09-02\",\"\\u0078\":1}").Errors;

        errors.Select(e => (e.Path, e.Code)).Should().Equal(("$.surgeryDate", ErrorCodes.DuplicateKey), ("$.x", ErrorCodes.UnknownProperty));
    }

    [Fact]
    public void An_unknown_name_given_twice_is_unknown_then_duplicate_and_an_object_s_name_errors_come_before_its_values_errors()
    {
        var errors = TriageJson.ParseReport(
            "{\"surgeryDate\":\"2026-09-01\",\"painScore\":\"x\",\"note\":1,\"note\":2,\"painScore\":3,\"answers\":{\"fever\":1,\"feve\":\"yes\"}}").Errors;

        errors.Select(e => (e.Path, e.Code)).Should().Equal(
            ("$.note", ErrorCodes.UnknownProperty),
            ("$.note", ErrorCodes.DuplicateKey),
            ("$.painScore", ErrorCodes.DuplicateKey),
            ("$.painScore", ErrorCodes.WrongType),
            ("$.answers.feve", ErrorCodes.UnknownQuestion),
            ("$.answers.fever", ErrorCodes.UnknownValue));
    }

    [Fact]
    public void An_object_shape_may_hold_more_than_64_names_as_a_local_editions_answers_do()
    {
        var names = Enumerable.Range(0, 70).Select(i => $"n{i}").ToArray();

        var shape = new ObjectShape(names);
        var reader = new Utf8JsonReader("\"n69\""u8);
        reader.Read();

        shape.UnknownCode.Should().Be(ErrorCodes.UnknownProperty);
        shape.IndexOf(ref reader).Should().Be(69);
    }

    [Theory]
    [InlineData("name", "$.name")]
    [InlineData("snake_case_9", "$.snake_case_9")]
    [InlineData("9lives", "$['9lives']")]
    [InlineData("", "$['']")]
    [InlineData("with space", "$['with space']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghij", "$.abcdefghijabcdefghijabcdefghijabcdefghij")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijk", "$['abcdefghijabcdefghijabcdefghijabcdefghij…']")]
    public void A_property_path_uses_dot_notation_only_for_short_plain_names(string name, string path)
    {
        StrictJson.PathOf("$", name).Should().Be(path);
    }

    [Fact]
    public void Text_of_40_characters_is_shown_whole_and_longer_text_is_cut_to_40()
    {
        var forty = new string('a', 40);

        StrictJson.Shorten(forty).Should().Be(forty);
        StrictJson.Shorten(forty + "b").Should().Be(forty + "…");
    }

    [Theory]
    [InlineData("surgerydate", " (did you mean 'surgeryDate'?)")]
    [InlineData("surgeryDat", " (did you mean 'surgeryDate'?)")]
    [InlineData("surgerDat", " (did you mean 'surgeryDate'?)")]
    [InlineData("surgeDat", "")]
    [InlineData("painScore", " (did you mean 'painScore'?)")]
    public void A_suggestion_is_made_within_two_edits_ignoring_case(string name, string suggestion)
    {
        StrictJson.Suggest(name, ["reportId", "surgeryDate", "painScore"]).Should().Be(suggestion);
    }
}
