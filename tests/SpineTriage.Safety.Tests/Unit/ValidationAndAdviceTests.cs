using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Safety.Tests.Unit;

/// <summary>Duplicate detection of the validator and the safety net at their edges.</summary>
public class ValidationAndAdviceTests
{
    private static readonly SymptomReport Baseline = new()
    {
        SurgeryDate = new DateOnly(2026, 9, 1),
        AssessedOn = new DateOnly(2026, 11, 20),
        Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Select(q => KeyValuePair.Create(q.Id, Answer.No))),
    };

    [Fact]
    public void A_value_listed_three_times_is_reported_at_each_repeat_against_its_first_occurrence()
    {
        var errors = ReportGen.Engine.Validate(Baseline with { Hardware = [HardwareKind.Rods, HardwareKind.Rods, HardwareKind.Rods] }).Errors;

        errors.Should().Equal(
            new ValidationError("$.hardware[1]", ErrorCodes.DuplicateValue, "'rods' is listed twice (first at $.hardware[0]); list each value once."),
            new ValidationError("$.hardware[2]", ErrorCodes.DuplicateValue, "'rods' is listed twice (first at $.hardware[0]); list each value once."));
    }

    [Fact]
    public void A_repeat_is_reported_against_its_own_earlier_value()
    {
        var errors = ReportGen.Engine.Validate(Baseline with { RiskFactors = [RiskFactor.Smoking, RiskFactor.Diabetes, RiskFactor.Diabetes] }).Errors;

        errors.Should().Equal(new ValidationError("$.riskFactors[2]", ErrorCodes.DuplicateValue, "'diabetes' is listed twice (first at $.riskFactors[1]); list each value once."));
    }

    [Fact]
    public void An_undefined_value_listed_twice_is_named_by_its_number()
    {
        var errors = ReportGen.Engine.Validate(Baseline with { RiskFactors = [(RiskFactor)99, (RiskFactor)99] }).Errors;

        errors.Should().Contain(new ValidationError("$.riskFactors[1]", ErrorCodes.DuplicateValue, "'99' is listed twice (first at $.riskFactors[0]); list each value once."));
    }

    [Fact]
    public void With_every_emergency_sign_present_the_safety_net_is_only_the_call_back_line()
    {
        var everyRedFlag = Baseline with { Answers = AnswerSet.From(ReportGen.RedFlags.Select(q => KeyValuePair.Create(q, Answer.Yes))) };

        var result = ReportGen.Engine.Evaluate(everyRedFlag);

        result.SafetyNet.Should().Equal("If your symptoms change, get worse or you are worried, contact your surgeon's team or the nurse line again.");
    }

    [Fact]
    public void The_safety_net_names_an_emergency_sign_that_was_not_reported()
    {
        var result = ReportGen.Engine.Evaluate(Baseline);

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
}
