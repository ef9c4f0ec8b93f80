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

    /// <summary>Gets the default options: rule set 2.0 (<see cref="Rules.RuleSets.Default"/>) with the default thresholds.</summary>
    public static TriageEngineOptions Default { get; } = new();

    /// <summary>
    /// Gets the rule set the engine runs, by the selector of its line (<see cref="Rules.RuleSets"/>): <c>1.0</c> runs the
    /// latest 1.x rule set, <c>2.0</c> the latest 2.x (default: <c>2.0</c>). Results and audit records carry the exact
    /// version (<see cref="Results.RuleSetIdentity"/>). Any other value is refused when the engine is built. An engine of
    /// rule set 1.0 rejects answers to the questions rule set 2.0 adds.
    /// </summary>
    public string RuleSet { get; init; } = Rules.RuleSets.Default;

    /// <summary>Gets the temperature at or above which fever is present, in °C (37.5 to 39.5; default 38.0 = 100.4 °F).</summary>
    public decimal FeverThresholdCelsius { get; init; } = 38.0m;

    /// <summary>Gets the pain score at or above which pain is severe (6 to 10; default 8).</summary>
    public int SeverePainScore { get; init; } = 8;

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

    /// <summary>Gets the disposition texts (default: those of the clinical criteria).</summary>
    public DispositionTexts Dispositions { get; init; } = DispositionTexts.Default;
}
