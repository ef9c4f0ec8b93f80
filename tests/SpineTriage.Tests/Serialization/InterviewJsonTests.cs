using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Serialization;

/// <summary>The additive JSON of the interview: <c>skipped</c> in reports, <c>notAskedQuestions</c> and <c>isSettled</c> in results.</summary>
public class InterviewJsonTests
{
    private const string Dates = """ "surgeryDate": "2026-09-01", "assessedOn": "2026-11-24" """;

    [Fact]
    public void Skipped_measurements_are_read_and_written_back()
    {
        var report = TriageJson.ParseReport($$"""{ {{Dates}}, "skipped": ["temperature", "painScore"] }""").GetValueOrThrow();

        report.Skipped.Should().Equal(Measurement.Temperature, Measurement.PainScore);
        report.IsSkipped(Measurement.PainScore).Should().BeTrue();
        JsonNode.Parse(TriageJson.SerializeReport(report))!["skipped"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("temperature", "painScore");
        TriageJson.ParseReport(TriageJson.SerializeReport(report)).GetValueOrThrow().Should().Be(report);
    }

    [Fact]
    public void A_report_without_skipped_measurements_writes_no_skipped_property()
    {
        var report = TriageJson.ParseReport($$"""{ {{Dates}} }""").GetValueOrThrow();

        JsonNode.Parse(TriageJson.SerializeReport(report))!.AsObject().ContainsKey("skipped").Should().BeFalse();
    }

    [Fact]
    public void An_unknown_skipped_measurement_is_an_error_with_its_path()
    {
        var parsed = TriageJson.ParseReport($$"""{ {{Dates}}, "skipped": ["temperature", "weight"] }""");

        parsed.Errors.Should().ContainSingle().Which.Path.Should().Be("$.skipped[1]");
    }

    [Fact]
    public void A_skipped_temperature_that_is_also_given_is_rejected_by_the_engine()
    {
        var outcome = ReportBuilder.EngineV1().TriageJson($$"""{ {{Dates}}, "temperature": { "value": 37.0, "unit": "celsius" }, "skipped": ["temperature"] }""");

        outcome.Errors.Should().ContainSingle().Which.Path.Should().Be("$.skipped[0]");
    }

    [Fact]
    public void Results_write_the_red_flags_not_asked_and_whether_the_triage_is_settled()
    {
        var result = ReportBuilder.EngineV1().TriageJson($$"""{ {{Dates}}, "answers": { "bladderOrBowelControlLoss": "yes", "saddleNumbness": "unknown" } }""").GetValueOrThrow();

        var json = JsonNode.Parse(TriageJson.SerializeResult(result))!;

        json["isSettled"]!.GetValue<bool>().Should().BeTrue();
        json["notAskedQuestions"]!.AsArray().Select(n => n!.GetValue<string>()).Should().HaveCount(8).And.NotContain("saddleNumbness").And.Contain("fever");
        json["unansweredQuestions"]!.AsArray().Select(n => n!.GetValue<string>()).Should().HaveCount(9).And.Contain("saddleNumbness");
        TriageJson.ParseResult(TriageJson.SerializeResult(result)).GetValueOrThrow().Should().Be(result);
    }

    [Fact]
    public void A_result_written_before_the_interview_fields_existed_reads_as_not_settled_with_nothing_known_not_asked()
    {
        var result = ReportBuilder.EngineV1().TriageJson($$"""{ {{Dates}}, "answers": { "bladderOrBowelControlLoss": "yes" } }""").GetValueOrThrow();
        var old = JsonNode.Parse(TriageJson.SerializeResult(result))!.AsObject();
        old.Remove("isSettled");
        old.Remove("notAskedQuestions");

        var read = TriageJson.ParseResult(old.ToJsonString()).GetValueOrThrow();

        read.IsSettled.Should().BeFalse();
        read.NotAskedQuestions.Should().BeEmpty();
        read.Should().Be(result with { IsSettled = false, NotAskedQuestions = [] });
    }

    [Fact]
    public void An_unknown_question_in_not_asked_questions_is_an_error()
    {
        var result = ReportBuilder.EngineV1().TriageJson($$"""{ {{Dates}}, "answers": { "saddleNumbness": "yes" } }""").GetValueOrThrow();
        var json = JsonNode.Parse(TriageJson.SerializeResult(result))!.AsObject();
        json["notAskedQuestions"] = new JsonArray("saddleNumbess");

        TriageJson.ParseResult(json.ToJsonString()).Errors.Should().ContainSingle().Which.Path.Should().Be("$.notAskedQuestions[0]");
    }

    [Fact]
    public void A_complete_report_is_settled_with_no_question_not_asked_even_with_dont_know_red_flags()
    {
        var answers = string.Join(", ", QuestionCatalogue.All.Select(q => $"\"{q.JsonId}\": \"{(q.Id == Q.SaddleNumbness ? "unknown" : "no")}\""));

        var result = ReportBuilder.EngineV1().TriageJson($$"""{ {{Dates}}, "answers": { {{answers}} } }""").GetValueOrThrow();

        result.IsSettled.Should().BeTrue();
        result.NotAskedQuestions.Should().BeEmpty();
        result.UnansweredQuestions.Should().Equal(Q.SaddleNumbness);
    }

    [Fact]
    public void A_report_missing_red_flags_that_could_raise_the_urgency_is_not_settled()
    {
        var result = ReportBuilder.EngineV1().TriageJson($$"""{ {{Dates}}, "answers": { "woundDischarge": "yes" } }""").GetValueOrThrow();

        result.IsSettled.Should().BeFalse();
        result.NotAskedQuestions.Should().HaveCount(9);
    }
}
