using System.Reflection;
using FluentAssertions;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.TestSupport;

namespace SpineTriage.Console.Tests;

/// <summary>
/// Issue 11 point 4 for the console's own texts in Spanish (<see cref="SpanishPromptTexts"/>): one for each English
/// prompt with the same <c>{0}</c>, each scoring 70 or more by Fernández-Huerta (<see cref="SpanishReadability"/>), and
/// their mean too. Texts with <c>{0}</c> are measured with a typical value, as the English prompts are.
/// </summary>
public class SpanishPromptReadabilityTests
{
    private static IReadOnlyList<(string Name, string Text)> Texts(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (f.Name, (string)f.GetRawConstantValue()!))];

    private static IReadOnlyList<(string Name, double Score)> Measured() =>
        [.. Texts(typeof(SpanishPromptTexts)).Select(t => (t.Name, SpanishReadability.Score(Shown(t.Name, t.Text)) ?? 0.0))];

    [Fact]
    public void Every_english_prompt_has_a_spanish_one_with_the_same_value_slot()
    {
        var english = Texts(typeof(PromptTexts)).ToDictionary(t => t.Name, t => t.Text, StringComparer.Ordinal);
        var spanish = Texts(typeof(SpanishPromptTexts)).ToDictionary(t => t.Name, t => t.Text, StringComparer.Ordinal);

        spanish.Keys.Should().BeEquivalentTo(english.Keys);
        spanish.Should().OnlyContain(s => s.Value.Contains("{0}", StringComparison.Ordinal) == english[s.Key].Contains("{0}", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_spanish_console_prompt_scores_70_or_more()
    {
        Measured().Should().HaveCountGreaterThan(15).And.OnlyContain(p => p.Score >= SpanishReadability.MinimumScore);
    }

    [Fact]
    public void The_mean_score_of_the_spanish_console_prompts_is_70_or_more()
    {
        Measured().Average(p => p.Score).Should().BeGreaterThanOrEqualTo(SpanishReadability.MinimumScore);
    }

    private static string Shown(string name, string text) => name == nameof(SpanishPromptTexts.NotUnderstood)
        ? $"{text} {PromptTexts.With(SpanishPromptTexts.AnswerChoices, ReplyParser.SpanishAnswerChoices)}"
        : PromptTexts.With(text, Example(name));

    private static string Example(string name) => name switch
    {
        nameof(SpanishPromptTexts.Settled) => "URGENTE",
        nameof(SpanishPromptTexts.AnswerEach) or nameof(SpanishPromptTexts.AnswerChoices) => ReplyParser.SpanishAnswerChoices,
        nameof(SpanishPromptTexts.ReplyTooLong) => "200",
        _ => "3",
    };
}
