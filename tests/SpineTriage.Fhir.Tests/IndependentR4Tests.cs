using System.Text.Json.Nodes;
using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Fhir.Tests;

/// <summary>
/// Issue 25 item 6: every kind of FHIR output the package produces (the outputs the other tests of this project produce:
/// the Questionnaire in every language, the CodeSystems, the ConceptMap, the PlanDefinition, the NamingSystem, responses of
/// generated reports, their GuidanceResponses, and every step of $next-question sessions), checked independently of the
/// mapping and of Firely's validator: the official R4 JSON Schema and every error-severity HL7 R4 FHIRPath invariant of the
/// elements used (<see cref="R4Checks"/>); broken copies are controls, so the checks can fail.
/// </summary>
public class IndependentR4Tests
{
    private static readonly string[] YesNoDontKnow = ["LA33-6 Yes", "LA32-8 No", "LA12688-0 Don't know"];

    public static TheoryData<string> RuleSetVersions() => [RuleSets.V1, RuleSets.V2];

    /// <summary>The outputs of one rule set's mapping, named.</summary>
    internal static IEnumerable<(string Name, Resource Resource)> Outputs(TriageFhir fhir)
    {
        foreach (var language in Texts.TextLanguages.All)
        {
            yield return ("Questionnaire " + language, fhir.CreateQuestionnaire(language));
        }

        foreach (var codeSystem in fhir.CreateCodeSystems())
        {
            yield return ("CodeSystem " + codeSystem.Id, codeSystem);
        }

        yield return ("ConceptMap", fhir.CreateConceptMap());
        yield return ("PlanDefinition", fhir.CreatePlanDefinition());
        yield return ("NamingSystem", fhir.CreateNamingSystem());

        var patients = fhir == Fhir.V1 ? ReportGen.Sample(31, 2) : ReportGen.SampleV2(31, 2);
        var index = 0;
        foreach (var patient in patients.Select(p => p.ReportId == "" ? p with { ReportId = null } : p).Append(ProfileValidationTests.SelfCareFor(fhir)))
        {
            index++;
            var response = fhir.CreateResponse(patient);
            yield return ($"response {index}", response);
            var validated = fhir.Engine.Validate(patient).GetValueOrThrow();
            var context = index % 2 == 0 ? new GuidanceContext { Subject = "Patient/example", Response = "QuestionnaireResponse/qr-1", Id = "gr-" + index, TextSetHash = "sha256:0123" } : null;
            yield return ($"guidance {index}", fhir.CreateGuidanceResponse(validated, fhir.Engine.Evaluate(validated), context));

            // A $next-question session answered from the report, every step.
            var session = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress, Language = index % 3 == 0 ? "es" : null };
            for (var step = 0; step < 60; step++)
            {
                session = fhir.NextQuestion(session).GetValueOrThrow();
                if (index == 1 || step == 0 || session.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed)
                {
                    // Every step of the first session; the first and last of the others (the run time stays modest).
                    yield return ($"session {index} step {step}", session);
                }

                if (session.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed)
                {
                    break;
                }

                session = Fhir.RoundTrip(session);
                var linkId = session.Contained.OfType<Questionnaire>().Single().Item[^1].LinkId;
                session.Item.AddRange(linkId == "surgeryDate"
                    ? response.Item.Where(i => i.LinkId is "surgeryDate" or "assessedOn" or "surgeryRegion" or "hardware" or "fusionLevels" or "riskFactors")
                    : response.Item.Where(i => i.LinkId == linkId).DefaultIfEmpty(new QuestionnaireResponse.ItemComponent { LinkId = linkId, Answer = [new() { Value = new Coding("http://loinc.org", "LA32-8", "No") }] }).Take(linkId is "temperature" or "painScore" && !response.Item.Any(i => i.LinkId == linkId) ? 0 : 1));
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleSetVersions))]
    public void Every_output_is_valid_against_the_official_R4_JSON_schema(string ruleSet)
    {
        var checks = R4Checks.Shared;
        var outputs = Outputs(Fhir.For(ruleSet)).ToList();

        outputs.Select(o => (o.Name, Errors: checks.SchemaErrors(R4Checks.Json(o.Resource))))
            .Where(o => o.Errors.Count > 0)
            .Select(o => o.Name + ": " + string.Join("; ", o.Errors))
            .Should().BeEmpty();
        outputs.Should().HaveCountGreaterThan(25);
    }

    [Theory]
    [MemberData(nameof(RuleSetVersions))]
    public void Every_output_keeps_every_HL7_R4_invariant_of_the_elements_it_uses(string ruleSet)
    {
        var checks = R4Checks.Shared;
        var evaluations = 0;
        var broken = new List<string>();
        foreach (var (name, resource) in Outputs(Fhir.For(ruleSet)))
        {
            var result = checks.BrokenInvariants(resource);
            evaluations += result.Evaluations;
            broken.AddRange(result.Broken.Select(b => name + ": " + b));
        }

        broken.Should().BeEmpty();
        evaluations.Should().BeGreaterThan(5_000);
        checks.Invariants.Should().Contain(["ele-1", "dom-3", "que-2", "qrs-1", "ref-1", "ext-1"], "the invariants come from the R4 StructureDefinitions");
    }

    [Fact]
    public void A_broken_copy_fails_the_JSON_schema()
    {
        var checks = R4Checks.Shared;
        var questionnaire = Fhir.V2.CreateQuestionnaire();

        checks.SchemaErrors(R4Checks.Json(questionnaire)).Should().BeEmpty();
        checks.SchemaErrors(R4Checks.Changed(questionnaire, q => q["statusCode"] = "active")).Should().NotBeEmpty("an unknown element");
        checks.SchemaErrors(R4Checks.Changed(questionnaire, q => q["status"] = 5)).Should().NotBeEmpty("a number for a code");
        checks.SchemaErrors(R4Checks.Changed(questionnaire, q => q["item"]![0]!["type"] = "yesno")).Should().NotBeEmpty("a code outside the required value set");
        checks.SchemaErrors(R4Checks.Changed(questionnaire, q => q["resourceType"] = "Questionnair")).Should().NotBeEmpty("an unknown resource type");
    }

    [Fact]
    public void A_broken_copy_fails_the_invariants()
    {
        var checks = R4Checks.Shared;
        var questionnaire = Fhir.V2.CreateQuestionnaire();
        checks.BrokenInvariants(questionnaire).Broken.Should().BeEmpty();

        var duplicate = Fhir.V2.CreateQuestionnaire();
        duplicate.Item.Add(duplicate.Item[0].DeepCopy());
        checks.BrokenInvariants(duplicate).Broken.Should().Contain(b => b.StartsWith("que-2 ", StringComparison.Ordinal), "linkIds are unique");

        var display = Fhir.V2.CreateQuestionnaire();
        display.Item[0].Type = Questionnaire.QuestionnaireItemType.Display;
        checks.BrokenInvariants(display).Broken.Should().Contain(b => b.StartsWith("que-6 ", StringComparison.Ordinal), "a display item is not required");

        var report = ReportBuilder.AllRedFlagsDeniedV2();
        var validated = Fhir.V2.Engine.Validate(report).GetValueOrThrow();
        var guidance = Fhir.V2.CreateGuidanceResponse(validated, Fhir.V2.Engine.Evaluate(validated));
        checks.BrokenInvariants(guidance).Broken.Should().BeEmpty();
        guidance.Contained.Add(new Basic { Id = "orphan", Code = new CodeableConcept("http://example.org", "x") });
        checks.BrokenInvariants(guidance).Broken.Should().Contain(b => b.StartsWith("dom-3 ", StringComparison.Ordinal), "a contained resource nothing refers to");

        var temperature = Fhir.V2.CreateResponse(report with { Temperature = Temperature.Celsius(37.1m) });
        temperature.Item.Single(i => i.LinkId == "temperature").Answer[0].Value.Should().BeOfType<Quantity>().Which.System = null;
        checks.BrokenInvariants(temperature).Broken.Should().Contain(b => b.StartsWith("qty-3 ", StringComparison.Ordinal), "a unit code without its system");
    }

    [Fact]
    public void A_parsed_copy_of_an_output_checks_the_same_as_the_output()
    {
        var checks = R4Checks.Shared;
        var json = R4Checks.Json(Fhir.V2.CreateQuestionnaire());
        var node = JsonNode.Parse(json)!;

        checks.SchemaErrors(node.ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RuleSetVersions))]
    public void Every_data_requirement_path_is_FHIRPath_that_compiles_and_selects_its_item(string ruleSet)
    {
        var fhir = Fhir.For(ruleSet);
        var compiler = new Hl7.FhirPath.FhirPathCompiler();
        var report = (ruleSet == RuleSets.V1 ? ReportBuilder.AllRedFlagsDenied() : ReportBuilder.AllRedFlagsDeniedV2()) with { Answers = AnswerSet.Empty };
        var validated = fhir.Engine.Validate(report).GetValueOrThrow();
        var guidance = fhir.CreateGuidanceResponse(validated, fhir.Engine.Evaluate(validated));
        var complete = fhir.CreateResponse(ProfileValidationTests.SelfCareFor(fhir));
        var paths = guidance.DataRequirement.Should().ContainSingle().Subject.MustSupport.ToList();

        paths.Should().NotBeEmpty();
        foreach (var path in paths)
        {
            var compiled = compiler.Compile(path);
            var selected = compiled(complete.ToPocoNode(Hl7.Fhir.Model.ModelInfo.ModelInspector), new Hl7.Fhir.FhirPath.FhirEvaluationContext()).ToList();
            selected.Should().ContainSingle(path).Which.Poco.Should().BeOfType<QuestionnaireResponse.ItemComponent>();
        }
    }

    [Theory]
    [MemberData(nameof(RuleSetVersions))]
    public void Every_yes_no_item_offers_LOINC_yes_no_and_dont_know(string ruleSet)
    {
        var questions = Fhir.For(ruleSet).CreateQuestionnaire().Item.Where(i => i.AnswerOption.Any(o => o.Value is Coding { System: "http://loinc.org" })).ToList();

        questions.Should().HaveCount(Fhir.For(ruleSet).Engine.RuleSet.Questions.Count);
        questions.Should().OnlyContain(i => i.AnswerOption.Select(o => ((Coding)o.Value).Code + " " + ((Coding)o.Value).Display).SequenceEqual(YesNoDontKnow));
    }
}
