using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// The facts of one validated report as the rules see them (clinical-criteria.md section 2): the facts word
/// the compiled rules test (<see cref="Word"/>, laid out by a <see cref="FactLayout"/>, which makes it), and
/// the same facts as values for the explanation.
/// </summary>
internal readonly struct Facts(
    FactWord word,
    ReportFacts report,
    Presence fever,
    bool temperatureIsFever,
    uint unresolvedRedFlags,
    Answer feverAnswer,
    int daysSinceSurgery,
    SurgeryRegion? region,
    int riskFactorMask)
{
    // The word is kept as its two halves and put together when read, so that the JIT reads it as two 8-byte values
    // (in registers for RuleTable.Fire) rather than copying 16 bytes at once from the two 8-byte halves just stored,
    // which stalls.
    private readonly ulong _low = word.Low;
    private readonly ulong _high = word.High;

    /// <summary>Gets the facts one bit each, as the compiled conditions test them.</summary>
    public FactWord Word => new(_low, _high);

    public ReportFacts Report { get; } = report;

    /// <summary>Gets the pain score, or -1 when none was given.</summary>
    public int PainScore => Report.PainScore;

    public uint Yes => Report.Yes;

    public uint No => Report.No;

    public Presence Fever { get; } = fever;

    public bool TemperatureIsFever { get; } = temperatureIsFever;

    /// <summary>Gets the red-flag questions that apply and are unknown; fever counts as answered when fever is present or absent.</summary>
    public uint UnresolvedRedFlags { get; } = unresolvedRedFlags;

    /// <summary>A measured fever although <c>fever</c> was answered no.</summary>
    public bool FeverContradiction => TemperatureIsFever && feverAnswer == Answer.No;

    /// <summary><c>fever</c> answered yes although the measured temperature is below the threshold.</summary>
    public bool FeverAnswerContradicted => feverAnswer == Answer.Yes && Report.Temperature.HasValue && !TemperatureIsFever;

    public int DaysSinceSurgery { get; } = daysSinceSurgery;

    public SurgeryRegion? Region { get; } = region;

    /// <summary>Gets the risk factors present: bit <c>r - 1</c> for risk factor <c>r</c>.</summary>
    public int RiskFactorMask { get; } = riskFactorMask;

    public Answer AnswerTo(QuestionId question) =>
        (Report.Yes & (1u << (int)question)) != 0 ? Answer.Yes : (Report.No & (1u << (int)question)) != 0 ? Answer.No : Answer.Unknown;
}

/// <summary>The engine-independent facts of a validated report, computed once at validation.</summary>
internal sealed record ReportFacts(uint Yes, uint No, int PainScore, Temperature? Temperature, decimal TemperatureCelsius)
{
    /// <summary>
    /// Gets the questions absent from the report's answers (bit <c>q</c>: question <c>q</c>), the ones an interview has
    /// not asked yet; kept here so that an evaluation does not classify the answers again.
    /// </summary>
    public uint NotGiven { get; init; }

    /// <summary>
    /// Gets the temperature in millionths of a degree Celsius when that is exact, else <see cref="NoExactMicroCelsius"/>,
    /// so that the engine can compare it with its fever threshold as a whole number rather than as a decimal.
    /// </summary>
    public long TemperatureMicroCelsius { get; } = Temperature.HasValue ? MicroCelsius(TemperatureCelsius) : NoExactMicroCelsius;

    /// <summary>Stands for a value that is no whole number of millionths of a degree (or out of range).</summary>
    public const long NoExactMicroCelsius = long.MinValue;

    /// <summary>A value in millionths when that is exact (it converts back to the same decimal), else <see cref="NoExactMicroCelsius"/>.</summary>
    public static long MicroCelsius(decimal celsius)
    {
        const decimal Micro = 1_000_000m;
        if (celsius is > 1_000_000_000m or < -1_000_000_000m)
        {
            return NoExactMicroCelsius;
        }

        var scaled = celsius * Micro;
        // A whole number of millionths converts back exactly: no second check is needed.
        return decimal.Truncate(scaled) == scaled ? (long)scaled : NoExactMicroCelsius;
    }

    public static ReportFacts Of(SymptomReport report)
    {
        report.Answers.Classify(out var yes, out var no, out var notGiven);
        var temperature = report.Temperature;
        return new ReportFacts(
            yes,
            no,
            report.PainScore ?? -1,
            temperature,
            temperature.HasValue ? temperature.Value.ToCelsius() : 0m)
        {
            NotGiven = notGiven,
        };
    }
}
