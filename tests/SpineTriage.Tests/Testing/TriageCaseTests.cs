using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Testing;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Testing;

/// <summary>
/// Case files (contract.md, case file): read strictly, a malformed case file is a list of errors; a case whose
/// expectation is wrong fails with a message that names the expected and the actual outcome.
/// </summary>
public class TriageCaseTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private const string SaddleNumbnessReport =
        """{"surgeryDate":"2026-09-01","assessedOn":"2026-11-24","answers":{"bladderOrBowelControlLoss":"no","saddleNumbness":"yes","newOrWorseningLimbWeakness":"no","suddenSeverePainAfterFallOrInjury":"no","fever":"no","woundDischarge":"no","woundRednessOrSwelling":"no","chestPainOrBreathlessness":"no","newOrWorseningLimbNumbness":"no","calfPainOrSwelling":"no"}}""";

    private static string Case(string expect, string report = SaddleNumbnessReport) =>
        $$"""{"name":"saddle numbness","report":{{report}},"expect":{{expect}}}""";

    private static TriageCase Parsed(string json)
    {
        var parsed = TriageCase.Parse(json);
        parsed.Errors.Should().BeEmpty();
        return parsed.Value!;
    }

    private static IEnumerable<string> ErrorPaths(string json)
    {
        var parsed = TriageCase.Parse(json);
        parsed.IsSuccess.Should().BeFalse();
        return parsed.Errors.Select(e => e.Path);
    }

    [Fact]
    public void A_case_file_is_read_with_every_expectation()
    {
        var triageCase = Parsed(Case("""{"urgency":"emergency","isComplete":true,"rules":["cauda-equina"],"absentRules":["motor-deficit","fever"]}"""));

        triageCase.Name.Should().Be("saddle numbness");
        triageCase.ExpectedUrgency.Should().Be(Urgency.Emergency);
        triageCase.ExpectInvalid.Should().BeFalse();
        triageCase.ExpectedIsComplete.Should().BeTrue();
        triageCase.ExpectedRules.Should().Equal("cauda-equina");
        triageCase.AbsentRules.Should().Equal("motor-deficit", "fever");
    }

    [Fact]
    public void A_case_expecting_an_invalid_report_needs_no_urgency()
    {
        var triageCase = Parsed(Case("""{"invalid":true}""", """{"surgeryDate":"2026-09-01","painScore":12}"""));

        triageCase.ExpectInvalid.Should().BeTrue();
        triageCase.ExpectedUrgency.Should().BeNull();
    }

    [Fact]
    public void A_missing_urgency_without_invalid_is_an_error()
    {
        ErrorPaths(Case("""{"isComplete":true}""")).Should().Equal("$.expect.urgency");
    }

    [Fact]
    public void A_missing_urgency_with_invalid_false_is_an_error()
    {
        ErrorPaths(Case("""{"invalid":false}""")).Should().Equal("$.expect.urgency");
    }

    [Fact]
    public void Both_an_urgency_and_invalid_true_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency","invalid":true}""")).Should().Equal("$.expect");
    }

    [Fact]
    public void An_unknown_urgency_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"critical"}""")).Should().Equal("$.expect.urgency");
    }

    [Fact]
    public void An_unknown_top_level_property_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency"}""").Replace("{\"name\"", "{\"notes\":\"x\",\"name\"", StringComparison.Ordinal))
            .Should().Equal("$.notes");
    }

    [Fact]
    public void An_unknown_expectation_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency","severity":"high"}""")).Should().Equal("$.expect.severity");
    }

    [Fact]
    public void A_case_file_that_names_no_rule_set_is_a_rule_set_1_0_case()
    {
        Parsed(Case("""{"urgency":"emergency"}""")).RuleSet.Should().Be("1.0");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void A_case_file_names_its_rule_set(string ruleSet)
    {
        Parsed($$$"""{"name":"n","ruleSet":"{{{ruleSet}}}","report":{{{SaddleNumbnessReport}}},"expect":{"urgency":"emergency"}}""").RuleSet.Should().Be(ruleSet);
    }

    [Theory]
    [InlineData("\"4.0\"", ErrorCodes.UnknownValue)]
    [InlineData("\"2.0.0\"", ErrorCodes.UnknownValue)]
    [InlineData("2.0", ErrorCodes.WrongType)]
    [InlineData("null", ErrorCodes.WrongType)]
    public void An_unknown_rule_set_is_an_error(string ruleSet, string code)
    {
        var parsed = TriageCase.Parse($$$"""{"name":"n","ruleSet":{{{ruleSet}}},"report":{{{SaddleNumbnessReport}}},"expect":{"urgency":"emergency"}}""");

        parsed.Errors.Select(e => (e.Path, e.Code)).Should().Equal(("$.ruleSet", code));
    }

    [Fact]
    public void A_rule_of_rule_set_2_0_is_an_unknown_rule_in_a_1_0_case_and_a_known_one_in_a_2_0_case()
    {
        ErrorPaths(Case("""{"urgency":"emergency","absentRules":["neck-swelling-or-airway"]}""")).Should().Equal("$.expect.absentRules[0]");
        Parsed($$$"""{"name":"n","report":{{{SaddleNumbnessReport}}},"expect":{"urgency":"emergency","absentRules":["neck-swelling-or-airway"]},"ruleSet":"2.0"}""")
            .AbsentRules.Should().Equal("neck-swelling-or-airway");
    }

    [Fact]
    public void An_unknown_rule_id_in_rules_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency","rules":["cauda-equine"]}""")).Should().Equal("$.expect.rules[0]");
    }

    [Fact]
    public void An_unknown_rule_id_in_absent_rules_is_an_error()
    {
        // A misspelt absent rule would pass for the wrong reason.
        ErrorPaths(Case("""{"urgency":"emergency","absentRules":["fever","wound-sign"]}""")).Should().Equal("$.expect.absentRules[1]");
    }

    [Fact]
    public void Rules_that_are_not_an_array_are_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency","rules":"cauda-equina"}""")).Should().Equal("$.expect.rules");
    }

    [Fact]
    public void A_duplicate_expectation_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency","urgency":"soon"}""")).Should().Equal("$.expect.urgency");
    }

    [Fact]
    public void A_blank_name_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency"}""").Replace("saddle numbness", "  ", StringComparison.Ordinal)).Should().Equal("$.name");
    }

    [Fact]
    public void A_case_file_that_is_not_JSON_is_an_error()
    {
        ErrorPaths("name: saddle numbness").Should().Equal("$");
    }

    [Fact]
    public void A_truncated_case_file_is_an_error()
    {
        ErrorPaths(Case("""{"urgency":"emergency"}""")[..40]).Should().Equal("$");
    }

    [Fact]
    public void A_case_file_that_is_an_array_is_an_error()
    {
        ErrorPaths("[]").Should().Equal("$");
    }

    [Fact]
    public void A_case_file_without_name_report_or_expect_lists_all_three()
    {
        ErrorPaths("{}").Should().BeEquivalentTo("$.name", "$.report", "$.expect");
    }

    [Fact]
    public void A_case_file_with_an_unpaired_surrogate_is_an_error_not_an_exception()
    {
        ErrorPaths(Case("""{"urgency":"emergency"}""").Replace("saddle numbness", "\\ud800", StringComparison.Ordinal)).Should().Equal("$");
    }

    [Fact]
    public void A_case_whose_expectation_holds_passes()
    {
        var check = Parsed(Case("""{"urgency":"emergency","isComplete":true,"rules":["cauda-equina"],"absentRules":["unresolved-red-flag"]}""")).Check(Engine);

        check.Passed.Should().BeTrue();
        check.Failures.Should().BeEmpty();
        check.Outcome.Value!.Urgency.Should().Be(Urgency.Emergency);
    }

    [Fact]
    public void A_case_with_a_wrong_urgency_fails_naming_expected_and_actual()
    {
        var check = Parsed(Case("""{"urgency":"soon"}""")).Check(Engine);

        check.Passed.Should().BeFalse();
        check.Failures.Should().ContainSingle().Which.Should().Contain("expected urgency soon").And.Contain("got emergency").And.Contain("cauda-equina");
    }

    [Fact]
    public void A_case_expecting_a_rule_that_did_not_fire_fails_naming_it_and_what_fired()
    {
        var check = Parsed(Case("""{"urgency":"emergency","rules":["motor-deficit"]}""")).Check(Engine);

        check.Failures.Should().ContainSingle().Which.Should().Contain("expected rule motor-deficit to fire").And.Contain("fired: cauda-equina");
    }

    [Fact]
    public void A_case_expecting_a_rule_absent_that_fired_fails_naming_it()
    {
        var check = Parsed(Case("""{"urgency":"emergency","absentRules":["cauda-equina"]}""")).Check(Engine);

        check.Failures.Should().ContainSingle().Which.Should().Contain("expected rule cauda-equina not to fire");
    }

    [Fact]
    public void A_case_with_a_wrong_completeness_fails_naming_expected_and_actual()
    {
        var check = Parsed(Case("""{"urgency":"emergency","isComplete":false}""")).Check(Engine);

        check.Failures.Should().ContainSingle().Which.Should().Contain("expected isComplete false, got true");
    }

    [Fact]
    public void A_case_expecting_an_invalid_report_fails_when_the_report_is_triaged()
    {
        var check = Parsed(Case("""{"invalid":true}""")).Check(Engine);

        check.Failures.Should().ContainSingle().Which.Should().Contain("expected the report to be rejected as invalid").And.Contain("emergency");
    }

    [Fact]
    public void A_case_expecting_an_urgency_fails_when_the_report_is_rejected_naming_the_errors()
    {
        var check = Parsed(Case("""{"urgency":"routine"}""", """{"surgeryDate":"2026-09-01","painScore":12}""")).Check(Engine);

        check.Failures.Should().ContainSingle().Which.Should().Contain("expected urgency routine").And.Contain("rejected").And.Contain("$.painScore");
    }

    [Fact]
    public void A_case_expecting_an_invalid_report_passes_when_it_is_rejected()
    {
        var check = Parsed(Case("""{"invalid":true}""", """{"surgeryDate":"2026-09-01","painScore":12}""")).Check(Engine);

        check.Passed.Should().BeTrue();
        check.Outcome.Errors.Select(e => e.Path).Should().Equal("$.painScore");
    }

    [Fact]
    public void A_case_whose_report_has_an_unknown_property_is_rejected_when_it_runs()
    {
        var check = Parsed(Case("""{"invalid":true}""", """{"surgeryDate":"2026-09-01","answers":{"saddleNumbess":"yes"}}""")).Check(Engine);

        check.Passed.Should().BeTrue();
        check.Outcome.Errors.Select(e => e.Path).Should().Equal("$.answers.saddleNumbess");
    }

    [Fact]
    public void Every_failed_expectation_of_a_case_is_listed()
    {
        var check = Parsed(Case("""{"urgency":"soon","isComplete":false,"rules":["fever"],"absentRules":["cauda-equina"]}""")).Check(Engine);

        check.Failures.Should().HaveCount(4);
    }

    [Fact]
    public void A_check_names_its_case_and_counts_its_differences_in_words_never_the_report()
    {
        Parsed(Case("""{"urgency":"emergency"}""")).Check(Engine).ToString().Should().Be("CaseCheck \"saddle numbness\": passed");
        Parsed(Case("""{"urgency":"soon"}""")).Check(Engine).ToString().Should().Be("CaseCheck \"saddle numbness\": failed (1 difference)");
        Parsed(Case("""{"urgency":"soon","rules":["fever"]}""")).Check(Engine).ToString().Should().Be("CaseCheck \"saddle numbness\": failed (2 differences)");
    }

    [Fact]
    public void Parse_and_check_refuse_a_null_argument_by_name()
    {
        var parse = () => TriageCase.Parse(null!);
        var check = () => Parsed(Case("""{"urgency":"emergency"}""")).Check(null!);

        parse.Should().Throw<ArgumentNullException>().WithParameterName("json");
        check.Should().Throw<ArgumentNullException>().WithParameterName("engine");
    }
}
