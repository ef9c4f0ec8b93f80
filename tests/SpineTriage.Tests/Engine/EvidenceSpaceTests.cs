using FluentAssertions;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Rules;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// How the engine numbers the evidences of a rule (<see cref="EvidenceSpace"/>) so that it can keep one
/// finding per evidence: the number of places, combining the spaces of "and", and the bit packing.
/// </summary>
public class EvidenceSpaceTests
{
    private const uint Three = 0b111u << (int)QuestionId.LocalizedTenderness;

    [Fact]
    public void A_space_of_three_answers_numbers_eight_evidences()
    {
        new EvidenceSpace(Three, 0, PainScore: false, Temperature: false).Count.Should().Be(8);
    }

    [Fact]
    public void A_space_with_the_pain_score_numbers_each_answer_combination_for_each_of_eleven_scores()
    {
        new EvidenceSpace(Three, 0, PainScore: true, Temperature: false).Count.Should().Be(88);
        new EvidenceSpace(0, 0, PainScore: true, Temperature: false).Count.Should().Be(11);
    }

    [Fact]
    public void A_space_that_cites_nothing_numbers_one_evidence()
    {
        default(EvidenceSpace).Count.Should().Be(1);
    }

    [Fact]
    public void An_uncached_space_numbers_no_evidence_whatever_else_it_cites()
    {
        // An uncached rule makes its finding for each report, so it keeps no slot for any (re-run of mutation run 7c).
        new EvidenceSpace(Three, 0, PainScore: true, Temperature: true, Uncached: true).Count.Should().Be(0);
        new EvidenceSpace(Three, 0, PainScore: true, Temperature: false).With(new(0, 0, false, false, Uncached: true)).Count.Should().Be(0);
    }

    [Fact]
    public void A_condition_on_one_region_is_cached_and_one_on_several_regions_is_not()
    {
        // The evidence names the report's region: fixed by a condition on one region, not by one on several.
        var layout = new RuleHarness(null, ("r", Urgency.Routine, When.Always)).Layout;
        var one = EvidenceSpace.Of(When.Region(SurgeryRegion.Cervical), layout);

        (one.Uncached, one.Count).Should().Be((false, 1));
        EvidenceSpace.Of(When.Region(SurgeryRegion.Cervical, SurgeryRegion.Lumbar), layout).Uncached.Should().BeTrue();
    }

    [Fact]
    public void The_space_of_and_cites_what_either_side_cites()
    {
        var left = new EvidenceSpace(0b01, 0b100, PainScore: false, Temperature: true);
        var right = new EvidenceSpace(0b10, 0b001, PainScore: true, Temperature: false);

        Cited(left.With(right)).Should().Be((0b11u, 0b101u, true, true));
        Cited(right.With(left)).Should().Be((0b11u, 0b101u, true, true));
        Cited(default(EvidenceSpace).With(default)).Should().Be((0u, 0u, false, false));
        left.With(right).Count.Should().Be(4 * 4 * 11);
    }

    private static (uint Yes, uint Unknown, bool PainScore, bool Temperature) Cited(EvidenceSpace space) =>
        (space.Yes, space.Unknown, space.PainScore, space.Temperature);

    [Theory]
    [InlineData(0b1UL, 0)]
    [InlineData(0b110UL, 1)]
    [InlineData(0b1110000UL, 4)]
    [InlineData(1UL << 63, 63)]
    [InlineData(ulong.MaxValue, 0)]
    [InlineData(0UL, 63)]
    public void Neighbouring_bits_are_packed_by_one_shift(ulong mask, int shift)
    {
        EvidenceSpace.ShiftOf(mask).Should().Be(shift);
    }

    [Theory]
    [InlineData(0b101UL)]
    [InlineData(0b1001UL)]
    [InlineData(0b110100UL)]
    [InlineData((1UL << 63) | 1UL)]
    public void Bits_with_gaps_cannot_be_packed_by_a_shift(ulong mask)
    {
        EvidenceSpace.ShiftOf(mask).Should().Be(-1);
    }

    [Theory]
    [InlineData(0b1111UL, 0b1010UL, 0b11UL)]
    [InlineData(0b1010UL, 0b1010UL, 0b11UL)]
    [InlineData(0b1000UL, 0b1010UL, 0b10UL)]
    [InlineData(0b0010UL, 0b1010UL, 0b01UL)]
    [InlineData(0b0101UL, 0b1010UL, 0b00UL)]
    [InlineData(ulong.MaxValue, 0UL, 0UL)]
    [InlineData(ulong.MaxValue, (1UL << 63) | (1UL << 40) | 1UL, 0b111UL)]
    [InlineData((1UL << 40) | 1UL, (1UL << 63) | (1UL << 40) | 1UL, 0b011UL)]
    [InlineData(0b100100UL, 0b110110UL, 0b1010UL)]
    public void Packing_moves_the_selected_bits_to_the_low_bits_in_order(ulong value, ulong mask, ulong packed)
    {
        EvidenceSpace.Pack(value, mask).Should().Be(packed);
    }

    [Fact]
    public void Packing_agrees_with_a_shift_where_one_suffices()
    {
        var random = new Random(1125);
        for (var i = 0; i < 1_000; i++)
        {
            var start = random.Next(0, 40);
            var mask = ((1UL << random.Next(1, 20)) - 1) << start;
            var value = (ulong)random.NextInt64();

            EvidenceSpace.Pack(value, mask).Should().Be((value & mask) >> EvidenceSpace.ShiftOf(mask));
        }
    }
}
