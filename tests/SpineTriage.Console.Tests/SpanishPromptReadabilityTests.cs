using FluentAssertions;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Texts;

namespace SpineTriage.Console.Tests;

/// <summary>
/// Issue 11 point 4 for the words the console shows in Spanish beside the library's prompts: the choices, hints and
/// result labels, all read from the library's registry (the prompts themselves, keys <c>prompt.*</c>, are measured with
/// every registry text in tests/SpineTriage.Tests/Texts). Each scores 70 or more by Fernández-Huerta.
/// </summary>
public class SpanishPromptReadabilityTests
{
    /// <summary>
    /// The Spanish words the console shows beside its prompts and around a result that a patient reads: the choices and
    /// hints, the urgency names with their timeframes, the result's headings and the console's explanations.
    /// </summary>
    public static TheoryData<string, string> SpanishChoicesAndLabels()
    {
        var prompts = Prompts.Spanish;
        var labels = TextRegistry.For(TextLanguages.Spanish);
        var data = new TheoryData<string, string>
        {
            { nameof(prompts.Answers), Prompts.With(prompts.AnswerChoices, prompts.Answers) },
            { nameof(prompts.NeckChoices), Prompts.With(prompts.AnswerChoices, prompts.NeckChoices) },
            { nameof(prompts.BackChoices), Prompts.With(prompts.AnswerChoices, prompts.BackChoices) },
            { nameof(prompts.AssessmentDateHint), Prompts.With(prompts.AssessmentDateHint, "2026-11-29") },
            { nameof(prompts.TemperatureHint), prompts.TemperatureHint },
            { nameof(prompts.PainHint), prompts.PainHint },
            { "label.result.notAnswered", labels.Get("label.result.notAnswered") },
            { "label.result.notAsked", labels.Get("label.result.notAsked") },
            { "result.daysSinceSurgery", labels.Format("result.daysSinceSurgery", ("days", "12")) },
            { "result.settledNotAsked", labels.Get("result.settledNotAsked") },
            { "result.settledDoNotKnow", labels.Get("result.settledDoNotKnow") },
        };

        // Headings of two or three words and the urgency names are read one after another: a formula on words per
        // sentence and syllables per word says nothing of one heading alone, so they are measured together, one sentence each.
        string[] headings = [labels.Get("label.result.why"), labels.Get("label.result.careAdvice"), labels.Get("label.result.safetyNet"), labels.Get("label.result.warnings")];
        var urgencies = Enum.GetValues<Urgency>().Select(u => $"{TriageText.UrgencyName(labels, u).ToLowerInvariant()}: {labels.Timeframe(u)}");
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
            TriageText.UrgencyName(TextRegistry.English, urgency).Should().Be(urgency == Urgency.SelfCare ? "SELF CARE" : urgency.JsonName().ToUpperInvariant());
            TextRegistry.English.Timeframe(urgency).Should().Be(urgency.Timeframe());
        }
    }

    [Fact]
    public void The_spanish_urgency_names_and_timeframes_are_all_different()
    {
        var spanish = TextRegistry.For(TextLanguages.Spanish);
        var names = Enum.GetValues<Urgency>().Select(u => TriageText.UrgencyName(spanish, u)).ToList();
        var timeframes = Enum.GetValues<Urgency>().Select(spanish.Timeframe).ToList();

        names.Should().OnlyHaveUniqueItems().And.HaveCount(5);
        timeframes.Should().OnlyHaveUniqueItems().And.HaveCount(5);
    }
}
