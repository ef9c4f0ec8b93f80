using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;
using SpineTriage.TestSupport;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Tests.Texts;

public class TextCatalogueTests
{
    private static readonly TextCatalogue English = TextCatalogue.English;

    /// <summary>
    /// The keys the library reads, derived from its model: each rule's title and explanation, each question's text (and
    /// the one question 2.0 rewords), each urgency's disposition, each risk factor's advice, the fixed advice and
    /// safety-net lines, each safety-net sign of both rule sets, and the two fever warnings.
    /// </summary>
    internal static IReadOnlyList<string> KeysUsed()
    {
        var keys = new List<string>();
        foreach (var edition in RuleSetEdition.All)
        {
            foreach (var rule in edition.Document.Rules)
            {
                keys.Add(rule.TitleKey);
                keys.Add(rule.ExplanationKey);
            }

            keys.AddRange(edition.EmergencySigns.Select(s => s.TextKey));
            foreach (var question in edition.Document.Questions)
            {
                keys.Add(question.Lead);
                keys.AddRange(question.Signs);
                keys.AddRange(question.Notes.Select(n => n.TextKey));
            }

            keys.AddRange(edition.ConditionalAdvice.Select(a => a.TextKey));
            keys.AddRange(edition.Document.SelfCareAdvice);
            keys.AddRange(edition.Document.RiskFactorAdvice);
        }

        keys.AddRange(QuestionCatalogue.All.Select(q => $"question.{q.JsonId}.text"));
        keys.Add("question.newOrWorseningLimbWeakness.text@2.0");

        // Issue 27: the signs of the questions that name several (the lead is the question's text key) and the hint after them.
        keys.AddRange(RuleSetEdition.All.SelectMany(e => e.Questions).SelectMany(q => q.SignKeys));
        keys.Add("question.answerYesIfAny");

        // The explanation an emergency result gives a finding below emergency, for each rule that words one.
        keys.AddRange(RuleSetEdition.All.SelectMany(e => e.Document.Rules)
            .Select(r => r.ExplanationKey + "@emergency")
            .Where(English.Has)
            .Distinct());
        keys.AddRange(Enum.GetValues<Urgency>().Select(u => $"disposition.{u.JsonName()}"));
        keys.AddRange(Enum.GetValues<RiskFactor>().Select(f => $"advice.riskFactor.{JsonNames.Of(f)}"));
        keys.AddRange(["advice.selfCare", "advice.followUp", "advice.earlyPeriod", "safetyNet.callBack", "safetyNet.seekEmergency"]);
        keys.AddRange(["warning.feverAnsweredNo", "warning.feverAnsweredYes", "interview.temperature.text", "interview.painScore.text"]);
        keys.AddRange(Enum.GetValues<Urgency>().Select(u => $"label.urgency.{u.JsonName()}"));
        keys.AddRange(Enum.GetValues<Urgency>().Select(u => $"label.timeframe.{u.JsonName()}"));
        keys.Add("label.decimalSeparator");

        // The hosts' words (console prompts and result labels, FHIR labels and card headings), read through TextRegistry:
        // each host reads its keys when it starts, so a missing key fails its tests.
        keys.AddRange(English.Keys.Where(IsHostKey));
        return [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>A key of a host's own words: console prompts (<c>prompt.*</c>, <c>label.prompt.*</c>), result headings (<c>result.*</c>, <c>label.result.*</c>), FHIR (<c>label.fhir.*</c>, <c>clinician.fhir.*</c> and the displays of codes), the patient page (<c>prompt.page.*</c>, <c>label.page.*</c>).</summary>
    internal static bool IsHostKey(string key) => HostPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    private static readonly string[] HostPrefixes =
        ["prompt.", "label.prompt.", "result.", "label.result.", "label.fhir.", "clinician.fhir.", "label.region.", "label.hardware.", "label.riskFactor.", "label.answer.", "label.page."];

    [Fact]
    public void Every_key_the_library_reads_is_in_the_catalogue_and_every_key_of_the_catalogue_is_read()
    {
        English.Keys.Should().Equal(KeysUsed());
    }

    [Fact]
    public void The_texts_of_both_rule_sets_come_from_the_catalogue()
    {
        foreach (var selector in RuleSets.Selectors)
        {
            var engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector });
            var keys = RuleSetEdition.Find(selector)!.Document.Rules.ToDictionary(r => r.Id);
            engine.RuleSet.Rules.Should().OnlyContain(r =>
                r.Title == English.Get(keys[r.Id].TitleKey) && r.PatientExplanation == English.Get(keys[r.Id].ExplanationKey));
            foreach (var urgency in Enum.GetValues<Urgency>())
            {
                engine.Options.Dispositions.For(urgency).Should().Be(English.Get($"disposition.{urgency.JsonName()}"));
            }
        }

        var two = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 });
        two.RuleSet.Questions.Single(q => q.Id == QuestionId.NewOrWorseningLimbWeakness).Lead
            .Should().Be(English.Get("question.newOrWorseningLimbWeakness.text@2.0"));
        two.RuleSet.Questions.Single(q => q.Id == QuestionId.NewOrWorseningLimbWeakness).Signs
            .Should().Equal(English.Get("question.newOrWorseningLimbWeakness.sign.1@2.0"), English.Get("question.newOrWorseningLimbWeakness.sign.2@2.0"), English.Get("question.newOrWorseningLimbWeakness.sign.3@2.0"));
        two.RuleSet.Questions.Single(q => q.Id == QuestionId.WoundBleeding).Lead.Should().Be(English.Get("question.woundBleeding.text"));
        QuestionCatalogue.Get(QuestionId.NewOrWorseningLimbWeakness).Text.Should().Be(English.Get("question.newOrWorseningLimbWeakness.text"));
    }

    [Fact]
    public void Every_placeholder_is_filled_in_every_text_the_library_gives()
    {
        var texts = new List<string>();
        foreach (var edition in RuleSetEdition.All)
        {
            texts.AddRange(edition.Questions.Select(q => q.Text));
            texts.AddRange(edition.Build(38.0m, 8).SelectMany(r => new[] { r.Title, r.PatientExplanation }));
            for (var mask = 0; mask < 1 << edition.EmergencySigns.Count; mask++)
            {
                texts.AddRange(edition.Advice.SafetyNet(mask));
            }

            for (var risk = 0; risk < 1 << Enum.GetValues<RiskFactor>().Length; risk++)
            {
                texts.AddRange(edition.Advice.CareAdvice(risk, selfCare: true, conditionalMask: (1 << edition.ConditionalAdvice.Count) - 1));
            }
        }

        texts.AddRange(Enum.GetValues<Urgency>().Select(DispositionTexts.Default.For));
        texts.AddRange(Warnings(Answer.No, 38.5m).Concat(Warnings(Answer.Yes, 37.0m)));

        texts.Should().NotBeEmpty().And.OnlyContain(t => TextCatalogue.Placeholders(t).Count == 0 && !t.Contains('{') && !t.Contains('}'));
        Warnings(Answer.No, 38.5m).Should().ContainSingle().Which.Should().Contain("38.5").And.Contain("38.0");
    }

    [Fact]
    public void Format_fails_on_a_placeholder_left_unfilled_or_a_value_without_placeholder()
    {
        var leftOut = () => English.Format("warning.feverAnsweredNo", ("temperature", "38.5 °C"));
        var extra = () => English.Format("safetyNet.callBack", ("signs", "x"));
        var missing = () => English.Get("rule.no-such-rule.title");
        var unfilled = () => English.Get("warning.feverAnsweredNo");

        leftOut.Should().Throw<InvalidOperationException>().WithMessage("*threshold*");
        extra.Should().Throw<InvalidOperationException>().WithMessage("*signs*");
        missing.Should().Throw<KeyNotFoundException>().WithMessage("*rule.no-such-rule.title*");
        unfilled.Should().Throw<InvalidOperationException>().WithMessage("*placeholders*");
    }

    [Fact]
    public void Placeholders_are_names_in_braces_listed_once_in_order()
    {
        TextCatalogue.Placeholders("At {temperature} over {threshold} (°C {threshold}) {not a name} {}")
            .Should().Equal("temperature", "threshold");
    }

    private static IReadOnlyList<string> Warnings(Answer fever, decimal celsius)
    {
        var report = ReportBuilder.AllRedFlagsDenied().With(QuestionId.Fever, fever) with { Temperature = Temperature.Celsius(celsius) };
        return ReportBuilder.EngineV1().Evaluate(report).Warnings;
    }
}
