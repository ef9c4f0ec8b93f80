using System.Text.Json;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using SpineTriage.Validation;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Serialization;

/// <summary>Reports and results written as contract JSON read back unchanged (contract.md).</summary>
public class RoundTripTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private static readonly SymptomReport Full = new()
    {
        ReportId = "nurse-line/2026-11-24/0042",
        SurgeryDate = new DateOnly(2026, 9, 1),
        AssessedOn = new DateOnly(2026, 11, 24),
        SurgeryRegion = SurgeryRegion.Cervical,
        Hardware = [HardwareKind.Plates, HardwareKind.Screws, HardwareKind.Other],
        FusionLevels = 3,
        RiskFactors = [RiskFactor.PreviousInfection, RiskFactor.Smoking],
        PainScore = 0,
        Temperature = Temperature.Fahrenheit(100.9m),
        Answers = AnswerSet.Of(
            (Q.Fever, Answer.Yes),
            (Q.SaddleNumbness, Answer.Unknown),
            (Q.CalfPainOrSwelling, Answer.No),
            (Q.ImagingShowsHardwareProblem, Answer.Unknown)),
    };

    public static TheoryData<string> ResultReports() => ["empty", "selfCare", "routine", "soon", "urgent", "emergency", "fullyFilled"];

    private static SymptomReport ReportNamed(string name) => name switch
    {
        "empty" => new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today },
        "selfCare" => ReportBuilder.AllRedFlagsDenied() with { RiskFactors = [RiskFactor.Obesity] },
        "routine" => ReportBuilder.AllRedFlagsDenied().Yes(Q.ImagingShowsHardwareProblem),
        "soon" => ReportBuilder.AllRedFlagsDenied().Pain(8).Yes(Q.RadiatingLimbPain),
        "urgent" => ReportBuilder.AllRedFlagsDenied().No(Q.Fever).Measured(Temperature.Celsius(38.9m)),
        "emergency" => ReportBuilder.AllRedFlagsDenied().Yes(Q.SaddleNumbness, Q.WoundDischarge) with { ReportId = "e-1" },
        "fullyFilled" => Full,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void A_report_with_every_field_reads_back_equal()
    {
        TriageJson.ParseReport(TriageJson.SerializeReport(Full)).Value.Should().Be(Full);
    }

    [Fact]
    public void A_report_with_a_Celsius_temperature_reads_back_equal()
    {
        var report = Full with { Temperature = Temperature.Celsius(37.25m) };

        TriageJson.ParseReport(TriageJson.SerializeReport(report)).Value.Should().Be(report);
    }

    [Fact]
    public void A_report_with_only_a_surgery_date_reads_back_equal()
    {
        var report = new SymptomReport { SurgeryDate = new DateOnly(2026, 1, 31) };

        TriageJson.ParseReport(TriageJson.SerializeReport(report)).Value.Should().Be(report);
    }

    [Fact]
    public void An_indented_report_reads_back_equal()
    {
        TriageJson.ParseReport(TriageJson.SerializeReport(Full, indented: true)).Value.Should().Be(Full);
    }

    [Fact]
    public void Explicit_unknown_answers_are_written_and_read_back_as_given()
    {
        var readBack = TriageJson.ParseReport(TriageJson.SerializeReport(Full)).Value!;

        readBack.Answers.IsGiven(Q.SaddleNumbness).Should().BeTrue();
        readBack.Answers.IsGiven(Q.BladderOrBowelControlLoss).Should().BeFalse();
    }

    [Fact]
    public void Compact_report_JSON_is_canonical()
    {
        var once = TriageJson.SerializeReport(Full);

        TriageJson.SerializeReport(TriageJson.ParseReport(once).Value!).Should().Be(once);
    }

    [Fact]
    public void A_report_is_written_in_contract_shape_with_absent_fields_left_out()
    {
        var report = new SymptomReport
        {
            SurgeryDate = new DateOnly(2026, 9, 1),
            Temperature = Temperature.Fahrenheit(100.9m),
            Answers = AnswerSet.Of((Q.SaddleNumbness, Answer.Unknown), (Q.BladderOrBowelControlLoss, Answer.No)),
        };

        TriageJson.SerializeReport(report).Should().Be(
            """{"surgeryDate":"2026-09-01","temperature":{"value":100.9,"unit":"fahrenheit"},"answers":{"bladderOrBowelControlLoss":"no","saddleNumbness":"unknown"}}""");
    }

    [Theory]
    [MemberData(nameof(ResultReports))]
    public void A_result_reads_back_equal(string report)
    {
        var result = Engine.Evaluate(ReportNamed(report));

        var readBack = TriageJson.ParseResult(TriageJson.SerializeResult(result));

        readBack.Errors.Should().BeEmpty();
        readBack.Value.Should().Be(result);
    }

    [Fact]
    public void A_compact_result_reads_back_equal()
    {
        var result = Engine.Evaluate(Full);

        TriageJson.ParseResult(TriageJson.SerializeResult(result, indented: false)).Value.Should().Be(result);
    }

    [Fact]
    public void Result_JSON_has_exactly_the_contract_properties_and_the_urgency_code()
    {
        var json = Parse(TriageJson.SerializeResult(Engine.Evaluate(Full)));

        Names(json).Should().Equal(
            "reportId", "urgency", "urgencyCode", "disposition", "dispositionKey", "isComplete", "daysSinceSurgery", "findings",
            "unansweredQuestions", "notAskedQuestions", "isSettled", "careAdvice", "careAdviceKeys", "safetyNet", "safetyNetParts",
            "warnings", "warningKeys", "ruleSet", "textSet");
    }

    [Fact]
    public void A_finding_in_result_JSON_has_exactly_the_contract_properties()
    {
        var json = Parse(TriageJson.SerializeResult(Engine.Evaluate(Full)));

        json.GetProperty("findings").EnumerateArray().Should().AllSatisfy(finding =>
            Names(finding).Should().Equal("ruleId", "urgency", "title", "patientExplanation", "titleKey", "patientExplanationKey", "clinicianRationale", "evidence", "source"));
    }

    [Fact]
    public void The_rule_set_in_result_JSON_has_version_and_hash()
    {
        var json = Parse(TriageJson.SerializeResult(Engine.Evaluate(Full)));

        Names(json.GetProperty("ruleSet")).Should().Equal("version", "hash");
        json.GetProperty("ruleSet").GetProperty("hash").GetString().Should().Be(Engine.RuleSet.Hash);
    }

    [Fact]
    public void The_text_set_in_result_JSON_has_language_and_hash_and_reads_back()
    {
        var result = Engine.Evaluate(Full);
        var json = Parse(TriageJson.SerializeResult(result));

        Names(json.GetProperty("textSet")).Should().Equal("language", "hash");
        json.GetProperty("textSet").GetProperty("language").GetString().Should().Be("en");
        json.GetProperty("textSet").GetProperty("hash").GetString().Should().Be(Engine.TextSet.Hash);
        TriageJson.ParseResult(TriageJson.SerializeResult(result)).Value!.TextSet.Should().Be(Engine.TextSet);
    }

    [Fact]
    public void A_result_without_a_report_id_leaves_it_out()
    {
        var json = Parse(TriageJson.SerializeResult(Engine.Evaluate(ReportBuilder.AllRedFlagsDenied())));

        Names(json).Should().NotContain("reportId").And.Contain("urgency");
    }

    [Theory]
    [InlineData("selfCare", "selfCare", 1)]
    [InlineData("routine", "routine", 2)]
    [InlineData("soon", "soon", 3)]
    [InlineData("urgent", "urgent", 4)]
    [InlineData("emergency", "emergency", 5)]
    public void Urgency_is_written_as_its_camelCase_name_and_its_stable_code(string report, string urgency, int code)
    {
        var json = Parse(TriageJson.SerializeResult(Engine.Evaluate(ReportNamed(report))));

        json.GetProperty("urgency").GetString().Should().Be(urgency);
        json.GetProperty("urgencyCode").GetInt32().Should().Be(code);
        json.GetProperty("findings")[0].GetProperty("urgency").GetString().Should().Be(urgency);
    }

    [Fact]
    public void Unanswered_questions_are_written_as_their_camelCase_ids()
    {
        var json = Parse(TriageJson.SerializeResult(Engine.Evaluate(Full)));

        json.GetProperty("unansweredQuestions").EnumerateArray().Select(q => q.GetString()).Should().Equal(
            "bladderOrBowelControlLoss", "saddleNumbness", "newOrWorseningLimbWeakness", "suddenSeverePainAfterFallOrInjury",
            "woundDischarge", "woundRednessOrSwelling", "chestPainOrBreathlessness", "newOrWorseningLimbNumbness");
    }

    [Fact]
    public void Result_text_keeps_the_degree_sign_and_apostrophes_unescaped()
    {
        var json = TriageJson.SerializeResult(Engine.Evaluate(Full));

        json.Should().Contain("°C").And.Contain("surgeon's").And.NotContain("\\u00B0");
    }

    [Fact]
    public void Errors_are_written_as_a_list_of_path_code_and_message()
    {
        var json = Parse(TriageJson.SerializeErrors([new ValidationError("$.painScore", ErrorCodes.OutOfRange, "painScore must be a whole number from 0 to 10; got 11.")]));

        Names(json).Should().Equal("errors");
        var error = json.GetProperty("errors").EnumerateArray().Should().ContainSingle().Subject;
        Names(error).Should().Equal("path", "code", "message");
        error.GetProperty("path").GetString().Should().Be("$.painScore");
        error.GetProperty("code").GetString().Should().Be("outOfRange");
    }

    [Fact]
    public void A_result_with_an_unknown_property_is_not_read()
    {
        var json = TriageJson.SerializeResult(Engine.Evaluate(Full), indented: false).Replace("{\"reportId\"", "{\"extra\":1,\"reportId\"", StringComparison.Ordinal);

        var parsed = TriageJson.ParseResult(json);

        parsed.IsSuccess.Should().BeFalse();
        parsed.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void A_result_with_an_unknown_urgency_is_not_read()
    {
        var json = TriageJson.SerializeResult(Engine.Evaluate(Full), indented: false).Replace("\"urgency\":\"urgent\"", "\"urgency\":\"critical\"", StringComparison.Ordinal);

        TriageJson.ParseResult(json).Errors.Select(e => e.Path).Should().Contain("$.urgency");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("""{"findings":null}""")]
    [InlineData("""{"ruleSet":null}""")]
    [InlineData("""{"warnings":null}""")]
    [InlineData("""{"findings":[null]}""")]
    [InlineData("""{"findings":[{"evidence":null}]}""")]
    public void Result_JSON_that_is_not_a_result_gives_errors_not_an_exception(string json)
    {
        var parsed = TriageJson.ParseResult(json);

        parsed.IsSuccess.Should().BeFalse();
        parsed.Errors.Should().NotBeEmpty();
    }
}
