using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Validation;

/// <summary>
/// The input rules of contract.md, checked by <see cref="TriageEngine.Validate(SymptomReport)"/>: each
/// failing input names its field by JSON path; all errors are reported together; no result from an invalid report.
/// </summary>
public class SymptomReportValidationTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private static readonly SymptomReport Valid = ReportBuilder.AllRedFlagsDenied();

    private IEnumerable<string> Paths(SymptomReport report) => Engine.Validate(report).Errors.Select(e => e.Path);

    private ValidationError SingleError(SymptomReport report) =>
        Engine.Validate(report).Errors.Should().ContainSingle().Subject;

    private void ShouldBeValid(SymptomReport report) => Engine.Validate(report).Errors.Should().BeEmpty();

    [Fact]
    public void The_baseline_report_is_valid()
    {
        var validation = Engine.Validate(Valid);

        validation.IsSuccess.Should().BeTrue();
        validation.Value!.Report.Should().BeSameAs(Valid);
    }

    [Fact]
    public void A_report_id_of_128_characters_is_accepted()
    {
        ShouldBeValid(Valid with { ReportId = new string('r', 128) });
    }

    [Fact]
    public void A_report_id_longer_than_128_characters_is_an_error()
    {
        var error = SingleError(Valid with { ReportId = new string('r', 129) });

        error.Path.Should().Be("$.reportId");
        error.Message.Should().Contain("128");
    }

    [Fact]
    public void A_missing_surgery_date_is_an_error()
    {
        SingleError(Valid with { SurgeryDate = default }).Path.Should().Be("$.surgeryDate");
    }

    [Fact]
    public void A_surgery_date_after_the_assessment_date_is_an_error()
    {
        var error = SingleError(Valid with { SurgeryDate = new DateOnly(2026, 11, 20), AssessedOn = new DateOnly(2026, 11, 19) });

        error.Path.Should().Be("$.surgeryDate");
        error.Message.Should().Contain("2026-11-20").And.Contain("2026-11-19");
    }

    [Fact]
    public void Surgery_on_the_assessment_date_is_accepted()
    {
        ShouldBeValid(Valid with { SurgeryDate = ReportBuilder.Today, AssessedOn = ReportBuilder.Today });
    }

    [Fact]
    public void A_surgery_date_after_the_clock_s_today_is_an_error_when_there_is_no_assessment_date()
    {
        SingleError(Valid with { SurgeryDate = ReportBuilder.Today.AddDays(1), AssessedOn = null }).Path.Should().Be("$.surgeryDate");
    }

    [Fact]
    public void An_assessment_date_one_day_after_the_clock_s_today_is_accepted()
    {
        ShouldBeValid(Valid with { AssessedOn = ReportBuilder.Today.AddDays(1) });
    }

    [Fact]
    public void An_assessment_date_two_days_after_the_clock_s_today_is_an_error()
    {
        var error = SingleError(Valid with { AssessedOn = ReportBuilder.Today.AddDays(2) });

        error.Path.Should().Be("$.assessedOn");
        error.Message.Should().Contain("one day");
    }

    [Fact]
    public void An_undefined_surgery_region_is_an_error()
    {
        var error = SingleError(Valid with { SurgeryRegion = (SurgeryRegion)0 });

        error.Path.Should().Be("$.surgeryRegion");
        error.Message.Should().Contain("'cervical', 'thoracic', 'lumbar', 'sacral'");
    }

    [Fact]
    public void An_undefined_hardware_kind_is_an_error_at_its_index()
    {
        SingleError(Valid with { Hardware = [HardwareKind.Rods, (HardwareKind)42] }).Path.Should().Be("$.hardware[1]");
    }

    [Fact]
    public void A_hardware_kind_listed_twice_is_an_error_at_the_second_index()
    {
        var error = SingleError(Valid with { Hardware = [HardwareKind.Screws, HardwareKind.Screws] });

        error.Path.Should().Be("$.hardware[1]");
        error.Message.Should().Contain("'screws'").And.Contain("$.hardware[0]");
    }

    [Fact]
    public void Different_hardware_kinds_are_accepted()
    {
        ShouldBeValid(Valid with { Hardware = Enum.GetValues<HardwareKind>() });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-3)]
    public void Fusion_levels_outside_1_to_20_are_an_error(int levels)
    {
        var error = SingleError(Valid with { FusionLevels = levels });

        error.Path.Should().Be("$.fusionLevels");
        error.Message.Should().Contain("1 to 20");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void Fusion_levels_at_the_bounds_are_accepted(int levels)
    {
        ShouldBeValid(Valid with { FusionLevels = levels });
    }

    [Fact]
    public void An_undefined_risk_factor_is_an_error_at_its_index()
    {
        SingleError(Valid with { RiskFactors = [(RiskFactor)99] }).Path.Should().Be("$.riskFactors[0]");
    }

    [Fact]
    public void A_risk_factor_listed_twice_is_an_error_at_the_second_index()
    {
        SingleError(Valid with { RiskFactors = [RiskFactor.Smoking, RiskFactor.Diabetes, RiskFactor.Smoking] }).Path.Should().Be("$.riskFactors[2]");
    }

    [Fact]
    public void Every_risk_factor_once_is_accepted()
    {
        ShouldBeValid(Valid with { RiskFactors = Enum.GetValues<RiskFactor>() });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_pain_score_outside_0_to_10_is_an_error(int score)
    {
        var error = SingleError(Valid.Pain(score));

        error.Path.Should().Be("$.painScore");
        error.Message.Should().Contain("0 to 10");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void A_pain_score_at_the_bounds_is_accepted(int score)
    {
        ShouldBeValid(Valid.Pain(score));
    }

    [Fact]
    public void A_pain_score_that_is_not_whole_is_an_error_in_JSON()
    {
        var outcome = Engine.TriageJson("""{"surgeryDate":"2026-09-01","painScore":7.5}""");

        outcome.Errors.Select(e => e.Path).Should().Equal("$.painScore");
    }

    [Theory]
    [InlineData(29.9)]
    [InlineData(45.1)]
    public void An_implausible_Celsius_temperature_is_an_error(double value)
    {
        var error = SingleError(Valid.Measured(Temperature.Celsius((decimal)value)));

        error.Path.Should().Be("$.temperature.value");
        error.Message.Should().Contain("30.0 to 45.0 °C");
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(45.0)]
    public void A_Celsius_temperature_at_the_bounds_is_accepted(double value)
    {
        ShouldBeValid(Valid.Measured(Temperature.Celsius((decimal)value)));
    }

    [Theory]
    [InlineData(85.9)]
    [InlineData(113.1)]
    public void An_implausible_Fahrenheit_temperature_is_an_error(double value)
    {
        var error = SingleError(Valid.Measured(Temperature.Fahrenheit((decimal)value)));

        error.Path.Should().Be("$.temperature.value");
        error.Message.Should().Contain("86.0 to 113.0 °F");
    }

    [Theory]
    [InlineData(86.0)]
    [InlineData(113.0)]
    public void A_Fahrenheit_temperature_at_the_bounds_is_accepted(double value)
    {
        ShouldBeValid(Valid.Measured(Temperature.Fahrenheit((decimal)value)));
    }

    [Fact]
    public void A_Celsius_reading_given_as_Fahrenheit_is_an_error()
    {
        // 38.5 "°F" is not a living person's temperature: the unit is wrong, and the report must not be read as hypothermia.
        SingleError(Valid.Measured(Temperature.Fahrenheit(38.5m))).Path.Should().Be("$.temperature.value");
    }

    [Fact]
    public void An_undefined_temperature_unit_is_an_error()
    {
        var error = SingleError(Valid.Measured(new Temperature(38.0m, (TemperatureUnit)3)));

        error.Path.Should().Be("$.temperature.unit");
        error.Message.Should().Contain("'celsius', 'fahrenheit'");
    }

    [Fact]
    public void Every_error_of_one_report_is_reported_together()
    {
        var report = Valid with
        {
            ReportId = new string('x', 200),
            SurgeryDate = new DateOnly(2026, 12, 1),
            AssessedOn = new DateOnly(2026, 11, 30),
            SurgeryRegion = (SurgeryRegion)9,
            Hardware = [HardwareKind.Rods, HardwareKind.Rods],
            FusionLevels = 21,
            RiskFactors = [(RiskFactor)0],
            PainScore = 11,
            Temperature = Temperature.Celsius(46.0m),
        };

        Paths(report).Should().BeEquivalentTo(
            "$.reportId", "$.surgeryDate", "$.assessedOn", "$.surgeryRegion", "$.hardware[1]", "$.fusionLevels", "$.riskFactors[0]", "$.painScore", "$.temperature.value");
    }

    [Fact]
    public void An_invalid_report_has_no_validated_report()
    {
        var validation = Engine.Validate(Valid.Pain(11));

        validation.IsSuccess.Should().BeFalse();
        validation.Value.Should().BeNull();
    }

    [Fact]
    public void Triage_of_an_invalid_report_gives_its_errors_and_no_result()
    {
        var outcome = Engine.Triage(Valid.Pain(11) with { FusionLevels = 0 });

        outcome.IsSuccess.Should().BeFalse();
        outcome.Value.Should().BeNull();
        outcome.Errors.Select(e => e.Path).Should().BeEquivalentTo("$.painScore", "$.fusionLevels");
    }

    [Fact]
    public void Triage_of_a_valid_report_gives_a_result_and_no_errors()
    {
        var outcome = Engine.Triage(Valid);

        outcome.IsSuccess.Should().BeTrue();
        outcome.Errors.Should().BeEmpty();
    }

    [Fact]
    public void An_undefined_question_cannot_be_put_in_an_answer_set()
    {
        var act = () => AnswerSet.Of((default(QuestionId), Answer.Yes));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void An_undefined_answer_cannot_be_put_in_an_answer_set()
    {
        var act = () => AnswerSet.Empty.With(QuestionId.Fever, (Answer)3);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_question_answered_twice_cannot_be_put_in_an_answer_set()
    {
        var act = () => AnswerSet.Of((QuestionId.Fever, Answer.No), (QuestionId.Fever, Answer.Yes));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Validation_rejects_a_null_report()
    {
        var act = () => Engine.Validate(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void An_undefined_skipped_measurement_in_a_report_built_in_code_is_an_unknown_value_and_nothing_else()
    {
        var error = SingleError(Valid with { Skipped = [(Measurement)99] });

        error.Path.Should().Be("$.skipped[0]");
        error.Code.Should().Be(ErrorCodes.UnknownValue);
    }

    [Fact]
    public void An_undefined_hardware_kind_in_a_report_built_in_code_is_an_unknown_value_at_its_index()
    {
        var error = SingleError(Valid with { Hardware = [HardwareKind.Rods, (HardwareKind)99] });

        error.Path.Should().Be("$.hardware[1]");
        error.Code.Should().Be(ErrorCodes.UnknownValue);
    }
}
