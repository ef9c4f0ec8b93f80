using FluentAssertions;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Texts;

/// <summary>
/// The C# port of shared/tools/readability.py (<see cref="Readability"/>) against the Python tool itself: every expected
/// grade below was printed by <c>python3 shared/tools/readability.py</c> (one decimal place) for the text beside it,
/// not computed by the port.
/// </summary>
public class ReadabilityPortTests
{
    [Theory]
    [InlineData("Seek emergency care at once if you develop: loss of bladder or bowel control, or being unable to pass urine; new numbness around your genitals, buttocks or inner thighs.", 14.4)]
    [InlineData("Do you have a fever (38.0 °C / 100.4 °F or higher), or shivering and chills?", 3.7)]
    [InlineData("Mild discomfort during recovery is normal: use the pain relief your team advised, keep up your physiotherapy and adjust activities that bring on pain (Spinal Hardware Problems: Treatment, conservative care).", 13.9)]
    [InlineData("Call emergency services or go to the nearest emergency department now.", 12.3)]
    [InlineData("Your answers show no warning sign. Mild discomfort is normal while you recover.", 6.0)]
    [InlineData("Is one of your calves painful, swollen, warm or red?", 2.5)]
    [InlineData("Multiple-level surgery makes hardware problems more likely. Don't skip it! Is it clear? Yes.", 6.0)]
    [InlineData("Call your surgeon's office to be seen within the next 3 days.", 3.7)]
    public void The_port_gives_the_grade_the_python_tool_printed(string text, double pythonGrade)
    {
        Readability.Grade(text).Should().BeApproximately(pythonGrade, 0.05);
    }

    [Fact]
    public void Parenthesised_text_is_dropped_before_counting()
    {
        Readability.Words("Call now (at once, please).").Should().Equal("Call", "now");
        Readability.Sentences("Call now (really. truly.) today").Should().Be(1);
    }

    [Theory]
    [InlineData("the", 1)]
    [InlineData("table", 2)]
    [InlineData("free", 1)]
    [InlineData("horses", 2)]
    [InlineData("takes", 1)]
    [InlineData("rhythm", 1)]
    [InlineData("38.0", 0)]
    public void Syllables_follow_the_tools_vowel_group_and_silent_e_rules(string word, int syllables)
    {
        Readability.Syllables(word).Should().Be(syllables);
    }

    [Fact]
    public void A_text_without_words_has_grade_zero_and_sentences_end_only_before_space_or_the_end()
    {
        Readability.Grade("38.0 / 100.4").Should().Be(0.0);
        Readability.Sentences("Take 38.5 now. Then rest").Should().Be(1);
        Readability.Sentences("One. Two! Three?").Should().Be(3);
    }
}
