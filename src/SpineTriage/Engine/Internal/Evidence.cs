using SpineTriage.Rules;
using static System.Numerics.BitOperations;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// Which facts decide the evidence of a condition that holds (<see cref="ConditionInterpreter.Evidence"/>):
/// the questions of <see cref="Yes"/> answered yes, the red flags of <see cref="Unknown"/> left unresolved,
/// the pain score, and the temperature when it counts as fever. Reports that agree on them get the same
/// evidence, so the engine keeps one finding per evidence, numbered densely (<see cref="IndexOf"/>). A
/// condition whose evidence depends on more (days since surgery, say) is <see cref="Uncached"/>: its
/// finding is made for each report.
/// </summary>
internal readonly record struct EvidenceSpace(uint Yes, uint Unknown, bool PainScore, bool Temperature, bool Uncached = false)
{
    private const int PainScores = FactLayout.MaxPainScore + 1;

    // The cited answers as they lie in Cited(facts); how far to shift them down when they are neighbours, or -1.
    private readonly ulong _answers = Yes | ((ulong)Unknown << 32);
    private readonly int _shift = ShiftOf(Yes | ((ulong)Unknown << 32));
    private readonly int _answerCount = PopCount(Yes | ((ulong)Unknown << 32));

    /// <summary>Gets the number of evidences without a temperature (0 when uncached).</summary>
    public int Count => Uncached ? 0 : (1 << _answerCount) * (PainScore ? PainScores : 1);

    /// <summary>Finds the facts that decide a condition's evidence; the condition is assumed to hold.</summary>
    public static EvidenceSpace Of(Condition condition, FactLayout layout) => condition switch
    {
        AllOf all => all.Conditions.Aggregate(default(EvidenceSpace), (space, c) => space.With(Of(c, layout))),
        AnyOf { Conditions.Count: 1 } any => Of(any.Conditions[0], layout),

        // Which alternatives hold decides which cite: only yes answers and unresolved red flags are numbered.
        AnyOf any => any.Conditions.Aggregate(default(EvidenceSpace), (space, c) => space.With(Of(c, layout)).With(Deciding(c, layout))),
        NamedFact fact => Of(fact.Definition, layout),
        FeverIs { Presence: Presence.Present } => new(1u << (int)Reports.QuestionId.Fever, 0, false, true),
        FeverIs { Presence: Presence.Absent } or DaysSinceSurgeryWithin or RegionIs { Regions.Count: > 1 } => new(0, 0, false, false, true),
        PainScoreAtLeast => new(0, 0, true, false),
        RedFlagUnresolved => new(0, layout.RedFlags, false, false),
        _ => default,
    };

    public EvidenceSpace With(in EvidenceSpace other) =>
        new(Yes | other.Yes, Unknown | other.Unknown, PainScore || other.PainScore, Temperature || other.Temperature, Uncached || other.Uncached);

    /// <summary>The number of the evidence a report gives, or -1 when it is not kept (it names a measured temperature, or the space is uncached).</summary>
    public int IndexOf(in Facts facts)
    {
        if (Uncached || (Temperature && facts.TemperatureIsFever))
        {
            return -1;
        }

        var cited = Cited(facts) & _answers;
        var answers = (int)(_shift >= 0 ? cited >> _shift : Pack(cited, _answers));
        return PainScore ? (facts.PainScore << _answerCount) | answers : answers;
    }

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

    private static ulong Cited(in Facts facts) => facts.Yes | ((ulong)facts.UnresolvedRedFlags << 32);

    // The facts that decide whether an alternative holds: yes answers and unresolved red flags can be numbered, anything else cannot.
    private static EvidenceSpace Deciding(Condition condition, FactLayout layout) => condition switch
    {
        AllOf all => all.Conditions.Aggregate(default(EvidenceSpace), (space, c) => space.With(Deciding(c, layout))),
        AnyOf any => any.Conditions.Aggregate(default(EvidenceSpace), (space, c) => space.With(Deciding(c, layout))),
        NamedFact fact => Deciding(fact.Definition, layout),
        NotOf not => Deciding(not.Condition, layout),
        AnswerIs { Answer: Reports.Answer.Yes } answer => new(1u << (int)answer.Question, 0, false, false),
        PainScoreAtLeast => new(0, 0, true, false),
        RedFlagUnresolved => new(0, layout.RedFlags, false, false),
        _ => new(0, 0, false, false, true),
    };
}
