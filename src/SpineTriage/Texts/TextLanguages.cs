using SpineTriage.Texts.Internal;

namespace SpineTriage.Texts;

/// <summary>
/// The languages of the patient-facing texts: one embedded catalogue per language (<c>Texts/{language}.json</c>,
/// docs/texts.md). An engine speaks one by default (<see cref="Engine.TriageEngineOptions.Language"/>) and a report may
/// ask for another (<see cref="Reports.SymptomReport.Language"/>); decisions never depend on the language.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class TextLanguages
{
    /// <summary>English, <c>en</c>: the default language and the reference catalogue.</summary>
    public const string English = "en";

    /// <summary>
    /// Spanish, <c>es</c> ("usted" register). A translation to be reviewed by a qualified medical translator before
    /// clinical use. Supported when its catalogue is embedded (<see cref="All"/>).
    /// </summary>
    public const string Spanish = "es";

    /// <summary>Gets every supported language: the codes of the embedded catalogues, in ordinal order (<c>en</c> first).</summary>
    public static IReadOnlyList<string> All => TextCatalogue.Languages;

    /// <summary>Tells whether a language code is supported (case-sensitive, as in report JSON).</summary>
    /// <param name="language">A code such as <c>en</c> or <c>es</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="language"/> is one of <see cref="All"/>.</returns>
    public static bool IsSupported(string? language) => language is not null && TextCatalogue.FindLanguage(language) is not null;
}
