using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>The emergency rules of clinical-criteria.md section 4, each shown firing and not firing at its boundary.</summary>
public class EmergencyRuleTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Fact]
    [Fires("cauda-equina")]
    public void Loss_of_bladder_or_bowel_control_is_an_emergency()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.BladderOrBowelControlLoss));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Finding("cauda-equina").Evidence.Should().Equal("bladderOrBowelControlLoss: yes");
    }

    [Fact]
    [Fires("cauda-equina")]
    public void Saddle_numbness_alone_is_an_emergency()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.SaddleNumbness));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Finding("cauda-equina").Evidence.Should().Equal("saddleNumbness: yes");
    }

    [Fact]
    [Fires("cauda-equina")]
    public void Both_cauda_equina_signs_give_one_finding_with_both_as_evidence_in_asking_order()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.SaddleNumbness, Q.BladderOrBowelControlLoss));

        result.Findings.Where(f => f.RuleId == "cauda-equina").Should().ContainSingle()
            .Which.Evidence.Should().Equal("bladderOrBowelControlLoss: yes", "saddleNumbness: yes");
    }

    [Fact]
    [DoesNotFire("cauda-equina")]
    [Fires("unresolved-red-flag")]
    public void Saddle_numbness_unknown_is_not_cauda_equina_but_an_unresolved_red_flag()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.SaddleNumbness));

        result.RuleIds().Should().NotContain("cauda-equina");
        result.Urgency.Should().Be(Urgency.Urgent);
        result.Finding("unresolved-red-flag").Evidence.Should().Equal("saddleNumbness: unknown");
    }

    [Fact]
    [DoesNotFire("cauda-equina")]
    public void Bladder_control_answered_no_is_not_cauda_equina()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.BladderOrBowelControlLoss).Yes(Q.NewOrWorseningPain));

        result.RuleIds().Should().NotContain("cauda-equina");
        result.Urgency.Should().Be(Urgency.Soon);
    }

    [Fact]
    [Fires("motor-deficit")]
    public void New_or_worsening_limb_weakness_is_an_emergency()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.NewOrWorseningLimbWeakness));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Finding("motor-deficit").Evidence.Should().Equal("newOrWorseningLimbWeakness: yes");
    }

    [Fact]
    [DoesNotFire("motor-deficit")]
    public void Limb_weakness_unknown_is_not_a_motor_deficit_but_stays_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.NewOrWorseningLimbWeakness));

        result.RuleIds().Should().NotContain("motor-deficit");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    [DoesNotFire("motor-deficit")]
    [Fires("sensory-deficit")]
    public void Limb_numbness_without_weakness_is_a_sensory_not_a_motor_deficit()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.NewOrWorseningLimbNumbness));

        result.RuleIds().Should().Equal("sensory-deficit");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    [Fires("infection-with-fever")]
    [DoesNotFire("wound-signs")]
    [DoesNotFire("fever")]
    public void Fever_with_wound_discharge_is_an_emergency_instead_of_wound_signs_or_fever()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.Fever, Q.WoundDischarge));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.RuleIds().Should().Equal("infection-with-fever");
        result.Finding("infection-with-fever").Evidence.Should().Equal("fever: yes", "woundDischarge: yes");
    }

    [Fact]
    [Fires("infection-with-fever")]
    public void Measured_38_0_C_with_increasing_wound_redness_is_an_emergency()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied()
            .Unknown(Q.Fever)
            .Measured(Temperature.Celsius(38.0m))
            .Yes(Q.WoundRednessOrSwelling));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Finding("infection-with-fever").Evidence.Should().Equal("temperature: 38.0 °C", "woundRednessOrSwelling: yes");
    }

    [Fact]
    [Fires("infection-with-fever")]
    public void Measured_100_4_F_with_wound_discharge_is_an_emergency_with_both_units_in_the_evidence()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied()
            .Unknown(Q.Fever)
            .Measured(Temperature.Fahrenheit(100.4m))
            .Yes(Q.WoundDischarge));

        result.Finding("infection-with-fever").Evidence.Should().Equal("temperature: 100.4 °F (38.0 °C)", "woundDischarge: yes");
    }

    [Fact]
    [DoesNotFire("infection-with-fever")]
    [Fires("wound-signs")]
    public void Measured_37_9_C_with_wound_discharge_is_wound_signs_not_an_infection_with_fever()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied()
            .Unknown(Q.Fever)
            .Measured(Temperature.Celsius(37.9m))
            .Yes(Q.WoundDischarge));

        result.RuleIds().Should().Equal("wound-signs");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    [DoesNotFire("infection-with-fever")]
    [Fires("fever")]
    public void Fever_with_wound_signs_unknown_is_fever_not_an_infection_with_fever()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied()
            .Yes(Q.Fever)
            .No(Q.WoundDischarge)
            .Unknown(Q.WoundRednessOrSwelling));

        result.RuleIds().Should().Equal("fever", "unresolved-red-flag");
        result.Finding("unresolved-red-flag").Evidence.Should().Equal("woundRednessOrSwelling: unknown");
    }

    [Fact]
    [DoesNotFire("infection-with-fever")]
    [Fires("wound-signs")]
    public void Wound_discharge_with_fever_unknown_and_no_temperature_is_wound_signs_not_an_infection_with_fever()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Yes(Q.WoundDischarge));

        result.RuleIds().Should().Equal("wound-signs", "unresolved-red-flag");
        result.Finding("unresolved-red-flag").Evidence.Should().Equal("fever: unknown");
    }

    [Fact]
    [Fires("fall-or-injury")]
    public void Sudden_severe_pain_after_a_fall_is_an_emergency()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.SuddenSeverePainAfterFallOrInjury));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Finding("fall-or-injury").Evidence.Should().Equal("suddenSeverePainAfterFallOrInjury: yes");
    }

    [Fact]
    [DoesNotFire("fall-or-injury")]
    public void Sudden_severe_pain_after_a_fall_unknown_is_not_a_fall_finding_but_stays_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.SuddenSeverePainAfterFallOrInjury));

        result.RuleIds().Should().Equal("unresolved-red-flag");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    [Fires("possible-pulmonary-embolism")]
    public void New_chest_pain_or_breathlessness_is_an_emergency()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.ChestPainOrBreathlessness));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Finding("possible-pulmonary-embolism").Evidence.Should().Equal("chestPainOrBreathlessness: yes");
    }

    [Fact]
    [DoesNotFire("possible-pulmonary-embolism")]
    [Fires("possible-deep-vein-thrombosis")]
    public void Calf_pain_without_chest_symptoms_is_a_possible_deep_vein_thrombosis_not_an_embolism()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.CalfPainOrSwelling));

        result.RuleIds().Should().Equal("possible-deep-vein-thrombosis");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    [DoesNotFire("possible-pulmonary-embolism")]
    public void Chest_pain_unknown_is_not_a_pulmonary_embolism_finding_but_stays_urgent()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.ChestPainOrBreathlessness));

        result.RuleIds().Should().Equal("unresolved-red-flag");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    [Fires("cauda-equina")]
    [Fires("motor-deficit")]
    [Fires("infection-with-fever")]
    [Fires("fall-or-injury")]
    [Fires("possible-pulmonary-embolism")]
    public void Every_emergency_rule_is_reported_when_all_emergency_signs_are_present()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(
            Q.BladderOrBowelControlLoss,
            Q.NewOrWorseningLimbWeakness,
            Q.Fever,
            Q.WoundDischarge,
            Q.SuddenSeverePainAfterFallOrInjury,
            Q.ChestPainOrBreathlessness));

        result.RuleIds().Should().Equal(
            "cauda-equina", "motor-deficit", "infection-with-fever", "fall-or-injury", "possible-pulmonary-embolism");
    }

    [Theory]
    [InlineData("bladderOrBowelControlLoss")]
    [InlineData("saddleNumbness")]
    [InlineData("newOrWorseningLimbWeakness")]
    [InlineData("suddenSeverePainAfterFallOrInjury")]
    [InlineData("chestPainOrBreathlessness")]
    public void An_emergency_sign_dominates_every_unknown_and_lower_finding(string emergencySignId)
    {
        var emergencySign = Q.Of(emergencySignId);
        var report = new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today, PainScore = 10 }
            .Yes(emergencySign, Q.NewOrWorseningPain, Q.CalfPainOrSwelling, Q.LumpOverHardware);

        var result = Engine.Evaluate(report);

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Findings[0].Urgency.Should().Be(Urgency.Emergency);
    }
}
