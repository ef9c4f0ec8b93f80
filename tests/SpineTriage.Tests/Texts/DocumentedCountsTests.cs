using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Traceability;

namespace SpineTriage.Tests.Texts;

/// <summary>
/// What the README and docs/interview.md state of the library is read from the library, so it cannot go stale: the
/// README's urgency table (code, JSON name, default disposition) and the interview's item and question counts of every
/// shipped rule set.
/// </summary>
public class DocumentedCountsTests
{
    public static TheoryData<string> Selectors() => new(RuleSets.Selectors);

    [Theory]
    [InlineData(Urgency.Emergency)]
    [InlineData(Urgency.Urgent)]
    [InlineData(Urgency.Soon)]
    [InlineData(Urgency.Routine)]
    [InlineData(Urgency.SelfCare)]
    public void The_readme_states_each_urgency_with_its_code_its_json_name_and_its_default_disposition(Urgency urgency)
    {
        var rows = File.ReadAllLines(Repository.PathOf("README.md")).Where(line => line.StartsWith($"| {urgency.Code()} | ", StringComparison.Ordinal)).ToArray();

        rows.Should().ContainSingle();
        var cells = rows[0].Split('|', StringSplitOptions.TrimEntries);
        cells[2].Should().Be($"`{urgency.JsonName()}`");
        cells[4].Should().Be(DispositionTexts.Default.For(urgency));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_interview_guide_states_the_number_of_items_and_questions_of_every_rule_set(string selector)
    {
        var interview = new TriageInterview(new TriageEngine(new TriageEngineOptions { RuleSet = selector }));

        File.ReadAllText(Repository.PathOf("docs/interview.md")).Should().Contain(
            $"rule set {selector}: {interview.Items.Count} items, {interview.Engine.RuleSet.Questions.Count} questions");
    }
}
