using System.Globalization;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// The interview under rule set 2.0: the region is asked in the preamble, unnumbered, after the dates, and only the
/// questions that apply to the patient are asked, numbered among themselves.
/// </summary>
public class InteractiveRuleSetTwoTests
{
    private const string NeckPrompt = "Did your operation include any part of your neck? (y = yes, n = no, blank = not known)";

    private const string BackPrompt = "Which part of your back was operated on? (u = upper or middle back, l = lower back, b = base of the spine; blank = not known)";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private static readonly RuleSet Two = new TriageEngine().RuleSet;

    private static readonly QuestionId[] NeckQuestions = [QuestionId.NeckSwellingOrAirway, QuestionId.NewSwallowingDifficulty];

    private static readonly QuestionId[] EarlyQuestions =
        [QuestionId.HeadacheWithStiffNeck, QuestionId.SpinalFluidLeakSigns, QuestionId.WoundBleeding, QuestionId.WoundOpening, QuestionId.PainNotControlled];

    [Fact]
    public void The_region_is_asked_unnumbered_after_the_two_dates_and_before_the_first_question()
    {
        var run = Interview([], DaysAgo(10), "", "y", "y");

        var lines = run.OutputLines;
        var neck = Array.IndexOf(lines, NeckPrompt);
        neck.Should().BeGreaterThan(0);
        lines[..neck].Should().Contain(l => l.StartsWith("On what date are the symptoms assessed?", StringComparison.Ordinal));
        lines[neck + 1].Should().Be("> y");
        lines[neck + 2].Should().StartWith("[1/27 RF] " + Text(QuestionId.BladderOrBowelControlLoss));
    }

    [Fact]
    public void A_lumbar_patient_six_months_after_surgery_is_asked_nothing_about_the_neck_or_the_first_weeks()
    {
        var run = Interview([], [DaysAgo(183), "", "n", "l", .. AllNo(SurgeryRegion.Lumbar, 183)]);

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines.Should().Contain(NeckPrompt).And.Contain(BackPrompt);
        var asked = Prompts(run);
        asked.Should().HaveCount(20);
        foreach (var question in NeckQuestions.Concat(EarlyQuestions))
        {
            asked.Should().NotContain(p => p.Contains(Text(question), StringComparison.Ordinal), question.ToString());
        }

        asked.Select((p, i) => p.StartsWith(string.Create(CultureInfo.InvariantCulture, $"[{i + 1}/20"), StringComparison.Ordinal)).Should().OnlyContain(b => b);
        run.Output.Should().Contain("SELF CARE (code 1)").And.NotContain("Red-flag questions not answered");
    }

    [Fact]
    public void Region_not_known_keeps_the_neck_questions_and_a_blank_after_no_keeps_them_too()
    {
        var notKnown = Interview([], [DaysAgo(183), "", "", .. AllNo(null, 183)]);
        var backNotKnown = Interview([], [DaysAgo(183), "", "n", "", .. AllNo(null, 183)]);

        foreach (var run in new[] { notKnown, backNotKnown })
        {
            run.ExitCode.Should().Be(0, run.Error);
            var asked = Prompts(run);
            asked.Should().HaveCount(22, "27 questions less the five of the early period");
            asked.Should().Contain(p => p.Contains(Text(QuestionId.NeckSwellingOrAirway), StringComparison.Ordinal))
                .And.Contain(p => p.Contains(Text(QuestionId.NewSwallowingDifficulty), StringComparison.Ordinal));
            run.Output.Should().Contain("SELF CARE (code 1)");
        }
    }

    [Fact]
    public void A_cervical_patient_on_day_10_answering_no_to_everything_is_asked_all_27_questions_in_the_2_0_order()
    {
        var run = Interview(["interactive"], [DaysAgo(10), "", "y", .. AllNo(SurgeryRegion.Cervical, 10)]);

        run.ExitCode.Should().Be(0, run.Error);
        var asked = Prompts(run);
        asked.Should().HaveCount(27);
        asked.Zip(Two.Questions).Should().OnlyContain(p => p.First.Contains(p.Second.Text, StringComparison.Ordinal));
        asked.Select((p, i) => p.StartsWith(string.Create(CultureInfo.InvariantCulture, $"[{i + 1}/27{(Two.Questions[i].IsRedFlag ? " RF]" : "]")}"), StringComparison.Ordinal))
            .Should().OnlyContain(b => b);
        run.Output.Should().Contain("SELF CARE (code 1)").And.Contain("Care advice:");
    }

    [Fact]
    public void A_cervical_patient_saying_yes_to_the_neck_swelling_question_gets_emergency_at_once()
    {
        var run = Interview([], [DaysAgo(10), "", "y", "n", "n", "n", "y"]);

        run.ExitCode.Should().Be(0);
        Prompts(run)[^1].Should().Contain(Text(QuestionId.NeckSwellingOrAirway));
        run.Output.Should().Contain("EMERGENCY (code 5)").And.Contain("rule neck-swelling-or-airway");
    }

    [Theory]
    [InlineData("u", "thoracic")]
    [InlineData("lower back", "lumbar")]
    [InlineData("b", "sacral")]
    public void The_part_of_the_back_is_recorded_as_given_and_the_neck_questions_do_not_apply(string reply, string region)
    {
        var run = Interview([], [DaysAgo(183), "", "no", reply, .. AllNo(SurgeryRegion.Lumbar, 183)]);

        run.ExitCode.Should().Be(0, $"{region}: {run.Error}");
        Prompts(run).Should().HaveCount(20, region);
    }

    [Fact]
    public void A_region_reply_not_understood_is_asked_again()
    {
        var run = Interview([], [DaysAgo(183), "", "maybe", "n", "legs", "l", .. AllNo(SurgeryRegion.Lumbar, 183)]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Not understood: Please answer y = yes, n = no, blank = not known.");
        run.Output.Should().Contain("Not understood: Please answer u = upper or middle back, l = lower back, b = base of the spine; blank = not known.");
        run.OutputLines.Count(l => l == NeckPrompt).Should().Be(2);
        run.OutputLines.Count(l => l == BackPrompt).Should().Be(2);
        Prompts(run).Should().HaveCount(20);
    }

    [Fact]
    public void Rule_set_1_0_asks_no_region_and_numbers_its_18_questions()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], DaysAgo(183), "", "y");

        run.ExitCode.Should().Be(0);
        run.Output.Should().NotContain("neck?");
        Prompts(run).Should().ContainSingle().Which.Should().StartWith("[1/18 RF] ");
    }

    /// <summary>
    /// "No" to every question that applies to a patient of the region and day, in the 2.0 asking order, with a normal
    /// temperature just before the fever question and a pain score of 2 after the red flags (as the library asks them).
    /// </summary>
    private static string[] AllNo(SurgeryRegion? region, int days)
    {
        var replies = new List<string>();
        var painAsked = false;
        foreach (var question in Two.Questions.Where(q => Two.Applicability(q.Id, region, days).Applies))
        {
            if (question.Id == QuestionId.Fever)
            {
                replies.Add("36.8 C");
            }

            if (!question.IsRedFlag && !painAsked)
            {
                replies.Add("2");
                painAsked = true;
            }

            replies.Add("n");
        }

        return [.. replies];
    }

    private static string Text(QuestionId id) => Two.Questions.Single(q => q.Id == id).Text;

    private static string DaysAgo(int days) => Today.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static HostRun Interview(string[] args, params string[] replies) =>
        Run(args, string.Concat(replies.Select(r => r + "\n")));

    /// <summary>The catalogue questions asked, in order: the prompts numbered like <c>[5/27 RF]</c>.</summary>
    private static List<string> Prompts(HostRun run) => run.OutputLines.Where(l => l.StartsWith('[')).ToList();
}
