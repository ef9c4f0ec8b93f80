using System.Globalization;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.TestSupport;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>The interview with scripted replies: redirected input and output give plain text, one reply per line.</summary>
public class InteractiveTests
{
    private static readonly string[] FirstFourRedFlagsDenied = ["n", "n", "n", "n"];

    private static readonly string[] LastRedFlagsDenied = ["n", "n", "n", "n", "n", "n"];

    private static string SurgeryDate => Iso(Today.AddDays(-30));

    [Fact]
    public void Without_a_command_a_yes_to_bladder_or_bowel_control_loss_stops_at_once_with_emergency()
    {
        var run = Interview([], SurgeryDate, "", "", "y");

        run.ExitCode.Should().Be(0);
        Prompts(run).Should().ContainSingle().Which.Should().Contain(new TriageEngine(timeProvider: TestClock.At(ReportBuilder.Today)).RuleSet.Questions[0].Lead);
        run.Output.Should().Contain("No further answer can change the urgency (EMERGENCY)");
        run.Output.Should().Contain("EMERGENCY (code 5): now").And.Contain("Call 911 for an ambulance now");
        run.Output.Should().Contain("Evidence: bladderOrBowelControlLoss: yes");
    }

    [Fact]
    public void Self_care_interview_asks_every_question_in_asking_order_and_ends_with_advice_and_safety_net()
    {
        var run = Interview(
            ["interactive", "--rule-set", "1.0"],
            [SurgeryDate, "", .. FirstFourRedFlagsDenied, "36.9 C", .. LastRedFlagsDenied, "2", "n", "n", "n", "n", "n", "n", "n", "n"]);

        run.ExitCode.Should().Be(0);
        Prompts(run).Should().HaveCount(QuestionCatalogue.Count);
        Prompts(run).Zip(QuestionCatalogue.All).Should().OnlyContain(p => p.First.Contains(p.Second.Lead, StringComparison.Ordinal));
        run.Output.Should().NotContain("No further answer can change the urgency");
        run.Output.Should().ContainAll("SELF CARE (code 1)", "rule expected-recovery", "Care advice:", "Safety net:", "Get emergency care at once if any of these happens:");
    }

    [Fact]
    public void Answer_not_understood_is_asked_again()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], SurgeryDate, "", "maybe", "yes");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Not understood: Please answer y = yes, n = no, d = don't know.");
        Prompts(run).Should().HaveCount(2).And.OnlyContain(p => p.Contains(QuestionCatalogue.Get(QuestionId.BladderOrBowelControlLoss).Lead, StringComparison.Ordinal));
        run.Output.Should().Contain("EMERGENCY (code 5)");
    }

    [Fact]
    public void Five_replies_not_understood_in_a_row_stop_the_interview_with_exit_2()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], SurgeryDate, "", "1", "2", "3", "4", "5", "y");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("5 replies in a row were not understood");
        run.Output.Should().NotContain("EMERGENCY");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void End_of_input_in_the_middle_of_the_interview_exits_2_with_a_message()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], SurgeryDate, "", "n", "n");

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("The input ended before the interview was complete");
        run.Output.Should().NotContain("(code ");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Empty_input_exits_2_with_a_message()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("The input ended before the interview was complete");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Dont_know_is_kept_as_an_unknown_answer_and_keeps_the_urgency_at_urgent()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", "n", "don't know", "n", "n", "37.0 C", "n", "n", "n", "n"]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().ContainAll("URGENT (code 4)", "rule unresolved-red-flag", "saddleNumbness: unknown");
    }

    [Fact]
    public void Measured_fahrenheit_fever_answers_the_fever_question_and_with_wound_discharge_is_an_emergency()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", .. FirstFourRedFlagsDenied, "100.9 F", "y"]);

        run.ExitCode.Should().Be(0);
        Prompts(run).Should().NotContain(p => p.Contains(QuestionCatalogue.Get(QuestionId.Fever).Lead, StringComparison.Ordinal));
        Prompts(run).Last().Should().Contain(QuestionCatalogue.Get(QuestionId.WoundDischarge).Lead);
        run.Output.Should().ContainAll("EMERGENCY (code 5)", "rule infection-with-fever", "temperature: 100.9 °F (38.3 °C)");
        run.Output.Should().NotContain("Warnings:");
    }

    [Fact]
    public void A_measured_38_6_is_never_followed_by_the_fever_question_so_no_contradiction_can_arise()
    {
        // Fever is present; once the wound and chest questions are denied nothing left can reach emergency.
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", .. FirstFourRedFlagsDenied, "38.6 C", "n", "n", "n"]);

        run.ExitCode.Should().Be(0);
        Prompts(run).Should().HaveCount(7).And.NotContain(p => p.StartsWith("[5/", StringComparison.Ordinal));
        run.Output.Should().ContainAll("No further answer can change the urgency (URGENT)", "rule fever", "temperature: 38.6 °C").And.NotContain("Warnings:");
    }

    [Theory]
    [InlineData("n")]
    [InlineData("no")]
    [InlineData("None")]
    [InlineData("")]
    public void No_or_none_or_blank_at_the_temperature_prompt_means_not_measured_and_the_fever_question_follows(string reply)
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", .. FirstFourRedFlagsDenied, reply]);

        run.Output.Should().NotContain("Not understood");
        Prompts(run).Last().Should().StartWith("[5/18 RF]").And.Contain(QuestionCatalogue.Get(QuestionId.Fever).Lead);
    }

    [Fact]
    public void Without_a_thermometer_and_without_red_flags_a_pain_that_came_back_stops_after_11_questions_not_18()
    {
        var surgery = Iso(Today.AddMonths(-8));

        var run = Interview(["interactive", "--rule-set", "1.0"], [surgery, "", .. FirstFourRedFlagsDenied, "", .. LastRedFlagsDenied, "3", "y"]);

        run.ExitCode.Should().Be(0);
        Prompts(run).Should().HaveCount(11);
        run.Output.Should().ContainAll("No further answer can change the urgency (SOON)", "SOON (code 3)", "rule pain-after-improvement");
    }

    [Fact]
    public void After_an_early_stop_the_questions_not_asked_are_listed_as_not_asked_and_the_patient_is_not_told_to_answer_them()
    {
        var run = Interview([], SurgeryDate, "", "", "y");

        run.Output.Should().Contain("Red-flag questions not asked (the answers so far already decide the urgency):");
        run.Output.Should().Contain("  - saddleNumbness: ").And.Contain("Evidence: saddleNumbness: not asked");
        run.Output.Should().NotContain("Red-flag questions not answered").And.NotContain("answer the remaining questions").And.NotContain(": unknown");
        // An emergency result asks for no more answers (issue 27): the library words unresolved-red-flag for it.
        run.Output.Should().Contain("EMERGENCY (code 5)").And.Contain("Not every question about warning signs was answered. You need emergency care now in any case.");
        run.Output.Should().NotContain("or answer the rest of the questions");
    }

    [Fact]
    public void After_an_early_stop_a_dont_know_is_still_listed_as_not_answered_apart_from_the_questions_not_asked()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", "n", "d", "y"]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("EMERGENCY (code 5)");
        var notAnswered = run.Output.IndexOf("Red-flag questions not answered (the report is incomplete):", StringComparison.Ordinal);
        var notAsked = run.Output.IndexOf("Red-flag questions not asked (the answers so far already decide the urgency):", StringComparison.Ordinal);
        notAnswered.Should().BePositive();
        notAsked.Should().BeGreaterThan(notAnswered);
        run.Output[notAnswered..notAsked].Should().Contain("saddleNumbness").And.NotContain("fever");
        run.Output.Should().ContainAll("saddleNumbness: unknown", "suddenSeverePainAfterFallOrInjury: not asked").And.NotContain("answer the remaining questions");
    }

    [Fact]
    public void An_interview_that_is_not_settled_keeps_telling_what_is_not_answered()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", "n", "d", "n", "n", "37.0 C", "n", "n", "n", "n"]);

        run.Output.Should().ContainAll("URGENT (code 4)", "Red-flag questions not answered (the report is incomplete):", "  - saddleNumbness:");
        run.Output.Should().Contain("Red-flag questions not asked (the answers so far already decide the urgency):");
    }

    [Fact]
    public void An_assessment_date_before_the_surgery_date_asks_both_dates_again_so_a_mistyped_surgery_date_can_be_corrected()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], Iso(Today.AddDays(-10)), Iso(Today.AddDays(-20)), Iso(Today.AddDays(-30)), Iso(Today.AddDays(-20)), "y");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("must not be after").And.Contain("Please give both dates again, starting with the date of the operation.");
        run.OutputLines.Count(l => l.StartsWith("On what date was the operation?", StringComparison.Ordinal)).Should().Be(2);
        run.OutputLines.Count(l => l.StartsWith("On what date are the symptoms assessed?", StringComparison.Ordinal)).Should().Be(2);
        run.Output.Should().Contain("10 days since surgery.").And.Contain("EMERGENCY (code 5)");
    }

    [Fact]
    public void The_piped_transcript_has_one_prompt_line_then_its_echoed_reply_and_the_result_starts_with_the_level()
    {
        string[] replies = [SurgeryDate, "", "n", "maybe", "y"];

        var run = Interview(["interactive", "--rule-set", "1.0"], replies);

        var lines = run.OutputLines;
        var echoes = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("> ", StringComparison.Ordinal)).ToList();
        echoes.Select(e => e.line).Should().Equal(replies.Select(r => "> " + r));
        echoes.Should().OnlyContain(e => lines[e.i - 1].EndsWith(')'), "each echo follows its prompt line");
        lines.Count(l => l.StartsWith("[1/18 RF] ", StringComparison.Ordinal)).Should().Be(1);
        lines.Count(l => l.StartsWith("[2/18 RF] ", StringComparison.Ordinal)).Should().Be(2, "the reply not understood is asked again");
        lines.SkipWhile(l => !l.StartsWith("No further answer", StringComparison.Ordinal)).Skip(2).First().Should().StartWith("EMERGENCY (code 5)");
    }

    [Fact]
    public void A_piped_run_of_the_built_host_reads_standard_input_and_exits_0_with_a_result()
    {
        var run = RunProcess(["interactive"], string.Concat(new[] { SurgeryDate, "", "", "y" }.Select(r => r + "\n")));

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Contain("> y");
        run.Output.Should().Contain("EMERGENCY (code 5)");
    }

    [Fact]
    public void A_piped_run_of_the_built_host_that_ends_early_exits_2()
    {
        var run = RunProcess(["interactive"], SurgeryDate + "\n");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("The input ended before the interview was complete");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Temperature_without_its_unit_is_asked_again()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", .. FirstFourRedFlagsDenied, "38.4", "38.4 C", "n", "y"]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Not understood: Please give the temperature with its unit");
        run.Output.Should().Contain("temperature: 38.4 °C");
    }

    [Fact]
    public void Pain_score_out_of_range_is_asked_again()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", .. FirstFourRedFlagsDenied, "", .. LastRedFlagsDenied, "11", "9", "y"]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Not understood: Please give a whole number from 0 to 10");
        run.Output.Should().ContainAll("URGENT (code 4)", "rule severe-escalating-pain", "painScore: 9");
    }

    [Fact]
    public void Surgery_date_after_today_is_asked_again_with_the_reason()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], Iso(Today.AddDays(5)), SurgeryDate, "", "y");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Not understood: surgeryDate").And.Contain("must not be after");
        run.Output.Should().Contain("EMERGENCY (code 5)");
    }

    [Fact]
    public void Blank_assessment_date_means_today()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], Iso(Today.AddDays(-10)), "", "y");

        run.Output.Should().Contain("10 days since surgery.");
    }

    [Fact]
    public void Interview_stops_at_soon_once_no_answer_can_change_the_urgency()
    {
        var run = Interview(["interactive", "--rule-set", "1.0"], [SurgeryDate, "", .. FirstFourRedFlagsDenied, "36.8 C", .. LastRedFlagsDenied, "3", "y"]);

        run.ExitCode.Should().Be(0);
        Prompts(run).Should().HaveCount(11);
        run.Output.Should().ContainAll("No further answer can change the urgency (SOON)", "SOON (code 3)", "rule pain-after-improvement");
    }

    private static HostRun Interview(string[] args, params string[] replies) =>
        Run(args, string.Concat(replies.Select(r => r + "\n")));

    /// <summary>The catalogue questions asked, in order: the prompts numbered like <c>[5/18 RF]</c>.</summary>
    private static List<string> Prompts(HostRun run) => run.OutputLines.Where(l => l.StartsWith('[')).ToList();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
