using System.Text.RegularExpressions;

namespace SpineTriage.TestSupport;

/// <summary>
/// The Fernández-Huerta reading ease of a Spanish text (issue 11 point 4):
/// 206.84 − 0.60 × syllables per 100 words − 1.02 × words per sentence. Higher is easier; 70 and above reads as
/// "fairly easy" (about the level of a 12-year-old reader), the limit for every patient text (docs/translation.md).
/// </summary>
/// <remarks>
/// <para>Text, sentence and word rules are those of the English port (<see cref="Readability"/>), so that both languages
/// are measured on the same pieces: parenthesised text is dropped first, a sentence ends at <c>.</c>, <c>!</c> or
/// <c>?</c> followed by white space or the end (the opening <c>¿</c> and <c>¡</c> are not counted), and a word starts
/// with a letter (Spanish letters included) followed by letters, apostrophes or hyphens, so numbers are not words.</para>
/// <para>Syllables (<see cref="Syllables"/>) are counted by vowel groups, split where Spanish spelling makes a hiatus:
/// the vowels are a, e, i, o, u, their accented forms and ü; y is a vowel only as a word of its own or at the end of a
/// word after a vowel (<c>y</c>, <c>hoy</c>, <c>muy</c>), a consonant elsewhere (<c>ayuda</c>). Each maximal run of vowels
/// is one syllable (a diphthong or triphthong: <c>pierna</c>, <c>ciudad</c>, <c>buey</c>), plus one for each pair of
/// neighbouring vowels in it that form a hiatus: two strong vowels (a, e, o, accented or not: <c>le-er</c>,
/// <c>a-é-re-o</c>) or a pair with an accented weak vowel (í, ú: <c>dí-a</c>, <c>re-ú-ne</c>). The u of que, qui,
/// gue, gui needs no rule of its own (ue and ui count once anyway); h is a consonant, so <c>a-ho-ra</c> has three.
/// Known approximations, rare in the patient texts: a hiatus written without an accent (<c>guion</c> counts 1, as the
/// 2010 spelling rules have it) and prefixes such as <c>re-</c> before a vowel.</para>
/// <para>Kept in the test support project beside <see cref="Readability"/>: only tests measure texts.</para>
/// </remarks>
public static partial class SpanishReadability
{
    /// <summary>The lowest Fernández-Huerta score any Spanish patient text may have, and their mean (issue 11).</summary>
    public const double MinimumScore = 70.0;

    private const string Vowels = "aeiouáéíóúü";

    private const string StrongVowels = "aeoáéó";

    private const string AccentedWeakVowels = "íú";

    /// <summary>Counts the syllables of a Spanish word by vowel groups with the diphthong and hiatus rules.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The syllable count (at least 1 for a word with a letter); 0 when the word has no letter.</returns>
    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = NotLetter().Replace(word.ToLowerInvariant(), string.Empty);
        if (w.Length == 0)
        {
            return 0;
        }

        var count = 0;
        var i = 0;
        while (i < w.Length)
        {
            if (!IsVowel(w, i))
            {
                i++;
                continue;
            }

            count++;
            var j = i + 1;
            while (j < w.Length && IsVowel(w, j))
            {
                if (IsHiatus(w[j - 1], w[j]))
                {
                    count++;
                }

                j++;
            }

            i = j;
        }

        return Math.Max(1, count);
    }

    /// <summary>Gets the words of a text (after parenthesised text is dropped).</summary>
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
    public static int Sentences(string text) => Readability.Sentences(text);

    /// <summary>Computes the Fernández-Huerta score of a text; <see langword="null"/> for a text without words.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The score, unrounded.</returns>
    public static double? Score(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var syllablesPer100Words = 100.0 * words.Sum(Syllables) / words.Count;
        var wordsPerSentence = (double)words.Count / Sentences(text);
        return 206.84 - (0.60 * syllablesPer100Words) - (1.02 * wordsPerSentence);
    }

    /// <summary>
    /// Computes the Szigriszt-Pazos perspicuity of a text, read on the INFLESZ scale (Barrio-Cantalejo et al., 2008):
    /// 206.835 − 62.3 × syllables per word − words per sentence, with the same words, syllables and sentences as
    /// <see cref="Score"/>; <see langword="null"/> for a text without words. INFLESZ: below 40 very hard, 40 to 55 somewhat
    /// hard, 55 to 65 normal, 65 to 80 fairly easy, 80 and above very easy (<see cref="InfleszLevel"/>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The score, unrounded.</returns>
    public static double? Inflesz(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var syllablesPerWord = (double)words.Sum(Syllables) / words.Count;
        var wordsPerSentence = (double)words.Count / Sentences(text);
        return 206.835 - (62.3 * syllablesPerWord) - wordsPerSentence;
    }

    /// <summary>Names the INFLESZ level of a Szigriszt-Pazos score (<see cref="Inflesz"/>), in English.</summary>
    /// <param name="score">The score.</param>
    /// <returns>very hard, somewhat hard, normal, fairly easy or very easy.</returns>
    public static string InfleszLevel(double score) => score switch
    {
        < 40 => "very hard",
        < 55 => "somewhat hard",
        < 65 => "normal",
        < 80 => "fairly easy",
        _ => "very easy",
    };

    // y is a vowel alone ("y") or last after a vowel ("hoy", "muy"); a consonant before a vowel or first ("ayuda", "yo").
    private static bool IsVowel(string word, int index) => word[index] == 'y'
        ? word.Length == 1 || (index == word.Length - 1 && index > 0 && Vowels.Contains(word[index - 1], StringComparison.Ordinal))
        : Vowels.Contains(word[index], StringComparison.Ordinal);

    private static bool IsHiatus(char first, char second) =>
        (StrongVowels.Contains(first, StringComparison.Ordinal) && StrongVowels.Contains(second, StringComparison.Ordinal))
        || AccentedWeakVowels.Contains(first, StringComparison.Ordinal) || AccentedWeakVowels.Contains(second, StringComparison.Ordinal);

    [GeneratedRegex("[^a-záéíóúüñ]")]
    private static partial Regex NotLetter();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("[A-Za-zÁÉÍÓÚÜÑáéíóúüñ][A-Za-zÁÉÍÓÚÜÑáéíóúüñ'-]*")]
    private static partial Regex Word();
}
