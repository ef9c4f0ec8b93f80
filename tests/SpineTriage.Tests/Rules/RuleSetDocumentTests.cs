using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Serialization;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// The shipped rule-set documents (src/SpineTriage/Rules/Documents): valid by their schema, read into the rule set the
/// engine runs, and decided by the highest urgency that fired whatever the order of the rules.
/// </summary>
public class RuleSetDocumentTests
{
    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_shipped_document_is_valid_by_the_rule_set_schema(string selector)
    {
        SchemaFiles.RuleSet.Accepts(Document(selector)).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void The_rule_set_of_an_engine_is_its_document(string selector)
    {
        var document = JsonNode.Parse(Document(selector))!;
        var ruleSet = ShippedRuleSet.For(selector).Engine.RuleSet;

        ruleSet.Version.Should().Be((string?)document["version"]);
        ruleSet.Selector.Should().Be(selector);
        ruleSet.Changes.Should().Equal(document["changes"]!.AsArray().Select(c => (string?)c));
        ruleSet.Questions.Select(q => q.JsonId).Should().Equal(document["questions"]!.AsArray().Select(q => (string?)q!["id"]));
        ruleSet.Questions.Select(q => q.IsRedFlag).Should().Equal(document["questions"]!.AsArray().Select(q => (bool)q!["redFlag"]!));
        ruleSet.Rules.Select(r => r.Id).Should().Equal(document["rules"]!.AsArray().Select(r => (string?)r!["id"]));
        ruleSet.Rules.Select(r => r.Consideration).Should().Equal(document["rules"]!.AsArray().Select(r => (string?)r!["consideration"]));
        ruleSet.Rules.Select(r => r.Source).Should().Equal(document["rules"]!.AsArray().Select(r => (string?)r!["source"]));
        ruleSet.FeverThresholdCelsius.Should().Be((decimal)document["thresholds"]!["feverCelsius"]!);
        ruleSet.SeverePainScore.Should().Be((int)document["thresholds"]!["severePainScore"]!);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Rules_listed_in_another_order_give_the_same_urgency_the_highest_that_fired(string selector)
    {
        // The emergency rules moved from the top to just before the last rule (expected-recovery reads the rules above it).
        var document = JsonNode.Parse(Document(selector))!;
        var rules = document["rules"]!.AsArray();
        var moved = rules.Where(r => (string?)r!["urgency"] == "emergency").Select(r => r!.DeepClone()).ToArray();
        var kept = rules.Where(r => (string?)r!["urgency"] != "emergency").Select(r => r!.DeepClone()).ToArray();
        document["rules"] = new JsonArray([.. kept[..^1], .. moved, kept[^1]]);
        var shipped = ShippedRuleSet.For(selector);
        var reordered = new TriageEngine(Edition(document.ToJsonString()), new TriageEngineOptions { RuleSet = selector }, shipped.Engine.TimeProvider);

        reordered.RuleSet.Rules[0].Urgency.Should().NotBe(Urgency.Emergency, "the emergency rules are no longer first");
        foreach (var report in shipped.Sample(26, 2000))
        {
            var expected = shipped.Engine.Triage(report).Value!;
            var actual = reordered.Triage(report).Value!;
            actual.Urgency.Should().Be(expected.Urgency);
            actual.Findings.Select(f => f.RuleId).Should().BeEquivalentTo(expected.Findings.Select(f => f.RuleId));
            actual.IsComplete.Should().Be(expected.IsComplete);
        }
    }

    [Fact]
    public void A_condition_naming_a_question_the_document_does_not_have_is_refused_with_its_path()
    {
        var document = JsonNode.Parse(Document(RuleSets.V1))!;
        document["rules"]![0]!["when"] = JsonNode.Parse("""{"yes": "noSuchQuestion"}""");

        var build = () => Edition(document.ToJsonString()).Build(38.0m, 8);

        build.Should().Throw<FormatException>().WithMessage("$.rules[0].when.yes: unknown question 'noSuchQuestion'*");
    }

    private static string Document(string selector) => File.ReadAllText(Repository.PathOf($"src/SpineTriage/Rules/Documents/{selector}.json"));

    private static RuleSetEdition Edition(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return RuleSetEdition.From(RuleSetDocument.Read(stream, "test"));
    }
}
