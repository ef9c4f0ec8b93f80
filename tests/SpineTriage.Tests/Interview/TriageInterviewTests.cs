using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Interview;

/// <summary>
/// The library's interview: asking order (every rule set), the fever question answered by a measured fever, the stop rule,
/// and under rule set 2.0 only the questions that apply.
/// </summary>
public class TriageInterviewTests
{
    private static readonly Q[] EmergencyRedFlagsBeforeFever =
        [Q.BladderOrBowelControlLoss, Q.SaddleNumbness, Q.NewOrWorseningLimbWeakness, Q.SuddenSeverePainAfterFallOrInjury];

    private static readonly Q[] RedFlagsAfterFever =
        [Q.WoundDischarge, Q.WoundRednessOrSwelling, Q.ChestPainOrBreathlessness, Q.NewOrWorseningLimbNumbness, Q.CalfPainOrSwelling];

    private static readonly Q[] NeckQuestions = [Q.NeckSwellingOrAirway, Q.NewSwallowingDifficulty];

    private static readonly Q[] EarlyQuestions = [Q.HeadacheWithStiffNeck, Q.SpinalFluidLeakSigns, Q.WoundBleeding, Q.WoundOpening, Q.PainNotControlled];

    private TriageInterview Interview { get; } = new(ReportBuilder.EngineV1());

    private TriageInterview InterviewTwo { get; } = new(ReportBuilder.EngineV2());

    private static SymptomReport Nothing() => new() { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today };

    private static SymptomReport Denied(SymptomReport report, params Q[] questions) =>
        questions.Aggregate(report, (r, q) => r.With(q, Answer.No));

    private InterviewStep Next(SymptomReport report) => Interview.Next(report).GetValueOrThrow();

    public static TheoryData<string> Selectors() => new(RuleSets.Selectors);

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Items_are_the_questions_in_asking_order_with_the_temperature_before_fever_and_the_pain_score_after_the_red_flags(string selector)
    {
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector });
        var interview = new TriageInterview(engine);
        var names = interview.Items.Select(i => i.JsonName).ToList();
        var questions = engine.RuleSet.Questions;

        names.Should().HaveCount(questions.Count + 2);
        names.Where(n => n is not "temperature" and not "painScore").Should().Equal(questions.Select(q => q.JsonId));
        names.IndexOf("temperature").Should().Be(names.IndexOf("fever") - 1);
        names.IndexOf("painScore").Should().Be(names.IndexOf(questions.Last(q => q.IsRedFlag).JsonId) + 1)
            .And.Be(names.IndexOf(questions.First(q => !q.IsRedFlag).JsonId) - 1);
        interview.Items.Select(i => i.Order).Should().Equal(Enumerable.Range(1, questions.Count + 2));
        interview.Items.Where(i => i.Question is not null).Select(i => i.Text).Should().Equal(questions.Select(q => q.Text));
    }

    [Fact]
    public void Items_carry_the_catalogue_text_and_red_flag_mark_and_the_measurements_are_not_red_flags()
    {
        var saddle = Interview.Items.Single(i => i.QuestionId == Q.SaddleNumbness);
        saddle.Kind.Should().Be(InterviewItemKind.Question);
        saddle.Text.Should().Be(QuestionCatalogue.Get(Q.SaddleNumbness).Text);
        saddle.IsRedFlag.Should().BeTrue();
        saddle.Measurement.Should().BeNull();

        var temperature = Interview.Items.Single(i => i.Kind == InterviewItemKind.Temperature);
        temperature.Measurement.Should().Be(Measurement.Temperature);
        temperature.IsRedFlag.Should().BeFalse();
        temperature.Question.Should().BeNull();
        Interview.Items.Single(i => i.Kind == InterviewItemKind.PainScore).JsonName.Should().Be("painScore");
    }

    [Fact]
    public void Nothing_asked_yet_asks_the_first_question_with_a_provisional_urgent_result()
    {
        var step = Next(Nothing());

        step.IsSettled.Should().BeFalse();
        step.Ask!.QuestionId.Should().Be(Q.BladderOrBowelControlLoss);
        step.Result.Urgency.Should().Be(Urgency.Urgent);
        step.Result.IsSettled.Should().BeFalse();
    }

    [Fact]
    public void Remaining_at_most_counts_every_item_not_yet_asked_with_the_one_to_ask_and_is_0_when_settled()
    {
        var first = Next(Nothing());
        first.RemainingAtMost.Should().Be(Interview.Items.Count, "in rule set 1.0 every item applies");

        var report = Nothing();
        var previous = first.RemainingAtMost;
        for (var step = first; !step.IsSettled; step = Next(report))
        {
            step.RemainingAtMost.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(previous);
            previous = step.RemainingAtMost;
            report = step.Ask.Kind switch
            {
                InterviewItemKind.Temperature => report with { Skipped = [Measurement.Temperature] },
                InterviewItemKind.PainScore => report with { PainScore = 2 },
                _ => report.With(step.Ask.QuestionId!.Value, Answer.No),
            };
            Next(report).RemainingAtMost.Should().BeLessThan(step.RemainingAtMost, "each reply leaves fewer items to ask");
        }

        Next(Nothing().Yes(Q.BladderOrBowelControlLoss)).RemainingAtMost.Should().Be(0);
    }

    [Fact]
    public void A_yes_to_bladder_or_bowel_control_loss_settles_at_emergency_with_the_other_red_flags_not_asked()
    {
        var step = Next(Nothing().Yes(Q.BladderOrBowelControlLoss));

        step.IsSettled.Should().BeTrue();
        step.StoppedEarly.Should().BeTrue();
        step.Result.Urgency.Should().Be(Urgency.Emergency);
        step.Result.IsSettled.Should().BeTrue();
        step.Result.NotAskedQuestions.Should().Equal(QuestionCatalogue.RedFlags.Skip(1).Select(q => q.Id));
        step.Result.UnansweredQuestions.Should().Equal(step.Result.NotAskedQuestions);
    }

    [Fact]
    public void After_the_first_four_red_flags_the_temperature_is_asked()
    {
        Next(Denied(Nothing(), EmergencyRedFlagsBeforeFever)).Ask!.Kind.Should().Be(InterviewItemKind.Temperature);
    }

    [Fact]
    public void A_measured_temperature_at_the_threshold_answers_the_fever_question_which_is_not_asked()
    {
        var report = Denied(Nothing(), EmergencyRedFlagsBeforeFever) with { Temperature = Temperature.Celsius(38.6m) };

        var step = Next(report);

        step.Ask!.QuestionId.Should().Be(Q.WoundDischarge);
        step.Result.RuleIds().Should().Contain("fever");
        step.Result.Warnings.Should().BeEmpty();
        Interview.IsAsked(Interview.Items.Single(i => i.QuestionId == Q.Fever), report).Should().BeTrue();
    }

    [Theory]
    [InlineData(37.9)]
    [InlineData(36.5)]
    public void A_measured_temperature_below_the_threshold_still_asks_the_fever_question(double celsius)
    {
        var report = Denied(Nothing(), EmergencyRedFlagsBeforeFever) with { Temperature = Temperature.Celsius((decimal)celsius) };

        Next(report).Ask!.QuestionId.Should().Be(Q.Fever);
    }

    [Fact]
    public void A_skipped_temperature_asks_the_fever_question_next()
    {
        var report = Denied(Nothing(), EmergencyRedFlagsBeforeFever) with { Skipped = [Measurement.Temperature] };

        Next(report).Ask!.QuestionId.Should().Be(Q.Fever);
    }

    [Fact]
    public void The_pain_score_is_asked_after_the_last_red_flag_and_before_the_pain_questions()
    {
        var report = Denied(Nothing(), [.. EmergencyRedFlagsBeforeFever, Q.Fever, .. RedFlagsAfterFever]) with { Skipped = [Measurement.Temperature] };

        Next(report).Ask!.Kind.Should().Be(InterviewItemKind.PainScore);
        Next(report with { PainScore = 3 }).Ask!.QuestionId.Should().Be(Q.PainReturnedAfterImprovement);
    }

    [Fact]
    public void With_no_thermometer_and_no_red_flag_a_pain_that_came_back_settles_at_soon_after_11_questions()
    {
        // 8 months after surgery, no red flag, no thermometer, pain 3 that came back after improving. Before the
        // temperature could be skipped, a missing one stayed "at its highest" and all 18 questions were asked.
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in QuestionCatalogue.RedFlags)
        {
            answers[q.JsonId] = "n";
        }

        answers["temperature"] = "skip";
        answers["painScore"] = "3";
        answers["painReturnedAfterImprovement"] = "y";
        var report = new SymptomReport { SurgeryDate = ReportBuilder.Today.AddMonths(-8), AssessedOn = ReportBuilder.Today };

        var (step, asked) = Drive(report, answers);

        asked.Count(n => n is not "temperature" and not "painScore").Should().Be(11);
        step.StoppedEarly.Should().BeTrue();
        step.Result.Urgency.Should().Be(Urgency.Soon);
        step.Result.RuleIds().Should().Equal("pain-after-improvement");
    }

    [Fact]
    public void A_skipped_pain_score_is_not_a_pain_score_of_10_so_denied_pain_questions_can_settle_early()
    {
        var report = Denied(Nothing(), [.. EmergencyRedFlagsBeforeFever, Q.Fever, .. RedFlagsAfterFever, Q.PainReturnedAfterImprovement, Q.NewOrWorseningPain])
            with
        { Temperature = Temperature.Celsius(36.8m), Skipped = [Measurement.PainScore] };

        // Severe escalating pain needs a pain score: with none, worsening pain is no longer possible, so the rest
        // (instability, radiating pain, tenderness...) still matters: soon or routine or self care.
        Next(report).IsSettled.Should().BeFalse();
        Next(report with { Skipped = [], PainScore = null }).Ask!.Kind.Should().Be(InterviewItemKind.PainScore);
        Next(report.Yes(Q.InstabilityOrMovement)).IsSettled.Should().BeTrue();
        Next(report.Yes(Q.InstabilityOrMovement)).Result.Urgency.Should().Be(Urgency.Soon);
    }

    [Fact]
    public void A_pain_score_not_yet_asked_counts_at_its_highest_so_the_interview_does_not_stop_on_a_worsening_pain()
    {
        // Worsening pain is soon with a low score but urgent with a severe one: the pain score must be asked.
        var report = Denied(Nothing(), [.. EmergencyRedFlagsBeforeFever, Q.Fever, .. RedFlagsAfterFever]) with { Temperature = Temperature.Celsius(36.8m) };

        var step = Next(report.Yes(Q.NewOrWorseningPain));

        step.IsSettled.Should().BeFalse();
        step.Ask!.Kind.Should().Be(InterviewItemKind.PainScore);
    }

    [Fact]
    public void A_temperature_not_yet_asked_counts_as_a_fever_so_a_wound_sign_does_not_settle_at_urgent()
    {
        var report = Denied(Nothing(), EmergencyRedFlagsBeforeFever).Yes(Q.WoundDischarge);

        var step = Next(report);

        step.IsSettled.Should().BeFalse();
        step.Ask!.Kind.Should().Be(InterviewItemKind.Temperature);
    }

    [Fact]
    public void A_dont_know_red_flag_is_kept_apart_from_the_red_flags_not_asked()
    {
        var report = Nothing()
            .With(Q.BladderOrBowelControlLoss, Answer.No)
            .With(Q.SaddleNumbness, Answer.Unknown);
        report = Denied(report, Q.NewOrWorseningLimbWeakness, Q.SuddenSeverePainAfterFallOrInjury, Q.Fever, Q.WoundDischarge, Q.WoundRednessOrSwelling, Q.ChestPainOrBreathlessness)
            with
        { Temperature = Temperature.Celsius(37.0m) };

        // Nothing left can reach emergency, and the unknown saddle numbness already gives urgent.
        var step = Next(report);

        step.IsSettled.Should().BeTrue();
        step.Result.Urgency.Should().Be(Urgency.Urgent);
        step.Result.IsSettled.Should().BeTrue();
        step.Result.UnansweredQuestions.Should().Equal(Q.SaddleNumbness, Q.NewOrWorseningLimbNumbness, Q.CalfPainOrSwelling);
        step.Result.NotAskedQuestions.Should().Equal(Q.NewOrWorseningLimbNumbness, Q.CalfPainOrSwelling);
    }

    [Fact]
    public void Every_item_asked_is_settled_without_stopping_early()
    {
        var report = ReportBuilder.AllRedFlagsDenied() with { Temperature = Temperature.Celsius(36.8m), PainScore = 2, Answers = ReportBuilder.AllRedFlagsDenied().Answers.WithNotGivenAs(Answer.No, QuestionCatalogue.All) };

        var step = Next(report);

        step.IsSettled.Should().BeTrue();
        step.StoppedEarly.Should().BeFalse();
        step.Result.Urgency.Should().Be(Urgency.SelfCare);
        step.Result.IsSettled.Should().BeTrue();
        step.Result.NotAskedQuestions.Should().BeEmpty();
    }

    [Fact]
    public void An_invalid_partial_report_gives_its_errors_and_no_step()
    {
        var outcome = Interview.Next(Nothing() with { PainScore = 12 });

        outcome.IsSuccess.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Path.Should().Be("$.painScore");
    }

    [Fact]
    public void A_measurement_both_given_and_skipped_is_an_error()
    {
        var outcome = Interview.Next(Nothing() with { Temperature = Temperature.Celsius(37.0m), Skipped = [Measurement.PainScore, Measurement.Temperature] });

        outcome.Errors.Should().ContainSingle().Which.Path.Should().Be("$.skipped[1]");
    }

    [Fact]
    public void A_measurement_skipped_twice_is_an_error()
    {
        var outcome = Interview.Next(Nothing() with { Skipped = [Measurement.PainScore, Measurement.PainScore] });

        outcome.Errors.Should().ContainSingle().Which.Message.Should().Contain("listed twice");
    }

    [Fact]
    public void A_fever_threshold_from_the_options_decides_whether_a_temperature_answers_the_fever_question()
    {
        var interview = new TriageInterview(ReportBuilder.EngineV1(new() { FeverThresholdCelsius = 37.5m }));
        var report = Denied(Nothing(), EmergencyRedFlagsBeforeFever) with { Temperature = Temperature.Celsius(37.6m) };

        interview.HasMeasuredFever(report).Should().BeTrue();
        interview.Next(report).GetValueOrThrow().Ask!.QuestionId.Should().Be(Q.WoundDischarge);
        Interview.HasMeasuredFever(report).Should().BeFalse();
    }

    [Fact]
    public void The_engine_argument_is_required()
    {
        var build = () => new TriageInterview(null!);

        build.Should().Throw<ArgumentNullException>();
    }

    // Rule set 2.0 asks only the questions that apply (clinical-criteria-2.0.md section 3); the region and the dates are
    // part of the partial report.
    [Fact]
    public void A_lumbar_patient_six_months_after_surgery_is_asked_nothing_about_the_neck_or_the_first_weeks()
    {
        var asked = WalkTwo(StartTwo(182, SurgeryRegion.Lumbar), out var last);

        asked.Should().NotIntersectWith(NeckQuestions).And.NotIntersectWith(EarlyQuestions);
        asked.Should().Equal(ReportBuilder.QuestionsV2.Select(q => q.Id).Except(NeckQuestions).Except(EarlyQuestions));
        last.Result.Urgency.Should().Be(Urgency.SelfCare);
        last.Result.IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData(SurgeryRegion.Cervical)]
    [InlineData(null)]
    public void When_neck_surgery_is_possible_the_neck_questions_are_asked(SurgeryRegion? region)
    {
        var asked = WalkTwo(StartTwo(182, region), out _);

        asked.Should().Contain(NeckQuestions).And.NotIntersectWith(EarlyQuestions);
        asked.IndexOf(Q.NeckSwellingOrAirway).Should().Be(3, "it is the fourth question of the 2.0 order");
    }

    [Theory]
    [InlineData(42, true)]
    [InlineData(43, false)]
    public void The_early_questions_are_asked_up_to_day_42(int day, bool early)
    {
        var asked = WalkTwo(StartTwo(day, SurgeryRegion.Thoracic), out _);

        asked.Intersect(EarlyQuestions).Should().HaveCount(early ? EarlyQuestions.Length : 0);
    }

    [Fact]
    public void A_neck_question_answered_yes_by_a_lumbar_patient_still_gives_emergency()
    {
        var step = InterviewTwo.Next(StartTwo(182, SurgeryRegion.Lumbar).With(Q.NeckSwellingOrAirway, Answer.Yes)).GetValueOrThrow();

        step.Result.Urgency.Should().Be(Urgency.Emergency);
        step.IsSettled.Should().BeTrue("nothing can raise an emergency");
    }

    private static SymptomReport StartTwo(int day, SurgeryRegion? region) => new()
    {
        SurgeryDate = ReportBuilder.Today.AddDays(-day),
        AssessedOn = ReportBuilder.Today,
        SurgeryRegion = region,
    };

    // Rule set 2.0: answers every question no, a normal temperature and a pain score of 2, until the interview is settled.
    private List<Q> WalkTwo(SymptomReport report, out InterviewStep last)
    {
        var asked = new List<Q>();
        while (true)
        {
            last = InterviewTwo.Next(report).GetValueOrThrow();
            if (last.Ask is not { } item)
            {
                return asked;
            }

            report = item.Kind switch
            {
                InterviewItemKind.Temperature => report with { Temperature = Temperature.Celsius(36.8m) },
                InterviewItemKind.PainScore => report with { PainScore = 2 },
                _ => report.With(item.Question!.Id, Answer.No),
            };
            if (item.Question is { } question)
            {
                asked.Add(question.Id);
            }
        }
    }

    /// <summary>Follows the interview, replying from <paramref name="replies"/> by JSON name (y, n, d, a number, 38.4 C or skip).</summary>
    private (InterviewStep Step, List<string> Asked) Drive(SymptomReport report, Dictionary<string, string> replies)
    {
        var asked = new List<string>();
        while (true)
        {
            var step = Next(report);
            if (step.IsSettled)
            {
                return (step, asked);
            }

            var item = step.Ask;
            asked.Add(item.JsonName);
            var reply = replies.GetValueOrDefault(item.JsonName, "n");
            report = item.Kind switch
            {
                InterviewItemKind.Temperature when reply == "skip" => report with { Skipped = [.. report.Skipped, Measurement.Temperature] },
                InterviewItemKind.Temperature => report with { Temperature = Temperature.Celsius(decimal.Parse(reply, System.Globalization.CultureInfo.InvariantCulture)) },
                InterviewItemKind.PainScore when reply == "skip" => report with { Skipped = [.. report.Skipped, Measurement.PainScore] },
                InterviewItemKind.PainScore => report with { PainScore = int.Parse(reply, System.Globalization.CultureInfo.InvariantCulture) },
                _ => report.With(item.QuestionId!.Value, reply switch { "y" => Answer.Yes, "d" => Answer.Unknown, _ => Answer.No }),
            };
        }
    }
}
