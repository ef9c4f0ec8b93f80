using System.Reflection;
using FluentAssertions;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.TestSupport;

namespace SpineTriage.Console.Tests;

/// <summary>
/// Issue 11 for the console's own interview texts (<see cref="PromptTexts"/>): each reads at Flesch-Kincaid grade 8 or
/// below and their mean at 6 or below, measured with the port of shared/tools/readability.py. Texts with <c>{0}</c> are
/// measured with a typical value (the library's texts are measured in tests/SpineTriage.Tests/Texts).
/// </summary>
public class PromptReadabilityTests
{
    private static IReadOnlyList<(string Name, double Grade)> Measured() =>
        [.. typeof(PromptTexts).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, Readability.Grade(Shown(f.Name, (string)f.GetRawConstantValue()!))))];

    [Fact]
    public void Every_console_prompt_reads_at_grade_8_or_below()
    {
        Measured().Should().HaveCountGreaterThan(15).And.OnlyContain(p => p.Grade <= Readability.MaximumGrade);
    }

    [Fact]
    public void The_mean_grade_of_the_console_prompts_is_6_or_below()
    {
        Measured().Average(p => p.Grade).Should().BeLessThanOrEqualTo(Readability.MaximumMeanGrade);
    }

    // As shown: a text with its value; the "Not understood:" label (never shown alone) with the reason that follows it.
    private static string Shown(string name, string text) => name == nameof(PromptTexts.NotUnderstood)
        ? $"{text} {PromptTexts.With(PromptTexts.AnswerChoices, ReplyParser.AnswerChoices)}"
        : PromptTexts.With(text, Example(name));

    private static string Example(string name) => name switch
    {
        nameof(PromptTexts.Settled) => "URGENT",
        nameof(PromptTexts.AnswerEach) or nameof(PromptTexts.AnswerChoices) => ReplyParser.AnswerChoices,
        nameof(PromptTexts.ReplyTooLong) => "200",
        _ => "3",
    };
}
