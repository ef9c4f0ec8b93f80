using FluentAssertions;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The fact layout (<see cref="FactLayout"/>) is derived from the question catalogue and the compiled conditions:
/// no two facts share a bit, the layout fits its word, and each fact is read into its own bit.
/// </summary>
public class FactLayoutTests
{
    private static readonly FactLayout Layout = new(QuestionCatalogue.All, RuleCatalogue.Build(38.0m, 8).Select(r => r.When), 38.0m);

    public static TheoryData<int, int> Catalogues() => new()
    {
        { QuestionCatalogue.Count, 0 },
        { 27, 3 },  // rule set 2.0: 27 questions, day bounds 42 and 90 (and one more to spare)
        { 32, 12 }, // the most questions the answer masks hold
    };

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void No_two_facts_share_a_bit_and_every_fact_fits_the_word(int questions, int dayBounds)
    {
        var layout = new FactLayout(Questions(questions), DayBounds(dayBounds), 38.0m);

        var bits = layout.Segments.SelectMany(s => Enumerable.Range(s.Start, s.Length)).ToArray();

        bits.Should().OnlyHaveUniqueItems();
        bits.Should().OnlyContain(bit => bit >= 0 && bit < FactWord.Bits);
        bits.Should().HaveCount(layout.Size);
    }

    [Fact]
    public void Each_segment_is_as_long_as_what_it_holds()
    {
        var lengths = Layout.Segments.ToDictionary(s => s.Name, s => s.Length);

        lengths["question yes"].Should().Be(QuestionCatalogue.Count);
        lengths["question no"].Should().Be(QuestionCatalogue.Count);
        lengths["surgery region"].Should().Be(Enum.GetValues<SurgeryRegion>().Length);
        lengths["risk factor"].Should().Be(Enum.GetValues<RiskFactor>().Length);
        lengths["pain score at least"].Should().Be(11);
        lengths["days since surgery at most"].Should().Be(0, "no rule of rule set 1.0 names days since surgery");
    }

    [Fact]
    public void A_layout_that_overflows_the_word_is_refused()
    {
        var build = () => new FactLayout(Questions(32), DayBounds(40), 38.0m);

        build.Should().Throw<InvalidOperationException>().WithMessage("*bits; the facts word holds 128*");
    }

    [Fact]
    public void The_red_flags_are_derived_from_the_catalogue()
    {
        Layout.RedFlags.Should().Be(QuestionCatalogue.RedFlags.Aggregate(0u, (mask, q) => mask | (1u << (int)q.Id)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void A_pain_score_sets_pain_at_least_k_for_every_k_up_to_it(int painScore)
    {
        var facts = Layout.Read(new ReportFacts(0, 0, painScore, null, 0m), 10, null, 0);

        for (var k = 0; k <= 10; k++)
        {
            facts.Word.Has(Layout.PainAtLeast + k).Should().Be(k <= painScore, "pain at least {0}", k);
        }
    }

    [Fact]
    public void No_pain_score_sets_no_pain_fact()
    {
        var facts = Layout.Read(new ReportFacts(0, 0, -1, null, 0m), 10, null, 0);

        Enumerable.Range(Layout.PainAtLeast, 11).Should().OnlyContain(bit => !facts.Word.Has(bit));
    }

    [Fact]
    public void Answers_region_risk_factors_and_day_bounds_each_set_their_own_bit()
    {
        var layout = new FactLayout(QuestionCatalogue.All, [When.DaysSinceSurgery(min: 7, max: 42)], 38.0m);
        var yes = 1u << (int)QuestionId.SaddleNumbness;
        var no = 1u << (int)QuestionId.Fever;

        var facts = layout.Read(new ReportFacts(yes, no, -1, null, 0m), 42, SurgeryRegion.Thoracic, 1 << ((int)RiskFactor.Diabetes - 1));

        facts.Word.SetBits().Should().BeEquivalentTo(new[]
        {
            layout.YesBit(QuestionId.SaddleNumbness),
            layout.NoBit(QuestionId.Fever),
            layout.FeverAbsent,
            layout.RedFlagUnresolved,
            layout.DaysAtLeastBit(7),
            layout.DaysAtMostBit(42),
            layout.RegionBit(SurgeryRegion.Thoracic),
            layout.RiskFactorBit(RiskFactor.Diabetes),
        });
        layout.Read(new ReportFacts(yes, no, -1, null, 0m), 43, null, 0).Word.Has(layout.DaysAtMostBit(42)).Should().BeFalse();
        layout.Read(new ReportFacts(yes, no, -1, null, 0m), 6, null, 0).Word.Has(layout.DaysAtLeastBit(7)).Should().BeFalse();
        layout.Read(new ReportFacts(yes, no, -1, null, 0m), 6, null, 0).Word.Has(layout.RegionNotGiven).Should().BeTrue();
    }

    [Fact]
    public void A_question_that_does_not_apply_is_not_an_unresolved_red_flag()
    {
        var questions = QuestionCatalogue.All
            .Select(q => q.Id == QuestionId.CalfPainOrSwelling ? q with { AppliesWhen = When.EarlyPeriod } : q)
            .ToArray();
        var layout = new FactLayout(questions, [], 38.0m);
        var allButCalf = layout.RedFlags & ~(1u << (int)QuestionId.CalfPainOrSwelling);

        var early = layout.Read(new ReportFacts(0, allButCalf, -1, null, 0m), 42, null, 0);
        var late = layout.Read(new ReportFacts(0, allButCalf, -1, null, 0m), 43, null, 0);

        early.UnresolvedRedFlags.Should().Be(1u << (int)QuestionId.CalfPainOrSwelling);
        early.Word.Has(layout.RedFlagUnresolved).Should().BeTrue();
        late.UnresolvedRedFlags.Should().Be(0);
        late.Word.Has(layout.RedFlagUnresolved).Should().BeFalse();
    }

    [Theory]
    [InlineData(new[] { 7, 42 }, new[] { 42, 90 })]
    [InlineData(new[] { 0, 1, 2 }, new int[0])]
    [InlineData(new[] { 3 }, new[] { 9000 })] // bounds too far apart for the table: the facts are computed per report
    public void The_day_facts_compare_the_days_since_surgery_with_every_bound(int[] atLeast, int[] atMost)
    {
        var conditions = atLeast.Select(d => When.DaysSinceSurgery(min: d)).Concat(atMost.Select(d => When.DaysSinceSurgery(max: d))).ToArray();
        var layout = new FactLayout(QuestionCatalogue.All, conditions, 38.0m);
        var days = Enumerable.Range(-3, 100).Concat(Enumerable.Range(8990, 20)).Append(int.MaxValue).Append(int.MinValue);

        foreach (var day in days)
        {
            var word = layout.Read(new ReportFacts(0, 0, -1, null, 0m), day, null, 0).Word;
            foreach (var bound in atLeast)
            {
                word.Has(layout.DaysAtLeastBit(bound)).Should().Be(day >= bound, "day {0}, at least {1}", day, bound);
            }

            foreach (var bound in atMost)
            {
                word.Has(layout.DaysAtMostBit(bound)).Should().Be(day <= bound, "day {0}, at most {1}", day, bound);
            }
        }
    }

    [Theory]
    [InlineData("38.0")]
    [InlineData("37.55")]
    [InlineData("38.0000001")] // not a whole number of millionths: compared as decimals
    [InlineData("39.5")]
    public void A_temperature_is_fever_exactly_when_it_is_at_or_above_the_threshold(string threshold)
    {
        var celsius = decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture);
        var layout = new FactLayout(QuestionCatalogue.All, [], celsius);
        var temperatures = Enumerable.Range(-20, 41).Select(i => Temperature.Celsius(celsius + (i / 10_000_000m)))
            .Concat(Enumerable.Range(-20, 41).Select(i => Temperature.Celsius(Math.Round(celsius, 1) + (i / 100m))))
            .Concat(Enumerable.Range(0, 80).Select(i => Temperature.Fahrenheit(99.0m + (i / 20m))));

        foreach (var temperature in temperatures)
        {
            var facts = layout.Read(new ReportFacts(0, 0, -1, temperature, temperature.ToCelsius()), 10, null, 0);

            facts.TemperatureIsFever.Should().Be(temperature.ToCelsius() >= celsius, "{0} against {1} °C", temperature, threshold);
        }
    }

    [Theory]
    [InlineData("37.6", 37_600_000L)]
    [InlineData("-0.000001", -1L)]
    [InlineData("38.0000001", ReportFacts.NoExactMicroCelsius)]
    [InlineData("1000000000.5", ReportFacts.NoExactMicroCelsius)]
    public void A_temperature_is_kept_in_millionths_of_a_degree_only_when_that_is_exact(string celsius, long micro)
    {
        ReportFacts.MicroCelsius(decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(micro);
        ReportFacts.MicroCelsius(Temperature.Fahrenheit(100.3m).ToCelsius()).Should().Be(ReportFacts.NoExactMicroCelsius, "37.94... °C repeats");
        ReportFacts.MicroCelsius(Temperature.Fahrenheit(100.4m).ToCelsius()).Should().Be(38_000_000L);
    }

    // A catalogue of n questions (ids beyond rule set 1.0's stand for questions still to come).
    internal static Question[] Questions(int count) =>
        Enumerable.Range(0, count).Select(i => new Question((QuestionId)i, $"q{i}", i < 19, "?", i + 1)).ToArray();

    internal static Condition[] DayBounds(int count) =>
        Enumerable.Range(1, count).Select(i => i % 2 == 0 ? When.DaysSinceSurgery(min: i) : When.DaysSinceSurgery(max: i)).ToArray();
}
