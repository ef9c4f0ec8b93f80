using System.Text;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// Report JSON is read strictly (contract.md, input): every problem is an error with its JSON path, all
/// errors together, and never an exception, whatever the input.
/// </summary>
public class StrictReportJsonTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    /// <summary>A valid report with the given extra members.</summary>
    private static string Report(string members = "") =>
        members.Length == 0
            ? """{"surgeryDate":"2026-09-01","assessedOn":"2026-11-24"}"""
            : $$"""{"surgeryDate":"2026-09-01","assessedOn":"2026-11-24",{{members}}}""";

    private static IEnumerable<string> Paths(Outcome<SymptomReport> parsed) => parsed.Errors.Select(e => e.Path);

    private static ValidationError SingleError(string json)
    {
        var parsed = TriageJson.ParseReport(json);
        parsed.IsSuccess.Should().BeFalse();
        parsed.Value.Should().BeNull();
        return parsed.Errors.Should().ContainSingle().Subject;
    }

    [Fact]
    public void A_report_with_only_a_surgery_date_is_read()
    {
        var parsed = TriageJson.ParseReport("""{"surgeryDate":"2026-09-01"}""");

        parsed.Errors.Should().BeEmpty();
        parsed.Value.Should().Be(new SymptomReport { SurgeryDate = new DateOnly(2026, 9, 1) });
    }

    [Fact]
    public void The_contract_example_is_read_field_by_field()
    {
        var parsed = TriageJson.ParseReport("""
            {
              "reportId": "r-17",
              "surgeryDate": "2026-09-01",
              "assessedOn": "2026-11-24",
              "surgeryRegion": "lumbar",
              "hardware": ["screws", "rods", "cages"],
              "fusionLevels": 2,
              "riskFactors": ["smoking", "diabetes"],
              "painScore": 6,
              "temperature": { "value": 100.9, "unit": "fahrenheit" },
              "answers": {
                "bladderOrBowelControlLoss": "no",
                "newOrWorseningPain": "yes",
                "saddleNumbness": "unknown"
              }
            }
            """);

        parsed.Value.Should().Be(new SymptomReport
        {
            ReportId = "r-17",
            SurgeryDate = new DateOnly(2026, 9, 1),
            AssessedOn = new DateOnly(2026, 11, 24),
            SurgeryRegion = SurgeryRegion.Lumbar,
            Hardware = [HardwareKind.Screws, HardwareKind.Rods, HardwareKind.Cages],
            FusionLevels = 2,
            RiskFactors = [RiskFactor.Smoking, RiskFactor.Diabetes],
            PainScore = 6,
            Temperature = Temperature.Fahrenheit(100.9m),
            Answers = AnswerSet.Of(
                (QuestionId.BladderOrBowelControlLoss, Answer.No),
                (QuestionId.NewOrWorseningPain, Answer.Yes),
                (QuestionId.SaddleNumbness, Answer.Unknown)),
        });
    }

    [Fact]
    public void An_unknown_property_is_an_error_that_suggests_the_close_name()
    {
        var error = SingleError(Report(""" "painscore": 4 """));

        error.Path.Should().Be("$.painscore");
        error.Message.Should().Contain("did you mean 'painScore'?");
    }

    [Fact]
    public void An_unknown_property_far_from_every_name_is_an_error_without_a_suggestion()
    {
        var error = SingleError(Report(""" "colour": "red" """));

        error.Path.Should().Be("$.colour");
        error.Message.Should().NotContain("did you mean").And.Contain("surgeryDate");
    }

    [Fact]
    public void An_unknown_property_with_a_space_is_named_by_a_bracket_path()
    {
        SingleError(Report(""" "pain score": 4 """)).Path.Should().Be("$['pain score']");
    }

    [Fact]
    public void Property_names_are_case_sensitive()
    {
        var parsed = TriageJson.ParseReport("""{"SurgeryDate":"2026-09-01"}""");

        Paths(parsed).Should().BeEquivalentTo("$.SurgeryDate", "$.surgeryDate");
        parsed.Errors[0].Message.Should().Contain("did you mean 'surgeryDate'?");
    }

    [Fact]
    public void A_misspelt_question_id_is_an_error_that_suggests_the_red_flag()
    {
        var error = SingleError(Report(""" "answers": { "saddleNumbess": "yes" } """));

        error.Path.Should().Be("$.answers.saddleNumbess");
        error.Message.Should().Contain("did you mean 'saddleNumbness'?");
    }

    [Theory]
    [InlineData(""" "surgeryRegion": "neck" """, "$.surgeryRegion", "'cervical', 'thoracic', 'lumbar', 'sacral'")]
    [InlineData(""" "surgeryRegion": "Lumbar" """, "$.surgeryRegion", "'lumbar'")]
    [InlineData(""" "hardware": ["screws", "bolts"] """, "$.hardware[1]", "'screws', 'rods', 'plates', 'cages', 'other'")]
    [InlineData(""" "riskFactors": ["vaping"] """, "$.riskFactors[0]", "'smoking'")]
    [InlineData(""" "temperature": { "value": 300, "unit": "kelvin" } """, "$.temperature.unit", "'celsius', 'fahrenheit'")]
    [InlineData(""" "answers": { "fever": "maybe" } """, "$.answers.fever", "'unknown', 'no', 'yes'")]
    [InlineData(""" "answers": { "fever": "Yes" } """, "$.answers.fever", "'yes'")]
    public void An_unknown_enum_value_is_an_error_that_lists_the_allowed_values(string members, string path, string allowed)
    {
        var error = SingleError(Report(members));

        error.Path.Should().Be(path);
        error.Message.Should().Contain(allowed);
    }

    [Fact]
    public void A_duplicate_top_level_key_is_an_error()
    {
        var error = SingleError(Report(""" "painScore": 2, "painScore": 9 """));

        error.Path.Should().Be("$.painScore");
        error.Message.Should().Contain("more than once");
    }

    [Fact]
    public void A_duplicate_answer_is_an_error()
    {
        SingleError(Report(""" "answers": { "fever": "no", "fever": "yes" } """)).Path.Should().Be("$.answers.fever");
    }

    [Fact]
    public void A_duplicate_key_in_the_temperature_is_an_error()
    {
        SingleError(Report(""" "temperature": { "value": 37.0, "unit": "celsius", "value": 39.0 } """)).Path.Should().Be("$.temperature.value");
    }

    [Theory]
    [InlineData(""" "reportId": 17 """, "$.reportId")]
    [InlineData(""" "surgeryRegion": 3 """, "$.surgeryRegion")]
    [InlineData(""" "hardware": "screws" """, "$.hardware")]
    [InlineData(""" "hardware": [1] """, "$.hardware[0]")]
    [InlineData(""" "fusionLevels": "2" """, "$.fusionLevels")]
    [InlineData(""" "riskFactors": { "smoking": true } """, "$.riskFactors")]
    [InlineData(""" "painScore": "6" """, "$.painScore")]
    [InlineData(""" "painScore": true """, "$.painScore")]
    [InlineData(""" "temperature": 38.5 """, "$.temperature")]
    [InlineData(""" "temperature": { "value": "38.5", "unit": "celsius" } """, "$.temperature.value")]
    [InlineData(""" "temperature": { "value": 38.5, "unit": 1 } """, "$.temperature.unit")]
    [InlineData(""" "answers": ["fever"] """, "$.answers")]
    [InlineData(""" "answers": { "fever": true } """, "$.answers.fever")]
    public void A_wrong_JSON_type_is_an_error_at_its_path(string members, string path)
    {
        SingleError(Report(members)).Path.Should().Be(path);
    }

    [Theory]
    [InlineData("""{"surgeryDate":20260901}""")]
    [InlineData("""{"surgeryDate":["2026-09-01"]}""")]
    [InlineData("""{"surgeryDate":"2026-13-01"}""")]
    [InlineData("""{"surgeryDate":"01/09/2026"}""")]
    [InlineData("""{"surgeryDate":"2026-9-1"}""")]
    [InlineData("""{"surgeryDate":"2026-09-01T00:00:00"}""")]
    [InlineData("""{"surgeryDate":"2026-02-30"}""")]
    [InlineData("""{"surgeryDate":null}""")]
    public void A_surgery_date_that_is_not_yyyy_MM_dd_is_an_error(string json)
    {
        var error = SingleError(json);

        error.Path.Should().Be("$.surgeryDate");
        error.Message.Should().Contain("yyyy-MM-dd");
    }

    [Fact]
    public void A_malformed_assessment_date_is_an_error()
    {
        SingleError(Report().Replace("2026-11-24", "24.11.2026", StringComparison.Ordinal)).Path.Should().Be("$.assessedOn");
    }

    [Fact]
    public void A_missing_surgery_date_is_an_error()
    {
        SingleError("""{"painScore":3}""").Path.Should().Be("$.surgeryDate");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"surgeryDate":"2026-09-01"}]""")]
    [InlineData("\"2026-09-01\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void A_root_that_is_not_an_object_is_an_error(string json)
    {
        var error = SingleError(json);

        error.Path.Should().Be("$");
        error.Message.Should().Contain("JSON object");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("""{"surgeryDate":"2026-09-01" """)]
    [InlineData("""{"surgeryDate":"2026-09""")]
    [InlineData("""{"surgeryDate" "2026-09-01"}""")]
    [InlineData("""{surgeryDate:"2026-09-01"}""")]
    [InlineData("""{'surgeryDate':'2026-09-01'}""")]
    [InlineData("""{"surgeryDate":"2026-09-01"} {}""")]
    public void Input_that_is_not_well_formed_JSON_is_an_error(string json)
    {
        var error = SingleError(json);

        error.Path.Should().Be("$");
        error.Message.Should().Contain("not well-formed JSON");
    }

    [Fact]
    public void A_comment_is_rejected()
    {
        SingleError("""{ /* assessed by phone */ "surgeryDate":"2026-09-01"}""").Path.Should().Be("$");
    }

    [Fact]
    public void A_line_comment_is_rejected()
    {
        SingleError("{\"surgeryDate\":\"2026-09-01\" // by phone\n}").Path.Should().Be("$");
    }

    [Fact]
    public void A_trailing_comma_in_an_object_is_rejected()
    {
        SingleError("""{"surgeryDate":"2026-09-01",}""").Path.Should().Be("$");
    }

    [Fact]
    public void A_trailing_comma_in_an_array_is_rejected()
    {
        SingleError(Report(""" "hardware": ["screws",] """)).Path.Should().Be("$");
    }

    [Fact]
    public void An_array_nested_100000_deep_is_an_error_not_an_exception()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        var error = SingleError(json);

        error.Path.Should().Be("$");
        error.Message.Should().Contain("nested deeper than 64 levels");
    }

    [Fact]
    public void Answers_nested_100000_deep_are_an_error_not_an_exception()
    {
        var json = Report(""" "answers": """ + string.Concat(Enumerable.Repeat("""{"a":""", 100_000)) + "1" + new string('}', 100_000));

        var outcome = Engine.TriageJson(json);

        outcome.IsSuccess.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Message.Should().Contain("nested deeper");
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_accepted()
    {
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Report())).ToArray();

        var parsed = TriageJson.ParseReport(utf8);

        parsed.Errors.Should().BeEmpty();
        parsed.Value!.SurgeryDate.Should().Be(new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void Invalid_UTF8_in_a_string_value_is_an_error_not_an_exception()
    {
        var utf8 = Encoding.UTF8.GetBytes(Report(""" "reportId": "r-1?" """));
        utf8[Array.IndexOf(utf8, (byte)'?')] = 0xFF;

        var parsed = TriageJson.ParseReport(utf8);

        Paths(parsed).Should().Equal("$");
        parsed.Errors[0].Message.Should().Contain("UTF-8");
    }

    [Fact]
    public void Invalid_UTF8_in_a_property_name_is_an_error_not_an_exception()
    {
        byte[] utf8 = [.. "{\""u8, 0xC3, 0x28, .. "\":1}"u8];

        var outcome = Engine.TriageJson(utf8);

        outcome.IsSuccess.Should().BeFalse();
        outcome.Errors.Select(e => e.Path).Should().Equal("$");
    }

    [Theory]
    [InlineData(""" "reportId": "\ud800" """)]
    [InlineData(""" "answers": { "\udc00": "yes" } """)]
    [InlineData(""" "surgeryRegion": "lumbar\ud800" """)]
    public void An_escaped_unpaired_surrogate_is_an_error_not_an_exception(string members)
    {
        var error = SingleError(Report(members));

        error.Path.Should().Be("$");
        error.Message.Should().Contain("not valid text");
    }

    [Theory]
    [InlineData("reportId")]
    [InlineData("assessedOn")]
    [InlineData("surgeryRegion")]
    [InlineData("hardware")]
    [InlineData("fusionLevels")]
    [InlineData("riskFactors")]
    [InlineData("painScore")]
    [InlineData("temperature")]
    [InlineData("answers")]
    public void Null_for_an_optional_field_is_the_same_as_leaving_it_out(string field)
    {
        var parsed = TriageJson.ParseReport($$"""{"surgeryDate":"2026-09-01","{{field}}":null}""");

        parsed.Errors.Should().BeEmpty();
        parsed.Value.Should().Be(TriageJson.ParseReport("""{"surgeryDate":"2026-09-01"}""").Value);
    }

    [Fact]
    public void Null_as_an_answer_is_an_error()
    {
        SingleError(Report(""" "answers": { "fever": null } """)).Path.Should().Be("$.answers.fever");
    }

    [Fact]
    public void A_temperature_without_a_unit_is_an_error()
    {
        var error = SingleError(Report(""" "temperature": { "value": 38.2 } """));

        error.Path.Should().Be("$.temperature.unit");
        error.Message.Should().Contain("'celsius', 'fahrenheit'");
    }

    [Fact]
    public void A_temperature_without_a_value_is_an_error()
    {
        SingleError(Report(""" "temperature": { "unit": "celsius" } """)).Path.Should().Be("$.temperature.value");
    }

    [Fact]
    public void An_unknown_property_in_the_temperature_is_an_error()
    {
        SingleError(Report(""" "temperature": { "value": 38.2, "unit": "celsius", "site": "ear" } """)).Path.Should().Be("$.temperature.site");
    }

    [Fact]
    public void A_pain_score_that_is_not_a_whole_number_is_an_error()
    {
        var error = SingleError(Report(""" "painScore": 7.5 """));

        error.Path.Should().Be("$.painScore");
        error.Message.Should().Contain("whole number");
    }

    [Fact]
    public void A_pain_score_beyond_the_integer_range_is_an_error()
    {
        SingleError(Report(""" "painScore": 1e10 """)).Path.Should().Be("$.painScore");
    }

    [Fact]
    public void An_explicit_unknown_answer_and_a_missing_one_are_both_unknown()
    {
        var explicitUnknown = TriageJson.ParseReport(Report(""" "answers": { "fever": "unknown" } """)).Value!;
        var missing = TriageJson.ParseReport(Report()).Value!;

        explicitUnknown.Answers[QuestionId.Fever].Should().Be(Answer.Unknown);
        missing.Answers[QuestionId.Fever].Should().Be(Answer.Unknown);
    }

    [Fact]
    public void An_explicit_unknown_answer_is_remembered_as_given()
    {
        var explicitUnknown = TriageJson.ParseReport(Report(""" "answers": { "fever": "unknown" } """)).Value!;
        var missing = TriageJson.ParseReport(Report()).Value!;

        explicitUnknown.Answers.IsGiven(QuestionId.Fever).Should().BeTrue();
        missing.Answers.IsGiven(QuestionId.Fever).Should().BeFalse();
    }

    [Fact]
    public void An_explicit_unknown_answer_and_a_missing_one_triage_alike_and_only_the_missing_one_is_not_asked()
    {
        var explicitUnknown = Engine.TriageJson(Report(""" "answers": { "fever": "unknown" } """)).Value!;
        var missing = Engine.TriageJson(Report()).Value!;

        explicitUnknown.Should().Be(missing with
        {
            NotAskedQuestions = explicitUnknown.NotAskedQuestions,
            Findings = [.. missing.Findings.Select(f => f with { Evidence = [.. f.Evidence.Select(e => e == "fever: not asked" ? "fever: unknown" : e)] })],
        });
        explicitUnknown.Finding("unresolved-red-flag").Evidence.Should().Contain("fever: unknown");
        missing.Finding("unresolved-red-flag").Evidence.Should().Contain("fever: not asked");
        missing.NotAskedQuestions.Should().Contain(QuestionId.Fever);
        explicitUnknown.NotAskedQuestions.Should().NotContain(QuestionId.Fever);
    }

    [Fact]
    public void Every_structural_error_of_one_input_is_reported_together()
    {
        var parsed = TriageJson.ParseReport("""
            {
              "surgeryDate": "2026-9-1",
              "surgeryRegion": "neck",
              "hardware": ["screws", "bolts"],
              "painScore": "high",
              "temperature": { "value": 38.2 },
              "answers": { "saddleNumbess": "yes", "fever": "maybe" },
              "colour": "red"
            }
            """);

        Paths(parsed).Should().BeEquivalentTo(
            "$.surgeryDate",
            "$.surgeryRegion",
            "$.hardware[1]",
            "$.painScore",
            "$.temperature.unit",
            "$.answers.saddleNumbess",
            "$.answers.fever",
            "$.colour");
    }

    [Fact]
    public void Triage_of_JSON_reports_structural_and_range_errors_together()
    {
        var outcome = Engine.TriageJson(Report(""" "painScore": 11, "fusionLevels": 0, "colour": "red" """));

        outcome.Value.Should().BeNull();
        outcome.Errors.Select(e => e.Path).Should().BeEquivalentTo("$.colour", "$.fusionLevels", "$.painScore");
    }

    [Fact]
    public void Triage_of_JSON_reports_a_malformed_surgery_date_once()
    {
        var outcome = Engine.TriageJson("""{"surgeryDate":"2026-13-01"}""");

        outcome.Errors.Select(e => e.Path).Should().Equal("$.surgeryDate");
    }

    [Fact]
    public void Triage_of_JSON_gives_the_result_of_triaging_the_parsed_report()
    {
        var json = Report(""" "painScore": 9, "answers": { "newOrWorseningPain": "yes", "saddleNumbness": "no" } """);

        Engine.TriageJson(json).Value.Should().Be(Engine.Triage(TriageJson.ParseReport(json).Value!).Value);
    }

    [Fact]
    public void Triage_of_UTF8_JSON_gives_the_same_result_as_of_the_string()
    {
        var json = Report(""" "temperature": { "value": 100.4, "unit": "fahrenheit" } """);

        Engine.TriageJson(Encoding.UTF8.GetBytes(json)).Value.Should().Be(Engine.TriageJson(json).Value);
    }
}
