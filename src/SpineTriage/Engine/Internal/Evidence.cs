using SpineTriage.Reports;
using static System.Numerics.BitOperations;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// The facts a finding cites: questions answered yes, red-flag questions left unknown, the pain score,
/// and the measured temperature when it counts as fever. Equal evidence gives equal evidence lines.
/// </summary>
internal readonly record struct Evidence(uint Yes, uint Unknown, int PainScore, Temperature? Temperature);

/// <summary>
/// Which facts a condition cites when it holds: the questions of <see cref="Yes"/> answered yes, the red
/// flags of <see cref="Unknown"/> left unknown, the pain score, the temperature when it counts as fever.
/// Without the temperature, a space holds few evidences; they are numbered densely so the engine can keep
/// the finding of each in an array.
/// </summary>
internal readonly record struct EvidenceSpace(uint Yes, uint Unknown, bool PainScore, bool Temperature)
{
    private const int PainScores = 11;

    // The cited answers where they lie in Facts.Bits, so a report's evidence is read from that one word;
    // how far to shift them down when they are neighbours (asking order groups a condition's questions), or -1.
    private readonly ulong _answers = AnswersOf(Yes, Unknown);
    private readonly int _shift = ShiftOf(AnswersOf(Yes, Unknown));
    private readonly int _answerCount = PopCount(AnswersOf(Yes, Unknown));

    /// <summary>Gets the number of evidences without a temperature.</summary>
    public int Count => (1 << _answerCount) * (PainScore ? PainScores : 1);

    public EvidenceSpace With(in EvidenceSpace other) =>
        new(Yes | other.Yes, Unknown | other.Unknown, PainScore || other.PainScore, Temperature || other.Temperature);

    /// <summary>
    /// The evidence a report gives: its answers restricted to this space, its pain score and its temperature
    /// when that counts as fever (a condition that does not cite them does not read them).
    /// </summary>
    public Evidence Of(in Facts facts) => new(
        facts.Yes & Yes,
        facts.UnresolvedRedFlags & Unknown,
        facts.PainScore,
        facts.TemperatureIsFever ? facts.Report.Temperature : null);

    /// <summary>The number of the evidence a report gives, or -1 when that evidence names a measured temperature.</summary>
    public int IndexOf(in Facts facts)
    {
        if (Temperature && facts.TemperatureIsFever)
        {
            return -1;
        }

        var cited = facts.Bits & _answers;
        var answers = (int)(_shift >= 0 ? cited >> _shift : Pack(cited, _answers));
        return PainScore ? (facts.PainScore << _answerCount) | answers : answers;
    }

    // Yes answers are the low bits of the facts word (FactBit.Yes is 0).
    private static ulong AnswersOf(uint yes, uint unknown) => yes | ((ulong)unknown << FactBit.Unknown);

    /// <summary>The lowest bit of <paramref name="mask"/> when its bits are neighbours (or it is empty), else -1.</summary>
    internal static int ShiftOf(ulong mask)
    {
        var shift = TrailingZeroCount(mask | (1UL << 63));
        return ((mask >> shift) & ((mask >> shift) + 1)) == 0 ? shift : -1;
    }

    /// <summary>The bits of <paramref name="value"/> selected by <paramref name="mask"/>, moved to the low bits.</summary>
    internal static ulong Pack(ulong value, ulong mask)
    {
        ulong packed = 0;
        for (var bit = 1UL; mask != 0; mask &= mask - 1, bit <<= 1)
        {
            packed |= (value & mask & (0UL - mask)) != 0 ? bit : 0;
        }

        return packed;
    }
}
