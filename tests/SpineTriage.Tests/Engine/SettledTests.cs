using FluentAssertions;
using SpineTriage.Engine.Internal;
using SpineTriage.Interview.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// <c>TriageResult.IsSettled</c> is computed by patching the report's facts word (<c>FactLayout.Complete</c>); it must
/// equal the plain definition: the report's absent questions all answered no, and all answered yes, read from scratch,
/// give the same urgency.
/// </summary>
public class SettledTests
{
    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void IsSettled_equals_the_lowest_and_highest_urgency_of_the_completed_report_read_from_scratch(uint seed)
    {
        var settled = 0;
        foreach (var engine in ReportGen.Engines)
        {
            foreach (var report in ReportGen.Sample(seed, PropertyRuns.Scaled(2_000)))
            {
                var validated = engine.Validate(report).GetValueOrThrow();
                var result = engine.Evaluate(validated);
                var lowest = UrgencyBounds.Lowest(engine, validated, openTemperature: false);
                var highest = UrgencyBounds.Highest(engine, validated, openTemperature: false, openPainScore: false);

                result.IsSettled.Should().Be(lowest == highest, "for {0}", ReportGen.Print(report));
                settled += result.IsSettled && report.Answers.Count < QuestionCatalogue.Count ? 1 : 0;
            }
        }

        settled.Should().BeGreaterThan(100, "the sample must hold settled reports with absent questions, or the test proves little");
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void IsSettled_equals_the_lowest_and_highest_urgency_of_the_completed_2_0_report_read_from_scratch(uint seed)
    {
        // Rule set 2.0: regions (cervical, others, not given) and days at 42/43 and 90/91, so that questions that do not
        // apply are absent too (they are never asked and count as no: clinical-notes.md, rule set 2.0, reading 5).
        var settled = 0;
        var settledWithInapplicableAbsent = 0;
        foreach (var engine in ReportGen.EnginesV2)
        {
            foreach (var report in ReportGen.SampleV2(seed, PropertyRuns.Scaled(2_000)))
            {
                var validated = engine.Validate(report).GetValueOrThrow();
                var result = engine.Evaluate(validated);
                var lowest = UrgencyBounds.Lowest(engine, validated, openTemperature: false);
                var highest = UrgencyBounds.Highest(engine, validated, openTemperature: false, openPainScore: false);

                result.IsSettled.Should().Be(lowest == highest, "for {0}", ReportGen.Print(report));
                var absent = ReportGen.QuestionsV2.Where(q => !report.Answers.IsGiven(q)).ToArray();
                settled += result.IsSettled && absent.Length > 0 ? 1 : 0;
                settledWithInapplicableAbsent += result.IsSettled && absent.Any(q => !engine.RuleSet.Applicability(q, report.SurgeryRegion, validated.DaysSinceSurgery).Applies) ? 1 : 0;
            }
        }

        settled.Should().BeGreaterThan(100, "the sample must hold settled reports with absent questions, or the test proves little");
        settledWithInapplicableAbsent.Should().BeGreaterThan(20, "and settled reports with questions that do not apply absent");
    }

    [Fact]
    public void A_report_with_the_fever_question_absent_and_no_thermometer_is_settled_only_when_fever_cannot_change_the_urgency()
    {
        var engine = ReportBuilder.EngineV1();
        var noFeverAnswer = ReportBuilder.AllRedFlagsDenied() with
        {
            Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Where(q => q.Id != QuestionId.Fever).Select(q => KeyValuePair.Create(q.Id, Answer.No))),
        };

        // The other red flags denied: fever yes would give urgent, no gives at most soon, so it is not settled.
        engine.Evaluate(noFeverAnswer).IsSettled.Should().BeFalse();

        // With an emergency sign, no answer to fever can change the urgency.
        engine.Evaluate(noFeverAnswer.Yes(QuestionId.SaddleNumbness)).IsSettled.Should().BeTrue();
    }
}

/// <summary>
/// The shortcut of <c>SettledCheck</c>: which bits answering the absent questions may change
/// (<c>FactLayout.Changeable</c>), and the proof from the bits each rule looks at that neither completion changes the
/// urgency, which spares the two table passes.
/// </summary>
public class SettledShortcutTests
{
    private static readonly CompiledRuleSet Compiled = new(RuleCatalogue.Build(38.0m, 8), QuestionCatalogue.All, 38.0m);

    private static readonly CompiledRuleSet CompiledTwo = new(RuleSetEdition.Two.Build(38.0m, 8), RuleSetEdition.Two.Questions, 38.0m);

    public static TheoryData<string> Selectors() => [RuleSets.V1, RuleSets.V2];

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Changeable_holds_every_bit_that_either_completion_changes(string ruleSet)
    {
        var compiled = ruleSet == RuleSets.V1 ? Compiled : CompiledTwo;
        var random = new Random(7);
        var changedSomething = 0;
        foreach (var facts in GeneratedFacts.For(compiled.Layout, seed: 11, count: 20_000))
        {
            var notGiven = NotGiven(compiled, facts, random);
            var changeable = compiled.Layout.Changeable(facts, notGiven);
            foreach (var asYes in new[] { false, true })
            {
                var completed = compiled.Layout.Complete(facts, notGiven, asYes);
                var changed = new FactWord(completed.Low ^ facts.Word.Low, completed.High ^ facts.Word.High);
                (changed & ~changeable).IsEmpty.Should().BeTrue("completing {0} as {1} changed {2}, outside {3}", facts.Word, asYes, changed, changeable);
                changedSomething += changed.IsEmpty ? 0 : 1;
            }
        }

        changedSomething.Should().BeGreaterThan(10_000, "most completions change some bit, or the test proves little");
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_shortcut_proves_settled_only_when_both_completions_give_the_report_s_urgency(string ruleSet)
    {
        var compiled = ruleSet == RuleSets.V1 ? Compiled : CompiledTwo;
        var random = new Random(5);
        var proven = 0;
        var settledWithoutProof = 0;
        foreach (var facts in GeneratedFacts.For(compiled.Layout, seed: 3, count: 20_000))
        {
            var notGiven = NotGiven(compiled, facts, random);
            var fired = compiled.Table.Fire(facts.Word);
            var urgency = UrgencyOf(compiled, fired);
            var changeable = compiled.Layout.Changeable(facts, notGiven);
            var lowest = UrgencyOf(compiled, compiled.Table.Fire(compiled.Layout.Complete(facts, notGiven, asYes: false)));
            var highest = UrgencyOf(compiled, compiled.Table.Fire(compiled.Layout.Complete(facts, notGiven, asYes: true)));
            var settled = lowest == urgency && highest == urgency;

            if (compiled.Settled.CannotRise(changeable, urgency) && compiled.Settled.CannotFall(changeable, fired, urgency))
            {
                settled.Should().BeTrue("the shortcut proved facts {0} with absent questions {1} settled", facts.Word, notGiven);
                proven++;
            }
            else
            {
                settledWithoutProof += settled ? 1 : 0;
            }

            compiled.Settled.IsSettled(facts, notGiven, fired, urgency).Should().Be(settled);
        }

        proven.Should().BeGreaterThan(2_000, "the shortcut must apply to many reports, or it spares nothing");
        settledWithoutProof.Should().BeGreaterThan(0, "some settled reports need the table passes, so the fallback is exercised");
    }

    [Fact]
    public void A_report_whose_absent_questions_only_name_lower_rules_is_proven_settled()
    {
        var hardware = new[] { QuestionId.InstabilityOrMovement, QuestionId.RadiatingLimbPain, QuestionId.PainWorseWithMovement, QuestionId.LumpOverHardware }
            .Aggregate(0u, (mask, q) => mask | (1u << (int)q));
        var allOthersNo = Compiled.Layout.AllQuestions & ~hardware & ~(1u << (int)QuestionId.WoundRednessOrSwelling);
        var facts = Compiled.Layout.Read(new ReportFacts(1u << (int)QuestionId.WoundRednessOrSwelling, allOthersNo, 6, null, 0m), 50, SurgeryRegion.Lumbar, 0);
        var fired = Compiled.Table.Fire(facts.Word);
        var changeable = Compiled.Layout.Changeable(facts, hardware);

        UrgencyOf(fired).Should().Be(Urgency.Urgent, "wound redness without fever is urgent");
        Compiled.Settled.CannotRise(changeable, Urgency.Urgent).Should().BeTrue("no emergency rule looks at the hardware symptoms");
        Compiled.Settled.CannotFall(changeable, fired, Urgency.Urgent).Should().BeTrue("the wound-signs rule does not look at them");
        Compiled.Settled.CannotRise(changeable, Urgency.Routine).Should().BeFalse("instability alone is soon");
    }

    [Fact]
    public void A_rule_that_names_another_looks_at_the_bits_of_the_rule_it_names()
    {
        // "b" fires because "a" fired, and "a" fires because fever is not yes. Answering the absent fever question yes
        // turns both off and the urgency falls, so the report is not settled: "b" looks at the fever bits through "a".
        var rules = new RuleList();
        rules.Add(RuleHarness.Rule("a", Urgency.Soon, When.Not(When.Yes(QuestionId.Fever))));
        rules.Add(RuleHarness.Rule("b", Urgency.Soon, When.All(When.Yes(QuestionId.WoundDischarge), When.Fired("a"))));
        rules.Add(RuleHarness.Rule("rest", Urgency.SelfCare, When.PainScoreAtLeast(0)));
        var compiled = new CompiledRuleSet(rules.Rules, QuestionCatalogue.All, 38.0m);
        var fever = 1u << (int)QuestionId.Fever;
        var discharge = 1u << (int)QuestionId.WoundDischarge;
        var facts = compiled.Layout.Read(new ReportFacts(discharge, compiled.Layout.AllQuestions & ~discharge & ~fever, 2, null, 0m), 50, SurgeryRegion.Lumbar, 0);
        var fired = compiled.Table.Fire(facts.Word);

        UrgencyOf(compiled, fired).Should().Be(Urgency.Soon);
        UrgencyOf(compiled, compiled.Table.Fire(compiled.Layout.Complete(facts, fever, asYes: true))).Should().Be(Urgency.SelfCare, "fever yes turns both rules off");
        compiled.Settled.CannotFall(compiled.Layout.Changeable(facts, fever), fired, Urgency.Soon).Should().BeFalse("every rule that fired looks at the fever bits");
        compiled.Settled.IsSettled(facts, fever, fired, Urgency.Soon).Should().BeFalse();
    }

    // Some of the questions without an answer, of those that apply (the engine completes only those: reading 5 of rule set 2.0).
    private static uint NotGiven(CompiledRuleSet compiled, in Facts facts, Random random) =>
        ~(facts.Yes | facts.No) & compiled.Layout.Applicable(facts.Word) & (uint)random.Next() & (uint)random.Next();

    private static Urgency UrgencyOf(CompiledRuleSet compiled, ulong fired) => compiled.Rules[System.Numerics.BitOperations.TrailingZeroCount(fired)].Rule.Urgency;

    private static Urgency UrgencyOf(ulong fired) => UrgencyOf(Compiled, fired);
}
