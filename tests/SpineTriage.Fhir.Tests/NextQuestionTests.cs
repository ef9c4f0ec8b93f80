using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Fhir.Internal;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.TestSupport;

namespace SpineTriage.Fhir.Tests;

/// <summary>$next-question followed to the end for generated patients asks what the library's interview asks and ends at its urgency.</summary>
public class NextQuestionTests
{
    public static TheoryData<string, uint> Patients() => new()
    {
        { "1.0", 11 }, { "1.0", 12 }, { "2.0", 21 }, { "2.0", 22 }, { "2.0", 23 },
    };

    [Theory]
    [MemberData(nameof(Patients))]
    public void Following_next_question_to_the_end_gives_the_library_interview_s_questions_and_urgency(string ruleSet, uint seed)
    {
        var fhir = Fhir.For(ruleSet);
        var patients = ruleSet == "1.0" ? ReportGen.Sample(seed, 15) : ReportGen.SampleV2(seed, 15);
        // An empty report id has no FHIR form (CreateResponse refuses it): such patients are given none.
        foreach (var patient in patients.Select(p => p.ReportId == "" ? p with { ReportId = null } : p))
        {
            var (fhirAsked, fhirResponse) = FollowFhir(fhir, patient);
            var (libraryAsked, libraryStep) = FollowLibrary(fhir.Interview, patient);

            fhirAsked.Should().Equal(["bladderOrBowelControlLoss", "surgeryDate", .. libraryAsked.Skip(1)], ReportGen.Print(patient));
            var guidance = fhir.Evaluate(fhirResponse).GetValueOrThrow();
            guidance.Contained.OfType<Parameters>().Single().GetSingleValue<Coding>("urgency")!.Code
                .Should().Be(Codes.Of(libraryStep.Result.Urgency), ReportGen.Print(patient));
        }
    }

    private static (List<string> Asked, QuestionnaireResponse Response) FollowFhir(TriageFhir fhir, SymptomReport patient)
    {
        // The patient's context (dates, region, hardware…) is what a front end knows; the interview's items are answered when asked.
        var full = fhir.CreateResponse(patient);
        var response = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress };
        var asked = new List<string>();
        for (var step = 0; step < 60; step++)
        {
            response = Fhir.RoundTrip(fhir.NextQuestion(response).GetValueOrThrow());
            if (response.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed)
            {
                return (asked, response);
            }

            var linkId = response.Contained.OfType<Questionnaire>().Single().Item[^1].LinkId!;
            asked.Add(linkId);
            if (linkId == "surgeryDate")
            {
                response.Item.AddRange(full.Item.Where(i => i.LinkId is "surgeryDate" or "assessedOn" or "surgeryRegion" or "hardware" or "fusionLevels" or "riskFactors"));
            }
            else
            {
                // An answer the patient's report does not give is "don't know" (a measurement: asked, not measured).
                response.Item.Add(full.Item.FirstOrDefault(i => i.LinkId == linkId) ?? NotKnown(linkId));
            }
        }

        throw new InvalidOperationException("$next-question did not complete in 60 steps.");
    }

    private static (List<string> Asked, InterviewStep Step) FollowLibrary(TriageInterview interview, SymptomReport patient)
    {
        var report = patient with { Answers = AnswerSet.Empty, PainScore = null, Temperature = null, Skipped = [] };
        var asked = new List<string>();
        while (true)
        {
            var step = interview.Next(report).GetValueOrThrow();
            if (step.IsSettled)
            {
                return (asked, step);
            }

            asked.Add(step.Ask.JsonName);
            report = step.Ask.Kind switch
            {
                InterviewItemKind.Question => report with { Answers = report.Answers.With(step.Ask.QuestionId!.Value, patient.Answers[step.Ask.QuestionId.Value]) },
                InterviewItemKind.Temperature => patient.Temperature is { } t ? report with { Temperature = t } : report with { Skipped = [.. report.Skipped, Measurement.Temperature] },
                _ => patient.PainScore is { } p ? report with { PainScore = p } : report with { Skipped = [.. report.Skipped, Measurement.PainScore] },
            };
        }
    }

    private static QuestionnaireResponse.ItemComponent NotKnown(string linkId)
    {
        var item = new QuestionnaireResponse.ItemComponent { LinkId = linkId };
        if (linkId is "temperature" or "painScore")
        {
            item.Extension.Add(new Extension(Codes.DataAbsentReason, new Code(Codes.AskedUnknown)));
        }
        else
        {
            item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = ResponseWriter.AnswerCoding(Answer.Unknown, Labels.English) });
        }

        return item;
    }
}
