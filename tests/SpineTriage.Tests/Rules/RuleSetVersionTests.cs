using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Validation;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// Choosing among the shipped rule sets and what a later one changes (clinical-criteria-2.0.md sections 3 to 5): the
/// default, the selectors, the reworded question, the new rules' conditions, and an engine of one rule set refusing the
/// other's questions and validated reports. What every rule set must satisfy is in <see cref="RuleSetTests"/>.
/// </summary>
public class RuleSetVersionTests
{
    private static readonly TriageEngine Two = ReportBuilder.EngineV2();
    private static readonly TriageEngine One = ReportBuilder.EngineV1();

    [Fact]
    public void New_engines_run_rule_set_3_0_and_name_its_exact_version()
    {
        TriageEngineOptions.Default.RuleSet.Should().Be("3.0");
        var engine = new TriageEngine();
        var three = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V3 });

        engine.RuleSet.Selector.Should().Be("3.0");
        engine.RuleSet.Version.Should().Be("3.0.0");
        engine.RuleSet.Identity.Should().Be(three.RuleSet.Identity);
        engine.RuleSet.Hash.Should().NotBe(Two.RuleSet.Hash);
    }

    [Fact]
    public void Rule_set_2_0_is_selected_by_its_line_and_keeps_its_version()
    {
        Two.RuleSet.Selector.Should().Be("2.0");
        Two.RuleSet.Version.Should().Be("2.1.0");
        Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2()).RuleSet.Should().Be(new RuleSetIdentity("2.1.0", Two.RuleSet.Hash));
    }

    [Fact]
    public void Rule_set_1_0_is_selected_by_its_line_and_keeps_its_version_and_hash()
    {
        One.RuleSet.Selector.Should().Be("1.0");
        One.RuleSet.Version.Should().Be("1.1.0");
        One.RuleSet.Hash.Should().NotBe(Two.RuleSet.Hash);
        One.RuleSet.Questions.Should().Equal(QuestionCatalogue.All);
        One.Evaluate(ReportBuilder.AllRedFlagsDenied()).RuleSet.Version.Should().Be("1.1.0");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("1.0.1")]
    [InlineData("2.0.0")]
    [InlineData("4.0")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_rule_set_selector_is_refused_when_the_engine_is_built(string? selector)
    {
        var build = () => new TriageEngine(new TriageEngineOptions { RuleSet = selector! });

        build.Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().Contain("RuleSet must be one of '1.0', '2.0', '3.0'");
    }

    [Fact]
    public void Only_the_weakness_question_is_reworded_the_other_1_0_questions_keep_their_text()
    {
        var reworded = Two.RuleSet.Questions.Where(q => QuestionCatalogue.TryGet(q.JsonId, out var old) && old.Text != q.Text).ToArray();

        reworded.Should().ContainSingle().Which.Text.Should().Be(
            "Do you have any of these?\nAnswer yes if any of these is true.\n- New or worsening weakness in an arm or a leg.\n- New trouble walking.\n- Hands that have become clumsy.");
        QuestionCatalogue.Get(Q.NewOrWorseningLimbWeakness).Text.Should().Be("Do you have new or worsening weakness in an arm or a leg?");
    }

    [Fact]
    public void Every_new_rule_states_its_condition_consideration_and_source_as_the_criteria_do()
    {
        Rule("fall-within-90-days").Condition.Should().Be("recentFallOrInjury yes and suddenSeverePainAfterFallOrInjury not yes and within 90 days (days since surgery ≤ 90)");
        Rule("recent-fall").Condition.Should().Be("recentFallOrInjury yes and suddenSeverePainAfterFallOrInjury not yes and not within 90 days");
        Rule("possible-meningitis").Condition.Should().StartWith("fever present").And.EndWith("and (spinalFluidLeakSigns yes or headacheWithStiffNeck yes)");
        Rule("unresolved-red-flag").Condition.Should().StartWith("any applicable red-flag question unknown");
        Rule("symptomatic-imaging-finding").Condition.Should().EndWith("lumpOverHardware, painNotControlled or newSwallowingDifficulty yes)");
        Rule("neck-swelling-or-airway").Consideration.Should().Be("a haematoma or swelling that can block the airway after neck surgery");
        Two.RuleSet.Rules.Where(r => One.RuleSet.Find(r.Id) is null).Should().HaveCount(11)
            .And.OnlyContain(r => r.Source.Contains("Beyond SHP", StringComparison.Ordinal));

        static RuleDefinition Rule(string id) => Two.RuleSet.Find(id)!;
    }

    [Fact]
    public void A_1_0_engine_rejects_an_answer_to_a_2_0_question_as_an_unknown_question()
    {
        var report = ReportBuilder.AllRedFlagsDenied().With(Q.NeckSwellingOrAirway, Answer.No);

        var errors = One.Triage(report).Errors;

        errors.Should().ContainSingle().Which.Should().Be(new ValidationError(
            "$.answers.neckSwellingOrAirway",
            ErrorCodes.UnknownQuestion,
            "unknown question id 'neckSwellingOrAirway' for rule set 1.0: it is a question of a later rule set; the question ids are listed by the question catalogue (spinetriage questions)."));
        Two.Triage(ReportBuilder.AllRedFlagsDeniedV2().With(Q.NeckSwellingOrAirway, Answer.No)).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_1_0_engine_rejects_2_0_answers_in_report_JSON_with_the_reader_s_code()
    {
        const string Json = """{ "surgeryDate": "2026-09-01", "assessedOn": "2026-11-24", "answers": { "saddleNumbness": "no", "woundBleeding": "yes", "recentFallOrInjury": "unknown" } }""";

        var errors = One.TriageJson(Json).Errors;

        errors.Select(e => (e.Path, e.Code)).Should().Equal(
            ("$.answers.recentFallOrInjury", ErrorCodes.UnknownQuestion),
            ("$.answers.woundBleeding", ErrorCodes.UnknownQuestion));
        One.TriageJson("""{ "surgeryDate": "2026-09-01", "answers": { "woundBleedng": "yes" } }""").Errors
            .Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownQuestion, "a misspelt id gets the same code");
        Two.TriageJson(Json).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_report_validated_by_one_rule_set_is_refused_by_an_engine_of_the_other()
    {
        var validated = One.Validate(ReportBuilder.AllRedFlagsDenied()).GetValueOrThrow();

        var evaluate = () => Two.Evaluate(validated);

        evaluate.Should().Throw<ArgumentException>().WithParameterName("report").WithMessage("*validated for rule set 1.0*runs rule set 2.0*");
    }
}
