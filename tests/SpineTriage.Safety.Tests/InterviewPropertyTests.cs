using CsCheck;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.TestSupport;

using static SpineTriage.Safety.Tests.InterviewWalk;
using Patient = SpineTriage.Safety.Tests.InterviewWalk.Patient;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// The interview's stop rule over generated reports of every shipped rule set (regions cervical, other and not given;
/// days anywhere and around 42/43 and 90/91) and engines at the edges of the thresholds: following
/// <see cref="TriageInterview.Next(SymptomReport)"/> to the end gives the urgency of asking every applicable question; a settled triage
/// keeps its urgency however the rest is answered (the questions that apply in any way, those that do not apply no,
/// "don't know" or not at all); it never settles while an applicable red flag that could raise the urgency is unasked; it
/// never asks a question that does not apply. Under rule set 1.0 every question applies.
/// </summary>
/// <remarks>
/// Reading (clinical-notes.md, rule set 2.0, reading 13): "settled" is a promise about the questions the interview would
/// ask. A yes to a question that does not apply is the patient volunteering a sign; it counts in full (reading 2, property
/// 6), so it can raise a settled urgency, and the integrator must triage the report again with it. The settled property
/// therefore completes questions that do not apply with no or "don't know" only; the volunteered yes has its own test.
/// </remarks>
[Trait("Category", "Safety")]
public class InterviewPropertyTests
{
    /// <summary>The questions of the shipped rule sets, whose place here is the place of their reply in <see cref="Replies"/>.</summary>
    private static readonly QuestionId[] Questions = [.. QuestionId.WellKnown];

    /// <summary>A reply to every question of any shipped rule set, by its place in <see cref="Questions"/>: yes, no or "don't know".</summary>
    private static readonly Gen<Answer[]> Replies =
        Gen.Frequency((4, Gen.Const(Answer.No)), (2, Gen.Const(Answer.Yes)), (1, Gen.Const(Answer.Unknown))).Array[Questions.Length];

    private static readonly Gen<Patient> Patients =
        Gen.Select(Replies, ReportGen.Temperature.Nullable(0.4), ReportGen.PainScore, (answers, temperature, pain) => new Patient(answers, temperature, pain));

    /// <summary>A partial report of the rule set (its absent measurements sometimes skipped) and an interview of it.</summary>
    private static Gen<(TriageInterview Interview, SymptomReport Partial)> Partials(ShippedRuleSet ruleSet) =>
        Gen.Select(Gen.OneOf(ruleSet.Engines.Select(e => new TriageInterview(e)).ToArray()), ruleSet.Valid, Gen.Bool, Gen.Bool, (interview, report, skipTemperature, skipPain) =>
            (interview, report with
            {
                Skipped = [.. Skip(Measurement.Temperature, skipTemperature && report.Temperature is null), .. Skip(Measurement.PainScore, skipPain && report.PainScore is null)],
            }));

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Following_the_interview_to_the_end_gives_the_urgency_of_asking_every_applicable_question_and_asks_none_that_does_not_apply(string selector)
    {
        Gen.Select(Partials(ShippedRuleSet.For(selector)), Patients).Sample(
            (sample, patient) =>
            {
                var (interview, partial) = sample;
                var (step, asked, _) = Follow(interview, partial, patient);

                var everything = Complete(ShippedRuleSet.For(selector), interview.Engine, partial, patient, inapplicable: null);
                step.Result.Urgency.Should().Be(interview.Engine.Evaluate(everything).Urgency, "the interview asked {0}", string.Join(", ", asked));
                step.Result.IsSettled.Should().BeTrue("the interview ended");
                asked.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            },
            iter: PropertyRuns.Scaled(1_500),
            print: s => $"{Print(s.Item1)} patient {s.Item2}");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_settled_interview_never_changes_urgency_however_the_rest_is_answered_with_inapplicable_questions_no_unknown_or_absent(string selector)
    {
        var settled = 0;
        var settledWithInapplicable = 0;
        var anyInapplicable = 0;
        Gen.Select(Partials(ShippedRuleSet.For(selector)), Patients.Array[4], Gen.Int[0, 30]).Sample(
            (sample, patients, steps) =>
            {
                var (interview, partial) = sample;
                if (ShippedRuleSet.For(selector).Questions.Any(q => !Applies(interview.Engine, partial, q)))
                {
                    Interlocked.Increment(ref anyInapplicable);
                }

                partial = Follow(interview, partial, patients[0], steps).Partial;
                var step = interview.Next(partial).GetValueOrThrow();
                if (!step.IsSettled)
                {
                    return;
                }

                Interlocked.Increment(ref settled);
                if (ShippedRuleSet.For(selector).Questions.Any(q => !Applies(interview.Engine, partial, q) && !partial.Answers.IsGiven(q)))
                {
                    Interlocked.Increment(ref settledWithInapplicable);
                }

                foreach (var patient in patients)
                {
                    // The questions that do not apply: the patient's no or "don't know" (a yes is volunteered: its own test), or not at all.
                    foreach (var inapplicable in new Func<Answer, Answer?>[] { a => a == Answer.Yes ? Answer.No : a, _ => null, _ => Answer.Unknown })
                    {
                        var completed = Complete(ShippedRuleSet.For(selector), interview.Engine, partial, patient, inapplicable);
                        interview.Engine.Evaluate(completed).Urgency.Should().Be(step.Result.Urgency, "settled at {0}, then {1}", step.Result.Urgency, ReportGen.Print(completed));
                    }
                }
            },
            iter: PropertyRuns.Scaled(1_500),
            print: s => $"{Print(s.Item1)} after {s.Item3} steps, patients {string.Join(" / ", s.Item2.AsEnumerable())}");

        settled.Should().BeGreaterThan(PropertyRuns.Scaled(1_500) / 4);
        if (anyInapplicable > 0)
        {
            // A rule set with questions that do not apply to some reports (2.0's neck and early-period questions).
            settledWithInapplicable.Should().BeGreaterThan(PropertyRuns.Scaled(1_500) / 20, "settled interviews with questions that do not apply left unasked");
        }
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_settled_result_never_changes_urgency_however_its_absent_applicable_questions_are_answered(string selector)
    {
        var settledWithQuestionsAbsent = 0;
        Gen.Select(ShippedRuleSet.For(selector).WithEngine, Replies.Array[3]).Sample(
            (sample, replies) =>
            {
                var (engine, report) = sample;
                var result = engine.Evaluate(report);
                if (!result.IsSettled)
                {
                    return;
                }

                if (ShippedRuleSet.For(selector).Questions.Any(q => !report.Answers.IsGiven(q) && Applies(engine, report, q)))
                {
                    Interlocked.Increment(ref settledWithQuestionsAbsent);
                }

                foreach (var reply in replies)
                {
                    var completed = report with { Answers = Fill(ShippedRuleSet.For(selector), engine, report, reply, a => a == Answer.Yes ? Answer.No : a) };
                    engine.Evaluate(completed).Urgency.Should().Be(result.Urgency, "settled, then {0}", ReportGen.Print(completed));
                }
            },
            iter: PropertyRuns.Scaled(3_000),
            print: s => ReportGen.Print(s.Item1));

        settledWithQuestionsAbsent.Should().BeGreaterThan(PropertyRuns.Scaled(3_000) / 20);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void The_interview_never_settles_while_an_applicable_red_flag_not_asked_could_raise_the_urgency(string selector)
    {
        var settledWithRedFlagsNotAsked = 0;
        Gen.Select(Partials(ShippedRuleSet.For(selector)), Patients, Gen.Int[0, 30]).Sample(
            (sample, patient, steps) =>
            {
                var (interview, partial) = sample;
                partial = Follow(interview, partial, patient, steps).Partial;
                var step = interview.Next(partial).GetValueOrThrow();
                if (!step.IsSettled)
                {
                    return;
                }

                var redFlagsNotAsked = ShippedRuleSet.For(selector).Questions
                    .Where(q => !partial.Answers.IsGiven(q) && ShippedRuleSet.Applicability(interview.Engine, partial, q) is { Applies: true, IsRedFlag: true })
                    .ToArray();
                if (redFlagsNotAsked.Length > 0)
                {
                    Interlocked.Increment(ref settledWithRedFlagsNotAsked);
                }

                foreach (var redFlag in redFlagsNotAsked)
                {
                    var raised = interview.Engine.Evaluate(partial with { Answers = partial.Answers.With(redFlag, Answer.Yes) }).Urgency;
                    raised.Should().Be(step.Result.Urgency, "{0} applies and was not asked", redFlag);
                }

                step.Result.NotAskedQuestions.Where(partial.Answers.IsGiven).Should().BeEmpty();
                step.Result.NotAskedQuestions.Should().BeSubsetOf(step.Result.UnansweredQuestions);
                step.Result.NotAskedQuestions.Where(q => !Applies(interview.Engine, partial, q)).Should().BeEmpty("a question that does not apply is never listed as not asked");
            },
            iter: PropertyRuns.Scaled(1_500),
            print: s => $"{Print(s.Item1)} after {s.Item3} steps");

        settledWithRedFlagsNotAsked.Should().BeGreaterThan(PropertyRuns.Scaled(1_500) / 20);
    }

    [Fact]
    public void A_settled_interview_is_no_promise_against_a_volunteered_yes_to_a_question_that_does_not_apply()
    {
        // A lumbar patient 200 days after surgery with every applicable question answered no: settled at self care,
        // the neck questions never asked. Volunteering that the neck is swelling and breathing is hard is heard in full.
        var engine = ReportGen.EngineV2;
        var interview = new TriageInterview(engine);
        var partial = new SymptomReport
        {
            SurgeryDate = ReportBuilder.Today.AddDays(-200),
            AssessedOn = ReportBuilder.Today,
            SurgeryRegion = SurgeryRegion.Lumbar,
            Skipped = [Measurement.Temperature, Measurement.PainScore],
        };
        partial = partial with
        {
            Answers = AnswerSet.From(engine.RuleSet.Questions.Where(q => Applies(engine, partial, q.Id)).Select(q => KeyValuePair.Create(q.Id, Answer.No))),
        };

        var step = interview.Next(partial).GetValueOrThrow();
        step.IsSettled.Should().BeTrue();
        step.Result.Urgency.Should().Be(Results.Urgency.SelfCare);
        partial.Answers.IsGiven(QuestionId.NeckSwellingOrAirway).Should().BeFalse("it does not apply, so it was not asked");

        var volunteered = interview.Next(partial.With(QuestionId.NeckSwellingOrAirway, Answer.Yes)).GetValueOrThrow();

        volunteered.Result.Urgency.Should().Be(Results.Urgency.Emergency);
        volunteered.IsSettled.Should().BeTrue();
    }

    /// <summary>
    /// The absent questions answered by <paramref name="replies"/>: those that apply as given, those that do not apply
    /// as <paramref name="inapplicable"/> makes the reply (<see langword="null"/>: left absent); with no
    /// <paramref name="inapplicable"/> at all, those that do not apply stay absent.
    /// </summary>
    private static AnswerSet Fill(ShippedRuleSet ruleSet, ITriageEngine engine, SymptomReport report, Answer[] replies, Func<Answer, Answer?>? inapplicable)
    {
        var answers = report.Answers;
        foreach (var question in ruleSet.Questions.Where(q => !report.Answers.IsGiven(q)))
        {
            var given = replies[Array.IndexOf(Questions, question)];
            var reply = Applies(engine, report, question) ? given : inapplicable?.Invoke(given);
            answers = reply is { } answer ? answers.With(question, answer) : answers;
        }

        return answers;
    }

    /// <summary>The partial report with every item not yet asked answered as the patient would (see <see cref="Fill"/>).</summary>
    private static SymptomReport Complete(ShippedRuleSet ruleSet, ITriageEngine engine, SymptomReport partial, Patient patient, Func<Answer, Answer?>? inapplicable) => partial with
    {
        Answers = Fill(ruleSet, engine, partial, patient.Answers, inapplicable),
        Temperature = partial.Temperature ?? (partial.IsSkipped(Measurement.Temperature) ? null : patient.Temperature),
        PainScore = partial.PainScore ?? (partial.IsSkipped(Measurement.PainScore) ? null : patient.PainScore),
    };
}
