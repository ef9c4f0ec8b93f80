using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private const string PassingCase = """
        {
          "name": "bladder control lost",
          "report": { "surgeryDate": "2026-10-01", "assessedOn": "2026-11-01", "answers": { "bladderOrBowelControlLoss": "yes" } },
          "expect": { "urgency": "emergency", "rules": ["cauda-equina"] }
        }
        """;

    private const string FailingCase = """
        {
          "name": "bladder control lost wrongly expected as self care",
          "report": { "surgeryDate": "2026-10-01", "assessedOn": "2026-11-01", "answers": { "bladderOrBowelControlLoss": "yes" } },
          "expect": { "urgency": "selfCare" }
        }
        """;

    private const string MalformedCase = """
        {
          "name": "misspelt rule id",
          "report": { "surgeryDate": "2026-10-01" },
          "expect": { "urgency": "urgent", "rules": ["cauda-equinaa"] }
        }
        """;

    private const string CaseOfRuleSet2 = """
        {
          "name": "neck swelling after neck surgery",
          "ruleSet": "2.0",
          "report": { "surgeryDate": "2026-10-25", "assessedOn": "2026-11-01", "surgeryRegion": "cervical", "answers": { "neckSwellingOrAirway": "yes" } },
          "expect": { "urgency": "emergency", "rules": ["neck-swelling-or-airway"] }
        }
        """;

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void A_case_file_naming_rule_set_2_0_runs_with_2_0_and_one_naming_none_with_1_0()
    {
        _folder.Write("two.json", CaseOfRuleSet2);
        _folder.Write("one.json", PassingCase);

        var run = Run("check", _folder.Path);

        run.ExitCode.Should().Be(0, run.Output);
        run.OutputLines.Should().Equal("2 passed, 0 failed");
    }

    [Fact]
    public void A_failing_case_names_its_rule_set_in_the_failure_line()
    {
        var file = _folder.Write("two.json", CaseOfRuleSet2.Replace("\"urgency\": \"emergency\"", "\"urgency\": \"urgent\"", StringComparison.Ordinal));
        var one = _folder.Write("one.json", FailingCase);

        var run = Run("check", file, one);

        run.ExitCode.Should().Be(1);
        run.OutputLines[0].Should().StartWith($"FAIL {file} \"neck swelling after neck surgery\" (rule set 2.0): expected urgency urgent, got emergency");
        run.OutputLines[1].Should().StartWith($"FAIL {one} \"bladder control lost wrongly expected as self care\" (rule set 1.0): ");
    }

    [Fact]
    public void A_2_0_question_in_a_case_file_naming_no_rule_set_fails_as_a_1_0_case()
    {
        var unnamed = CaseOfRuleSet2.Replace("\"ruleSet\": \"2.0\",", "", StringComparison.Ordinal);
        var file = _folder.Write("unnamed.json", unnamed.Replace(", \"rules\": [\"neck-swelling-or-airway\"]", "", StringComparison.Ordinal));
        var withRule = _folder.Write("unnamed-with-rule.json", unnamed);

        var run = Run("check", file);
        var malformed = Run("check", withRule);

        run.ExitCode.Should().Be(1);
        malformed.ExitCode.Should().Be(2, "a rule id of 2.0 in a 1.0 case file makes the file malformed");
        malformed.OutputLines[0].Should().StartWith($"MALFORMED {withRule}: $.expect.rules[0]: not a rule id of rule set 1.0");
        run.OutputLines[0].Should().Contain("(rule set 1.0): expected urgency emergency, but the report was rejected").And.Contain("unknown question id 'neckSwellingOrAirway' for rule set 1.0");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Shared_case_folder_passes_with_one_summary_line()
    {
        var cases = Path.Combine(RepositoryRoot, "tests", "SpineTriage.Tests", "TestData", "cases");
        var count = Directory.GetFiles(cases, "*.json").Length;

        var run = Run("check", cases);

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Equal($"{count} passed, 0 failed");
    }

    [Fact]
    public void Failing_case_is_named_with_what_was_expected_and_what_came_out_and_exits_1()
    {
        var file = _folder.Write("failing.json", FailingCase);

        var run = Run("check", file);

        run.ExitCode.Should().Be(1);
        run.OutputLines.Should().HaveCount(2);
        run.OutputLines[0].Should().ContainAll(file, "bladder control lost wrongly expected as self care", "expected urgency selfCare, got emergency");
        run.OutputLines[1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void Malformed_case_file_is_named_with_why_the_others_still_run_and_exits_2()
    {
        _folder.Write("a-malformed.json", MalformedCase);
        _folder.Write("b-passing.json", PassingCase);

        var run = Run("check", _folder.Path);

        run.ExitCode.Should().Be(2);
        run.OutputLines[0].Should().ContainAll("MALFORMED", "a-malformed.json", "$.expect.rules[0]");
        run.OutputLines[^1].Should().Be("1 passed, 1 failed");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Case_file_that_is_not_json_is_malformed()
    {
        var file = _folder.Write("broken.json", "{ \"name\": ");

        var run = Run("check", file);

        run.ExitCode.Should().Be(2);
        run.OutputLines[0].Should().ContainAll("MALFORMED", file, "not well-formed JSON");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Folders_are_searched_recursively_for_json_files_only()
    {
        _folder.Write("top.json", PassingCase);
        _folder.Write(Path.Combine("nested", "deeper", "inner.json"), PassingCase);
        _folder.Write("notes.txt", "not a case");

        var run = Run("check", _folder.Path);

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Equal("2 passed, 0 failed");
    }

    [Fact]
    public void Missing_path_exits_2_and_names_it()
    {
        var missing = Path.Combine(_folder.Path, "no-such-folder");

        var run = Run("check", missing);

        run.ExitCode.Should().Be(2);
        run.OutputLines.Should().Equal($"UNREADABLE {missing}: no such file or folder.", "0 passed, 1 failed");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Folder_without_case_files_exits_2_rather_than_passing()
    {
        var run = Run("check", _folder.Path);

        run.ExitCode.Should().Be(2);
        run.OutputLines.Should().Equal($"UNREADABLE {_folder.Path}: no *.json case files in this folder.", "0 passed, 1 failed");
    }
}
