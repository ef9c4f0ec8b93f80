using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Tests;

/// <summary>
/// Every kind of resource the package produces, parsed back with the Firely SDK and validated against the base R4 profiles
/// (invariants included): no error. One validator for the class (the specification loads once); a handful of resources.
/// </summary>
public class ProfileValidationTests(ProfileValidator validator) : IClassFixture<ProfileValidator>
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void The_questionnaire_is_valid_R4(string ruleSet)
    {
        validator.Errors(Fhir.For(ruleSet).CreateQuestionnaire()).Should().BeEmpty();
    }

    [Fact]
    public void The_code_systems_are_valid_R4()
    {
        var codeSystems = Fhir.V2.CreateCodeSystems();
        codeSystems.Select(c => c.Id).Should().Equal("surgery-region", "hardware", "risk-factor", "urgency", "override-reason", "error-code");
        foreach (var codeSystem in codeSystems)
        {
            validator.Errors(codeSystem).Should().BeEmpty(codeSystem.Url);
        }
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void The_rule_set_plan_definition_is_valid_R4_with_one_action_per_rule_of_the_catalogue(string ruleSet)
    {
        var fhir = Fhir.For(ruleSet);
        var plan = fhir.CreatePlanDefinition();

        validator.Errors(plan).Should().BeEmpty();
        plan.Url.Should().Be(fhir.Canonicals.RuleSet);
        plan.Version.Should().Be(fhir.Engine.RuleSet.Version);
        plan.Action.Select(a => (a.ElementId!, a.Title!, a.Code.Single().Coding.Single().Code!)).Should().Equal(
            fhir.Engine.RuleSet.Rules.Select(r => (r.Id, r.Title, Urgency(r.Urgency))));
    }

    [Fact]
    public void The_report_id_naming_system_is_valid_R4_and_names_the_report_id_system()
    {
        var namingSystem = Fhir.V2.CreateNamingSystem();

        validator.Errors(namingSystem).Should().BeEmpty();
        namingSystem.UniqueId.Should().ContainSingle().Which.Value.Should().Be(Fhir.V2.Canonicals.ReportId);
    }

    [Fact]
    public void The_error_code_system_has_every_code_an_outcome_carries_once_with_a_display_in_words()
    {
        var errorCodes = Fhir.V2.CreateCodeSystems().Single(c => c.Url == Fhir.V2.Canonicals.ErrorCode);
        var codes = errorCodes.Concept.Select(c => c.Code).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().Contain([ErrorCodes.UnknownQuestion, ErrorCodes.UnknownLanguage, ErrorCodes.PlaceholderMismatch, ErrorCodes.TooManyErrors,
            FhirErrorCodes.RepeatedAnswer, FhirErrorCodes.NestedItem, FhirErrorCodes.EnteredInError]);
        errorCodes.Concept.Single(c => c.Code == ErrorCodes.UnknownQuestion).Display.Should().Be("Unknown question");
        errorCodes.Concept.Single(c => c.Code == ErrorCodes.MalformedJson).Display.Should().Be("Malformed json");

        // Every code of a real outcome with many kinds of error is in it.
        var response = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.EnteredInError, Language = "fr" };
        response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "John Smith" });
        response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "painScore", Answer = [new() { Value = new FhirString("7") }, new() { Value = new Integer(7) }] });
        var errors = Fhir.V2.ReadResponse(response).Errors;
        errors.Select(e => e.Code).Distinct().Should().HaveCountGreaterThan(3).And.BeSubsetOf(codes);
    }

    [Fact]
    public void Responses_of_generated_reports_are_valid_R4()
    {
        foreach (var report in ReportGen.SampleV2(12, 3).Append(Skipping()))
        {
            validator.Errors(Fhir.V2.CreateResponse(report)).Should().BeEmpty();
        }
    }

    [Fact]
    public void Guidance_responses_of_every_urgency_are_valid_R4()
    {
        var seen = new HashSet<Urgency>();
        foreach (var report in ReportGen.SampleV2(7, 400).Prepend(SelfCare()))
        {
            var validated = Fhir.V2.Engine.Validate(report).GetValueOrThrow();
            var result = Fhir.V2.Engine.Evaluate(validated);
            if (seen.Add(result.Urgency))
            {
                var context = seen.Count % 2 == 0 ? new GuidanceContext { Subject = "Patient/example", TextSetHash = "sha256:0123" } : null;
                validator.Errors(Fhir.V2.CreateGuidanceResponse(validated, result, context)).Should().BeEmpty(result.Urgency.ToString());
            }
        }

        seen.Should().HaveCount(5);
    }

    [Fact]
    public void Next_question_responses_are_valid_R4()
    {
        var empty = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress };
        var first = Fhir.V2.NextQuestion(empty).GetValueOrThrow();
        validator.Errors(first).Should().BeEmpty();

        var completed = Fhir.V2.NextQuestion(DoneWhenTests.BladderControlLoss()).GetValueOrThrow();
        completed.Status.Should().Be(QuestionnaireResponse.QuestionnaireResponseStatus.Completed);
        validator.Errors(completed).Should().BeEmpty();
    }

    [Fact]
    public void The_validator_reports_a_broken_invariant()
    {
        var questionnaire = Fhir.V2.CreateQuestionnaire();
        questionnaire.Item.Add(questionnaire.Item[0]); // que-2: linkIds unique

        validator.Errors(questionnaire).Should().Contain(e => e.Contains("que-2", StringComparison.Ordinal));
    }

    internal static SymptomReport SelfCare() => SelfCareFor(Fhir.V2);

    /// <summary>A report of a rule set's that triages to self care: far from surgery, every question answered no.</summary>
    internal static SymptomReport SelfCareFor(TriageFhir fhir) => (fhir == Fhir.V1 ? ReportBuilder.AllRedFlagsDenied() with { SurgeryDate = ReportBuilder.Today.AddDays(-200) } : ReportBuilder.AllRedFlagsDeniedV2(daysSinceSurgery: 200)) with
    {
        Answers = AnswerSet.From(fhir.Engine.RuleSet.Questions.Select(q => KeyValuePair.Create(q.Id, Answer.No))),
        PainScore = 1,
        Temperature = Temperature.Celsius(36.8m),
    };

    private static SymptomReport Skipping() => ReportBuilder.AllRedFlagsDeniedV2() with
    {
        ReportId = "r-1",
        Skipped = [Measurement.Temperature, Measurement.PainScore],
    };

    private static string Urgency(Urgency urgency) => Fhir.V2.CreateCodeSystems().Single(c => c.Id == "urgency").Concept
        .Single(c => c.Property.Any(p => p.Code == "level" && p.Value is Integer level && level.Value == urgency.Code())).Code!;
}
