using FluentAssertions;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Fhir.Internal;
using SpineTriage.Results;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Tests;

public class CdsCardTests
{
    [Fact]
    public void The_card_of_every_urgency_has_its_indicator_topic_and_every_finding_in_the_detail()
    {
        var seen = new HashSet<Urgency>();
        foreach (var report in ReportGen.SampleV2(41, 400).Prepend(ProfileValidationTests.SelfCare()))
        {
            var result = Fhir.V2.Engine.Triage(report).GetValueOrThrow();
            seen.Add(result.Urgency);
            var card = Fhir.Cards.Create(result);

            card.Indicator.Should().Be(result.Urgency switch
            {
                Urgency.Emergency or Urgency.Urgent => "critical",
                Urgency.Soon => "warning",
                _ => "info",
            });
            card.Source.Topic!.Code.Should().Be(result.Urgency.JsonName());
            card.Source.Label.Should().Be("SpineTriage rule set " + Fhir.V2.Engine.RuleSet.Version);
            card.Summary.Length.Should().BeLessThan(140);
            foreach (var finding in result.Findings)
            {
                card.Detail.Should().Contain("`" + finding.RuleId + "`");
            }
        }

        seen.Should().HaveCount(5);
    }

    [Fact]
    public void Every_summary_that_can_occur_is_under_140_characters_and_names_the_highest_finding()
    {
        // A summary depends on the language, the urgency, the highest finding's title and how many findings follow it: every
        // rule of both rule sets as the highest, in every language, with the most findings that could follow.
        foreach (var labels in Labels.All)
        {
            foreach (var ruleSet in new[] { Fhir.V1.Engine.RuleSet, Fhir.V2.Engine.RuleSet })
            {
                foreach (var rule in ruleSet.RulesIn(labels.Language))
                {
                    var summary = CdsCards.Summary(labels, rule.Urgency, rule.Title, ruleSet.Rules.Count - 1);
                    summary.Length.Should().BeLessThan(140, summary);
                    summary.Should().Contain(rule.Title).And.StartWith(labels.Display(rule.Urgency) + " (" + labels.Timeframe(rule.Urgency) + "): ");
                }
            }
        }
    }

    [Fact]
    public void Card_json_writes_letters_of_every_language_as_they_are_and_escapes_what_is_unsafe_in_html()
    {
        var card = new CdsCard(
            Guid.Empty,
            "Emergencia (ya): más <b>texto</b> & 'otro' +1",
            "critical",
            "Señales de alarma: `regla`",
            new CdsSource("SpineTriage rule set 2.1.0", new CdsCoding("emergency", "http://example.org/fhir/spinetriage/CodeSystem/urgency", "Emergencia")),
            []);

        var json = CdsHooksJson.SerializeResponse([card]);

        json.Should().Contain("Emergencia (ya): más ").And.Contain("Señales de alarma");
        json.Should().NotContain("<b>").And.NotContain("&").And.NotContain("'otro'").And.NotContain("+1").And.NotContain("`");
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("cards")[0].GetProperty("summary").GetString().Should().Be(card.Summary);
    }

    [Fact]
    public void Feedback_is_read_accepted_or_overridden_with_its_reason_and_every_error_is_named()
    {
        var card = Guid.NewGuid();
        var json = $$"""
            {"feedback": [
              {"card": "{{card}}", "outcome": "accepted", "outcomeTimestamp": "2026-11-24T10:00:00Z"},
              {"card": "{{card}}", "outcome": "overridden", "outcomeTimestamp": "2026-11-24T10:05:00Z",
               "overrideReason": {"reason": {"code": "clinical-judgement", "system": "http://example.org/fhir/spinetriage/CodeSystem/override-reason"}, "userComment": "seen in clinic"} }
            ]}
            """;

        var feedback = CdsHooksJson.ParseFeedback(json).GetValueOrThrow();

        feedback.Select(f => f.Outcome).Should().Equal(CdsFeedbackOutcome.Accepted, CdsFeedbackOutcome.Overridden);
        feedback[1].OverrideReason!.Reason!.Code.Should().Be("clinical-judgement");
        CdsHooksJson.ParseFeedback("""{"feedback": [{"card": "x", "outcome": "ignored"}]}""").Errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(
        [
            ("$.feedback[0].outcomeTimestamp", ErrorCodes.Required),
            ("$.feedback[0].card", ErrorCodes.InvalidFormat),
            ("$.feedback[0].outcome", ErrorCodes.UnknownValue),
        ]);
    }
}
