using FluentAssertions;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>The shared pieces of the strict readers: escaped property names, the limit on an object shape, and paths of odd names.</summary>
public class StrictJsonTests
{
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
    public void An_object_shape_holds_at_most_64_names_the_bits_of_its_seen_set()
    {
        var names = Enumerable.Range(0, 65).Select(i => $"n{i}").ToArray();

        new ObjectShape(names[..64]).UnknownCode.Should().Be(ErrorCodes.UnknownProperty);
        var tooMany = () => new ObjectShape(names);
        tooMany.Should().Throw<ArgumentException>().WithParameterName("names");
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
