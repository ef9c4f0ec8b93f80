using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Engine;

/// <summary>What every result tells (clinical-criteria.md sections 1, 5 and 6).</summary>
public class ResultContentTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    /// <summary>The advice of clinical-criteria.md section 5 in its plain wording since 1.1.0 / 2.1.0 (docs/texts.md).</summary>
    public static TheoryData<RiskFactor, string> RiskFactorAdvice() => new()
    {
        { RiskFactor.Smoking, "Stop smoking: it impairs bone healing and makes a solid fusion less likely." },
        { RiskFactor.Osteoporosis, "Keep up the treatment and checks for weak bones, to make your bones stronger." },
        { RiskFactor.Diabetes, "Keep diabetes well controlled: it slows healing." },
        { RiskFactor.Obesity, "Work toward a healthy weight, to take strain off your spine." },
        { RiskFactor.MultiLevelSurgery, "So does complex surgery. Go to every check-up." },
        { RiskFactor.EarlyHeavyActivity, "Follow the advice you were given on activity and rehab. Do not strain too soon." },
        { RiskFactor.PreviousInfection, "Tell your team soon about changes in your wound, or a fever." },
    };

    /// <summary>The default disposition texts of clinical-criteria.md section 1 in their plain wording since 1.1.0 / 2.1.0, with a report that reaches each urgency.</summary>
    public static TheoryData<string, Urgency, string> Dispositions() => new()
    {
        { "emergency", Urgency.Emergency, "Call 911 for an ambulance now, or go to the nearest emergency room now." },
        { "urgent", Urgency.Urgent, "Contact your surgeon's team today, within the next few hours. If you cannot reach them, go to the nearest emergency room." },
        { "soon", Urgency.Soon, "Call your surgeon's office to be seen within the next 3 days." },
        { "routine", Urgency.Routine, "Mention this at your next check-up. Or book a routine visit in the next 2 weeks." },
        { "selfCare", Urgency.SelfCare, "This sounds like expected recovery. Continue your recovery plan and keep watching for the warning signs below." },
    };

    /// <summary>Reports that reach each urgency, and a few mixed ones.</summary>
    public static TheoryData<string> Scenarios() => ["emergency", "urgent", "soon", "routine", "selfCare", "unresolved", "feverContradiction"];

    private static SymptomReport Scenario(string name) => name switch
    {
        "emergency" => ReportBuilder.AllRedFlagsDenied().Yes(Q.NewOrWorseningLimbWeakness),
        "urgent" => ReportBuilder.AllRedFlagsDenied().Yes(Q.CalfPainOrSwelling),
        "soon" => ReportBuilder.AllRedFlagsDenied().Yes(Q.InstabilityOrMovement),
        "routine" => ReportBuilder.AllRedFlagsDenied().Yes(Q.LocalizedTenderness),
        "selfCare" => ReportBuilder.AllRedFlagsDenied(),
        "unresolved" => ReportBuilder.AllRedFlagsDenied().Unknown(Q.SaddleNumbness).Pain(8),
        "feverContradiction" => ReportBuilder.AllRedFlagsDenied().No(Q.Fever).Measured(Temperature.Celsius(39.0m)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Fact]
    public void Days_since_surgery_count_from_the_surgery_date_to_the_assessment_date()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { SurgeryDate = new DateOnly(2026, 9, 1), AssessedOn = new DateOnly(2026, 11, 24) });

        result.DaysSinceSurgery.Should().Be(84);
    }

    [Fact]
    public void Days_since_surgery_are_zero_on_the_day_of_surgery()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { SurgeryDate = ReportBuilder.Today, AssessedOn = ReportBuilder.Today });

        result.DaysSinceSurgery.Should().Be(0);
    }

    [Fact]
    public void Without_an_assessment_date_the_clock_s_today_is_used()
    {
        var engine = new TriageEngine(timeProvider: TestClock.At(new DateOnly(2026, 12, 1)));

        var result = engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { SurgeryDate = new DateOnly(2026, 11, 20), AssessedOn = null });

        result.DaysSinceSurgery.Should().Be(11);
    }

    [Fact]
    public void A_validated_report_without_an_assessment_date_is_assessed_on_the_engine_s_today()
    {
        var validated = Engine.Validate(ReportBuilder.AllRedFlagsDenied() with { AssessedOn = null }).Value!;

        validated.AssessedOn.Should().Be(ReportBuilder.Today).And.Be(Engine.Today);
        validated.DaysSinceSurgery.Should().Be(84);
    }

    [Fact]
    public void The_engine_s_today_is_the_local_date_of_its_clock()
    {
        new TriageEngine(timeProvider: TestClock.At(new DateOnly(2027, 2, 28))).Today.Should().Be(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void An_assessment_date_in_the_report_wins_over_the_clock()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { SurgeryDate = new DateOnly(2026, 11, 1), AssessedOn = new DateOnly(2026, 11, 3) });

        result.DaysSinceSurgery.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(RiskFactorAdvice))]
    public void Each_risk_factor_adds_its_advice_line(RiskFactor riskFactor, string advice)
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.InstabilityOrMovement) with { RiskFactors = [riskFactor] });

        result.CareAdvice.Should().ContainSingle().Which.Should().Contain(advice).And.Contain("problems with the implant more likely");
    }

    [Fact]
    public void Several_risk_factors_add_one_advice_line_each()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.InstabilityOrMovement) with { RiskFactors = Enum.GetValues<RiskFactor>() });

        result.CareAdvice.Should().HaveCount(7);
    }

    [Fact]
    public void Without_risk_factors_a_result_above_self_care_has_no_care_advice()
    {
        Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.InstabilityOrMovement)).CareAdvice.Should().BeEmpty();
    }

    [Fact]
    public void Self_care_includes_the_conservative_care_advice()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied());

        result.CareAdvice.Should().Contain(line => line.Contains("conservative care", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("emergency")]
    [InlineData("urgent")]
    [InlineData("soon")]
    [InlineData("routine")]
    public void Only_self_care_includes_the_conservative_care_advice(string scenario)
    {
        var result = Engine.Evaluate(Scenario(scenario) with { RiskFactors = [RiskFactor.Diabetes] });

        result.CareAdvice.Should().NotContain(line => line.Contains("conservative care", StringComparison.Ordinal));
    }

    [Fact]
    public void Self_care_with_a_risk_factor_gives_its_line_and_the_self_care_advice()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { RiskFactors = [RiskFactor.Smoking] });

        result.CareAdvice[0].Should().Contain("Stop smoking");
        result.CareAdvice.Skip(1).Should().Contain(line => line.Contains("conservative care", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Risk_factors_never_change_the_urgency_or_the_findings(string scenario)
    {
        var without = Engine.Evaluate(Scenario(scenario));
        var with = Engine.Evaluate(Scenario(scenario) with { RiskFactors = Enum.GetValues<RiskFactor>() });

        with.Urgency.Should().Be(without.Urgency);
        with.Findings.Should().Equal(without.Findings);
    }

    [Fact]
    public void The_safety_net_lists_every_emergency_sign_when_none_is_present()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied());

        result.SafetyNet.Should().Equal(
            "Get emergency care at once if any of these happens:",
            "You lose control of your bladder or bowels, or you cannot pass urine.",
            "You have new numbness around your genitals, buttocks or inner thighs.",
            "You have new or worse weakness in an arm or a leg.",
            "You have sudden, severe pain after a fall or an injury.",
            "You have a fever, and fluid, redness or swelling at your wound.",
            "You have new chest pain, or you are suddenly short of breath.",
            "If your symptoms change, get worse or you are worried, contact your surgeon's team or the nurse line again.");
    }

    [Fact]
    public void The_safety_net_leaves_out_a_sign_that_was_answered_yes()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.SaddleNumbness));

        result.SafetyNet.Should().HaveCount(7).And.NotContain(l => l.Contains("numbness around your genitals"))
            .And.Contain("You lose control of your bladder or bowels, or you cannot pass urine.");
    }

    [Fact]
    public void The_safety_net_lists_a_sign_that_was_not_answered()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.ChestPainOrBreathlessness));

        result.SafetyNet.Should().Contain("You have new chest pain, or you are suddenly short of breath.");
    }

    [Fact]
    public void The_safety_net_leaves_out_fever_with_wound_signs_when_both_are_present()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.Fever, Q.WoundRednessOrSwelling));

        result.SafetyNet.Should().HaveCount(7).And.NotContain("You have a fever, and fluid, redness or swelling at your wound.");
    }

    [Fact]
    public void The_safety_net_keeps_fever_with_wound_signs_when_only_a_wound_sign_is_present()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.WoundRednessOrSwelling));

        result.SafetyNet.Should().Contain("You have a fever, and fluid, redness or swelling at your wound.");
    }

    [Fact]
    public void The_safety_net_always_ends_with_when_to_call_back()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(
            Q.BladderOrBowelControlLoss, Q.SaddleNumbness, Q.NewOrWorseningLimbWeakness, Q.SuddenSeverePainAfterFallOrInjury, Q.Fever, Q.WoundDischarge, Q.ChestPainOrBreathlessness));

        result.SafetyNet.Should().ContainSingle().Which.Should().Contain("contact your surgeon's team or the nurse line again");
    }

    [Theory]
    [MemberData(nameof(Dispositions))]
    public void The_disposition_is_the_default_text_of_the_urgency(string scenario, Urgency urgency, string disposition)
    {
        var result = Engine.Evaluate(Scenario(scenario));

        result.Urgency.Should().Be(urgency);
        result.Disposition.Should().Be(disposition);
    }

    [Fact]
    public void An_overridden_disposition_text_is_used_for_its_urgency()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { Dispositions = DispositionTexts.Default with { Urgent = "Ring the ward today." } });

        engine.Evaluate(Scenario("urgent")).Disposition.Should().Be("Ring the ward today.");
    }

    [Fact]
    public void Overriding_one_disposition_text_leaves_the_others_unchanged()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { Dispositions = DispositionTexts.Default with { Urgent = "Ring the ward today." } });

        engine.Evaluate(Scenario("soon")).Disposition.Should().Be(Engine.Evaluate(Scenario("soon")).Disposition);
    }

    [Fact]
    public void Overriding_a_disposition_text_changes_neither_urgency_nor_findings()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { Dispositions = DispositionTexts.Default with { Emergency = "Call 112 now." } });

        var result = engine.Evaluate(Scenario("emergency"));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Findings.Should().Equal(Engine.Evaluate(Scenario("emergency")).Findings);
    }

    [Fact]
    public void The_result_names_the_rule_set_that_produced_it()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied());

        result.RuleSet.Should().Be(Engine.RuleSet.Identity);
        result.RuleSet.Version.Should().Be("1.1.0");
    }

    [Fact]
    public void The_result_of_an_engine_with_other_thresholds_names_its_own_rule_set()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { SeverePainScore = 9 });

        engine.Evaluate(ReportBuilder.AllRedFlagsDenied()).RuleSet.Hash.Should().Be(engine.RuleSet.Hash).And.NotBe(Engine.RuleSet.Hash);
    }

    [Fact]
    public void The_report_id_is_echoed()
    {
        Engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { ReportId = "call-0042" }).ReportId.Should().Be("call-0042");
    }

    [Fact]
    public void A_report_without_an_id_gives_a_result_without_one()
    {
        Engine.Evaluate(ReportBuilder.AllRedFlagsDenied()).ReportId.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_result_has_a_finding_at_its_own_urgency(string scenario)
    {
        var result = Engine.Evaluate(Scenario(scenario));

        result.Findings.Should().Contain(f => f.Urgency == result.Urgency);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_same_report_always_gives_an_equal_result(string scenario)
    {
        Engine.Evaluate(Scenario(scenario)).Should().Be(Engine.Evaluate(Scenario(scenario)));
    }

    [Fact]
    public void Evaluate_gives_the_result_of_Triage_for_a_validated_report()
    {
        var report = Scenario("unresolved");

        Engine.Evaluate(Engine.Validate(report).Value!).Should().Be(Engine.Triage(report).Value);
    }
}
