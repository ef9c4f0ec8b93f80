using System.Text.RegularExpressions;

namespace SpineTriage.TestSupport;

/// <summary>
/// The Flesch-Kincaid grade of a text, ported rule for rule from shared/tools/readability.py (issue 11): parenthesised
/// text is dropped first, a sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by white space or the end, a word
/// is a letter followed by letters, apostrophes or hyphens, and syllables are counted by vowel groups with the tool's
/// silent-e and -es rules. Grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
/// </summary>
/// <remarks>
/// Kept in the test support project: only tests measure texts (the library's and the console's), the library itself
/// never needs a grade at run time. Regexes are compiled once and are immutable.
/// </remarks>
public static partial class Readability
{
    /// <summary>The highest grade any patient-facing text may have (issue 11).</summary>
    public const double MaximumGrade = 8.0;

    /// <summary>The highest mean grade over all patient-facing texts (issue 11).</summary>
    public const double MaximumMeanGrade = 6.0;

    /// <summary>Counts the syllables of a word as the Python tool does (at least 1 for a word with a letter).</summary>
    /// <param name="word">The word.</param>
    /// <returns>The syllable count; 0 when the word has no letter a to z.</returns>
    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = NotLetter().Replace(word.ToLowerInvariant(), string.Empty);
        if (w.Length == 0)
        {
            return 0;
        }

        var n = VowelGroup().Count(w);
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal) && n > 1)
        {
            n--;
        }

        if (w.EndsWith("es", StringComparison.Ordinal) && n > 1
            && !(w.EndsWith("ses", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal)
                 || w.EndsWith("ces", StringComparison.Ordinal) || w.EndsWith("ges", StringComparison.Ordinal)))
        {
            n--;
        }

        return Math.Max(1, n);
    }

    /// <summary>Gets the words of a text (after parenthesised text is dropped), as the Python tool finds them.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The words in order.</returns>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Matches(Parenthesised().Replace(text, string.Empty)).Select(m => m.Value).ToArray();
    }

    /// <summary>Gets the number of sentences of a text (at least 1), after parenthesised text is dropped.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The sentence count.</returns>
    public static int Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Math.Max(1, SentenceEnd().Count(Parenthesised().Replace(text, string.Empty)));
    }

    /// <summary>Computes the Flesch-Kincaid grade of a text; 0 for a text without words.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The grade, unrounded.</returns>
    public static double Grade(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0.0;
        }

        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / Sentences(text)) + (11.8 * syllables / words.Count) - 15.59;
    }

    [GeneratedRegex("[^a-z]")]
    private static partial Regex NotLetter();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[A-Za-z][A-Za-z'-]*")]
    private static partial Regex Word();
}
