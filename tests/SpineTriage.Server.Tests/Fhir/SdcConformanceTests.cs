using System.Net;
using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Fhir;
using static SpineTriage.Server.Tests.Fhir.FhirResources;
using Task = System.Threading.Tasks.Task;

namespace SpineTriage.Server.Tests.Fhir;

/// <summary>A $next-question session over HTTP as an SDC 3.0 client runs it: started in the sdc-questionnaire-adapt shape, answered, to completed.</summary>
public sealed class SdcConformanceTests
{
    private const string Adapt = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-adapt";
    private const string Adaptive = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-questionnaireAdaptive";
    private const string Canonical = FhirOptions.DefaultCanonicalBase + "/Questionnaire/spinetriage";

    /// <summary>The answer a patient with nothing alarming gives to an item: "no", or a plausible value of its type.</summary>
    internal static QuestionnaireResponse.ItemComponent Answer(Questionnaire.ItemComponent item) => new()
    {
        LinkId = item.LinkId,
        Answer =
        [
            new QuestionnaireResponse.AnswerComponent
            {
                Value = item.Type switch
                {
                    Questionnaire.QuestionnaireItemType.Date => new Date(Today(item.LinkId == "surgeryDate" ? -20 : 0)),
                    Questionnaire.QuestionnaireItemType.Integer => new Integer(item.LinkId == "painScore" ? 2 : 1),
                    Questionnaire.QuestionnaireItemType.Quantity => new Quantity { Value = 36.8m, System = "http://unitsofmeasure.org", Code = "Cel", Unit = "°C" },
                    _ => (DataType?)item.AnswerOption.Select(o => o.Value).OfType<Coding>().FirstOrDefault(c => c.Code == "LA32-8")
                        ?? item.AnswerOption.Select(o => o.Value).OfType<Coding>().First(),
                },
            },
        ],
    };

    [Fact]
    public async Task A_session_started_in_the_adapt_profile_shape_runs_to_completed_every_answer_conforming_and_triage_agrees()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var published = Parse<Questionnaire>(await client.GetStringAsync("/fhir/Questionnaire/spinetriage"));
        published.Extension.Should().ContainSingle(e => e.Url == Adaptive);

        // The client's own contained Questionnaire, named "q", in the profile's shape: no url, derivedFrom the form.
        var start = new QuestionnaireResponse
        {
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Questionnaire = "#q",
            Subject = new ResourceReference("Patient/example"),
        };
        var instance = new Questionnaire
        {
            Id = "q",
            Meta = new Meta { Profile = [Adapt] },
            DerivedFrom = [Canonical + "|" + published.Version],
            Title = published.Title,
            Status = PublicationStatus.Active,
        };
        instance.Extension.Add(new Extension(Adaptive, new FhirBoolean(true)));
        start.Contained.Add(instance);
        var response = start;
        var before = new List<string>();
        for (var step = 0; step < 80 && response.Status != QuestionnaireResponse.QuestionnaireResponseStatus.Completed; step++)
        {
            var parameters = new Parameters();
            parameters.Add("questionnaire-response", response);
            using var answer = await client.PostAsync("/fhir/Questionnaire/$next-question", Content(parameters));
            answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
            response = Parse<QuestionnaireResponse>(await answer.Content.ReadAsStringAsync());

            var contained = response.Contained.OfType<Questionnaire>().Should().ContainSingle("the client's instance is the one updated, not a second").Subject;
            contained.Id.Should().Be("q");
            response.Questionnaire.Should().Be("#q");
            contained.Url.Should().BeNull();
            contained.DerivedFrom.Should().Equal(Canonical + "|" + published.Version);
            contained.Meta!.Profile.Should().Contain(Adapt);
            contained.Extension.Should().ContainSingle(e => e.Url == Adaptive);
            contained.Title.Should().NotBeNullOrEmpty();
            var items = contained.Item.Select(i => i.LinkId!).ToList();
            items.Take(before.Count).Should().Equal(before, "items are appended in asking order");
            items.Should().Contain(response.Item.Select(i => i.LinkId!).Append(items[^1]));
            before = items;
            if (response.Status == QuestionnaireResponse.QuestionnaireResponseStatus.InProgress)
            {
                response.Item.Add(Answer(contained.Item[^1]));
            }
        }

        response.Status.Should().Be(QuestionnaireResponse.QuestionnaireResponseStatus.Completed);
        using var triage = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(response));
        triage.StatusCode.Should().Be(HttpStatusCode.OK);
        Parse<GuidanceResponse>(await triage.Content.ReadAsStringAsync()).Status.Should().Be(GuidanceResponse.GuidanceResponseStatus.Success, "every red flag was answered no");
    }
}
