using System.Globalization;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// The interview of every shipped rule set: a rule set whose questions depend on the surgery region asks the region in
/// the preamble, unnumbered, after the dates; only the questions that apply to the patient are asked, numbered among
/// themselves. What is specific to a rule set's content (how many questions a patient is asked, which red flag gives
/// which emergency) is data: <see cref="Patients"/> and <see cref="Emergencies"/>.
/// </summary>
public class InteractiveRuleSetTests
{
    private const string NeckPrompt = "Did your operation include any part of your neck? (y = yes, n = no, blank = not known)";

    private const string BackPrompt = "Which part of your back was operated on? (u = upper or middle back, l = lower back, b = base of the spine; blank = not known)";

    /// <summary>
    /// Patients answering no to everything: rule set, days since surgery, the region replies of the preamble, the region
    /// they stand for, and how many questions that patient is asked (clinical-criteria-2.0.md and clinical-criteria-3.0.md section 3).
    /// </summary>
    public static TheoryData<string, int, string[], SurgeryRegion?, int> Patients => new()
    {
        { RuleSets.V1, 183, [], null, 18 },
        { RuleSets.V1, 10, [], null, 18 },
        { RuleSets.V2, 10, ["y"], SurgeryRegion.Cervical, 27 },
        { RuleSets.V2, 183, ["n", "l"], SurgeryRegion.Lumbar, 20 },
        { RuleSets.V2, 183, ["n", "u"], SurgeryRegion.Lumbar, 20 },
        { RuleSets.V2, 183, ["no", "lower back"], SurgeryRegion.Lumbar, 20 },
        { RuleSets.V2, 183, ["n", "b"], SurgeryRegion.Lumbar, 20 },
        { RuleSets.V2, 183, [""], null, 22 },
        { RuleSets.V2, 183, ["n", ""], null, 22 },
        { RuleSets.V3, 10, ["y"], SurgeryRegion.Cervical, 29 },
        { RuleSets.V3, 183, ["n", "l"], SurgeryRegion.Lumbar, 20 },
        { RuleSets.V3, 183, [""], null, 23 },
    };

    /// <summary>A red flag whose yes gives emergency at once, with the rule that fires: rule set, region replies, question, rule.</summary>
    public static TheoryData<string, string[], QuestionId, string> Emergencies => new()
    {
        { RuleSets.V1, [], QuestionId.BladderOrBowelControlLoss, "cauda-equina" },
        { RuleSets.V2, ["y"], QuestionId.BladderOrBowelControlLoss, "cauda-equina" },
        { RuleSets.V2, ["y"], QuestionId.NeckSwellingOrAirway, "neck-swelling-or-airway" },
        { RuleSets.V3, ["y"], QuestionId.BladderOrBowelControlLoss, "cauda-equina" },
        { RuleSets.V3, ["y"], QuestionId.StrokeOrSeizureSigns, "stroke-or-seizure" },
    };

    [Fact]
    public void Every_shipped_rule_set_has_patients_and_emergencies_in_the_data()
    {
        Patients.Select(row => (string)row[0]).Distinct().Should().BeEquivalentTo(RuleSets.Selectors);
        Emergencies.Select(row => (string)row[0]).Distinct().Should().BeEquivalentTo(RuleSets.Selectors);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void The_region_is_asked_unnumbered_after_the_two_dates_only_when_a_question_depends_on_it(string selector)
    {
        var ruleSet = RuleSetOf(selector);
        var run = Interview(["interactive", "--rule-set", selector], DaysAgo(10), "", "y", "y");

        var lines = run.OutputLines;
        var neck = Array.IndexOf(lines, NeckPrompt);
        if (DependsOnRegion(ruleSet))
        {
            neck.Should().BeGreaterThan(0);
            lines[..neck].Should().Contain(l => l.StartsWith("On what date are the symptoms assessed?", StringComparison.Ordinal));
            lines[neck + 1].Should().Be("> y");
            var asked = ruleSet.Questions.Count(q => ruleSet.Applicability(q.Id, SurgeryRegion.Cervical, 10).Applies);
            lines[neck + 2].Should().StartWith(string.Create(CultureInfo.InvariantCulture, $"[1/{asked} RF] ") + ruleSet.Questions[0].Lead);
        }
        else
        {
            neck.Should().Be(-1);
            run.Output.Should().NotContain("neck?");
            Prompts(run).Should().ContainSingle().Which.Should().StartWith(string.Create(CultureInfo.InvariantCulture, $"[1/{ruleSet.Questions.Count} RF] "));
        }
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void A_patient_answering_no_to_everything_is_asked_every_question_that_applies_in_the_rule_set_s_order_and_no_other(
        string selector, int days, string[] regionReplies, SurgeryRegion? region, int expectedCount)
    {
        var ruleSet = RuleSetOf(selector);
        var run = Interview(["interactive", "--rule-set", selector], [DaysAgo(days), "", .. regionReplies, .. AllNo(ruleSet, region, days)]);

        run.ExitCode.Should().Be(0, run.Error);
        var applying = ruleSet.Questions.Where(q => ruleSet.Applicability(q.Id, region, days).Applies).ToList();
        var asked = Prompts(run);
        asked.Should().HaveCount(expectedCount).And.HaveCount(applying.Count);
        asked.Zip(applying).Should().OnlyContain(p => p.First.Contains(p.Second.Lead, StringComparison.Ordinal));
        asked.Select((p, i) => p.StartsWith(string.Create(CultureInfo.InvariantCulture, $"[{i + 1}/{expectedCount}{(applying[i].IsRedFlag ? " RF]" : "]")}"), StringComparison.Ordinal))
            .Should().OnlyContain(b => b);
        run.Output.Should().Contain("SELF CARE (code 1)").And.Contain("Care advice:").And.NotContain("Red-flag questions not answered");
    }

    [Theory]
    [MemberData(nameof(Emergencies))]
    public void A_yes_to_an_emergency_red_flag_after_no_to_those_before_it_gives_emergency_at_once(string selector, string[] regionReplies, QuestionId question, string rule)
    {
        var ruleSet = RuleSetOf(selector);
        var before = ruleSet.Questions.TakeWhile(q => q.Id != question).Count(q => ruleSet.Applicability(q.Id, SurgeryRegion.Cervical, 10).Applies);
        var run = Interview(["interactive", "--rule-set", selector], [DaysAgo(10), "", .. regionReplies, .. AllNo(ruleSet, SurgeryRegion.Cervical, 10).Take(before), "y"]);

        run.ExitCode.Should().Be(0, run.Error);
        Prompts(run)[^1].Should().Contain(ruleSet.Questions.Single(q => q.Id == question).Lead);
        run.Output.Should().Contain("EMERGENCY (code 5)").And.Contain("rule " + rule);
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void A_region_reply_not_understood_is_asked_again_where_the_region_is_asked(string selector)
    {
        var ruleSet = RuleSetOf(selector);
        if (!DependsOnRegion(ruleSet))
        {
            Interview(["interactive", "--rule-set", selector], DaysAgo(183), "", "y").Output.Should().NotContain(NeckPrompt).And.NotContain(BackPrompt);
            return;
        }

        var run = Interview(["interactive", "--rule-set", selector], [DaysAgo(183), "", "maybe", "n", "legs", "l", .. AllNo(ruleSet, SurgeryRegion.Lumbar, 183)]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Not understood: Please answer y = yes, n = no, blank = not known.");
        run.Output.Should().Contain("Not understood: Please answer u = upper or middle back, l = lower back, b = base of the spine; blank = not known.");
        run.OutputLines.Count(l => l == NeckPrompt).Should().Be(2);
        run.OutputLines.Count(l => l == BackPrompt).Should().Be(2);
        Prompts(run).Should().HaveCount(ruleSet.Questions.Count(q => ruleSet.Applicability(q.Id, SurgeryRegion.Lumbar, 183).Applies));
    }

    private static RuleSet RuleSetOf(string selector) => new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;

    /// <summary>Whether a question of the rule set applies after some surgery regions and not others: then the region is asked.</summary>
    private static bool DependsOnRegion(RuleSet ruleSet) =>
        ruleSet.Questions.Any(q => ruleSet.Applicability(q.Id, SurgeryRegion.Cervical, 10).Applies != ruleSet.Applicability(q.Id, SurgeryRegion.Lumbar, 10).Applies);

    /// <summary>
    /// "No" to every question that applies to a patient of the region and day, in the rule set's asking order, with a
    /// normal temperature just before the fever question and a pain score of 2 after the red flags (as the library asks them).
    /// </summary>
    private static string[] AllNo(RuleSet ruleSet, SurgeryRegion? region, int days)
    {
        var replies = new List<string>();
        var painAsked = false;
        foreach (var question in ruleSet.Questions.Where(q => ruleSet.Applicability(q.Id, region, days).Applies))
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

    private static string DaysAgo(int days) => Today.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static HostRun Interview(string[] args, params string[] replies) =>
        Run(args, string.Concat(replies.Select(r => r + "\n")));

    /// <summary>The catalogue questions asked, in order: the prompts numbered like <c>[5/27 RF]</c>.</summary>
    private static List<string> Prompts(HostRun run) => run.OutputLines.Where(l => l.StartsWith('[')).ToList();
}
