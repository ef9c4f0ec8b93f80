using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Results;
using SpineTriage.TestSupport;

namespace SpineTriage.Fhir.Tests;

/// <summary>ServiceRequest priorities in FHIR's order, the ConceptMap that publishes them, and what each request proposes.</summary>
public class PriorityTests
{
    // FHIR request-priority, from the least to the most urgent (http://hl7.org/fhir/R4/codesystem-request-priority.html).
    private static readonly RequestPriority[] FhirOrder = [RequestPriority.Routine, RequestPriority.Urgent, RequestPriority.Asap, RequestPriority.Stat];

    private static List<(Urgency Urgency, ServiceRequest? Request)> Requests(string ruleSet, uint seed)
    {
        var fhir = Fhir.For(ruleSet);
        var reports = ruleSet == "1.0" ? ReportGen.Sample(seed, 400) : ReportGen.SampleV2(seed, 400);
        return
        [
            .. reports.Where(r => r.ReportId != "").Select(report =>
            {
                var guidance = fhir.Evaluate(fhir.CreateResponse(report)).GetValueOrThrow();
                var code = guidance.Contained.OfType<Parameters>().Single().GetSingleValue<Coding>("urgency")!.Code!;
                return (Enum.GetValues<Urgency>().Single(u => u.JsonName() == code), guidance.Contained.OfType<ServiceRequest>().SingleOrDefault());
            }),
        ];
    }

    [Theory]
    [InlineData("1.0", 51u)]
    [InlineData("2.0", 52u)]
    public void Sorting_service_requests_by_FHIR_priority_sorts_them_by_urgency(string ruleSet, uint seed)
    {
        var requests = Requests(ruleSet, seed).Where(r => r.Request is not null).ToList();

        var sorted = requests.OrderBy(r => Array.IndexOf(FhirOrder, r.Request!.Priority!.Value)).Select(r => r.Urgency.Code()).ToList();

        requests.Select(r => r.Urgency).Distinct().Should().HaveCount(4, "every urgency with a request is among the sample");
        sorted.Should().BeInAscendingOrder();
    }

    [Theory]
    [InlineData("1.0", 53u)]
    [InlineData("2.0", 54u)]
    public void Every_request_is_a_draft_proposal_of_a_SNOMED_CT_service_with_a_performer_and_self_care_has_none(string ruleSet, uint seed)
    {
        foreach (var (urgency, request) in Requests(ruleSet, seed))
        {
            if (urgency == Urgency.SelfCare)
            {
                request.Should().BeNull();
                continue;
            }

            request!.Status.Should().Be(RequestStatus.Draft);
            request.Intent.Should().Be(RequestIntent.Proposal);
            request.Code!.Coding.Should().ContainSingle(c => c.System == "http://snomed.info/sct").Which.Code.Should().Be(urgency switch
            {
                Urgency.Emergency => "306104004",
                Urgency.Urgent or Urgency.Soon => "183541002",
                _ => "390906007",
            });
            request.Code.Coding.Should().NotContain(c => c.System == Fhir.For(ruleSet).Canonicals.Urgency, "the code is the service proposed; the urgency is the priority and a category");
            request.PerformerType!.Text.Should().NotBeNullOrEmpty();
        }
    }

    [Fact]
    public void The_published_ConceptMap_is_the_priority_every_request_carries()
    {
        var map = Fhir.RoundTrip(Fhir.V2.CreateConceptMap());

        map.Url.Should().Be(Fhir.V2.Canonicals.UrgencyToRequestPriority);
        var group = map.Group.Single();
        group.Source.Should().Be(Fhir.V2.Canonicals.Urgency);
        group.Target.Should().Be("http://hl7.org/fhir/request-priority");
        var targets = group.Element.ToDictionary(e => e.Code!, e => e.Target.Single());
        targets["selfCare"].Equivalence.Should().Be(ConceptMapEquivalence.Unmatched);
        foreach (var (urgency, request) in Requests("2.0", 55u).Where(r => r.Request is not null))
        {
            targets[urgency.JsonName()].Code.Should().Be(Hl7.Fhir.Utility.EnumUtility.GetLiteral(request!.Priority!.Value));
        }

        targets.Where(t => t.Key != "selfCare").Select(t => t.Value.Code).Should().Equal("stat", "asap", "urgent", "routine");
    }

    [Fact]
    public void The_referral_names_the_response_it_answers_when_one_is_given()
    {
        var report = Fhir.V2.ReadResponse(DoneWhenTests.BladderControlLoss()).GetValueOrThrow();
        var validated = Fhir.V2.Engine.Validate(report).GetValueOrThrow();
        var guidance = Fhir.V2.CreateGuidanceResponse(validated, Fhir.V2.Engine.Evaluate(validated), new GuidanceContext { Response = "QuestionnaireResponse/abc" });

        guidance.Contained.OfType<ServiceRequest>().Single().ReasonReference.Single().Reference.Should().Be("QuestionnaireResponse/abc");
    }
}

/// <summary>The standard codes of the Questionnaire's items.</summary>
public class ItemCodeTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void The_temperature_and_pain_items_carry_their_LOINC_codes_and_the_others_none(string ruleSet)
    {
        var items = Fhir.RoundTrip(Fhir.For(ruleSet).CreateQuestionnaire()).Item.ToDictionary(i => i.LinkId!);

        items["temperature"].Code.Should().ContainSingle().Which.Should().Match<Coding>(c => c.System == "http://loinc.org" && c.Code == "8310-5");
        items["painScore"].Code.Should().ContainSingle().Which.Should().Match<Coding>(c => c.System == "http://loinc.org" && c.Code == "72514-3");
        items.Where(i => i.Key is not ("temperature" or "painScore")).Should().OnlyContain(i => i.Value.Code.Count == 0);
    }
}
