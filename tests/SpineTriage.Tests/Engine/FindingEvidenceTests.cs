using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// A finding cites the facts that made its rule fire and nothing else: two reports whose cited facts are equal get equal
/// findings, whatever else differs (pain score, measured temperature, other answers), and reports whose cited facts
/// differ get findings that cite their own.
/// </summary>
public class FindingEvidenceTests
{
    public static TheoryData<string, SymptomReport, SymptomReport> EqualEvidence() => new()
    {
        // Rules that fire with or without fever: the two reports differ in pain score, in a measured fever
        // temperature and in an answer the rule does not cite.
        { "cauda-equina", Measured(Base().Yes(Q.BladderOrBowelControlLoss), 2, 38.5m), Measured(Base().Yes(Q.BladderOrBowelControlLoss, Q.RadiatingLimbPain), 3, 39.0m) },
        { "motor-deficit", Measured(Base().Yes(Q.NewOrWorseningLimbWeakness), 2, 38.5m), Measured(Base().Yes(Q.NewOrWorseningLimbWeakness, Q.RadiatingLimbPain), 3, 39.0m) },
        { "fall-or-injury", Measured(Base().Yes(Q.SuddenSeverePainAfterFallOrInjury), 2, 38.5m), Measured(Base().Yes(Q.SuddenSeverePainAfterFallOrInjury, Q.RadiatingLimbPain), 3, 39.0m) },
        { "possible-pulmonary-embolism", Measured(Base().Yes(Q.ChestPainOrBreathlessness), 2, 38.5m), Measured(Base().Yes(Q.ChestPainOrBreathlessness, Q.RadiatingLimbPain), 3, 39.0m) },
        { "sensory-deficit", Measured(Base().Yes(Q.NewOrWorseningLimbNumbness), 2, 38.5m), Measured(Base().Yes(Q.NewOrWorseningLimbNumbness, Q.RadiatingLimbPain), 3, 39.0m) },
        { "possible-deep-vein-thrombosis", Measured(Base().Yes(Q.CalfPainOrSwelling), 2, 38.5m), Measured(Base().Yes(Q.CalfPainOrSwelling, Q.RadiatingLimbPain), 3, 39.0m) },
        { "unresolved-red-flag", Measured(Base().With(Q.SaddleNumbness, Answer.Unknown), 2, 38.5m), Measured(Base().With(Q.SaddleNumbness, Answer.Unknown).Yes(Q.RadiatingLimbPain), 3, 39.0m) },
        { "severe-escalating-pain", Measured(Base().Yes(Q.NewOrWorseningPain), 9, 38.5m), Measured(Base().Yes(Q.NewOrWorseningPain, Q.RadiatingLimbPain), 9, 39.0m) },
        { "pain-after-improvement", Measured(Base().Yes(Q.PainReturnedAfterImprovement), 2, 38.5m), Measured(Base().Yes(Q.PainReturnedAfterImprovement, Q.RadiatingLimbPain), 3, 39.0m) },
        { "new-or-worsening-pain", Measured(Base().Yes(Q.NewOrWorseningPain), 2, 38.5m), Measured(Base().Yes(Q.NewOrWorseningPain, Q.RadiatingLimbPain), 3, 39.0m) },
        { "instability", Measured(Base().Yes(Q.InstabilityOrMovement), 2, 38.5m), Measured(Base().Yes(Q.InstabilityOrMovement, Q.RadiatingLimbPain), 3, 39.0m) },
        { "radicular-pain", Measured(Base().Yes(Q.RadiatingLimbPain), 2, 38.5m), Measured(Base().Yes(Q.RadiatingLimbPain, Q.CalfPainOrSwelling), 3, 39.0m) },
        { "severe-pain", Measured(Base(), 9, 38.5m), Measured(Base().Yes(Q.RadiatingLimbPain), 9, 39.0m) },
        { "symptomatic-imaging-finding", Measured(Base().Yes(Q.ImagingShowsHardwareProblem, Q.LocalizedTenderness), 2, 38.5m), Measured(Base().Yes(Q.ImagingShowsHardwareProblem, Q.LocalizedTenderness, Q.CalfPainOrSwelling), 3, 39.0m) },
        { "hardware-irritation", Measured(Base().Yes(Q.LocalizedTenderness), 2, 38.5m), Measured(Base().Yes(Q.LocalizedTenderness, Q.RadiatingLimbPain), 3, 39.0m) },
        { "asymptomatic-imaging-finding", Measured(Base().Yes(Q.ImagingShowsHardwareProblem), 2, 38.5m), Measured(Base().Yes(Q.ImagingShowsHardwareProblem, Q.CalfPainOrSwelling), 3, 39.0m) },

        // Rules that cite the fever: fever answered yes with no temperature, so there is no temperature to cite.
        { "infection-with-fever", Base().Yes(Q.Fever, Q.WoundDischarge) with { PainScore = 2 }, Base().Yes(Q.Fever, Q.WoundDischarge, Q.RadiatingLimbPain) with { PainScore = 3 } },
        { "fever", Base().Yes(Q.Fever) with { PainScore = 2 }, Base().Yes(Q.Fever, Q.RadiatingLimbPain) with { PainScore = 3 } },

        // Rules that need fever absent: temperatures below the threshold.
        { "wound-signs", Measured(Base().Yes(Q.WoundRednessOrSwelling), 2, 36.5m), Measured(Base().Yes(Q.WoundRednessOrSwelling, Q.RadiatingLimbPain), 3, 37.0m) },
        { "expected-recovery", Measured(Base(), 2, 36.5m), Measured(Base(), 3, 37.0m) },
    };

    public static TheoryData<string, SymptomReport, SymptomReport> DifferentEvidence() => new()
    {
        { "cauda-equina", Base().Yes(Q.BladderOrBowelControlLoss), Base().Yes(Q.SaddleNumbness) },
        { "unresolved-red-flag", Base().With(Q.SaddleNumbness, Answer.Unknown), Base().With(Q.CalfPainOrSwelling, Answer.Unknown) },
        { "severe-pain", Base() with { PainScore = 8 }, Base() with { PainScore = 9 } },
        { "hardware-irritation", Base().Yes(Q.LocalizedTenderness), Base().Yes(Q.LumpOverHardware) },
        { "symptomatic-imaging-finding", Base().Yes(Q.ImagingShowsHardwareProblem, Q.LocalizedTenderness), Base().Yes(Q.ImagingShowsHardwareProblem, Q.InstabilityOrMovement) },
        { "infection-with-fever", Base().Yes(Q.Fever, Q.WoundDischarge), Base().Yes(Q.Fever, Q.WoundRednessOrSwelling) },
    };

    [Theory]
    [MemberData(nameof(EqualEvidence))]
    public void Reports_with_equal_cited_facts_get_equal_findings(string ruleId, SymptomReport first, SymptomReport second)
    {
        var engine = ReportBuilder.EngineV1();

        var one = engine.Evaluate(first).Finding(ruleId);
        var other = engine.Evaluate(second).Finding(ruleId);

        other.Should().Be(one);
    }

    [Theory]
    [MemberData(nameof(DifferentEvidence))]
    public void Reports_with_different_cited_facts_get_findings_that_cite_their_own(string ruleId, SymptomReport first, SymptomReport second)
    {
        var engine = ReportBuilder.EngineV1();

        var one = engine.Evaluate(first).Finding(ruleId);
        var other = engine.Evaluate(second).Finding(ruleId);

        other.Evidence.Should().NotEqual(one.Evidence);
        engine.Evaluate(first).Finding(ruleId).Should().Be(one, "the first report still gets its own finding");
    }

    [Fact]
    public void A_finding_that_cites_a_measured_temperature_cites_each_reports_temperature()
    {
        var engine = ReportBuilder.EngineV1();
        var report = Measured(Base().Yes(Q.Fever), 2, 38.5m);

        var one = engine.Evaluate(report).Finding("fever");
        var again = engine.Evaluate(report).Finding("fever");
        var other = engine.Evaluate(Measured(Base().Yes(Q.Fever), 2, 39.0m)).Finding("fever");

        one.Evidence.Should().Equal("fever: yes", "temperature: 38.5 °C");
        other.Evidence.Should().Equal("fever: yes", "temperature: 39.0 °C");
        again.Should().Be(one);
    }

    [Fact]
    public void A_finding_made_by_one_engine_is_equal_to_the_one_another_engine_makes()
    {
        var report = Base().Yes(Q.LocalizedTenderness, Q.ImagingShowsHardwareProblem);

        var one = ReportBuilder.EngineV1().Evaluate(report);
        var other = ReportBuilder.EngineV1().Evaluate(report);

        other.Findings.Should().Equal(one.Findings);
    }

    private static SymptomReport Base() => ReportBuilder.AllRedFlagsDenied();

    private static SymptomReport Measured(SymptomReport report, int painScore, decimal celsius) =>
        report with { PainScore = painScore, Temperature = Temperature.Celsius(celsius) };
}
