using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Tests;

/// <summary>QuestionnaireResponse to report and back; every mapping error names the linkId with a library or FHIR code.</summary>
public class ResponseMappingTests
{
    [Theory]
    [InlineData("1.0", 31u)]
    [InlineData("2.0", 32u)]
    public void Generated_reports_survive_the_round_trip_through_a_questionnaire_response(string ruleSet, uint seed)
    {
        var fhir = Fhir.For(ruleSet);
        var reports = ruleSet == "1.0" ? ReportGen.Sample(seed, 200) : ReportGen.SampleV2(seed, 200);
        // An empty report id is not a FHIR string (CreateResponse refuses it, see Empty_report_ids_are_refused).
        var skipping = ProfileValidationTests.SelfCare() with { Skipped = [Measurement.PainScore], PainScore = null };
        foreach (var report in reports.Where(r => r.ReportId != "").Concat(ruleSet == "2.0" ? [skipping] : []))
        {
            var back = fhir.ReadResponse(Fhir.RoundTrip(fhir.CreateResponse(report))).GetValueOrThrow();
            TriageJson.SerializeReport(back).Should().Be(TriageJson.SerializeReport(report));
            back.Should().Be(report, ReportGen.Print(report));
        }
    }

    [Fact]
    public void Answers_to_questions_of_another_rule_set_are_refused_not_dropped()
    {
        var act = () => Fhir.V1.CreateResponse(ProfileValidationTests.SelfCare());

        act.Should().Throw<ArgumentException>().WithMessage("*neckSwellingOrAirway*");
    }

    [Fact]
    public void An_identifier_of_another_system_is_the_EHR_s_own_and_is_ignored_not_refused()
    {
        var response = Fhir.V2.CreateResponse(ProfileValidationTests.SelfCare() with { ReportId = null });
        response.Identifier = new Identifier("urn:oid:1.2.3.4.5", "ehr-123");

        var report = Fhir.V2.ReadResponse(response).GetValueOrThrow();

        report.ReportId.Should().BeNull();
    }

    [Fact]
    public void Empty_report_ids_are_refused()
    {
        var act = () => Fhir.V2.CreateResponse(ReportBuilder.AllRedFlagsDeniedV2() with { ReportId = "" });

        act.Should().Throw<ArgumentException>().WithMessage("*empty*");
    }

    public static TheoryData<string, string, string> Errors() => new()
    {
        { "unknown linkId", "noSuchQuestion", ErrorCodes.UnknownQuestion },
        { "wrong answer type", "painScore", ErrorCodes.WrongType },
        { "unknown code", "surgeryRegion", ErrorCodes.UnknownValue },
        { "unknown system", "fever", ErrorCodes.UnknownValue },
        { "duplicate item", "fever", ErrorCodes.DuplicateKey },
        { "repeated answer", "saddleNumbness", FhirErrorCodes.RepeatedAnswer },
        { "duplicate code", "hardware", ErrorCodes.DuplicateValue },
        { "nested item", "woundDischarge", FhirErrorCodes.NestedItem },
        { "missing surgery date", "surgeryDate", ErrorCodes.Required },
        { "partial date", "assessedOn", ErrorCodes.InvalidDate },
        { "unknown unit", "temperature", ErrorCodes.UnknownValue },
        { "another questionnaire", "questionnaire", ErrorCodes.Mismatch },
        { "another version", "questionnaire", ErrorCodes.UnsupportedVersion },
        { "out of range (library validation)", "painScore", ErrorCodes.OutOfRange },
        { "entered in error", "status", FhirErrorCodes.EnteredInError },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_problem_is_an_error_naming_the_link_id(string problem, string linkId, string code)
    {
        var response = Fhir.V2.CreateResponse(ReportBuilder.AllRedFlagsDeniedV2());
        Break(response, problem);

        var outcome = Fhir.V2.ReadResponse(response);

        outcome.IsSuccess.Should().BeFalse(problem);
        outcome.Errors.Should().ContainSingle(problem).Which.Should().Match<ValidationError>(e => e.Path == linkId && e.Code == code);
    }

    [Theory]
    [InlineData("LA12688-0")] // LOINC "Don't know", written since 2.x
    [InlineData("LA4489-6")] // LOINC "Unknown", written by earlier versions: still read
    public void An_unanswered_item_is_not_asked_and_dont_know_is_dont_know(string code)
    {
        var response = Fhir.V2.CreateResponse(ReportBuilder.AllRedFlagsDeniedV2());
        response.Item.Single(i => i.LinkId == "fever").Answer.Clear();
        response.Item.Single(i => i.LinkId == "saddleNumbness").Answer[0].Value = new Coding("http://loinc.org", code);

        var report = Fhir.V2.ReadResponse(response).GetValueOrThrow();

        report.Answers.IsGiven(QuestionId.Fever).Should().BeFalse();
        report.Answers.IsGiven(QuestionId.SaddleNumbness).Should().BeTrue();
        report.Answers[QuestionId.SaddleNumbness].Should().Be(Answer.Unknown);
    }

    private static void Break(QuestionnaireResponse response, string problem)
    {
        QuestionnaireResponse.ItemComponent Item(string linkId) => response.Item.Single(i => i.LinkId == linkId);
        static QuestionnaireResponse.AnswerComponent With(DataType value) => new() { Value = value };
        switch (problem)
        {
            case "unknown linkId":
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "noSuchQuestion", Answer = [With(new FhirBoolean(true))] });
                break;
            case "wrong answer type":
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "painScore", Answer = [With(new FhirString("7"))] });
                break;
            case "unknown code":
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "surgeryRegion", Answer = [With(new Coding(Fhir.V2.Canonicals.SurgeryRegion, "coccyx"))] });
                break;
            case "unknown system":
                Item("fever").Answer[0].Value = new Coding("http://snomed.info/sct", "LA32-8");
                break;
            case "duplicate item":
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "fever", Answer = [With(new Coding("http://loinc.org", "LA32-8"))] });
                break;
            case "repeated answer":
                Item("saddleNumbness").Answer.Add(With(new Coding("http://loinc.org", "LA33-6")));
                break;
            case "duplicate code":
                response.Item.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = "hardware",
                    Answer = [With(new Coding(Fhir.V2.Canonicals.Hardware, "screws")), With(new Coding(Fhir.V2.Canonicals.Hardware, "screws"))],
                });
                break;
            case "nested item":
                Item("woundDischarge").Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "fever" });
                break;
            case "missing surgery date":
                response.Item.Remove(Item("surgeryDate"));
                break;
            case "partial date":
                Item("assessedOn").Answer[0].Value = new Date("2026-11");
                break;
            case "unknown unit":
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "temperature", Answer = [With(new Quantity(38.5m, "K", "http://unitsofmeasure.org"))] });
                break;
            case "another questionnaire":
                response.Questionnaire = "http://example.org/fhir/Questionnaire/other|2.1.0";
                break;
            case "another version":
                response.Questionnaire = Fhir.V2.Canonicals.Questionnaire + "|1.1.0";
                break;
            case "out of range (library validation)":
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "painScore", Answer = [With(new Integer(11))] });
                break;
            default:
                response.Status = QuestionnaireResponse.QuestionnaireResponseStatus.EnteredInError;
                break;
        }
    }
}
