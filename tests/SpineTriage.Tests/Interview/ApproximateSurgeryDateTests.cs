using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Validation;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Interview;

/// <summary>
/// An unknown surgery date as a period (docs/interview.md, "An approximate surgery date"): every question that applies on
/// any day of the period is asked, the decision reads the period's most recent date, and the step says the date was
/// approximate. The periods are the patient page's (docs/page.md), as day counts before the assessment date.
/// </summary>
public class ApproximateSurgeryDateTests
{
    /// <summary>The page's periods: the fewest and the most days since surgery; no most for an open period (1 January 1900, the oldest date the page takes).</summary>
    private static readonly Dictionary<string, (int Fewest, int? Most)> Periods = new(StringComparer.Ordinal)
    {
        ["less than 2 weeks"] = (0, 13),
        ["2 to 6 weeks"] = (14, 42),
        ["6 weeks to 90 days"] = (43, 90),
        ["more than 90 days"] = (91, null),
        ["not sure"] = (0, null),
    };

    private static readonly DateOnly Oldest = new(1900, 1, 1);

    public static TheoryData<string, string> RuleSetsAndPeriods()
    {
        var data = new TheoryData<string, string>();
        foreach (var selector in RuleSets.Selectors)
        {
            foreach (var period in Periods.Keys)
            {
                data.Add(selector, period);
            }
        }

        return data;
    }

    public static TheoryData<string> Selectors() => new(RuleSets.Selectors);

    [Theory]
    [MemberData(nameof(RuleSetsAndPeriods))]
    public void A_period_asks_every_question_asked_on_any_of_its_days_and_no_other(string selector, string period)
    {
        var interview = InterviewOf(selector);
        var (fewest, most) = Periods[period];
        var earliest = most is { } days ? ReportBuilder.Today.AddDays(-days) : Oldest;

        var asked = Walk(interview, Start(fewest), earliest, out var last);

        // The union of the exact dates' interviews, day by day; an open period up to a year past its start (the rule
        // sets' time windows all end by day 90).
        var union = new HashSet<Q>();
        for (var day = fewest; day <= (most ?? fewest + 365); day++)
        {
            union.UnionWith(Walk(interview, Start(day), null, out _));
        }

        asked.Should().BeEquivalentTo(union);
        asked.Should().Equal(interview.Items.Where(i => i.Question is not null && union.Contains(i.Question.Id)).Select(i => i.QuestionId!.Value));
        last.IsSurgeryDateApproximate.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(RuleSetsAndPeriods))]
    public void A_period_is_decided_on_its_most_recent_date(string selector, string period)
    {
        var interview = InterviewOf(selector);
        var (fewest, most) = Periods[period];
        var earliest = most is { } days ? ReportBuilder.Today.AddDays(-days) : Oldest;
        var report = Start(fewest).With(Q.Fever, Answer.Yes);

        var step = interview.Next(report, earliest).GetValueOrThrow();

        var exact = interview.Engine.Evaluate(interview.Engine.Validate(report).Value!);
        step.Result.Urgency.Should().Be(exact.Urgency);
        step.Result.Findings.Select(f => f.RuleId).Should().Equal(exact.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Under_rule_set_2_0_not_sure_asks_the_early_questions_and_the_neck_questions()
    {
        var interview = InterviewOf(RuleSets.V2);

        var asked = Walk(interview, Start(0), Oldest, out _);

        asked.Should().Contain([Q.WoundBleeding, Q.WoundOpening, Q.SpinalFluidLeakSigns, Q.NeckSwellingOrAirway]);
    }

    [Fact]
    public void Under_rule_set_2_0_more_than_90_days_asks_no_early_question()
    {
        var interview = InterviewOf(RuleSets.V2);

        var asked = Walk(interview, Start(91), Oldest, out _);

        asked.Should().NotContain([Q.WoundBleeding, Q.WoundOpening, Q.SpinalFluidLeakSigns, Q.HeadacheWithStiffNeck, Q.PainNotControlled]);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void An_exact_date_is_not_approximate_and_a_one_day_period_asks_as_the_exact_date(string selector)
    {
        var interview = InterviewOf(selector);
        var report = Start(30);

        interview.Next(report).GetValueOrThrow().IsSurgeryDateApproximate.Should().BeFalse();
        Walk(interview, report, report.SurgeryDate, out var last).Should().Equal(Walk(interview, report, null, out _));
        last.IsSurgeryDateApproximate.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void An_earliest_date_after_the_surgery_date_is_refused_with_a_stable_code(string selector)
    {
        var interview = InterviewOf(selector);
        var report = Start(30);

        var outcome = interview.Next(report, report.SurgeryDate.AddDays(1));

        outcome.IsSuccess.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Code == ErrorCodes.DateOrder && e.Path == "$.earliestSurgeryDate");
    }

    private static TriageInterview InterviewOf(string selector) =>
        new(new TriageEngine(TriageEngineOptions.Default with { RuleSet = selector }, TestClock.At(ReportBuilder.Today)));

    private static SymptomReport Start(int day) => new() { SurgeryDate = ReportBuilder.Today.AddDays(-day), AssessedOn = ReportBuilder.Today };

    // Answers every question no, a normal temperature and a pain score of 2, until the interview is settled.
    private static List<Q> Walk(TriageInterview interview, SymptomReport report, DateOnly? earliest, out InterviewStep last)
    {
        var asked = new List<Q>();
        while (true)
        {
            last = (earliest is { } date ? interview.Next(report, date) : interview.Next(report)).GetValueOrThrow();
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
}
