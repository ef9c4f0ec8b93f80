using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.Serialization;

namespace SpineTriage.Tests.Traceability;

/// <summary>
/// The source page's statements are traced to rules and the rules to tests (docs/traceability.md), and the
/// generated documents docs/traceability.md and docs/rules.md match the code.
/// </summary>
public class TraceabilityTests
{
    private static readonly RuleSet RuleSet = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }).RuleSet;

    private static readonly RuleSet RuleSetTwo = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 }).RuleSet;

    /// <summary>The default rule set, 3.0: it keeps every rule of the earlier ones, so one document traces them all.</summary>
    private static readonly RuleSet DefaultRuleSet = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.Default }).RuleSet;

    private static readonly SourcePage Page = SourcePage.Load();

    [Fact]
    public void Every_quoted_statement_occurs_verbatim_in_its_section_of_the_source_page()
    {
        var misquoted = SourceStatements.All
            .Where(s => s.Question is null
                ? !string.Join("\n", Page.Section(s.Section)).Contains(s.Text, StringComparison.Ordinal)
                : !Page.FaqAnswers().TryGetValue(s.Question, out var answer) || !answer.Contains(s.Text, StringComparison.Ordinal))
            .Select(s => $"{s.Id}: \"{s.Text}\"");

        misquoted.Should().BeEmpty("every statement is quoted verbatim from its section of {0}", SourcePage.RelativePath);
    }

    [Fact]
    public void Every_bullet_of_the_when_to_see_a_doctor_and_symptoms_sections_is_traced()
    {
        var bullets = Page.Bullets(SourceStatements.WhenToSeeADoctor).Concat(Page.Bullets(SourceStatements.Symptoms)).ToArray();

        bullets.Should().HaveCount(10);
        bullets.Where(b => !SourceStatements.All.Any(s => s.Text == b)).Should().BeEmpty();
    }

    [Fact]
    public void Every_question_of_the_faq_is_traced()
    {
        var questions = Page.FaqAnswers().Keys.ToArray();

        questions.Should().HaveCount(5);
        questions.Where(q => !SourceStatements.All.Any(s => s.Question == q)).Should().BeEmpty();
    }

    [Fact]
    public void Every_statement_names_rules_of_the_rule_set_or_says_why_none_encodes_it()
    {
        SourceStatements.All.SelectMany(s => s.RuleIds).Where(id => RuleSet.Find(id) is null).Should().BeEmpty();
        SourceStatements.All.Where(s => s.RuleIds.Length == 0 && string.IsNullOrWhiteSpace(s.Note)).Select(s => s.Id).Should().BeEmpty();
    }

    [Fact]
    public void Statement_ids_are_unique()
    {
        SourceStatements.All.Select(s => s.Id).Should().OnlyHaveUniqueItems();
    }

    public static TheoryData<string> Selectors() => new(RuleSets.Selectors);

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Every_rule_is_traced_to_a_source_page_statement_or_a_beyond_SHP_source(string selector)
    {
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;
        var traced = SourceStatements.All.SelectMany(s => s.RuleIds)
            .Concat(TraceabilityDocument.BeyondShpSources(ruleSet).SelectMany(b => b.RuleIds));

        ruleSet.Rules.Select(r => r.Id).Except(traced).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_default_rule_set_keeps_every_rule_of_every_shipped_rule_set_so_one_document_traces_all(string selector)
    {
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;

        ruleSet.Rules.Select(r => r.Id).Except(DefaultRuleSet.Rules.Select(r => r.Id)).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_without_a_firing_test_is_shown_as_missing_in_the_document()
    {
        var tests = new RuleTestIndex([("fever", "FeverTests.Fever_fires")], [("fever", "FeverTests.No_fever")]);

        var document = TraceabilityDocument.Generate(RuleSet, SourceStatements.All, tests);

        document.Should().Contain("### `fever` (urgent)").And.Contain("  - `FeverTests.Fever_fires`");
        document.Should().Contain("### `cauda-equina` (emergency)");
        document[document.IndexOf("### `cauda-equina`", StringComparison.Ordinal)..]
            .Should().Contain("- Fires in: **MISSING: no test shows this rule firing**");
    }

    [Fact]
    public void The_traceability_document_is_up_to_date()
    {
        var document = TraceabilityDocument.Generate(DefaultRuleSet, SourceStatements.All, RuleTestIndex.Of(typeof(TraceabilityTests).Assembly));

        Repository.AssertGenerated(TraceabilityDocument.RelativePath, document);
    }

    [Fact]
    public void The_rules_document_is_the_rule_set_markdown_of_every_rule_set_the_default_first()
    {
        var document = "<!-- Generated from the rule-set documents src/SpineTriage/Rules/Documents/3.0.json, 2.0.json and 1.0.json (TriageMarkdown.SerializeRuleSet) by\n"
            + "     tests/SpineTriage.Tests/Traceability/TraceabilityTests.cs; do not edit. Regenerate with\n"
            + "     UPDATE_DOCS=1 dotnet test tests/SpineTriage.Tests --filter \"FullyQualifiedName~Traceability\" -->\n\n"
            + TriageMarkdown.SerializeRuleSet(new TriageEngine().RuleSet) + "\n" + TriageMarkdown.SerializeRuleSet(RuleSetTwo) + "\n" + TriageMarkdown.SerializeRuleSet(RuleSet)
            + "\n" + Audit.RealisticAuditLog.ImpactSection();

        new TriageEngine().RuleSet.Version.Should().Be("3.0.0", "new engines run rule set 3.0");
        Repository.AssertGenerated("docs/rules.md", document);
    }
}
