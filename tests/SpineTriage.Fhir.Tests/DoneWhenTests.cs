using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Fhir.Internal;

namespace SpineTriage.Fhir.Tests;

/// <summary>Issue 12's done-when checks.</summary>
public class DoneWhenTests
{
    internal static QuestionnaireResponse BladderControlLoss()
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = Fhir.V2.Canonicals.Questionnaire + "|" + Fhir.V2.Engine.RuleSet.Version,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        };
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "surgeryDate",
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Date("2026-09-01") }],
        });
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "assessedOn",
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Date("2026-11-24") }],
        });
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "bladderOrBowelControlLoss",
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Coding("http://loinc.org", "LA33-6", "Yes") }],
        });
        return response;
    }

    [Fact]
    public void A_response_reporting_loss_of_bladder_control_becomes_a_guidance_response_whose_service_request_is_stat()
    {
        var guidance = Fhir.RoundTrip(Fhir.V2.Evaluate(Fhir.RoundTrip(BladderControlLoss())).GetValueOrThrow());

        var referral = guidance.Contained.OfType<ServiceRequest>().Single();
        referral.Priority.Should().Be(RequestPriority.Stat);
        referral.Category.SelectMany(c => c.Coding).Should().Contain(c => c.System == Fhir.V2.Canonicals.Urgency && c.Code == "emergency");
        referral.Status.Should().Be(RequestStatus.Draft);
        referral.PerformerType!.Text.Should().Be("Emergency department");
        referral.Code!.Coding.Should().Contain(c => c.System == "http://snomed.info/sct" && c.Code == "306104004");
        guidance.Contained.OfType<Parameters>().Single().GetSingleValue<Coding>("urgency")!.Code.Should().Be("emergency");
    }

    [Fact]
    public void A_response_reporting_loss_of_bladder_control_becomes_a_critical_card()
    {
        var report = Fhir.V2.ReadResponse(BladderControlLoss()).GetValueOrThrow();
        var result = Fhir.V2.Engine.Triage(report).GetValueOrThrow();

        var card = Fhir.Cards.Create(result);

        card.Indicator.Should().Be("critical");
        card.Source.Topic!.Code.Should().Be("emergency");
        card.Summary.Should().Contain(result.Findings[0].Title);
    }

    [Fact]
    public void Next_question_from_an_empty_response_asks_the_first_red_flag()
    {
        var empty = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress };

        var next = Fhir.V2.NextQuestion(empty).GetValueOrThrow();

        var asked = next.Contained.OfType<Questionnaire>().Single().Item.Should().ContainSingle().Subject;
        asked.LinkId.Should().Be("bladderOrBowelControlLoss");
        Fhir.V2.Interview.Items[0].IsRedFlag.Should().BeTrue();
        asked.LinkId.Should().Be(Fhir.V2.Interview.Items[0].JsonName);
        next.Status.Should().Be(QuestionnaireResponse.QuestionnaireResponseStatus.InProgress);
    }

    [Fact]
    public void Next_question_after_the_first_red_flag_asks_the_surgery_date_and_then_follows_the_interview()
    {
        var response = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress };
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "bladderOrBowelControlLoss",
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = ResponseWriter.AnswerCoding(Reports.Answer.No, Labels.English) }],
        });

        var next = Fhir.V2.NextQuestion(response).GetValueOrThrow();

        next.Contained.OfType<Questionnaire>().Single().Item.Select(i => i.LinkId).Should().Equal("bladderOrBowelControlLoss", "surgeryDate");
    }
}
