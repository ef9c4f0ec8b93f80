using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests.Unit;

/// <summary>
/// Each input rule holds for an engine built inside the test. Most tests share an engine built once; these
/// also prove the rules that the engine's constructor sets up (mutation testing changes code only for the
/// duration of one test, so a rule set up before the test began would not be checked).
/// </summary>
public class FreshEngineTests
{
    private static readonly DateOnly Today = ReportGen.Today;

    private static readonly SymptomReport Baseline = new()
    {
        SurgeryDate = new DateOnly(2026, 9, 1),
        AssessedOn = new DateOnly(2026, 11, 20),
        Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Select(q => KeyValuePair.Create(q.Id, Answer.No))),
    };

    private static readonly Dictionary<string, (SymptomReport Report, string Path)> Invalid = new()
    {
        ["a report id of 129 characters"] = (Baseline with { ReportId = new string('r', 129) }, "$.reportId"),
        ["no surgery date"] = (Baseline with { SurgeryDate = default }, "$.surgeryDate"),
        ["surgery after the assessment"] = (Baseline with { SurgeryDate = new DateOnly(2026, 11, 21) }, "$.surgeryDate"),
        ["an assessment two days ahead of the clock"] = (Baseline with { AssessedOn = Today.AddDays(2) }, "$.assessedOn"),
        ["an undefined surgery region"] = (Baseline with { SurgeryRegion = (SurgeryRegion)9 }, "$.surgeryRegion"),
        ["an undefined hardware kind"] = (Baseline with { Hardware = [(HardwareKind)99] }, "$.hardware[0]"),
        ["a hardware kind listed twice"] = (Baseline with { Hardware = [HardwareKind.Cages, HardwareKind.Cages] }, "$.hardware[1]"),
        ["21 fusion levels"] = (Baseline with { FusionLevels = 21 }, "$.fusionLevels"),
        ["an undefined risk factor"] = (Baseline with { RiskFactors = [(RiskFactor)99] }, "$.riskFactors[0]"),
        ["a risk factor listed twice"] = (Baseline with { RiskFactors = [RiskFactor.Obesity, RiskFactor.Obesity] }, "$.riskFactors[1]"),
        ["a pain score of 11"] = (Baseline with { PainScore = 11 }, "$.painScore"),
        ["an undefined temperature unit"] = (Baseline with { Temperature = new Temperature(38.0m, (TemperatureUnit)7) }, "$.temperature.unit"),
        ["29.9 °C"] = (Baseline with { Temperature = Temperature.Celsius(29.9m) }, "$.temperature.value"),
        ["113.1 °F"] = (Baseline with { Temperature = Temperature.Fahrenheit(113.1m) }, "$.temperature.value"),
    };

    public static TheoryData<string> InvalidReports() => [.. Invalid.Keys];

    [Theory]
    [MemberData(nameof(InvalidReports))]
    public void A_freshly_built_engine_rejects_a_report_with(string invalid)
    {
        var (report, path) = Invalid[invalid];
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }, TestClock.At(Today));

        var validation = engine.Validate(report);

        validation.IsSuccess.Should().BeFalse();
        validation.Errors.Select(e => e.Path).Should().Equal(path);
    }

    [Fact]
    public void A_freshly_built_engine_accepts_the_baseline_report()
    {
        new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }, TestClock.At(Today)).Validate(Baseline).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void The_highest_reachable_urgency_of_no_report_is_an_argument_error()
    {
        var reach = () => ReportGen.Engine.HighestReachableUrgency(null!);

        reach.Should().Throw<ArgumentNullException>().WithParameterName("report");
    }

    [Fact]
    public void A_given_pain_score_of_0_is_not_raised_when_looking_for_the_highest_reachable_urgency()
    {
        var report = ReportGen.Engine.Validate(Baseline with { PainScore = 0, Temperature = Temperature.Celsius(36.8m), Answers = Baseline.Answers.WithNotGivenAs(Answer.No, QuestionCatalogue.All) }).Value!;

        ReportGen.Engine.HighestReachableUrgency(report).Should().Be(Urgency.SelfCare);
    }
}
