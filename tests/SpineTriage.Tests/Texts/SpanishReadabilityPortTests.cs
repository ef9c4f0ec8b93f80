using FluentAssertions;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Texts;

/// <summary>
/// The Spanish syllable counter and Fernández-Huerta score of <see cref="SpanishReadability"/> against counts made by
/// hand with the Spanish spelling rules (each word's division is written beside it), and against scores worked out by
/// hand from those counts.
/// </summary>
public class SpanishReadabilityPortTests
{
    [Theory]
    [InlineData("columna", 3)] // co-lum-na
    [InlineData("vejiga", 3)] // ve-ji-ga
    [InlineData("intestino", 4)] // in-tes-ti-no
    [InlineData("cirujano", 4)] // ci-ru-ja-no
    [InlineData("pierna", 2)] // pier-na: diphthong ie
    [InlineData("huesos", 2)] // hue-sos: diphthong ue
    [InlineData("ciudad", 2)] // ciu-dad: two weak vowels, a diphthong
    [InlineData("buey", 1)] // buey: triphthong u-e-y
    [InlineData("día", 2)] // dí-a: accented weak vowel, a hiatus
    [InlineData("reúne", 3)] // re-ú-ne
    [InlineData("leer", 2)] // le-er: two strong vowels, a hiatus
    [InlineData("aéreo", 4)] // a-é-re-o
    [InlineData("fisioterapia", 5)] // fi-sio-te-ra-pia
    [InlineData("ahora", 3)] // a-ho-ra: h between vowels
    [InlineData("pingüino", 3)] // pin-güi-no
    [InlineData("que", 1)] // que: the u is silent
    [InlineData("y", 1)]
    [InlineData("hoy", 1)] // final y after a vowel is a vowel
    [InlineData("ayuda", 3)] // a-yu-da: y before a vowel is a consonant
    [InlineData("Hinchazón", 3)] // hin-cha-zón, capital letter
    [InlineData("38,0", 0)]
    public void Syllables_match_a_hand_count(string word, int syllables)
    {
        SpanishReadability.Syllables(word).Should().Be(syllables);
    }

    [Fact]
    public void The_score_is_the_fernandez_huerta_formula_on_hand_counted_syllables()
    {
        // "La herida sangra." la(1) he-ri-da(3) san-gra(2): 3 words, 6 syllables, 1 sentence
        // 206.84 - 0.60 × 200 - 1.02 × 3 = 83.78
        SpanishReadability.Score("La herida sangra.").Should().BeApproximately(83.78, 1e-9);

        // "¿Le duele? Llame hoy." le(1) due-le(2) | lla-me(2) hoy(1): 4 words, 6 syllables, 2 sentences
        // 206.84 - 0.60 × 150 - 1.02 × 2 = 114.80
        SpanishReadability.Score("¿Le duele? Llame hoy.").Should().BeApproximately(114.80, 1e-9);
    }

    [Fact]
    public void Parenthesised_text_and_numbers_are_not_words_as_in_the_english_port()
    {
        SpanishReadability.Words("¿Tiene fiebre (38,0 °C o más)?").Should().Equal("Tiene", "fiebre");
        SpanishReadability.Words("Ñandú, pingüino-rey").Should().Equal("Ñandú", "pingüino-rey");
        SpanishReadability.Sentences("¿Le duele? ¡Llame! Ya.").Should().Be(3);
        SpanishReadability.Score("38,0 / 100,4").Should().BeNull();
    }

    [Fact]
    public void Longer_words_and_longer_sentences_score_lower()
    {
        var plain = SpanishReadability.Score("Llame hoy a su equipo.")!.Value;
        var longWords = SpanishReadability.Score("Contacte inmediatamente con profesionales especializados.")!.Value;
        var longSentence = SpanishReadability.Score("Llame hoy a su equipo y, si no puede hablar con ellos ni con nadie de la consulta, vaya al centro más cercano.")!.Value;

        longWords.Should().BeLessThan(plain);
        longSentence.Should().BeLessThan(plain);
    }
}
