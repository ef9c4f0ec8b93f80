using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Rules;

using Q = QuestionId;

/// <summary>
/// How the condition vocabulary words itself and refuses what it cannot state (mutation run 7 of <c>Rules/</c>): the
/// brackets of nested conditions, a list of one, the guards of ranges, regions and risk factors; the reasons that
/// question applicability gives for every kind of condition; and the guards of the rule list, the advice tables and the
/// rule set's public methods.
/// </summary>
public class ConditionWordingTests
{
    private static readonly Condition A = When.Yes(Q.Fever);
    private static readonly Condition B = When.Yes(Q.WoundDischarge);
    private static readonly Condition C = When.No(Q.CalfPainOrSwelling);

    [Fact]
    public void A_list_of_one_condition_reads_and_negates_as_that_condition()
    {
        When.All(A).Description.Should().Be(A.Description);
        When.All(A).NegatedDescription.Should().Be(A.NegatedDescription);
        When.Any(A).Description.Should().Be(A.Description);
        When.Any(A).NegatedDescription.Should().Be(A.NegatedDescription);
    }

    [Fact]
    public void Lists_of_two_or_more_negate_as_a_whole()
    {
        When.All(A, B).NegatedDescription.Should().Be($"not ({A.Description} and {B.Description})");
        When.Any(A, B).NegatedDescription.Should().Be($"not ({A.Description} or {B.Description})");
    }

    [Fact]
    public void Only_a_nested_list_of_two_or_more_is_put_in_brackets()
    {
        When.All(When.All(A), B).Description.Should().Be($"{A.Description} and {B.Description}");
        When.All(When.Any(A), B).Description.Should().Be($"{A.Description} and {B.Description}");
        When.All(When.All(A, C), B).Description.Should().Be($"({A.Description} and {C.Description}) and {B.Description}");
        When.All(When.Any(A, C), B).Description.Should().Be($"({A.Description} or {C.Description}) and {B.Description}");

        When.Any(When.All(A), B).Description.Should().Be($"{A.Description} or {B.Description}");
        When.Any(When.Any(A), B).Description.Should().Be($"{A.Description} or {B.Description}");
        When.Any(When.All(A, C), B).Description.Should().Be($"({A.Description} and {C.Description}) or {B.Description}");
    }

    [Fact]
    public void Three_yes_answers_read_as_a_list_but_a_mix_of_answers_names_each_whole()
    {
        When.Any(A, B, When.Yes(Q.CalfPainOrSwelling)).Description.Should().Be("fever, woundDischarge or calfPainOrSwelling yes");
        When.Any(A, B, C).Description.Should().Be($"{A.Description} or {B.Description} or {C.Description}");
    }

    [Fact]
    public void A_day_range_of_one_day_is_allowed_and_an_empty_one_refused()
    {
        When.DaysSinceSurgery(5, 5).Description.Should().Be("days since surgery 5 to 5");
        FluentActions.Invoking(() => When.DaysSinceSurgery(6, 5)).Should().Throw<ArgumentException>().WithParameterName("min");
    }

    [Fact]
    public void Regions_and_risk_factors_must_be_defined_and_no_region_reads_as_such()
    {
        FluentActions.Invoking(() => When.Region(SurgeryRegion.Lumbar, (SurgeryRegion)99)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("regions");
        FluentActions.Invoking(() => When.RiskFactor((RiskFactor)99)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("riskFactor");
        FluentActions.Invoking(() => Advice.For((RiskFactor)99)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("riskFactor");
        When.Region().Description.Should().Be("surgeryRegion in no region");
        When.Region(SurgeryRegion.Cervical, SurgeryRegion.Thoracic).Description.Should().Be("surgeryRegion cervical or thoracic");
    }

    [Fact]
    public void The_unresolved_red_flag_condition_says_applicable_only_for_questions_that_do_not_always_apply()
    {
        When.AnyApplicableRedFlagUnresolvedAmong(ReportBuilder.EngineV1().RuleSet.Questions).Description.Should().StartWith("any red-flag question unknown");
        When.AnyApplicableRedFlagUnresolvedAmong(ReportBuilder.EngineV2().RuleSet.Questions).Description.Should().StartWith("any applicable red-flag question unknown");
    }

    [Theory]
    [InlineData(9, false, "days since surgery not 10 to 20: day 9 < 10, day 9 ≤ 20")]
    [InlineData(10, true, "days since surgery 10 to 20: day 10 ≥ 10, day 10 ≤ 20")]
    [InlineData(20, true, "days since surgery 10 to 20: day 20 ≥ 10, day 20 ≤ 20")]
    [InlineData(21, false, "days since surgery not 10 to 20: day 21 ≥ 10, day 21 > 20")]
    public void Applicability_by_a_day_range_names_both_ends(int days, bool applies, string reason)
    {
        var question = Question(When.DaysSinceSurgery(10, 20));

        QuestionApplicability.Of(question, SurgeryRegion.Lumbar, days).Should().Be(new QuestionApplicability(question.Id, applies, true, reason));
    }

    [Fact]
    public void Applicability_by_a_negated_condition_applies_where_the_condition_does_not()
    {
        var question = Question(When.Not(When.Region(SurgeryRegion.Cervical)));

        QuestionApplicability.Of(question, SurgeryRegion.Lumbar, 3).Should().Be(new QuestionApplicability(question.Id, true, true, "surgeryRegion not cervical: surgeryRegion lumbar"));
        QuestionApplicability.Of(question, SurgeryRegion.Cervical, 3).Should().Be(new QuestionApplicability(question.Id, false, true, "surgeryRegion cervical: surgeryRegion cervical"));
        QuestionApplicability.Of(question, null, 3).Applies.Should().BeTrue();
    }

    [Fact]
    public void Applicability_with_nothing_to_report_gives_the_condition_alone()
    {
        var question = Question(When.Any());

        QuestionApplicability.Of(question, SurgeryRegion.Lumbar, 3).Should().Be(new QuestionApplicability(question.Id, false, true, "not (never)"));
    }

    [Fact]
    public void A_rule_without_a_title_or_without_a_patient_explanation_is_refused()
    {
        var noTitle = new Rule("no-such-rule", Urgency.Routine) { When = A, Consideration = "c", Source = "s", PatientExplanation = "p" };
        var noExplanation = new Rule("no-such-rule", Urgency.Routine) { When = A, Consideration = "c", Source = "s", Title = "t" };

        FluentActions.Invoking(() => new RuleList().Add(noTitle)).Should().Throw<InvalidOperationException>().WithMessage("Rule no-such-rule has no title or patient explanation*");
        FluentActions.Invoking(() => new RuleList().Add(noExplanation)).Should().Throw<InvalidOperationException>().WithMessage("Rule no-such-rule has no title or patient explanation*");
    }

    [Fact]
    public void The_rule_set_refuses_a_null_argument_or_a_question_of_another_rule_set_by_name()
    {
        var ruleSet = ReportBuilder.EngineV1().RuleSet;

        FluentActions.Invoking(() => ruleSet.RulesIn(null!)).Should().Throw<ArgumentNullException>().WithParameterName("language");
        FluentActions.Invoking(() => ruleSet.Applicability((ValidatedReport)null!)).Should().Throw<ArgumentNullException>().WithParameterName("report");
        FluentActions.Invoking(() => ruleSet.Applicability(Q.NeckSwellingOrAirway, SurgeryRegion.Cervical, 3))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("question");
    }

    [Fact]
    public void An_unknown_language_is_named_whole_up_to_16_characters_then_cut()
    {
        var ruleSet = ReportBuilder.EngineV1().RuleSet;
        var sixteen = new string('x', 16);

        FluentActions.Invoking(() => ruleSet.RulesIn(sixteen)).Should().Throw<ArgumentException>().Which.Message.Should().Contain($"'{sixteen}'");
        FluentActions.Invoking(() => ruleSet.RulesIn(sixteen + "y")).Should().Throw<ArgumentException>().Which.Message.Should().Contain($"'{sixteen}…'").And.NotContain(sixteen + "y");
    }

    [Theory]
    [InlineData("1.0.123456789", "1.0")]
    [InlineData("2.123456789.0", "2.0")]
    [InlineData("1.0.1234567890", null)]
    public void A_version_part_has_at_most_9_digits(string version, string? selector)
    {
        RuleSets.SelectorOf(version).Should().Be(selector);
    }

    private static Question Question(Condition appliesWhen) => new(Q.Fever, "fever", IsRedFlag: true, "Fever?", 0) { AppliesWhen = appliesWhen };
}
