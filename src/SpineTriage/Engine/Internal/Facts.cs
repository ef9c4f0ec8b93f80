using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>Whether a derived fact (fever, wound sign) is present, absent or cannot be told.</summary>
internal enum Presence : byte
{
    Unknown,
    Absent,
    Present,
}

/// <summary>
/// The facts of one validated report as the rules see them (clinical-criteria.md section 2):
/// answers as bit masks over <see cref="QuestionId"/>, and the derived facts.
/// </summary>
internal readonly struct Facts
{
    public const uint RedFlagMask = (1u << ((int)QuestionId.CalfPainOrSwelling + 1)) - 1;

    public const uint WoundSignMask = (1u << (int)QuestionId.WoundDischarge) | (1u << (int)QuestionId.WoundRednessOrSwelling);

    public const uint HardwareSymptomMask =
        (1u << (int)QuestionId.NewOrWorseningPain)
        | (1u << (int)QuestionId.PainReturnedAfterImprovement)
        | (1u << (int)QuestionId.InstabilityOrMovement)
        | (1u << (int)QuestionId.RadiatingLimbPain)
        | (1u << (int)QuestionId.LocalizedTenderness)
        | (1u << (int)QuestionId.PainWorseWithMovement)
        | (1u << (int)QuestionId.LumpOverHardware);

    private const uint FeverBit = 1u << (int)QuestionId.Fever;

    public Facts(ReportFacts report, decimal feverThresholdCelsius)
    {
        Report = report;
        var yes = report.Yes;
        TemperatureIsFever = report.Temperature.HasValue && report.TemperatureCelsius >= feverThresholdCelsius;
        var feverAnswer = (yes & FeverBit) != 0 ? Answer.Yes : (report.No & FeverBit) != 0 ? Answer.No : Answer.Unknown;
        Fever = feverAnswer == Answer.Yes || TemperatureIsFever ? Presence.Present
            : feverAnswer == Answer.No || report.Temperature.HasValue ? Presence.Absent
            : Presence.Unknown;
        WoundSignPresent = (yes & WoundSignMask) != 0;
        HardwareSymptom = (yes & HardwareSymptomMask) != 0;
        var unknownRedFlags = ~(yes | report.No) & RedFlagMask;
        UnresolvedRedFlags = Fever == Presence.Unknown ? unknownRedFlags : unknownRedFlags & ~FeverBit;
        FeverContradiction = TemperatureIsFever && feverAnswer == Answer.No;
        FeverAnswerContradicted = feverAnswer == Answer.Yes && report.Temperature.HasValue && !TemperatureIsFever;
        Bits = yes
            | ((ulong)UnresolvedRedFlags << FactBit.Unknown)
            | (1UL << (Fever == Presence.Present ? FactBit.FeverPresent : FactBit.FeverNotPresent))
            | (1UL << (WoundSignPresent ? FactBit.WoundSignPresent : FactBit.WoundSignNotPresent))
            | (1UL << (HardwareSymptom ? FactBit.HardwareSymptom : FactBit.NoHardwareSymptom))
            | (report.PainScore >= 0 ? ((2UL << report.PainScore) - 1) << FactBit.PainAtLeast : 0);
    }

    /// <summary>Gets the facts one bit each, as the conditions test them (<see cref="FactBit"/>).</summary>
    public ulong Bits { get; }

    public ReportFacts Report { get; }

    /// <summary>Gets the pain score, or -1 when none was given.</summary>
    public int PainScore => Report.PainScore;

    public uint Yes => Report.Yes;

    public Presence Fever { get; }

    public bool TemperatureIsFever { get; }

    /// <summary>Gets whether a wound sign was answered yes; "not present" covers both no and unknown (the rules ask nothing more).</summary>
    public bool WoundSignPresent { get; }

    public bool HardwareSymptom { get; }

    /// <summary>Red-flag questions that are unknown; fever counts as answered when it is present or absent.</summary>
    public uint UnresolvedRedFlags { get; }

    /// <summary>A measured fever although <c>fever</c> was answered no.</summary>
    public bool FeverContradiction { get; }

    /// <summary><c>fever</c> answered yes although the measured temperature is below the threshold.</summary>
    public bool FeverAnswerContradicted { get; }

    public bool IsYes(QuestionId question) => (Report.Yes & (1u << (int)question)) != 0;
}

/// <summary>
/// Where each fact is in <see cref="Facts.Bits"/>. A condition is a set of clauses over these bits
/// (<see cref="Condition.Clauses"/>), so the engine tests every rule with a few table reads (<see cref="RuleTable"/>).
/// </summary>
internal static class FactBit
{
    /// <summary>Bit <c>q</c>: question <c>q</c> answered yes (18 questions).</summary>
    public const int Yes = 0;

    /// <summary>Bit <c>18 + q</c>: red-flag question <c>q</c> unknown; fever counts as answered when fever is present or absent.</summary>
    public const int Unknown = 18;

    public const int FeverPresent = 28;
    public const int FeverNotPresent = 29;
    public const int WoundSignPresent = 30;
    public const int WoundSignNotPresent = 31;
    public const int HardwareSymptom = 32;
    public const int NoHardwareSymptom = 33;

    /// <summary>Bit <c>34 + k</c>: a pain score of at least <c>k</c>, for <c>k</c> from 0 to 10.</summary>
    public const int PainAtLeast = 34;

    public static ulong Of(int bit) => 1UL << bit;
}

/// <summary>The engine-independent facts of a validated report, computed once at validation.</summary>
internal sealed record ReportFacts(uint Yes, uint No, int PainScore, Temperature? Temperature, decimal TemperatureCelsius)
{
    public static ReportFacts Of(SymptomReport report)
    {
        report.Answers.Classify(out var yes, out var no, out _);
        var temperature = report.Temperature;
        return new ReportFacts(
            yes,
            no,
            report.PainScore ?? -1,
            temperature,
            temperature.HasValue ? temperature.Value.ToCelsius() : 0m);
    }
}
