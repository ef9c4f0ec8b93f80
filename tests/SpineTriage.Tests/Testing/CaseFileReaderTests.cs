using FluentAssertions;
using SpineTriage.Testing;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Testing;

/// <summary>The strict case-file reader: each kind of mistake has its path and its code.</summary>
public class CaseFileReaderTests
{
    private const string Report = """{"surgeryDate":"2026-09-01"}""";

    private static (string Path, string Code)[] Errors(string json) =>
        TriageCase.Parse(json).Errors.Select(e => (e.Path, e.Code)).ToArray();

    private static (string Path, string Code)[] ExpectErrors(string expect) =>
        Errors($$"""{"name":"n","report":{{Report}},"expect":{{expect}}}""");

    [Theory]
    [InlineData("""{"urgency":"Urgent"}""", "$.expect.urgency", ErrorCodes.UnknownValue)]
    [InlineData("""{"urgency":4}""", "$.expect.urgency", ErrorCodes.WrongType)]
    [InlineData("""{"urgency":"urgent","isComplete":"yes"}""", "$.expect.isComplete", ErrorCodes.WrongType)]
    [InlineData("""{"urgency":"urgent","rules":"fever"}""", "$.expect.rules", ErrorCodes.WrongType)]
    [InlineData("""{"urgency":"urgent","absentRules":{}}""", "$.expect.absentRules", ErrorCodes.WrongType)]
    [InlineData("""{"urgency":"urgent","rules":["fever",7]}""", "$.expect.rules[1]", ErrorCodes.UnknownRule)]
    [InlineData("""{"urgency":"urgent","absentRules":["fever","Fever"]}""", "$.expect.absentRules[1]", ErrorCodes.UnknownRule)]
    [InlineData("""{"urgency":"urgent","invalid":true}""", "$.expect", ErrorCodes.Conflict)]
    [InlineData("""{"isComplete":true}""", "$.expect.urgency", ErrorCodes.Required)]
    [InlineData("""{"urgency":"urgent","note":1}""", "$.expect.note", ErrorCodes.UnknownProperty)]
    public void Each_kind_of_mistake_in_an_expectation_has_its_path_and_code(string expect, string path, string code)
    {
        ExpectErrors(expect).Should().Equal((path, code));
    }

    // A wrong value that is an object or an array is skipped whole: its insides are never read as more properties or
    // items (mutation run 6d, 2026-11-30: the readers' Skip() calls survived, every test used a scalar wrong value).
    [Theory]
    [InlineData("""{"urgency":{"urgency":"urgent","x":[1]}}""", "$.expect.urgency", ErrorCodes.WrongType)]
    [InlineData("""{"urgency":"urgent","invalid":{"invalid":true,"x":[1]}}""", "$.expect.invalid", ErrorCodes.WrongType)]
    [InlineData("""{"urgency":"urgent","rules":{"rules":["fever"],"x":[1]}}""", "$.expect.rules", ErrorCodes.WrongType)]
    [InlineData("""{"urgency":"urgent","rules":[{"id":"fever","x":[1]}]}""", "$.expect.rules[0]", ErrorCodes.UnknownRule)]
    public void A_wrong_value_that_is_a_container_is_one_error_at_its_path(string expect, string path, string code)
    {
        ExpectErrors(expect).Should().Equal((path, code));
    }

    [Theory]
    [InlineData("""[{"name":"n"},{"x":[1]}]""", "$", ErrorCodes.WrongType)]
    [InlineData("""{"name":{"name":"n","x":[1]},"report":{"surgeryDate":"2026-09-01"},"expect":{"urgency":"urgent"}}""", "$.name", ErrorCodes.Required)]
    [InlineData("""{"name":"n","report":{"surgeryDate":"2026-09-01"},"expect":{"urgency":"urgent"},"ruleSet":{"ruleSet":"2.0","x":[1]}}""", "$.ruleSet", null)]
    public void A_wrong_case_value_that_is_a_container_is_one_error_at_its_path(string json, string path, string? code)
    {
        var errors = Errors(json);

        errors.Should().ContainSingle().Which.Path.Should().Be(path);
        if (code is not null)
        {
            errors[0].Code.Should().Be(code);
        }
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_still_read_to_its_end_so_malformed_json_inside_it_is_reported_first()
    {
        Errors("""[1, }""").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedJson);
    }

    [Fact]
    public void A_non_boolean_invalid_is_a_wrong_type_and_counts_as_not_invalid()
    {
        ExpectErrors("""{"invalid":"true"}""").Should().Equal(("$.expect.invalid", ErrorCodes.WrongType), ("$.expect.urgency", ErrorCodes.Required));
    }

    [Fact]
    public void An_unknown_urgency_with_invalid_true_is_only_the_unknown_urgency()
    {
        ExpectErrors("""{"urgency":"soonish","invalid":true}""").Should().Equal(("$.expect.urgency", ErrorCodes.UnknownValue));
    }

    [Fact]
    public void Rule_lists_keep_their_valid_ids_in_order_and_an_empty_list_is_allowed()
    {
        var parsed = TriageCase.Parse($$$"""{"name":"n","report":{{{Report}}},"expect":{"urgency":"urgent","rules":["fever","wound-signs"],"absentRules":[]}}""");

        parsed.Errors.Should().BeEmpty();
        parsed.Value!.ExpectedRules.Should().Equal("fever", "wound-signs");
        parsed.Value.AbsentRules.Should().BeEmpty();
        parsed.Value.ExpectedIsComplete.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"name":7,"report":{"surgeryDate":"2026-09-01"},"expect":{"urgency":"urgent"}}""", "$.name")]
    [InlineData("""{"name":" ","report":{"surgeryDate":"2026-09-01"},"expect":{"urgency":"urgent"}}""", "$.name")]
    [InlineData("""{"name":"n","report":"{}","expect":{"urgency":"urgent"}}""", "$.report")]
    [InlineData("""{"name":"n","report":{"surgeryDate":"2026-09-01"},"expect":[]}""", "$.expect")]
    public void A_name_report_or_expectation_of_the_wrong_type_is_reported_as_missing(string json, string path)
    {
        Errors(json).Should().Equal((path, ErrorCodes.Required));
    }

    [Fact]
    public void The_report_is_kept_as_the_exact_text_of_the_case_file()
    {
        const string Spaced = """{ "surgeryDate" : "2026-09-01",  "painScore": 3 }""";

        TriageCase.Parse($$$"""{"name":"n","report":{{{Spaced}}},"expect":{"urgency":"selfCare"}}""").Value!.ReportJson.Should().Be(Spaced);
    }

    [Fact]
    public void A_case_file_that_is_not_an_object_is_a_wrong_type()
    {
        Errors("[]").Should().Equal(("$", ErrorCodes.WrongType));
        Errors("\"case\"").Should().Equal(("$", ErrorCodes.WrongType));
    }
}
