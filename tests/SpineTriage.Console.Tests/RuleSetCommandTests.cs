using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Verification;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// <c>spinetriage ruleset verify|diff|export</c> (issue 26 item 5): verify passes on every shipped rule set and finds a
/// counterexample in a deliberately unsafe edition; diff lists what changes and its impact on a log; export writes the
/// shipped documents.
/// </summary>
public sealed class RuleSetCommandTests : IDisposable
{
    // Fewer generated reports than the default keeps these tests quick; the safety tests run the properties in full.
    private const string Examples = "200";

    private const string CaseOfRuleSet2 = """
        {
          "name": "neck swelling after neck surgery",
          "ruleSet": "2.0",
          "report": { "surgeryDate": "2026-10-25", "assessedOn": "2026-11-01", "surgeryRegion": "cervical", "answers": { "neckSwellingOrAirway": "yes" } },
          "expect": { "urgency": "emergency", "rules": ["neck-swelling-or-airway"] }
        }
        """;

    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string> Selectors => new(RuleSets.Selectors);

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Verify_holds_every_safety_property_on_every_shipped_rule_set(string selector)
    {
        var run = Run("ruleset", "verify", selector, "--examples", Examples);

        run.ExitCode.Should().Be(0, run.Output);
        run.OutputLines[0].Should().StartWith($"rule set {selector} (version ");
        foreach (var property in RuleSetVerifier.Properties.Where(p => !p.ShippedLinesOnly))
        {
            run.OutputLines.Should().Contain(l => l.StartsWith($"{property.Id}: held ({Examples} examples", StringComparison.Ordinal), "every property holds on a shipped rule set");
        }

        run.OutputLines[^1].Should().MatchRegex("^[0-9]+ passed, 0 failed$");
    }

    [Fact]
    public void Verify_of_2_0_runs_versions_agree_where_they_overlap_and_1_0_as_the_first_line_does_not()
    {
        Run("ruleset", "verify", "2.0", "--examples", Examples).OutputLines.Should().Contain(l => l.StartsWith("versions-agree-where-they-overlap: held", StringComparison.Ordinal));
        Run("ruleset", "verify", "1.0", "--examples", Examples).OutputLines.Should().Contain("versions-agree-where-they-overlap: not run (rule set 1.0 is the first line)");
    }

    [Fact]
    public void Verify_finds_a_counterexample_in_an_edition_with_a_red_flag_moved_to_soon()
    {
        // The unsafe edition: rule set 2.0 as exported, renamed, with its cauda-equina rule (bladder or bowel control lost,
        // saddle numbness) moved from emergency to soon.
        var unsafeEdition = Edition(document =>
        {
            document["name"] = "unsafe-red-flag-at-soon";
            Rule(document, "cauda-equina")["urgency"] = "soon";
        });

        var run = Run("ruleset", "verify", unsafeEdition, "--examples", Examples);

        // The document's validation already refuses it (redFlagNotUrgent), with the report that shows it: each failing
        // red flag answered yes alone, its day and region.
        run.ExitCode.Should().Be(1, run.Output);
        run.OutputLines.Should().Contain(l => l.StartsWith("document: FAILED: $.questions[", StringComparison.Ordinal)
            && l.Contains("redFlagNotUrgent", StringComparison.Ordinal)
            && l.Contains("'bladderOrBowelControlLoss' answered yes alone gives soon", StringComparison.Ordinal));
        run.OutputLines[^1].Should().MatchRegex("^0 passed, [1-9][0-9]* failed$");
    }

    [Fact]
    public void Verify_of_a_document_that_is_not_a_rule_set_prints_the_error_with_its_path_as_a_failed_check_and_exits_1()
    {
        var broken = Edition(document =>
        {
            document["name"] = "broken-edition";
            Rule(document, "cauda-equina")["when"] = new JsonObject { ["yes"] = "noSuchQuestion" };
        });

        var run = Run("ruleset", "verify", broken);

        run.ExitCode.Should().Be(1);
        run.OutputLines[0].Should().StartWith("document: FAILED: ").And.Contain("$.rules[").And.Contain("noSuchQuestion");
        run.OutputLines[^1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void Verify_of_no_such_file_or_of_a_file_that_is_not_JSON_exits_2()
    {
        var missing = Run("ruleset", "verify", Path.Combine(_folder.Path, "missing.json"));
        var notJson = Run("ruleset", "verify", _folder.Write("not.json", "{ not json"));

        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("no such file");
        notJson.ExitCode.Should().Be(2);
        notJson.Error.Should().Contain("not JSON");
        (missing.Output + notJson.Output).Should().BeEmpty();
    }

    [Fact]
    public void Verify_runs_the_case_files_given_with_cases_with_the_rule_set()
    {
        _folder.Write(Path.Combine("cases", "neck.json"), CaseOfRuleSet2);

        var run = Run("ruleset", "verify", "2.0", "--examples", "20", "--cases", Path.Combine(_folder.Path, "cases"));

        run.ExitCode.Should().Be(0, run.Output);
        run.OutputLines.Should().Contain(l => l.EndsWith("neck.json \"neck swelling after neck surgery\": held", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_fails_with_a_failing_case_and_exits_2_with_a_malformed_one()
    {
        var failing = _folder.Write("failing.json", CaseOfRuleSet2.Replace("\"urgency\": \"emergency\"", "\"urgency\": \"selfCare\"", StringComparison.Ordinal));
        var malformed = _folder.Write("malformed.json", "{ \"name\": \"x\" }");

        var withFailing = Run("ruleset", "verify", "2.0", "--examples", "20", "--cases", failing);
        var withMalformed = Run("ruleset", "verify", "2.0", "--examples", "20", "--cases", malformed);

        withFailing.ExitCode.Should().Be(1);
        withFailing.OutputLines.Should().Contain(l => l.Contains("\"neck swelling after neck surgery\": FAILED: ", StringComparison.Ordinal));
        withMalformed.ExitCode.Should().Be(2);
        withMalformed.OutputLines.Should().Contain(l => l.Contains("malformed.json: MALFORMED: ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Export_writes_the_shipped_document_whose_engine_is_the_shipped_one(string selector)
    {
        var run = Run("ruleset", "export", selector);

        run.ExitCode.Should().Be(0);
        var document = JsonNode.Parse(run.Output)!;
        document["version"]!.GetValue<string>().Should().Be(new TriageEngine(new TriageEngineOptions { RuleSet = selector }, TestClock.At(Today)).RuleSet.Version);
        var diff = Run("ruleset", "diff", selector, _folder.Write($"exported-{selector}.json", run.Output));
        diff.OutputLines[^1].Should().Be("0 differences");
    }

    [Fact]
    public void Export_of_a_rule_set_that_is_not_shipped_is_a_usage_error()
    {
        var run = Run("ruleset", "export", "9.0");

        run.ExitCode.Should().Be(2);
        run.ErrorLines[0].Should().Be($"spinetriage: 9.0 is not a shipped rule set: use {string.Join(" or ", RuleSets.Selectors)}.");
    }

    [Fact]
    public void Diff_of_1_0_and_2_0_lists_the_questions_and_rules_2_0_added()
    {
        var run = Run("ruleset", "diff", "1.0", "2.0");

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Contain(l => l.StartsWith("question added: neckSwellingOrAirway (red flag: ", StringComparison.Ordinal));
        run.OutputLines.Should().Contain(l => l.StartsWith("rule added: neck-swelling-or-airway (emergency): ", StringComparison.Ordinal));
        run.OutputLines.Should().NotContain(l => l.StartsWith("question removed", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_of_an_edition_lists_its_changed_threshold_rule_and_text()
    {
        var edition = Edition(document =>
        {
            document["name"] = "local-edition";
            document["thresholds"]!["feverCelsius"] = 38.5m;
            Rule(document, "cauda-equina")["urgency"] = "urgent";
            Rule(document, "cauda-equina")["source"] = "our surgeons";
        });

        var run = Run("ruleset", "diff", "2.0", edition);

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Contain("threshold changed: feverCelsius 38.0 -> 38.5");
        run.OutputLines.Should().Contain(l => l.StartsWith("rule changed: cauda-equina: urgency \"emergency\" -> \"urgent\"; ", StringComparison.Ordinal) && l.EndsWith("source \"" + new TriageEngine(new TriageEngineOptions { RuleSet = "2.0" }, TestClock.At(Today)).RuleSet.Find("cauda-equina")!.Source + "\" -> \"our surgeons\"", StringComparison.Ordinal));
        run.OutputLines.Should().Contain(l => l.StartsWith("rule changed: fever: condition ", StringComparison.Ordinal), "the fever rule's condition names the threshold");
    }

    [Fact]
    public void Diff_against_an_audit_log_prints_the_impact_by_urgency_and_line_number_only()
    {
        // Line 1: cauda equina, an emergency under 2.0 and urgent under the edition; line 2: self care under both.
        var edition = Edition(document =>
        {
            document["name"] = "local-edition";
            Rule(document, "cauda-equina")["urgency"] = "urgent";
        });
        var log = _folder.Write("audit.jsonl", string.Join("\n", Record(AnswersNo().With(QuestionId.BladderOrBowelControlLoss, Answer.Yes)), Record(AnswersNo())) + "\n");

        var run = Run("ruleset", "diff", "2.0", edition, "--against", log);

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines.SkipWhile(l => !l.StartsWith("impact on", StringComparison.Ordinal)).Should().Equal(
            "impact on the 2 records that hold a report (A -> B: records):",
            "  emergency -> urgent: 1",
            "  selfCare -> selfCare: 1",
            "  urgency changed: 1 (0 higher, 1 lower): line 1",
            "  same urgency, other findings: 0",
            "  not re-triaged (the report is invalid under A or B): 0");
        run.Output.Should().NotContain("report-private").And.NotContain("2026-");
    }

    [Fact]
    public void Diff_of_no_such_file_exits_2()
    {
        var run = Run("ruleset", "diff", "2.0", Path.Combine(_folder.Path, "missing.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no such file");
    }

    private static JsonObject Rule(JsonNode document, string id) =>
        document["rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["id"]!.GetValue<string>() == id);

    private static AnswerSet AnswersNo() =>
        AnswerSet.Empty.WithNotGivenAs(Answer.No, Engine2.RuleSet.Questions);

    private static TriageEngine Engine2 { get; } = new(new TriageEngineOptions { RuleSet = RuleSets.V2 }, TestClock.At(Today));

    private static string Record(AnswerSet answers)
    {
        var report = new SymptomReport
        {
            ReportId = "report-private-1",
            SurgeryDate = Today.AddDays(-200),
            AssessedOn = Today,
            SurgeryRegion = SurgeryRegion.Lumbar,
            PainScore = 2,
            Answers = answers,
        };
        var validated = Engine2.Validate(report).GetValueOrThrow();
        return AuditRecord.Create(Engine2, validated, Engine2.Evaluate(validated), new AuditRecordOptions { IncludeReport = true }).ToJsonLine();
    }

    /// <summary>Rule set 2.0 as <c>ruleset export</c> writes it, changed, in a file of the test's folder.</summary>
    private string Edition(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(Run("ruleset", "export", RuleSets.V2).Output)!;
        change(document);
        return _folder.Write($"edition-{Guid.NewGuid():N}.json", document.ToJsonString());
    }
}
