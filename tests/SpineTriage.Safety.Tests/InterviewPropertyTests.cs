using FluentAssertions;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.TestSupport;

using static SpineTriage.Safety.Tests.InterviewWalk;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// The interview's stop rule beyond the safety properties every rule set keeps (following the interview, settled
/// interviews and results, red flags not asked: the library's <see cref="Verification.RuleSetVerifier"/>, run on every
/// shipped rule set by <see cref="RuleSetVerifierTests"/>).
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

}
