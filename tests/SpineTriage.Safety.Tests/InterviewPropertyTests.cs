using CsCheck;
using FluentAssertions;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.TestSupport;

using static SpineTriage.Safety.Tests.InterviewWalk;
using Patient = SpineTriage.Safety.Tests.InterviewWalk.Patient;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// The interview's stop rule over generated reports: following <see cref="TriageInterview.Next"/> to the end gives the
/// urgency of asking everything, and a settled triage never changes however the questions not asked are answered.
/// </summary>
[Trait("Category", "Safety")]
public class InterviewPropertyTests
{
    private static readonly TriageInterview[] Interviews = ReportGen.Engines.Select(e => new TriageInterview(e)).ToArray();

    /// <summary>A reply to every question: yes, no or "don't know".</summary>
    private static readonly Gen<Answer[]> Replies =
        Gen.Frequency((4, Gen.Const(Answer.No)), (2, Gen.Const(Answer.Yes)), (1, Gen.Const(Answer.Unknown))).Array[QuestionCatalogue.Count];

    /// <summary>What the patient would say to everything: every answer, a temperature or none, a pain score or none.</summary>
    private static readonly Gen<Patient> Patients =
        Gen.Select(Replies, ReportGen.Temperature.Nullable(0.4), ReportGen.PainScore, (answers, temperature, pain) => new Patient(answers, temperature, pain));

    /// <summary>A partial report (any valid report, its absent measurements sometimes skipped) and an interview.</summary>
    private static readonly Gen<(TriageInterview Interview, SymptomReport Partial)> Partials =
        Gen.Select(Gen.OneOf(Interviews), ReportGen.Valid, Gen.Bool, Gen.Bool, (interview, report, skipTemperature, skipPain) =>
            (interview, report with
            {
                Skipped = [.. Skip(Measurement.Temperature, skipTemperature && report.Temperature is null), .. Skip(Measurement.PainScore, skipPain && report.PainScore is null)],
            }));

    [Fact]
    public void Following_the_interview_to_the_end_from_any_answers_gives_the_urgency_of_asking_every_question()
    {
        Gen.Select(Partials, Patients).Sample(
            (sample, patient) =>
            {
                var (interview, partial) = sample;
                var (step, asked, _) = Follow(interview, partial, patient);

                var everything = Complete(partial, patient);
                step.Result.Urgency.Should().Be(interview.Engine.Evaluate(everything).Urgency, "the interview asked {0}", string.Join(", ", asked));
                step.Result.IsSettled.Should().BeTrue("the interview ended");
                asked.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            },
            iter: PropertyRuns.Scaled(1_500),
            print: s => $"{Print(s.Item1)} patient {s.Item2}");
    }

    [Fact]
    public void A_settled_interview_never_changes_urgency_however_the_items_not_asked_are_answered()
    {
        var settled = 0;
        Gen.Select(Partials, Patients.Array[4], Gen.Int[0, 20]).Sample(
            (sample, patients, steps) =>
            {
                var (interview, partial) = sample;

                // Walk part of the way with the first patient, so the partial reports are those an interview makes.
                partial = Follow(interview, partial, patients[0], steps).Partial;
                var step = interview.Next(partial).GetValueOrThrow();
                if (!step.IsSettled)
                {
                    return;
                }

                Interlocked.Increment(ref settled);
                foreach (var patient in patients)
                {
                    var completed = Complete(partial, patient);
                    interview.Engine.Evaluate(completed).Urgency.Should().Be(step.Result.Urgency, "settled at {0}, then {1}", step.Result.Urgency, ReportGen.Print(completed));
                }
            },
            iter: PropertyRuns.Scaled(1_500),
            print: s => $"{Print(s.Item1)} after {s.Item3} steps, patients {string.Join(" / ", s.Item2.AsEnumerable())}");

        // The property says something only about settled interviews: enough of the samples must be settled.
        settled.Should().BeGreaterThan(PropertyRuns.Scaled(1_500) / 4);
    }

    [Fact]
    public void A_settled_result_never_changes_urgency_however_its_absent_questions_are_answered()
    {
        var settledWithQuestionsAbsent = 0;
        Gen.Select(ReportGen.WithEngine, Replies.Array[3]).Sample(
            (sample, replies) =>
            {
                var (engine, report) = sample;
                var result = engine.Evaluate(report);
                if (!result.IsSettled)
                {
                    return;
                }

                if (report.Answers.Count < QuestionCatalogue.Count)
                {
                    Interlocked.Increment(ref settledWithQuestionsAbsent);
                }

                foreach (var reply in replies)
                {
                    var completed = report with { Answers = Fill(report.Answers, reply) };
                    engine.Evaluate(completed).Urgency.Should().Be(result.Urgency, "settled, then {0}", ReportGen.Print(completed));
                }
            },
            iter: PropertyRuns.Scaled(3_000),
            print: s => ReportGen.Print(s.Item1));

        settledWithQuestionsAbsent.Should().BeGreaterThan(PropertyRuns.Scaled(3_000) / 20);
    }

    [Fact]
    public void The_interview_never_settles_while_a_red_flag_not_asked_could_raise_the_urgency()
    {
        var settledWithRedFlagsNotAsked = 0;
        Gen.Select(Partials, Patients, Gen.Int[0, 20]).Sample(
            (sample, patient, steps) =>
            {
                var (interview, partial) = sample;
                partial = Follow(interview, partial, patient, steps).Partial;
                var step = interview.Next(partial).GetValueOrThrow();
                if (!step.IsSettled)
                {
                    return;
                }

                if (ReportGen.RedFlags.Any(q => !partial.Answers.IsGiven(q)))
                {
                    Interlocked.Increment(ref settledWithRedFlagsNotAsked);
                }

                foreach (var redFlag in ReportGen.RedFlags.Where(q => !partial.Answers.IsGiven(q)))
                {
                    var raised = interview.Engine.Evaluate(partial with { Answers = partial.Answers.With(redFlag, Answer.Yes) }).Urgency;
                    raised.Should().Be(step.Result.Urgency, "{0} was not asked", redFlag);
                }

                step.Result.NotAskedQuestions.Where(partial.Answers.IsGiven).Should().BeEmpty();
                step.Result.NotAskedQuestions.Should().BeSubsetOf(step.Result.UnansweredQuestions);
            },
            iter: PropertyRuns.Scaled(1_500),
            print: s => $"{Print(s.Item1)} after {s.Item3} steps");

        settledWithRedFlagsNotAsked.Should().BeGreaterThan(PropertyRuns.Scaled(1_500) / 20);
    }

    private static AnswerSet Fill(AnswerSet answers, Answer[] replies) =>
        ReportGen.Questions.Where(q => !answers.IsGiven(q)).Aggregate(answers, (set, q) => set.With(q, replies[(int)q]));

    /// <summary>The partial report with every item not yet asked answered as the patient would.</summary>
    private static SymptomReport Complete(SymptomReport partial, Patient patient) => partial with
    {
        Answers = Fill(partial.Answers, patient.Answers),
        Temperature = partial.Temperature ?? (partial.IsSkipped(Measurement.Temperature) ? null : patient.Temperature),
        PainScore = partial.PainScore ?? (partial.IsSkipped(Measurement.PainScore) ? null : patient.PainScore),
    };
}
