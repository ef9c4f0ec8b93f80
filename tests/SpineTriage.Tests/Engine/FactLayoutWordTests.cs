using FluentAssertions;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The facts word a layout reads, checked bit by bit against a word built here from the facts' meanings, for layouts
/// whose segments lie in the low word, cross into the high word, start at bit 64 or lie wholly above it; the
/// completion of absent questions against reading the completed answers; and the layout's own limits (mutation run 7:
/// <c>FactLayout</c>).
/// </summary>
public class FactLayoutWordTests
{
    private const decimal Threshold = 38.0m;

    /// <summary>Catalogue sizes and day-bound counts: 1.0's, a 2.0-like one, the largest, and one with a segment starting at bit 64.</summary>
    public static TheoryData<int, int> Layouts()
    {
        var data = new TheoryData<int, int> { { QuestionCatalogue.Count, 0 }, { 27, 3 }, { 32, 12 } };
        var at64 = (from questions in Enumerable.Range(QuestionCatalogue.Count, 32 - QuestionCatalogue.Count + 1)
                    from bounds in Enumerable.Range(0, 20)
                    where Layout(questions, bounds).Segments.Any(s => s.Start == 64 && s.Length > 0)
                    select (questions, bounds)).First();
        data.Add(at64.questions, at64.bounds);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_word_of_a_report_holds_each_fact_at_its_own_bit(int questions, int dayBounds)
    {
        var layout = Layout(questions, dayBounds);
        var redFlags = FactLayoutTests.Questions(questions).Where(q => q.IsRedFlag).Aggregate(0u, (mask, q) => mask | (1u << (int)q.Id));
        var random = new Random(questions * 100 + dayBounds);
        var regions = new SurgeryRegion?[] { null, SurgeryRegion.Cervical, SurgeryRegion.Thoracic, SurgeryRegion.Lumbar, SurgeryRegion.Sacral };
        var highBits = 0;
        for (var i = 0; i < 2_000; i++)
        {
            uint yes = 0, no = 0;
            for (var q = 0; q < questions; q++)
            {
                var draw = random.Next(4);
                yes |= draw == 0 ? 1u << q : 0;
                no |= draw >= 2 ? 1u << q : 0;
            }

            var temperature = random.Next(3) == 0 ? (Temperature?)null : Temperature.Celsius(36.0m + (random.Next(40) / 10m));
            var report = new ReportFacts(yes, no, random.Next(-1, 11), temperature, temperature?.ToCelsius() ?? 0m);
            var days = random.Next(-2, dayBounds + 3);
            var region = regions[random.Next(regions.Length)];
            var risk = random.Next(0, 1 << Enum.GetValues<RiskFactor>().Length);

            var word = layout.Read(report, days, region, risk).Word;

            word.Should().Be(Expected(layout, questions, redFlags, dayBounds, report, days, region, risk), "questions {0}, bounds {1}, report {2}, day {3}, region {4}, risk {5}", questions, dayBounds, report, days, region, risk);
            highBits += word.High != 0 ? 1 : 0;
        }

        if (layout.Size > 64)
        {
            highBits.Should().BeGreaterThan(1_000, "the facts of the high word are checked too");
        }
    }

    [Theory]
    [MemberData(nameof(RuleSetLayouts))]
    public void Completing_absent_questions_gives_the_word_of_the_report_with_those_answers(string ruleSet)
    {
        var compiled = ruleSet == RuleSets.V1
            ? new CompiledRuleSet(RuleCatalogue.Build(Threshold, 8), QuestionCatalogue.All, Threshold)
            : new CompiledRuleSet(RuleSetEdition.Two.Build(Threshold, 8), RuleSetEdition.Two.Questions, Threshold);
        var layout = compiled.Layout;
        var random = new Random(17);
        var feverCompleted = 0;
        foreach (var facts in GeneratedFacts.For(layout, seed: 23, count: 5_000))
        {
            var notGiven = ~(facts.Yes | facts.No) & layout.Applicable(facts.Word) & (uint)random.Next() & (uint)random.Next();
            foreach (var asYes in new[] { false, true })
            {
                var read = layout.ReadWord(
                    asYes ? facts.Yes | notGiven : facts.Yes,
                    asYes ? facts.No : facts.No | notGiven,
                    facts.PainScore,
                    facts.Report.Temperature.HasValue,
                    facts.Report.TemperatureCelsius,
                    facts.DaysSinceSurgery,
                    facts.Region,
                    facts.RiskFactorMask);

                layout.Complete(facts, notGiven, asYes).Should().Be(read, "facts {0}, absent {1} answered {2}", facts.Word, notGiven, asYes ? "yes" : "no");
            }

            feverCompleted += (notGiven & (1u << (int)QuestionId.Fever)) != 0 ? 1 : 0;
        }

        feverCompleted.Should().BeGreaterThan(100, "completions that answer the fever question are among them");
    }

    public static TheoryData<string> RuleSetLayouts() => [RuleSets.V1, RuleSets.V2];

    [Fact]
    public void A_catalogue_of_more_than_32_questions_is_refused()
    {
        var build = () => Layout(33, 0);

        build.Should().Throw<InvalidOperationException>().WithMessage("*32-bit masks; the catalogue has 33 questions*");
    }

    [Fact]
    public void A_catalogue_out_of_the_order_of_its_ids_is_refused()
    {
        var questions = FactLayoutTests.Questions(QuestionCatalogue.Count);
        (questions[3], questions[4]) = (questions[4], questions[3]);
        var build = () => new FactLayout(questions, [], Threshold);

        build.Should().Throw<InvalidOperationException>().WithMessage("*in the order of their ids*");
    }

    [Fact]
    public void A_layout_of_exactly_128_bits_is_accepted_and_one_bit_more_is_refused()
    {
        // Each day bound takes one bit.
        var exact = FactWord.Bits - Layout(32, 0).Size;

        Layout(32, exact).Size.Should().Be(FactWord.Bits);
        var build = () => Layout(32, exact + 1);
        build.Should().Throw<InvalidOperationException>().WithMessage($"*take {FactWord.Bits + 1} bits*");
    }

    [Fact]
    public void A_red_flag_whose_day_condition_no_rule_names_gets_its_day_bound()
    {
        var questions = QuestionCatalogue.All
            .Select(q => q.Id == QuestionId.CalfPainOrSwelling ? q with { CountsAsRedFlagWhen = When.DaysSinceSurgery(max: 30) } : q)
            .ToArray();
        var layout = new FactLayout(questions, [], Threshold);
        var calf = 1u << (int)QuestionId.CalfPainOrSwelling;

        layout.RedFlagsFor(layout.Read(new ReportFacts(0, 0, -1, null, 0m), 30, null, 0).Word).Should().Be(layout.RedFlags);
        layout.RedFlagsFor(layout.Read(new ReportFacts(0, 0, -1, null, 0m), 31, null, 0).Word).Should().Be(layout.RedFlags & ~calf);
    }

    [Theory]
    [InlineData(int.MinValue, int.MinValue + 5)]
    [InlineData(int.MaxValue - 5, int.MaxValue)]
    [InlineData(-10, -5)]
    [InlineData(0, 2_000_000_000)]
    [InlineData(-1_000_000_000, 1_000_000_000)]
    [InlineData(5, 4_101)]
    public void Day_bounds_anywhere_in_the_int_range_give_the_right_day_facts(int atLeast, int atMost)
    {
        var layout = new FactLayout(QuestionCatalogue.All, [When.DaysSinceSurgery(min: atLeast), When.DaysSinceSurgery(max: atMost)], Threshold);
        var days = new long[] { atLeast - 1L, atLeast, atLeast + 1L, atMost - 1L, atMost, atMost + 1L, 0, int.MinValue, int.MaxValue }
            .Where(d => d is >= int.MinValue and <= int.MaxValue)
            .Select(d => (int)d);

        foreach (var day in days)
        {
            var word = layout.Read(new ReportFacts(0, 0, -1, null, 0m), day, null, 0).Word;

            word.Has(layout.DaysAtLeastBit(atLeast)).Should().Be(day >= atLeast, "day {0}, at least {1}", day, atLeast);
            word.Has(layout.DaysAtMostBit(atMost)).Should().Be(day <= atMost, "day {0}, at most {1}", day, atMost);
        }
    }

    [Fact]
    public void A_day_bound_or_question_outside_the_layout_has_no_bit()
    {
        var layout = new FactLayout(QuestionCatalogue.All, [When.DaysSinceSurgery(min: 7, max: 42)], Threshold);

        layout.Invoking(l => l.DaysAtLeastBit(8)).Should().Throw<InvalidOperationException>().WithMessage("*day bound 8*");
        layout.Invoking(l => l.DaysAtMostBit(7)).Should().Throw<InvalidOperationException>().WithMessage("*day bound 7*");
        layout.Invoking(l => l.YesBit((QuestionId)QuestionCatalogue.Count)).Should().Throw<InvalidOperationException>().WithMessage("*not in the catalogue*");
        layout.Invoking(l => l.NoBit((QuestionId)(-1))).Should().Throw<InvalidOperationException>().WithMessage("*not in the catalogue*");
        layout.YesBit((QuestionId)(QuestionCatalogue.Count - 1)).Should().Be(layout.Yes + QuestionCatalogue.Count - 1);
    }

    [Fact]
    public void A_catalogue_of_32_questions_has_all_32_questions()
    {
        Layout(32, 0).AllQuestions.Should().Be(uint.MaxValue);
        Layout(31, 0).AllQuestions.Should().Be(uint.MaxValue >> 1);
    }

    // The word built from what each fact means, bit by bit (FactLayoutTests checks where each segment lies).
    private static FactWord Expected(FactLayout layout, int questions, uint redFlags, int dayBounds, ReportFacts report, int days, SurgeryRegion? region, int risk)
    {
        var word = FactWord.Empty;
        for (var q = 0; q < questions; q++)
        {
            word |= (report.Yes & (1u << q)) != 0 ? FactWord.Bit(layout.YesBit((QuestionId)q)) : FactWord.Empty;
            word |= (report.No & (1u << q)) != 0 ? FactWord.Bit(layout.NoBit((QuestionId)q)) : FactWord.Empty;
        }

        var feverQuestion = 1u << (int)QuestionId.Fever;
        var fever = (report.Yes & feverQuestion) != 0 || (report.Temperature.HasValue && report.TemperatureCelsius >= Threshold) ? Presence.Present
            : (report.No & feverQuestion) != 0 || report.Temperature.HasValue ? Presence.Absent
            : Presence.Unknown;
        word |= fever == Presence.Present ? FactWord.Bit(layout.FeverPresent) : fever == Presence.Absent ? FactWord.Bit(layout.FeverAbsent) : FactWord.Empty;
        for (var k = 0; k <= report.PainScore; k++)
        {
            word |= FactWord.Bit(layout.PainAtLeast + k);
        }

        // The catalogue's red flags apply everywhere: no conditions on where they apply or count.
        var unresolved = ~(report.Yes | report.No) & redFlags & (fever == Presence.Unknown ? uint.MaxValue : ~feverQuestion);
        word |= unresolved != 0 ? FactWord.Bit(layout.RedFlagUnresolved) : FactWord.Empty;
        for (var bound = 1; bound <= dayBounds; bound++)
        {
            word |= bound % 2 == 0
                ? (days >= bound ? FactWord.Bit(layout.DaysAtLeastBit(bound)) : FactWord.Empty)
                : (days <= bound ? FactWord.Bit(layout.DaysAtMostBit(bound)) : FactWord.Empty);
        }

        word |= FactWord.Bit(region is { } r ? layout.RegionBit(r) : layout.RegionNotGiven);
        foreach (var factor in Enum.GetValues<RiskFactor>())
        {
            word |= (risk & (1 << ((int)factor - 1))) != 0 ? FactWord.Bit(layout.RiskFactorBit(factor)) : FactWord.Empty;
        }

        return word;
    }

    // FactLayoutTests' catalogue of n questions (the first 19 red flags) and its day bounds 1 to n (even ones "at least", odd ones "at most").
    private static FactLayout Layout(int questions, int dayBounds) => new(FactLayoutTests.Questions(questions), FactLayoutTests.DayBounds(dayBounds), Threshold);
}
