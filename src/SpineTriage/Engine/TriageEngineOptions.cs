using SpineTriage.Results;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Engine;

/// <summary>
/// The settings of a <see cref="TriageEngine"/>. Validated when the engine is built; thresholds are part of
/// the rule-set hash, so a result always tells which thresholds produced it.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record TriageEngineOptions
{
    /// <summary>The lowest allowed <see cref="FeverThresholdCelsius"/>.</summary>
    public const decimal MinFeverThresholdCelsius = 37.5m;

    /// <summary>The highest allowed <see cref="FeverThresholdCelsius"/>.</summary>
    public const decimal MaxFeverThresholdCelsius = 39.5m;

    /// <summary>The lowest allowed <see cref="SeverePainScore"/>.</summary>
    public const int MinSeverePainScore = 6;

    /// <summary>The highest allowed <see cref="SeverePainScore"/>.</summary>
    public const int MaxSeverePainScore = 10;

    /// <summary>The smallest allowed <see cref="MaxReportBytes"/>: 4 KiB, room for any valid report.</summary>
    public const int MinMaxReportBytes = 4 * 1024;

    /// <summary>The largest allowed <see cref="MaxReportBytes"/>: 64 MiB.</summary>
    public const int MaxMaxReportBytes = 64 * 1024 * 1024;

    /// <summary>The largest allowed <see cref="MaxErrors"/>.</summary>
    public const int MaxMaxErrors = 10_000;

    /// <summary>The longest text an override may give (<see cref="TextOverrides"/>), in characters.</summary>
    public const int MaxTextLength = 1000;

    private readonly IReadOnlyList<TextOverride> _textOverrides = ValueList<TextOverride>.Empty;

    /// <summary>Gets the default options: rule set 3.0 (<see cref="Rules.RuleSets.Default"/>) with the default thresholds.</summary>
    public static TriageEngineOptions Default { get; } = new();

    /// <summary>
    /// Gets the rule set the engine runs, by the selector of its line (<see cref="Rules.RuleSets"/>): <c>1.0</c> runs the
    /// latest 1.x rule set, <c>2.0</c> the latest 2.x, <c>3.0</c> the latest 3.x (default: <c>3.0</c>). Results and audit
    /// records carry the exact version (<see cref="Results.RuleSetIdentity"/>). Any other value is refused when the engine
    /// is built. An engine rejects answers to the questions its rule set does not have (rule set 1.0 those 2.0 adds, 1.0 and
    /// 2.0 those 3.0 adds).
    /// </summary>
    public string RuleSet { get; init; } = Rules.RuleSets.Default;

    /// <summary>
    /// Gets a rule set loaded from a document (a local edition, docs/rule-sets.md:
    /// <see cref="Rules.LoadedRuleSet.LoadFile(string)"/>), which the engine runs instead of the shipped line
    /// <see cref="RuleSet"/> names; <see langword="null"/> (the default) runs the shipped line. The document was validated
    /// when it was loaded. Results and audit records carry its version and hash, and the hash covers its name.
    /// </summary>
    public Rules.LoadedRuleSet? LoadedRuleSet { get; init; }

    /// <summary>
    /// Gets the temperature at or above which fever is present, in °C (37.5 to 39.5), overriding the rule set's own
    /// (<c>thresholds.feverCelsius</c> of its document, 38.0 °C = 100.4 °F in every shipped rule set); <see langword="null"/>
    /// (the default) keeps the rule set's. The threshold in use is <see cref="Rules.RuleSet.FeverThresholdCelsius"/>.
    /// </summary>
    public decimal? FeverThresholdCelsius { get; init; }

    /// <summary>
    /// Gets the pain score at or above which pain is severe (6 to 10), overriding the rule set's own
    /// (<c>thresholds.severePainScore</c>, 8 in every shipped rule set); <see langword="null"/> (the default) keeps the
    /// rule set's. The score in use is <see cref="Rules.RuleSet.SeverePainScore"/>.
    /// </summary>
    public int? SeverePainScore { get; init; }

    /// <summary>
    /// Gets the largest report JSON, in UTF-8 bytes, that <see cref="TriageEngine.TriageJson(string)"/> reads (4 KiB to
    /// 64 MiB; default 1 MiB). A larger input is refused with one <see cref="Validation.ErrorCodes.TooLarge"/> error
    /// before any of it is parsed. A symptom report is a few kilobytes. Not part of the rule-set hash.
    /// </summary>
    public int MaxReportBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Gets the most errors listed for one report (1 to 10,000; default 100). Beyond them, one
    /// <see cref="Validation.ErrorCodes.TooManyErrors"/> error at <c>$</c> says how many more were found. Not part of
    /// the rule-set hash.
    /// </summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>
    /// Gets the disposition texts (default: the English catalogue's <c>disposition.{urgency}</c>). A compatible route to
    /// <see cref="TextOverrides"/>: each text that differs from the English catalogue's overrides
    /// <c>disposition.{urgency}</c> in the engine's <see cref="Language"/>, checked like any override; overriding the same
    /// key there through <see cref="TextOverrides"/> as well is a <see cref="ErrorCodes.Conflict"/>.
    /// </summary>
    public DispositionTexts Dispositions { get; init; } = DispositionTexts.Default;

    /// <summary>
    /// Gets the language of the engine's texts when a report names none (<see cref="Reports.SymptomReport.Language"/>): one
    /// of <see cref="TextLanguages.All"/> (default <c>en</c>). Decisions never depend on it; the text set does
    /// (<see cref="TriageResult.TextSet"/>).
    /// </summary>
    public string Language { get; init; } = TextLanguages.English;

    /// <summary>
    /// Gets the telephone number the emergency texts name (the <c>{emergencyNumber}</c> of <c>disposition.emergency</c>,
    /// <c>prompt.emergency</c> and the airway explanation, docs/texts.md): digits, spaces and dashes with an optional
    /// leading <c>+</c>, at most 20 characters; default <c>911</c>. A text, not a decision: it changes the text-set hash.
    /// </summary>
    public string EmergencyNumber { get; init; } = Texts.Internal.TextCatalogue.DefaultEmergencyNumber;

    /// <summary>
    /// Gets the integrator's wording of patient-facing texts, per language and catalogue key (docs/texts.md), for example
    /// <c>[new("en", "disposition.urgent", "Call the spine nurse line on 0800 …")]</c>. Checked when the engine is built
    /// (<see cref="Validate"/>): a known language and key, each pair once, a non-blank text of at most
    /// <see cref="MaxTextLength"/> characters, with exactly the placeholders of the default text. Overrides change the
    /// text-set hash, never the rule-set hash: they cannot remove a question, change an urgency or switch off a rule.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/> (give an empty list for none).</exception>
    public IReadOnlyList<TextOverride> TextOverrides
    {
        get => _textOverrides;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _textOverrides = ValueList<TextOverride>.CopyOf(value);
        }
    }

    /// <summary>
    /// Checks the options as building an engine does, without building one: every problem, each with a stable code of
    /// <see cref="ErrorCodes"/> (<see cref="ErrorCodes.OutOfRange"/>, <see cref="ErrorCodes.UnknownValue"/>,
    /// <see cref="ErrorCodes.UnknownLanguage"/>, <see cref="ErrorCodes.UnknownTextKey"/>, <see cref="ErrorCodes.Required"/>,
    /// <see cref="ErrorCodes.TooLong"/>, <see cref="ErrorCodes.PlaceholderMismatch"/>, <see cref="ErrorCodes.DuplicateKey"/>,
    /// <see cref="ErrorCodes.Conflict"/>) and the option as its path, for example <c>TextOverrides[0].Key</c>; a message
    /// names the language and key of an override.
    /// </summary>
    /// <returns>Every error; empty when an engine can be built with these options.</returns>
    public IReadOnlyList<ValidationError> Validate() => TriageEngine.OptionErrors(this);
}
