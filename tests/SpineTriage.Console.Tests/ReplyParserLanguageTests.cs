using FluentAssertions;
using SpineTriage.ConsoleHost;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.Reports;

namespace SpineTriage.Console.Tests;

/// <summary>
/// The reply parser in Spanish (issue 11 point 4): a decimal comma and the Spanish unit and answer words, the unit still
/// required; English reads exactly what it read before (a decimal comma with a unit included).
/// </summary>
public class ReplyParserLanguageTests
{
    [Theory]
    [InlineData("38,5 C", 38.5, true)]
    [InlineData("38,5C", 38.5, true)]
    [InlineData("38,5 °C", 38.5, true)]
    [InlineData("38,5 ºC", 38.5, true)]
    [InlineData("38,5 grados centígrados", 38.5, true)]
    [InlineData("38,5 centigrados", 38.5, true)]
    [InlineData("38,5 Grados Celsius", 38.5, true)]
    [InlineData("38.5 C", 38.5, true)]
    [InlineData("101,3 F", 101.3, false)]
    [InlineData("101,3 grados Fahrenheit", 101.3, false)]
    public void Spanish_reads_a_decimal_comma_and_spanish_unit_words(string reply, double value, bool celsius)
    {
        ReplyParser.TryTemperature(reply, ConsoleLanguage.Spanish, out var temperature).Should().BeTrue();

        temperature.Should().Be(celsius ? Temperature.Celsius((decimal)value) : Temperature.Fahrenheit((decimal)value));
    }

    [Theory]
    [InlineData("38,5")]
    [InlineData("38,5 grados")]
    [InlineData("38,55,1 C")]
    [InlineData("treinta y ocho C")]
    public void Spanish_still_requires_a_unit_so_fahrenheit_is_never_read_as_celsius(string reply)
    {
        ReplyParser.TryTemperature(reply, ConsoleLanguage.Spanish, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("38,5 C", true)]
    [InlineData("38.5 C", true)]
    [InlineData("38,5 °C", true)]
    [InlineData("38,5", false)]
    [InlineData("38,5 ºC", false)]
    [InlineData("38,5 grados centígrados", false)]
    public void English_reads_what_it_read_before_the_language_parameter(string reply, bool read)
    {
        ReplyParser.TryTemperature(reply, ConsoleLanguage.English, out var withLanguage).Should().Be(read);
        ReplyParser.TryTemperature(reply, out var without).Should().Be(read);
        withLanguage.Should().Be(without);
    }

    [Theory]
    [InlineData("s", Answer.Yes)]
    [InlineData("Sí", Answer.Yes)]
    [InlineData("si", Answer.Yes)]
    [InlineData("n", Answer.No)]
    [InlineData("NO", Answer.No)]
    [InlineData("ns", Answer.Unknown)]
    [InlineData("no sé", Answer.Unknown)]
    public void Spanish_answers_are_read_in_spanish(string reply, Answer expected)
    {
        ReplyParser.TryAnswer(reply, ConsoleLanguage.Spanish, out var answer).Should().BeTrue();
        answer.Should().Be(expected);
    }

    [Theory]
    [InlineData("y")]
    [InlineData("yes")]
    [InlineData("d")]
    public void Spanish_does_not_read_the_english_answer_letters(string reply)
    {
        ReplyParser.TryAnswer(reply, ConsoleLanguage.Spanish, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("no la medí", true)]
    [InlineData("", true)]
    [InlineData("n", true)]
    [InlineData("38,5 C", false)]
    public void Spanish_says_not_measured_in_its_own_words(string reply, bool notMeasured)
    {
        ReplyParser.IsNotMeasured(reply, ConsoleLanguage.Spanish).Should().Be(notMeasured);
        ReplyParser.IsNotMeasured("no la medí", ConsoleLanguage.English).Should().BeFalse();
    }
}

/// <summary>The neck and back prompts in Spanish: their own words, and "no sé" or a blank for not known.</summary>
public class SpanishRegionReplyTests
{
    [Theory]
    [InlineData("s", true)]
    [InlineData("Sí", true)]
    [InlineData("n", false)]
    [InlineData("no", false)]
    [InlineData("", null)]
    [InlineData("ns", null)]
    [InlineData("no sé", null)]
    public void Spanish_reads_the_neck_reply(string reply, bool? expected)
    {
        ReplyParser.TryNeck(reply, ConsoleLanguage.Spanish, out var neck).Should().BeTrue();

        neck.Should().Be(expected);
    }

    [Theory]
    [InlineData("y")]
    [InlineData("d")]
    [InlineData("quizá")]
    public void Spanish_refuses_english_letters_and_other_words_at_the_neck(string reply)
    {
        ReplyParser.TryNeck(reply, ConsoleLanguage.Spanish, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("a", SurgeryRegion.Thoracic)]
    [InlineData("parte alta", SurgeryRegion.Thoracic)]
    [InlineData("Media", SurgeryRegion.Thoracic)]
    [InlineData("b", SurgeryRegion.Lumbar)]
    [InlineData("parte baja", SurgeryRegion.Lumbar)]
    [InlineData("lumbar", SurgeryRegion.Lumbar)]
    [InlineData("s", SurgeryRegion.Sacral)]
    [InlineData("sacro", SurgeryRegion.Sacral)]
    [InlineData("base de la columna", SurgeryRegion.Sacral)]
    [InlineData("", null)]
    [InlineData("ns", null)]
    [InlineData("no sé", null)]
    public void Spanish_reads_the_part_of_the_back(string reply, SurgeryRegion? expected)
    {
        ReplyParser.TryBack(reply, ConsoleLanguage.Spanish, out var region).Should().BeTrue();

        region.Should().Be(expected);
    }

    [Theory]
    [InlineData("u")]
    [InlineData("l")]
    [InlineData("n")]
    [InlineData("cuello")]
    public void Spanish_refuses_the_english_letters_and_other_words_at_the_back(string reply)
    {
        ReplyParser.TryBack(reply, ConsoleLanguage.Spanish, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("u", SurgeryRegion.Thoracic)]
    [InlineData("l", SurgeryRegion.Lumbar)]
    [InlineData("b", SurgeryRegion.Sacral)]
    public void English_reads_the_back_as_before(string reply, SurgeryRegion expected)
    {
        ReplyParser.TryBack(reply, ConsoleLanguage.English, out var region).Should().BeTrue();

        region.Should().Be(expected);
    }
}
