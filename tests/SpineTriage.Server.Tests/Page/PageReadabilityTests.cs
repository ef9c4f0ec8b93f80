using System.Text.RegularExpressions;
using FluentAssertions;
using SpineTriage.TestSupport;

namespace SpineTriage.Server.Tests.Page;

/// <summary>
/// The patient page's own words (issue 11 point 1: "the web page's prompts") read as plainly as the library's texts:
/// English at Flesch-Kincaid grade 8 or below with a mean of 6 or below, Spanish at Fernández-Huerta 70 or above. As in
/// the console's prompt tests, a sentence is measured on its own, and the short labels (buttons, headings, field names:
/// no sentence of their own) are measured joined as one text, since the formulas give meaningless figures for a word
/// or two. Template strings are measured with their placeholders read as one short word.
/// </summary>
public partial class PageReadabilityTests
{
    [Fact]
    public void The_english_words_of_the_page_read_at_grade_8_or_below_with_a_mean_of_6_or_below()
    {
        var (sentences, labels) = Split(Dictionary("en"));
        sentences.Should().NotBeEmpty();
        var grades = sentences.Select(s => (Text: s, Grade: Readability.Grade(s))).Append((Text: "labels", Grade: Readability.Grade(Joined(labels)))).ToList();

        grades.Where(g => g.Grade > 8).Select(g => $"{g.Grade:F1} {g.Text}").Should().BeEmpty("every text of the page reads at grade 8 or below");
        grades.Average(g => g.Grade).Should().BeLessThanOrEqualTo(6);
    }

    [Fact]
    public void The_spanish_words_of_the_page_score_70_or_more_by_fernandez_huerta()
    {
        var (sentences, labels) = Split(Dictionary("es"));
        sentences.Should().NotBeEmpty();
        var scores = sentences.Select(s => (Text: s, Score: SpanishReadability.Score(s) ?? 100)).Append((Text: "labels", Score: SpanishReadability.Score(Joined(labels)) ?? 100)).ToList();

        scores.Where(s => s.Score < 70).Select(s => $"{s.Score:F1} {s.Text}").Should().BeEmpty("every Spanish text of the page scores 70 or more");
        scores.Average(s => s.Score).Should().BeGreaterThanOrEqualTo(70);
    }

    [Fact]
    public void Both_languages_have_the_same_words_of_the_page()
    {
        Dictionary("es").Keys.Should().BeEquivalentTo(Dictionary("en").Keys);
    }

    private static string Joined(IEnumerable<string> labels) => string.Join(" ", labels.Select(l => l.TrimEnd(':') + "."));

    private static (List<string> Sentences, List<string> Labels) Split(IReadOnlyDictionary<string, string> texts)
    {
        var sentences = texts.Values.Where(t => SentenceEnd().IsMatch(t)).ToList();
        var labels = texts.Values.Where(t => !SentenceEnd().IsMatch(t)).ToList();
        return (sentences, labels);
    }

    // The `UI` dictionary of page.js: `key: 'text',` or a template string `key: (…) => `…``, per language block.
    private static Dictionary<string, string> Dictionary(string language)
    {
        var script = File.ReadAllText(Repository.PathOf("samples", "SpineTriage.Server", "wwwroot", "page.js"));
        var start = script.IndexOf($"\n    {language}: {{", StringComparison.Ordinal);
        start.Should().BePositive($"page.js has the {language} block");
        var end = script.IndexOf("\n    },", start, StringComparison.Ordinal);
        var block = script[start..end];
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Entry().Matches(block))
        {
            var text = match.Groups["quoted"].Success ? match.Groups["quoted"].Value.Replace("\\'", "'", StringComparison.Ordinal)
                : match.Groups["double"].Success ? match.Groups["double"].Value
                : match.Groups["template"].Value;
            texts[match.Groups["key"].Value] = Placeholder().Replace(text, "n");
        }

        texts.Should().HaveCountGreaterThan(20);
        return texts;
    }

    [GeneratedRegex(@"^\s+(?<key>\w+): (?:'(?<quoted>(?:[^'\\]|\\.)*)'|""(?<double>[^""]*)""|\([^)]*\) => (?:\([^`]*\? )?`(?<template>[^`]*)`)", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
