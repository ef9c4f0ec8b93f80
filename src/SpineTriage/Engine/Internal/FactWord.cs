using System.Numerics;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// The facts of a report one bit each (<see cref="FactLayout"/> says which bit is which), in
/// <see cref="Bits"/> bits: rule set 1.0 uses 62 of them, rule set 2.0 about 83.
/// </summary>
internal readonly record struct FactWord(ulong Low, ulong High)
{
    public const int Bits = 128;

    public static FactWord Empty => default;

    public bool IsEmpty => (Low | High) == 0;

    public int Count => BitOperations.PopCount(Low) + BitOperations.PopCount(High);

    public static FactWord Bit(int bit) =>
        (uint)bit >= Bits ? throw new ArgumentOutOfRangeException(nameof(bit), bit, "Outside the facts word.")
        : bit < 64 ? new(1UL << bit, 0) : new(0, 1UL << (bit - 64));

    /// <summary>The facts word with <paramref name="bits"/> placed from bit <paramref name="at"/> on.</summary>
    public static FactWord At(ulong bits, int at) =>
        at >= 64 ? new(0, bits << (at - 64))
        : at == 0 ? new(bits, 0)
        : new(bits << at, bits >> (64 - at));

    public bool Has(int bit) => !(this & Bit(bit)).IsEmpty;

    /// <summary>Whether the two words share a bit.</summary>
    public bool Intersects(in FactWord other) => ((Low & other.Low) | (High & other.High)) != 0;

    public static FactWord operator |(in FactWord a, in FactWord b) => new(a.Low | b.Low, a.High | b.High);

    public static FactWord operator &(in FactWord a, in FactWord b) => new(a.Low & b.Low, a.High & b.High);

    public static FactWord operator ~(in FactWord a) => new(~a.Low, ~a.High);

    /// <summary>The numbers of the bits that are set, lowest first.</summary>
    public IEnumerable<int> SetBits()
    {
        for (var bit = 0; bit < Bits; bit++)
        {
            if (Has(bit))
            {
                yield return bit;
            }
        }
    }

    public override string ToString() => $"{High:x16}{Low:x16}";
}
