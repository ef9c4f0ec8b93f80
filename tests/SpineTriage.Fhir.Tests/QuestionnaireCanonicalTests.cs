using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Interview;
using SpineTriage.TestSupport;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Tests;

/// <summary>
/// One canonical per content (issue 25 item 5): the Questionnaire in each language has its own canonical URL and id (the
/// version is the rule set's in every language); a response to any of them is read, in that Questionnaire's language; an
/// adaptive instance is derived from the one in the response's language.
/// </summary>
public class QuestionnaireCanonicalTests
{
    private const string Adapt = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-adapt";

    [Theory]
    [MemberData(nameof(IndependentR4Tests.RuleSetVersions), MemberType = typeof(IndependentR4Tests))]
    public void Each_language_has_its_own_canonical_and_id_and_the_rule_set_s_version(string ruleSet)
    {
        var fhir = Fhir.For(ruleSet);

        var questionnaires = TextLanguages.All.Select(fhir.CreateQuestionnaire).ToList();

        questionnaires.Select(q => q.Language).Should().Equal(TextLanguages.All);
        questionnaires.Select(q => q.Url).Should().Equal(fhir.Canonicals.Questionnaires).And.OnlyHaveUniqueItems();
        questionnaires.Select(q => q.Id).Should().OnlyHaveUniqueItems();
        questionnaires.Select(q => q.Url + "|" + q.Version).Should().OnlyHaveUniqueItems("one url|version per content");
        questionnaires.Should().OnlyContain(q => q.Version == fhir.Engine.RuleSet.Version);
        foreach (var questionnaire in questionnaires)
        {
            questionnaire.Url.Should().Be(fhir.Canonicals.QuestionnaireIn(questionnaire.Language!));
            questionnaire.Url.Should().EndWith("/Questionnaire/" + questionnaire.Id, "the canonical resolves to the resource's id on the server");
        }

        fhir.Canonicals.QuestionnaireIn(TextLanguages.English).Should().Be(fhir.Canonicals.Questionnaire).And.EndWith("/Questionnaire/spinetriage");
        fhir.Canonicals.QuestionnaireIn(TextLanguages.Spanish).Should().EndWith("/Questionnaire/spinetriage-es");
        var unknown = () => fhir.Canonicals.QuestionnaireIn("fr");
        unknown.Should().Throw<ArgumentException>().WithParameterName("language");
    }

    [Theory]
    [MemberData(nameof(IndependentR4Tests.RuleSetVersions), MemberType = typeof(IndependentR4Tests))]
    public void A_response_to_the_questionnaire_in_any_language_is_read_in_that_language(string ruleSet)
    {
        var fhir = Fhir.For(ruleSet);
        var report = ProfileValidationTests.SelfCareFor(fhir);
        foreach (var language in TextLanguages.All)
        {
            var response = fhir.CreateResponse(report with { Language = language });
            response.Questionnaire.Should().Be(fhir.Canonicals.QuestionnaireIn(language) + "|" + fhir.Engine.RuleSet.Version);

            // Without its language element, the response is in the language of the Questionnaire it answers (left implicit,
            // null, when that is the engine's).
            response.Language = null;
            var read = fhir.ReadResponse(Fhir.RoundTrip(response)).GetValueOrThrow();
            (read.Language ?? fhir.Interview.Language).Should().Be(language);
            read.Language.Should().Be(language == fhir.Interview.Language ? null : language);
            var guidance = fhir.Evaluate(response).GetValueOrThrow();
            guidance.Language.Should().Be(language);

            // Without its version, too.
            response.Questionnaire = fhir.Canonicals.QuestionnaireIn(language);
            (fhir.ReadResponse(response).GetValueOrThrow().Language ?? fhir.Interview.Language).Should().Be(language);
        }

        // A response that names its language keeps it: responses written before each language had its own canonical name the English one.
        var legacy = fhir.CreateResponse(report with { Language = TextLanguages.Spanish });
        legacy.Questionnaire = fhir.Canonicals.Questionnaire + "|" + fhir.Engine.RuleSet.Version;
        fhir.ReadResponse(legacy).GetValueOrThrow().Language.Should().Be(TextLanguages.Spanish);

        // A bare response is in the engine's language (none named).
        var bare = fhir.CreateResponse(report with { Language = null });
        bare.Questionnaire = null;
        fhir.ReadResponse(bare).GetValueOrThrow().Language.Should().BeNull();

        // Any other canonical, or another version of ours, is refused.
        var other = fhir.CreateResponse(report);
        other.Questionnaire = fhir.Canonicals.Base + "/Questionnaire/spinetriage-fr";
        fhir.ReadResponse(other).Errors.Select(e => (e.Path, e.Code)).Should().Equal(("questionnaire", ErrorCodes.Mismatch));
        other.Questionnaire = fhir.Canonicals.QuestionnaireIn(TextLanguages.Spanish) + "|0.9.0";
        fhir.ReadResponse(other).Errors.Select(e => (e.Path, e.Code)).Should().Equal(("questionnaire", ErrorCodes.UnsupportedVersion));
    }

    [Theory]
    [MemberData(nameof(IndependentR4Tests.RuleSetVersions), MemberType = typeof(IndependentR4Tests))]
    public void An_adaptive_session_derived_from_a_language_s_canonical_asks_in_that_language_and_stays_derived_from_it(string ruleSet)
    {
        var fhir = Fhir.For(ruleSet);
        foreach (var language in TextLanguages.All)
        {
            var canonical = fhir.Canonicals.QuestionnaireIn(language) + "|" + fhir.Engine.RuleSet.Version;
            var start = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress, Questionnaire = "#q" };
            start.Contained.Add(new Questionnaire { Id = "q", Meta = new Meta { Profile = [Adapt] }, DerivedFrom = [canonical], Status = PublicationStatus.Active });

            var next = Fhir.RoundTrip(fhir.NextQuestion(start).GetValueOrThrow());

            var instance = next.Contained.OfType<Questionnaire>().Should().ContainSingle().Subject;
            instance.DerivedFrom.Should().Equal(canonical);
            instance.Language.Should().Be(language);
            instance.Item.Single().Text.Should().Be(new TriageInterview(fhir.Engine, language).Items[0].Text);

            // Answered, the next step stays derived from the same canonical.
            next.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = instance.Item[0].LinkId, Answer = [new() { Value = new Coding("http://loinc.org", "LA32-8", "No") }] });
            var after = fhir.NextQuestion(next).GetValueOrThrow();
            after.Contained.OfType<Questionnaire>().Single().DerivedFrom.Should().Equal(canonical);
        }
    }

    [Fact]
    public void A_spanish_engine_publishes_the_spanish_canonical_and_reads_the_english_one()
    {
        var spanish = new TriageFhir(ReportBuilder.EngineV2(new Engine.TriageEngineOptions { Language = TextLanguages.Spanish }));

        spanish.CreateQuestionnaire().Url.Should().Be(spanish.Canonicals.QuestionnaireIn(TextLanguages.Spanish));
        spanish.CreateResponse(ReportBuilder.AllRedFlagsDeniedV2()).Questionnaire.Should().StartWith(spanish.Canonicals.QuestionnaireIn(TextLanguages.Spanish) + "|");
        var english = Fhir.V2.CreateResponse(ReportBuilder.AllRedFlagsDeniedV2());
        english.Language = null;
        spanish.ReadResponse(english).GetValueOrThrow().Language.Should().Be(TextLanguages.English);
    }
}
