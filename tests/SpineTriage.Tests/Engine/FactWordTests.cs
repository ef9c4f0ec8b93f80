using FluentAssertions;
using SpineTriage.Engine.Internal;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The engine's 128-bit facts word (<see cref="FactWord"/>) at the edges of its two halves: bit 63 and 64, a run of bits
/// placed across the boundary, and bits outside the word (mutation run 7: these were reached by no rule set's layout).
/// </summary>
public class FactWordTests
{
    [Theory]
    [InlineData(0, 1UL, 0UL)]
    [InlineData(63, 1UL << 63, 0UL)]
    [InlineData(64, 0UL, 1UL)]
    [InlineData(65, 0UL, 2UL)]
    [InlineData(127, 0UL, 1UL << 63)]
    public void A_bit_lands_in_its_half(int bit, ulong low, ulong high)
    {
        FactWord.Bit(bit).Should().Be(new FactWord(low, high));
        FactWord.Bit(bit).Has(bit).Should().BeTrue();
        FactWord.Bit(bit).Count.Should().Be(1);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(128)]
    public void A_bit_outside_the_word_is_refused(int bit)
    {
        FluentActions.Invoking(() => FactWord.Bit(bit)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(bit));
    }

    [Theory]
    [InlineData(0b101UL, 0, 0b101UL, 0UL)]
    [InlineData(0b101UL, 1, 0b1010UL, 0UL)]
    [InlineData(0b111UL, 62, 0b11UL << 62, 0b1UL)]
    [InlineData(0b1UL, 64, 0UL, 0b1UL)]
    [InlineData(0b11UL, 65, 0UL, 0b110UL)]
    public void Bits_placed_at_a_position_cross_into_the_high_half_whole(ulong bits, int at, ulong low, ulong high)
    {
        FactWord.At(bits, at).Should().Be(new FactWord(low, high));
    }

    [Fact]
    public void Count_union_and_intersection_take_both_halves()
    {
        var a = new FactWord(0b11, 0b01);
        var b = new FactWord(0b100, 0b10);

        a.Count.Should().Be(3);
        (a | b).Should().Be(new FactWord(0b111, 0b11));
        (a & new FactWord(0b10, 0b11)).Should().Be(new FactWord(0b10, 0b01));
        a.Intersects(new FactWord(0, 0b01)).Should().BeTrue();
        a.Intersects(b).Should().BeFalse();
        a.SetBits().Should().Equal(0, 1, 64);
    }
}
