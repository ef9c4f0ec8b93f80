using FluentAssertions;
using SpineTriage.Engine.Internal;

namespace SpineTriage.Tests.Engine;

/// <summary>The facts word the rules test (<see cref="Facts.Bits"/>), for the facts no rule of rule set 1.0 tests on its own.</summary>
public class FactsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void A_pain_score_sets_pain_at_least_k_for_every_k_up_to_it(int painScore)
    {
        var facts = new Facts(new ReportFacts(0, 0, painScore, null, 0m), 38.0m);

        for (var k = 0; k <= 10; k++)
        {
            ((facts.Bits >> (FactBit.PainAtLeast + k)) & 1).Should().Be(k <= painScore ? 1UL : 0UL, "pain at least {0}", k);
        }
    }

    [Fact]
    public void No_pain_score_sets_no_pain_fact()
    {
        var facts = new Facts(new ReportFacts(0, 0, -1, null, 0m), 38.0m);

        (facts.Bits >> FactBit.PainAtLeast).Should().Be(0);
    }

    [Fact]
    public void A_wound_sign_unknown_is_not_a_wound_sign_present()
    {
        var facts = new Facts(new ReportFacts(0, 0, -1, null, 0m), 38.0m);

        facts.WoundSignPresent.Should().BeFalse();
        (facts.Bits & FactBit.Of(FactBit.WoundSignNotPresent)).Should().NotBe(0);
        (facts.Bits & FactBit.Of(FactBit.WoundSignPresent)).Should().Be(0);
    }
}
