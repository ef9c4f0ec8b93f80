using System.Reflection;
using FluentAssertions;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.Results;
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

    /// <summary>
    /// The Spanish words the console shows beside its prompts and around a result that a patient reads: the choices and
    /// hints, the urgency names with their timeframes, the result's headings and the console's explanations.
    /// </summary>
    public static TheoryData<string, string> SpanishChoicesAndLabels()
    {
        var prompts = Prompts.Spanish;
        var labels = ResultLabels.Spanish;
        var data = new TheoryData<string, string>
        {
            { nameof(prompts.Answers), PromptTexts.With(SpanishPromptTexts.AnswerChoices, prompts.Answers) },
            { nameof(prompts.NeckChoices), PromptTexts.With(SpanishPromptTexts.AnswerChoices, prompts.NeckChoices) },
            { nameof(prompts.BackChoices), PromptTexts.With(SpanishPromptTexts.AnswerChoices, prompts.BackChoices) },
            { nameof(prompts.AssessmentDateHint), PromptTexts.With(prompts.AssessmentDateHint, "2026-11-29") },
            { nameof(prompts.TemperatureHint), prompts.TemperatureHint },
            { nameof(prompts.PainHint), prompts.PainHint },
            { nameof(labels.NotAnswered), labels.NotAnswered },
            { nameof(labels.NotAsked), labels.NotAsked },
            { nameof(labels.DaysSinceSurgery), labels.DaysSinceSurgery.Replace("{0}", "12", StringComparison.Ordinal) },
            { nameof(labels.SettledNotAsked), labels.SettledNotAsked },
            { nameof(labels.SettledDoNotKnow), labels.SettledDoNotKnow },
        };

        // Headings of two or three words and the urgency names are read one after another: a formula on words per
        // sentence and syllables per word says nothing of one heading alone, so they are measured together, one sentence each.
        string[] headings = [labels.Why, labels.CareAdvice, labels.SafetyNet, labels.Warnings];
        var urgencies = Enum.GetValues<Urgency>().Select(u => $"{labels.Name(u).ToLowerInvariant()}: {labels.Timeframe(u)}");
        data.Add("headings and urgency names", string.Join(" ", headings.Concat(urgencies).Select(h => h.TrimEnd(':') + ".")));
        return data;
    }

    [Theory]
    [MemberData(nameof(SpanishChoicesAndLabels))]
    public void Every_spanish_choice_hint_and_result_label_scores_70_or_more(string name, string text)
    {
        SpanishReadability.Score(text).Should().BeGreaterThanOrEqualTo(SpanishReadability.MinimumScore, name);
    }

    [Fact]
    public void The_english_urgency_names_and_timeframes_are_the_ones_the_console_printed_before_languages()
    {
        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            ResultLabels.English.Name(urgency).Should().Be(urgency == Urgency.SelfCare ? "SELF CARE" : urgency.JsonName().ToUpperInvariant());
            ResultLabels.English.Timeframe(urgency).Should().Be(urgency.Timeframe());
        }
    }

    [Fact]
    public void The_spanish_urgency_names_and_timeframes_are_all_different()
    {
        var names = Enum.GetValues<Urgency>().Select(ResultLabels.Spanish.Name).ToList();
        var timeframes = Enum.GetValues<Urgency>().Select(ResultLabels.Spanish.Timeframe).ToList();

        names.Should().OnlyHaveUniqueItems().And.HaveCount(5);
        timeframes.Should().OnlyHaveUniqueItems().And.HaveCount(5);
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
