using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Engine;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Fhir.Internal;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Tests;

/// <summary>
/// Texts in the chosen language (issue 12, item 2): the Questionnaire, the QuestionnaireResponse, <c>$next-question</c>, the
/// GuidanceResponse and the card are worded in the engine's or the report's language, and nothing but words changes.
/// </summary>
public class LanguageTests(ProfileValidator validator) : IClassFixture<ProfileValidator>
{
    private static readonly TriageFhir SpanishEngine = new(ReportBuilder.EngineV2(new TriageEngineOptions { Language = TextLanguages.Spanish }));

    [Fact]
    public void The_spanish_questionnaire_has_the_same_items_and_codes_and_every_text_in_spanish()
    {
        var english = Fhir.V2.CreateQuestionnaire(TextLanguages.English);
        var spanish = Fhir.V2.CreateQuestionnaire(TextLanguages.Spanish);

        english.Language.Should().Be("en");
        spanish.Language.Should().Be("es");
        (spanish.Version, spanish.Name).Should().Be((english.Version, english.Name));
        spanish.Url.Should().NotBe(english.Url, "one canonical per content (QuestionnaireCanonicalTests)");
        spanish.Item.Select(Shape).Should().Equal(english.Item.Select(Shape));
        spanish.Title.Should().Be("Síntomas después de una operación de columna con implantes");
        spanish.Description.Should().Contain(Fhir.V2.Engine.RuleSet.Version).And.NotBe(english.Description);

        // Every text differs from its English one (a text left in English would be equal), except words that are the same in both languages.
        var pairs = english.Item.Zip(spanish.Item).ToList();
        pairs.Where(p => p.First.Text == p.Second.Text).Select(p => p.First.LinkId).Should().BeEmpty();
        var displays = pairs.SelectMany(p => p.First.AnswerOption.Zip(p.Second.AnswerOption, (e, s) => (English: ((Coding)e.Value).Display, Spanish: ((Coding)s.Value).Display)));
        displays.Where(d => d.English == d.Spanish).Select(d => d.English).Distinct().Should().BeEquivalentTo("No", "Osteoporosis", "Diabetes");

        // The questions are the library's own Spanish texts (the interview in Spanish), not a second copy.
        var interview = new TriageInterview(Fhir.V2.Engine, TextLanguages.Spanish);
        foreach (var item in interview.Items)
        {
            spanish.Item.Single(i => i.LinkId == item.JsonName).Text.Should().Be(item.Text);
        }
    }

    [Fact]
    public void A_spanish_engine_gives_the_spanish_questionnaire_and_refuses_no_language_it_has()
    {
        Fhir.Serialize(SpanishEngine.CreateQuestionnaire()).Should().Be(Fhir.Serialize(Fhir.V2.CreateQuestionnaire(TextLanguages.Spanish)));
        Fhir.V2.CreateQuestionnaire().Language.Should().Be("en");

        var act = () => Fhir.V2.CreateQuestionnaire("fr");
        act.Should().Throw<ArgumentException>().WithParameterName("language");
    }

    [Fact]
    public void The_package_has_every_label_in_every_language_of_the_library()
    {
        Labels.All.Select(l => l.Language).Should().Equal(TextLanguages.All);
        foreach (var labels in Labels.All)
        {
            labels.Regions.Should().HaveCount(Enum.GetValues<SurgeryRegion>().Length);
            labels.HardwareKinds.Should().HaveCount(Enum.GetValues<HardwareKind>().Length);
            labels.RiskFactorNames.Should().HaveCount(Enum.GetValues<RiskFactor>().Length);
            labels.Urgencies.Should().HaveCount(5);
            labels.Timeframes.Should().HaveCount(5);
            labels.OverrideReasons.Should().HaveCount(3);
        }

        // The English timeframes are the library's.
        Enum.GetValues<Urgency>().Select(Labels.English.Timeframe).Should().Equal(Enum.GetValues<Urgency>().Select(u => u.Timeframe()));
    }

    [Fact]
    public void The_spanish_item_texts_of_the_report_fields_score_70_or_more_by_fernandez_huerta()
    {
        var spanish = Fhir.V2.CreateQuestionnaire(TextLanguages.Spanish);
        var own = spanish.Item.Take(6).Select(i => i.Text).ToList();
        own.Should().HaveCount(6);

        var scores = own.Select(t => (Text: t!, Score: SpanishReadability.Score(t!) ?? 100)).ToList();

        scores.Where(s => s.Score < SpanishReadability.MinimumScore).Select(s => $"{s.Score:F1} {s.Text}").Should().BeEmpty();
    }

    [Fact]
    public void The_code_systems_are_the_same_for_every_engine_language_with_a_spanish_designation_on_every_concept()
    {
        var english = Fhir.V2.CreateCodeSystems();
        var spanish = SpanishEngine.CreateCodeSystems();

        spanish.Select(Fhir.Serialize).Should().Equal(english.Select(Fhir.Serialize));
        foreach (var concept in english.Where(c => c.Url != Fhir.V2.Canonicals.ErrorCode).SelectMany(c => c.Concept))
        {
            concept.Designation.Should().ContainSingle().Which.Language.Should().Be("es");
            concept.Designation[0].Value.Should().NotBeNullOrWhiteSpace();
        }

        english.Single(c => c.Url == Fhir.V2.Canonicals.Urgency).Concept.Select(c => c.Designation[0].Value)
            .Should().Equal("Emergencia", "Urgente", "Pronto", "Cita normal", "Cuidados en casa");
    }

    [Fact]
    public void The_spanish_questionnaire_and_code_systems_are_valid_R4()
    {
        validator.Errors(Fhir.V2.CreateQuestionnaire(TextLanguages.Spanish)).Should().BeEmpty();
        validator.Errors(Fhir.V1.CreateQuestionnaire(TextLanguages.Spanish)).Should().BeEmpty();
        foreach (var codeSystem in SpanishEngine.CreateCodeSystems())
        {
            validator.Errors(codeSystem).Should().BeEmpty(codeSystem.Url);
        }
    }

    [Fact]
    public void A_spanish_report_is_written_in_spanish_and_read_back_with_its_language()
    {
        var report = ReportBuilder.AllRedFlagsDeniedV2() with
        {
            ReportId = "es-1",
            Language = TextLanguages.Spanish,
            SurgeryRegion = SurgeryRegion.Lumbar,
            Hardware = [HardwareKind.Screws, HardwareKind.Rods],
            RiskFactors = [RiskFactor.Smoking],
        };

        var response = Fhir.V2.CreateResponse(report);

        response.Language.Should().Be("es");
        var questionnaire = Fhir.V2.CreateQuestionnaire(TextLanguages.Spanish);
        foreach (var item in response.Item)
        {
            item.Text.Should().Be(questionnaire.Item.Single(i => i.LinkId == item.LinkId).Text);
        }

        response.Item.Single(i => i.LinkId == "hardware").Answer.Select(a => ((Coding)a.Value!).Display!).Should().Equal("Tornillos", "Barras");
        ((Coding)response.Item.Single(i => i.LinkId == "fever").Answer.Single().Value!).Display.Should().Be("No");
        validator.Errors(response).Should().BeEmpty();

        Fhir.V2.ReadResponse(Fhir.RoundTrip(response)).GetValueOrThrow().Should().Be(report);
        Fhir.V2.ReadResponse(Fhir.V2.CreateResponse(report with { Language = null })).GetValueOrThrow().Language.Should().BeNull();
    }

    [Fact]
    public void A_response_in_a_language_the_library_does_not_have_is_an_error_at_language()
    {
        var response = Fhir.V2.CreateResponse(ReportBuilder.AllRedFlagsDeniedV2());
        response.Language = "fr";

        Fhir.V2.ReadResponse(response).Errors.Select(e => (e.Path, e.Code)).Should().Equal(("language", ErrorCodes.UnknownLanguage));
        Fhir.V2.NextQuestion(response).Errors.Select(e => (e.Path, e.Code)).Should().Equal(("language", ErrorCodes.UnknownLanguage));
        Fhir.V2.Evaluate(response).Errors.Select(e => (e.Path, e.Code)).Should().Equal(("language", ErrorCodes.UnknownLanguage));
    }

    [Fact]
    public void Next_question_asks_in_the_response_language()
    {
        var empty = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress, Language = TextLanguages.Spanish };

        var next = Fhir.V2.NextQuestion(empty).GetValueOrThrow();

        var contained = next.Contained.OfType<Questionnaire>().Single();
        contained.Language.Should().Be("es");
        var asked = contained.Item.Should().ContainSingle().Subject;
        asked.Text.Should().Be(new TriageInterview(Fhir.V2.Engine, TextLanguages.Spanish).Items[0].Text);
        asked.AnswerOption.Select(o => ((Coding)o.Value).Display).Should().Equal("Sí", "No", "No sé");
        validator.Errors(next).Should().BeEmpty();

        // The same response without a language asks in the engine's (English), the same question.
        var english = Fhir.V2.NextQuestion(new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress }).GetValueOrThrow();
        english.Contained.OfType<Questionnaire>().Single().Item.Single().LinkId.Should().Be(asked.LinkId);
    }

    [Fact]
    public void The_guidance_response_of_a_spanish_report_is_worded_in_spanish_and_valid_R4()
    {
        var response = DoneWhenTests.BladderControlLoss();
        response.Language = TextLanguages.Spanish;

        var guidance = Fhir.V2.Evaluate(response).GetValueOrThrow();

        guidance.Language.Should().Be("es");
        var output = guidance.Contained.OfType<Parameters>().Single();
        output.GetSingleValue<FhirString>("timeframe")!.Value.Should().Be("ya");
        var result = Fhir.V2.Engine.Evaluate(Fhir.V2.ReadResponse(response).GetValueOrThrow());
        output.GetSingleValue<FhirString>("textSetHash")!.Value.Should().Be(result.TextSet!.Hash);
        output.GetSingleValue<FhirString>("disposition")!.Value.Should().Be(result.Disposition);
        output.GetSingleValue<Coding>("urgency")!.Display.Should().Be("Emergencia");
        var plan = guidance.Contained.OfType<RequestGroup>().Single();
        plan.Action.Select(a => a.Title).Should().Equal("Emergencia (ya)", "Consejos de cuidado y señales de alarma");
        var carePlan = guidance.Contained.OfType<CarePlan>().Single();
        carePlan.Title.Should().Be("Consejos de cuidado y señales de alarma");
        carePlan.Activity.Select(a => a.Detail!.Code!.Text!).Distinct().Should().BeSubsetOf(["Consejos de cuidado", "Señales de alarma"]);
        guidance.Contained.OfType<ServiceRequest>().Single().Subject.Display.Should().Be("El paciente que informó de los síntomas");
        validator.Errors(guidance).Should().BeEmpty();

        // The English response gives the English words, and the same decision.
        var english = Fhir.V2.Evaluate(DoneWhenTests.BladderControlLoss()).GetValueOrThrow();
        english.Language.Should().Be("en");
        english.Contained.OfType<Parameters>().Single().GetSingleValue<FhirString>("timeframe")!.Value.Should().Be("now");
        english.Contained.OfType<ServiceRequest>().Single().Priority.Should().Be(guidance.Contained.OfType<ServiceRequest>().Single().Priority);
    }

    [Fact]
    public void The_card_of_a_spanish_result_is_worded_in_spanish_with_the_same_codes()
    {
        var report = Fhir.V2.ReadResponse(DoneWhenTests.BladderControlLoss()).GetValueOrThrow();
        var spanish = Fhir.V2.Engine.Evaluate(report with { Language = TextLanguages.Spanish });
        var english = Fhir.V2.Engine.Evaluate(report);

        var card = Fhir.Cards.Create(spanish);
        var englishCard = Fhir.Cards.Create(english);

        card.Summary.Should().StartWith("Emergencia (ya): ").And.Contain(spanish.Findings[0].Title);
        card.Summary.Length.Should().BeLessThan(140);
        card.Detail.Should().Contain("- Regla: `").And.Contain("- Datos: ").And.Contain("#### Señales de alarma").And.Contain("- Razonamiento clínico: ").And.NotContain("- Rationale: ");
        card.Indicator.Should().Be(englishCard.Indicator);
        card.Source.Topic!.Code.Should().Be(englishCard.Source.Topic!.Code);
        card.Source.Topic.Display.Should().Be("Emergencia");
        card.OverrideReasons.Select(r => r.Code).Should().Equal(englishCard.OverrideReasons.Select(r => r.Code));
        card.OverrideReasons.Select(r => r.Display).Should().NotIntersectWith(englishCard.OverrideReasons.Select(r => r.Display));
        englishCard.Summary.Should().StartWith("Emergency (now): ");
        new CdsCards(SpanishEngine).OverrideReasons[0].Display.Should().Be("Un profesional ya valoró al paciente");

        // Each override reason is a concept of the published CodeSystem, displayed as its designation in the card's language.
        var reasons = Fhir.V2.CreateCodeSystems().Single(c => c.Url == Fhir.V2.Canonicals.OverrideReason);
        foreach (var (reason, englishReason) in card.OverrideReasons.Zip(englishCard.OverrideReasons))
        {
            reason.System.Should().Be(reasons.Url);
            var concept = reasons.Concept.Single(c => c.Code == reason.Code);
            englishReason.Display.Should().Be(concept.Display);
            reason.Display.Should().Be(concept.Designation.Single(d => d.Language == "es").Value);
        }
    }

    private static (string LinkId, Questionnaire.QuestionnaireItemType? Type, bool? Repeats, bool? Required, string Codes) Shape(Questionnaire.ItemComponent item) =>
        (item.LinkId!, item.Type, item.Repeats, item.Required, string.Join(",", item.AnswerOption.Select(o => ((Coding)o.Value).System + "|" + ((Coding)o.Value).Code)));
}
