using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary><see cref="TriageJson.ParseResult"/> reads strictly, on the same reader as reports: every error with its path and code.</summary>
public class ResultReaderTests
{
    private static readonly TriageResult Result =
        ReportBuilder.EngineV1().TriageJson("""{ "surgeryDate": "2026-09-01", "assessedOn": "2026-11-24", "answers": { "woundDischarge": "yes" } }""").GetValueOrThrow();

    private static JsonObject Json() => JsonNode.Parse(TriageJson.SerializeResult(Result))!.AsObject();

    [Fact]
    public void A_duplicate_property_is_a_duplicate_key_error_at_its_path()
    {
        var json = TriageJson.SerializeResult(Result, indented: false).Replace("\"isComplete\":", "\"isComplete\":true,\"isComplete\":", StringComparison.Ordinal);

        TriageJson.ParseResult(json).Errors.Should().ContainSingle().Which.Should().Be(
            new ValidationError("$.isComplete", ErrorCodes.DuplicateKey, "'isComplete' appears more than once; each property may appear once."));
    }

    [Fact]
    public void An_unknown_property_is_named_with_a_suggestion()
    {
        var json = Json();
        json["warning"] = new JsonArray();

        var error = TriageJson.ParseResult(json.ToJsonString()).Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("$.warning");
        error.Code.Should().Be(ErrorCodes.UnknownProperty);
        error.Message.Should().Contain("did you mean 'warnings'?");
    }

    [Fact]
    public void A_wrong_item_of_a_list_is_named_by_its_own_index_and_a_wrong_name_is_told_from_a_wrong_type()
    {
        var json = Json();
        json["unansweredQuestions"] = new JsonArray("fever", "noSuchQuestion", 7);
        json["careAdvice"] = new JsonArray("rest", 7);
        var findings = json["findings"]!.AsArray();
        var second = findings[0]!.DeepClone();
        second["evidence"] = new JsonArray("ok", 1);
        findings.Add(second);
        var last = findings.Count - 1;
        last.Should().BeGreaterThan(0);

        var errors = TriageJson.ParseResult(json.ToJsonString()).Errors.Select(e => (e.Path, e.Code));

        errors.Should().BeEquivalentTo(new[]
        {
            ("$.unansweredQuestions[1]", ErrorCodes.UnknownValue),
            ("$.unansweredQuestions[2]", ErrorCodes.WrongType),
            ("$.careAdvice[1]", ErrorCodes.WrongType),
            ($"$.findings[{last}].evidence[1]", ErrorCodes.WrongType),
        });
    }

    [Theory]
    [InlineData("\"Urgent\"", ErrorCodes.UnknownValue)]
    [InlineData("4", ErrorCodes.WrongType)]
    public void An_urgency_that_is_no_name_of_one_is_an_unknown_value_and_one_that_is_no_string_a_wrong_type(string urgency, string code)
    {
        var json = Json();
        json["urgency"] = JsonNode.Parse(urgency);

        TriageJson.ParseResult(json.ToJsonString()).Errors.Select(e => (e.Path, e.Code)).Should().Contain(("$.urgency", code));
    }

    [Theory]
    [InlineData("ruleSet", """{"hash":"sha256:00"}""", "$.ruleSet.version")]
    [InlineData("ruleSet", """{"version":"2.1.0"}""", "$.ruleSet.hash")]
    [InlineData("textSet", """{"hash":"sha256:00"}""", "$.textSet.language")]
    [InlineData("textSet", """{"language":"en"}""", "$.textSet.hash")]
    public void A_rule_set_or_text_set_without_one_of_its_two_texts_is_required_at_that_text(string name, string value, string path)
    {
        var json = Json();
        json[name] = JsonNode.Parse(value);

        TriageJson.ParseResult(json.ToJsonString()).Errors.Select(e => (e.Path, e.Code)).Should().Equal((path, ErrorCodes.Required));
    }

    [Fact]
    public void Wrong_types_are_each_reported_with_their_paths()
    {
        var json = Json();
        json["isComplete"] = "yes";
        json["daysSinceSurgery"] = 1.5;
        json["findings"]![0]!["evidence"] = new JsonArray(1);

        var errors = TriageJson.ParseResult(json.ToJsonString()).Errors;

        errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(new[]
        {
            ("$.isComplete", ErrorCodes.WrongType),
            ("$.daysSinceSurgery", ErrorCodes.WrongType),
            ("$.findings[0].evidence[0]", ErrorCodes.WrongType),
        });
    }

    [Theory]
    [InlineData("disposition")]
    [InlineData("urgencyCode")]
    [InlineData("findings")]
    [InlineData("ruleSet")]
    public void A_missing_required_property_is_a_required_error(string name)
    {
        var json = Json();
        json.Remove(name);

        TriageJson.ParseResult(json.ToJsonString()).Errors.Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Path == "$." + name && e.Code == ErrorCodes.Required);
    }

    [Fact]
    public void A_missing_finding_property_is_a_required_error_inside_the_finding()
    {
        var json = Json();
        json["findings"]![0]!.AsObject().Remove("source");

        TriageJson.ParseResult(json.ToJsonString()).Errors.Should().ContainSingle()
            .Which.Path.Should().Be("$.findings[0].source");
    }

    [Fact]
    public void An_urgency_code_that_disagrees_with_the_urgency_is_a_mismatch()
    {
        var json = Json();
        json["urgencyCode"] = 1;

        TriageJson.ParseResult(json.ToJsonString()).Errors.Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Path == "$.urgencyCode" && e.Code == ErrorCodes.Mismatch);
    }

    [Fact]
    public void A_result_that_is_not_json_is_a_malformed_json_error_that_repeats_no_input()
    {
        var parsed = TriageJson.ParseResult("{\"urgency\": \"John Smith 1970-01-01 NHS 9434765919");

        parsed.Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedJson);
        parsed.Errors[0].Message.Should().NotContain("John");
    }
}
