using CsCheck;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Testing;
using SpineTriage.TestSupport;
using SpineTriage.TestSupport.Doubles;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// <see cref="ITriageEngine"/> is a seam: the interview, the audit record and the case runner take the interface, a test
/// double can return results and validated reports, and no real engine evaluates a report it did not validate.
/// </summary>
public class EngineSeamTests
{
    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_real_engine_refuses_a_report_made_for_a_test_double(string selector)
    {
        var engine = ShippedRuleSet.For(selector).Engine;
        var report = ValidatedReport.ForTestDouble(ReportBuilder.AllRedFlagsDenied(), ReportBuilder.Today);

        report.IsTestDouble.Should().BeTrue();
        engine.Validate(ReportBuilder.AllRedFlagsDenied()).GetValueOrThrow().IsTestDouble.Should().BeFalse();
        var evaluate = () => engine.Evaluate(report);
        evaluate.Should().Throw<ArgumentException>().WithMessage("*ForTestDouble*");
        var highest = () => engine.HighestReachableUrgency(report);
        highest.Should().Throw<ArgumentException>();
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void An_interview_over_a_test_double_that_never_changes_its_urgency_stops_at_once_with_the_double_s_result(string selector)
    {
        var like = ShippedRuleSet.For(selector).Engine;
        var fake = new EngineDouble(like, report => EngineDouble.Result(like, Urgency.Soon, report));

        var step = new TriageInterview(fake).Next(new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today }).GetValueOrThrow();

        step.IsSettled.Should().BeTrue();
        step.StoppedEarly.Should().BeTrue();
        step.Result.Urgency.Should().Be(Urgency.Soon);
        fake.Evaluations.Should().Be(3, "the report, then the report completed with every open question yes and with every one no");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void An_interview_over_a_test_double_that_a_yes_raises_asks_until_every_applicable_question_is_answered(string selector)
    {
        var like = ShippedRuleSet.For(selector).Engine;
        var fake = new EngineDouble(like, report => EngineDouble.Result(like, report.Answers.Any(a => a.Value == Answer.Yes) ? Urgency.Urgent : Urgency.SelfCare, report));
        var interview = new TriageInterview(fake);
        var partial = new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today, Temperature = Temperature.Celsius(36.8m), PainScore = 2 };

        var asked = new List<QuestionId>();
        var step = interview.Next(partial).GetValueOrThrow();
        while (step.Ask is { QuestionId: { } question })
        {
            asked.Add(question);
            partial = partial.With(question, Answer.No);
            step = interview.Next(partial).GetValueOrThrow();
        }

        step.IsSettled.Should().BeTrue();
        step.Result.Urgency.Should().Be(Urgency.SelfCare);
        var applicable = like.RuleSet.Applicability(like.Validate(partial).GetValueOrThrow()).Where(a => a.Applies).Select(a => a.Question);
        asked.Should().BeEquivalentTo(applicable, "a yes to any open question could still raise the double's urgency");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void The_errors_of_a_test_double_reach_the_interview_and_the_case_runner(string selector)
    {
        var like = ShippedRuleSet.For(selector).Engine;
        var error = new ValidationError("$.surgeryDate", ErrorCodes.FutureDate, "as the test decides");
        var fake = new EngineDouble(like, _ => throw new InvalidOperationException("not evaluated"), [error]);

        new TriageInterview(fake).Next(ReportBuilder.AllRedFlagsDenied()).Errors.Should().Equal(error);
        var check = new TriageCase { Name = "double", ReportJson = "{\"surgeryDate\":\"2026-09-01\"}", ExpectInvalid = true, RuleSet = selector }.Check(fake);
        check.Passed.Should().BeTrue(string.Join("; ", check.Failures));
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void An_audit_record_and_a_case_check_take_a_test_double_s_result(string selector)
    {
        var like = ShippedRuleSet.For(selector).Engine;
        var fake = new EngineDouble(like, report => EngineDouble.Result(like, Urgency.Emergency, report));
        var report = fake.Validate(ReportBuilder.AllRedFlagsDenied()).GetValueOrThrow();

        var record = AuditRecord.Create(fake, report, fake.Evaluate(report));
        record.Urgency.Should().Be(Urgency.Emergency);
        record.RuleSet.Should().Be(like.RuleSet.Identity);
        record.Time.Should().Be(like.TimeProvider.GetUtcNow());

        var check = new TriageCase { Name = "double", ReportJson = "{\"surgeryDate\":\"2026-09-01\"}", ExpectedUrgency = Urgency.Emergency, RuleSet = selector }.Check(fake);
        check.Passed.Should().BeTrue(string.Join("; ", check.Failures));
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void An_interview_through_a_wrapper_that_changes_nothing_asks_and_decides_as_over_the_engine_itself(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        var wrapped = ruleSet.Engines.Select(e => (Direct: new TriageInterview(e), Wrapped: new TriageInterview(EngineWrapper.PassThrough(e)))).ToArray();
        Gen.Select(Gen.Int[0, wrapped.Length - 1], ruleSet.Valid, Gen.Int[0, 40]).Sample(
            sample =>
            {
                var (index, full, drop) = sample;
                var (direct, viaWrapper) = wrapped[index];
                var partial = full with
                {
                    Answers = AnswerSet.From(full.Answers.Skip(drop % Math.Max(1, full.Answers.Count))),
                    Temperature = drop % 3 == 0 ? null : full.Temperature,
                    PainScore = drop % 4 == 0 ? null : full.PainScore,
                };
                var expected = direct.Next(partial).GetValueOrThrow();
                var actual = viaWrapper.Next(partial).GetValueOrThrow();
                actual.Ask?.Order.Should().Be(expected.Ask?.Order);
                (actual.Ask is null).Should().Be(expected.Ask is null);
                actual.StoppedEarly.Should().Be(expected.StoppedEarly);
                actual.RemainingAtMost.Should().Be(expected.RemainingAtMost);
                actual.Result.Should().BeEquivalentTo(expected.Result);
            },
            iter: PropertyRuns.Scaled(300),
            print: sample => ReportGen.Print(sample.Item2));
    }
}
