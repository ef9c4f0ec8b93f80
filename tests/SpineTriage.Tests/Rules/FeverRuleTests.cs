using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// The fever rule and the fever threshold (clinical-criteria.md sections 2 and 4): 38.0 °C = 100.4 °F by
/// default, Fahrenheit converted as (F − 32) × 5 / 9, the fever question answered by a measured temperature.
/// </summary>
public class FeverRuleTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private static SymptomReport MeasuredOnly(Temperature temperature) =>
        ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Measured(temperature);

    [Fact]
    [Fires("fever")]
    public void Fever_answered_yes_without_wound_signs_is_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.Fever));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.RuleIds().Should().Equal("fever");
        result.Finding("fever").Evidence.Should().Equal("fever: yes");
    }

    [Fact]
    [Fires("fever")]
    public void Fever_at_exactly_38_0_C_counts_as_fever()
    {
        var result = Engine.Evaluate(MeasuredOnly(Temperature.Celsius(38.0m)));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("fever").Evidence.Should().Equal("temperature: 38.0 °C");
    }

    [Fact]
    [DoesNotFire("fever")]
    [Fires("expected-recovery")]
    public void Temperature_of_37_9_C_is_not_fever()
    {
        var result = Engine.Evaluate(MeasuredOnly(Temperature.Celsius(37.9m)));

        result.RuleIds().Should().Equal("expected-recovery");
        result.Urgency.Should().Be(Urgency.SelfCare);
    }

    [Fact]
    [Fires("fever")]
    public void Fever_at_exactly_100_4_F_counts_as_fever()
    {
        var result = Engine.Evaluate(MeasuredOnly(Temperature.Fahrenheit(100.4m)));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("fever").Evidence.Should().Equal("temperature: 100.4 °F (38.0 °C)");
    }

    [Fact]
    [DoesNotFire("fever")]
    public void Temperature_of_100_3_F_is_not_fever()
    {
        var result = Engine.Evaluate(MeasuredOnly(Temperature.Fahrenheit(100.3m)));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("fever")]
    public void Fever_answered_yes_and_measured_gives_both_as_evidence()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.Fever).Measured(Temperature.Celsius(38.4m)));

        result.Finding("fever").Evidence.Should().Equal("fever: yes", "temperature: 38.4 °C");
    }

    [Fact]
    [Fires("fever")]
    public void A_Fahrenheit_fever_is_evidenced_with_its_Celsius_value_rounded_to_a_tenth()
    {
        var result = Engine.Evaluate(MeasuredOnly(Temperature.Fahrenheit(100.9m)));

        result.Finding("fever").Evidence.Should().Equal("temperature: 100.9 °F (38.3 °C)");
    }

    [Fact]
    [DoesNotFire("fever")]
    [Fires("infection-with-fever")]
    public void Fever_with_a_wound_sign_is_not_the_urgent_fever_rule_but_an_infection_with_fever()
    {
        var result = Engine.Evaluate(MeasuredOnly(Temperature.Celsius(39.0m)).Yes(Q.WoundRednessOrSwelling));

        result.RuleIds().Should().Equal("infection-with-fever");
    }

    [Fact]
    [DoesNotFire("fever")]
    public void Fever_answered_no_without_a_measurement_is_not_fever()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.Fever));

        result.RuleIds().Should().NotContain("fever");
    }

    [Fact]
    [DoesNotFire("fever")]
    public void Fever_unknown_without_a_measurement_is_not_the_fever_rule_but_an_unresolved_red_flag()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever));

        result.RuleIds().Should().Equal("unresolved-red-flag");
    }
}
