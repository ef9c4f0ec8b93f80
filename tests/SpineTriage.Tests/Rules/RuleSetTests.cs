using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// Every shipped rule set as a catalogue against its criteria (clinical-criteria.md sections 3, 4 and 6,
/// clinical-criteria-2.0.md sections 4 and 5): its identity and hash, its questions in asking order with their red flags
/// and applicability, its rules in catalogue order with urgency, consideration and source, and its catalogue documents.
/// Written once; each rule set is a row of <see cref="Criteria"/>.
/// </summary>
public class RuleSetTests
{
    /// <summary>The rule tables of clinical-criteria.md section 4 and clinical-criteria-2.0.md section 5, written out from the documents.</summary>
    private static readonly (string Id, Urgency Urgency, string Consideration)[] OneZeroRules =
    [
        ("cauda-equina", Urgency.Emergency, "compression of the cauda equina or spinal cord"),
        ("motor-deficit", Urgency.Emergency, "nerve compression, e.g. by a shifted screw or cage"),
        ("infection-with-fever", Urgency.Emergency, "deep wound or implant infection"),
        ("fall-or-injury", Urgency.Emergency, "fracture or acute hardware failure"),
        ("possible-pulmonary-embolism", Urgency.Emergency, "a blood clot in the lungs after surgery"),
        ("sensory-deficit", Urgency.Urgent, "nerve irritation or compression"),
        ("wound-signs", Urgency.Urgent, "wound or implant infection"),
        ("fever", Urgency.Urgent, "infection"),
        ("possible-deep-vein-thrombosis", Urgency.Urgent, "a blood clot in a leg vein after surgery"),
        ("unresolved-red-flag", Urgency.Urgent, "a red flag cannot be ruled out"),
        ("severe-escalating-pain", Urgency.Urgent, "uncontrolled pain from a hardware or fusion problem"),
        ("pain-after-improvement", Urgency.Soon, "loosening, breakage or a fusion that has not healed"),
        ("new-or-worsening-pain", Urgency.Soon, "hardware problem or incomplete fusion"),
        ("instability", Urgency.Soon, "loosening, breakage or nonunion"),
        ("radicular-pain", Urgency.Soon, "hardware irritating a nerve"),
        ("severe-pain", Urgency.Soon, "pain beyond mild recovery discomfort"),
        ("symptomatic-imaging-finding", Urgency.Soon, "a hardware problem that is causing symptoms"),
        ("hardware-irritation", Urgency.Routine, "hardware pressing on or rubbing tissue"),
        ("asymptomatic-imaging-finding", Urgency.Routine, "a change on a scan that needs monitoring only"),
        ("expected-recovery", Urgency.SelfCare, "mild discomfort of normal recovery"),
    ];

    /// <summary>The rules of 1.0 whose source in the criteria is marked beyond SHP (in whole or in part).</summary>
    private static readonly string[] OneZeroBeyondShp =
    [
        "cauda-equina", "possible-pulmonary-embolism", "possible-deep-vein-thrombosis", "unresolved-red-flag", "severe-escalating-pain", "severe-pain",
    ];

    /// <summary>The 18 questions of clinical-criteria.md section 3 in asking order: id and red flag; every one always applies.</summary>
    private static readonly (string Id, bool RedFlag, string Applies)[] OneZeroQuestions =
    [
        ("bladderOrBowelControlLoss", true, "always"), ("saddleNumbness", true, "always"), ("newOrWorseningLimbWeakness", true, "always"),
        ("suddenSeverePainAfterFallOrInjury", true, "always"), ("fever", true, "always"), ("woundDischarge", true, "always"),
        ("woundRednessOrSwelling", true, "always"), ("chestPainOrBreathlessness", true, "always"), ("newOrWorseningLimbNumbness", true, "always"),
        ("calfPainOrSwelling", true, "always"),
        ("painReturnedAfterImprovement", false, "always"), ("newOrWorseningPain", false, "always"), ("instabilityOrMovement", false, "always"),
        ("radiatingLimbPain", false, "always"), ("localizedTenderness", false, "always"), ("painWorseWithMovement", false, "always"),
        ("lumpOverHardware", false, "always"), ("imagingShowsHardwareProblem", false, "always"),
    ];

    /// <summary>Section 4 of clinical-criteria-2.0.md: id, red flag, applicability, in the full 2.0 asking order.</summary>
    private static readonly (string Id, bool RedFlag, string Applies)[] TwoZeroQuestions =
    [
        ("bladderOrBowelControlLoss", true, "always"), ("saddleNumbness", true, "always"), ("newOrWorseningLimbWeakness", true, "always"),
        ("neckSwellingOrAirway", true, "neck"), ("drowsyConfusedOrSlowBreathing", true, "always"), ("suddenSeverePainAfterFallOrInjury", true, "always"),
        ("recentFallOrInjury", true, "always"), ("fever", true, "always"), ("headacheWithStiffNeck", true, "early"), ("spinalFluidLeakSigns", true, "early"),
        ("woundDischarge", true, "always"), ("woundRednessOrSwelling", true, "always"), ("woundBleeding", true, "early"), ("woundOpening", true, "early"),
        ("chestPainOrBreathlessness", true, "always"), ("newOrWorseningLimbNumbness", true, "always"), ("calfPainOrSwelling", true, "always"),
        ("painNotControlled", true, "early"), ("newSwallowingDifficulty", true, "neck"),
        ("painReturnedAfterImprovement", false, "always"), ("newOrWorseningPain", false, "always"), ("instabilityOrMovement", false, "always"),
        ("radiatingLimbPain", false, "always"), ("localizedTenderness", false, "always"), ("painWorseWithMovement", false, "always"),
        ("lumpOverHardware", false, "always"), ("imagingShowsHardwareProblem", false, "always"),
    ];

    /// <summary>The rules 2.0 adds (section 5), placed by their "after", with their considerations; every one is beyond SHP.</summary>
    private static readonly (string Id, Urgency Urgency, string After, string Consideration)[] TwoZeroNewRules =
    [
        ("neck-swelling-or-airway", Urgency.Emergency, "motor-deficit", "a haematoma or swelling that can block the airway after neck surgery"),
        ("reduced-alertness", Urgency.Emergency, "neck-swelling-or-airway", "too much opioid pain medicine, infection of the brain lining, bleeding or sepsis"),
        ("possible-meningitis", Urgency.Emergency, "infection-with-fever", "meningitis after spinal surgery, often after a spinal-fluid leak"),
        ("wound-bleeding", Urgency.Urgent, "fever", "bleeding or a haematoma at the wound"),
        ("wound-opening", Urgency.Urgent, "wound-bleeding", "a wound breakdown that can expose the implant"),
        ("possible-spinal-fluid-leak", Urgency.Urgent, "wound-opening", "a leak of spinal fluid through a tear in the dura"),
        ("headache-with-stiff-neck", Urgency.Urgent, "possible-spinal-fluid-leak", "a spinal-fluid leak or an early meningitis before the fever"),
        ("uncontrolled-pain", Urgency.Urgent, "severe-escalating-pain", "pain that the prescribed treatment does not control, from a complication or a hardware problem"),
        ("new-swallowing-difficulty", Urgency.Urgent, "uncontrolled-pain", "swelling, a haematoma or a shifted plate pressing on the gullet after neck surgery"),
        ("fall-within-90-days", Urgency.Urgent, "new-swallowing-difficulty", "hardware or fusion damaged before the bone has healed"),
        ("recent-fall", Urgency.Soon, "symptomatic-imaging-finding", "hardware breakage or loosening after a fall"),
    ];

    /// <summary>Section 4 of clinical-criteria-3.0.md: id, red flag, applicability, in the full 3.0 asking order.</summary>
    private static readonly (string Id, bool RedFlag, string Applies)[] ThreeZeroQuestions =
    [
        ("bladderOrBowelControlLoss", true, "always"), ("saddleNumbness", true, "always"), ("newOrWorseningLimbWeakness", true, "always"),
        ("neckSwellingOrAirway", true, "neck"), ("drowsyConfusedOrSlowBreathing", true, "always"), ("strokeOrSeizureSigns", true, "always"),
        ("suddenSeverePainAfterFallOrInjury", true, "always"), ("recentFallOrInjury", true, "always"), ("fever", true, "always"),
        ("headacheWithStiffNeck", true, "within 90 days"), ("newSevereHeadache", true, "within 90 days"), ("woundDischarge", true, "always"),
        ("spinalFluidLeakSigns", true, "within 90 days"), ("woundRednessOrSwelling", true, "always"), ("woundBleeding", true, "early"),
        ("woundOpening", true, "early"), ("chestPainOrBreathlessness", true, "always"), ("newOrWorseningLimbNumbness", true, "always"),
        ("calfPainOrSwelling", true, "always"), ("painNotControlled", true, "early"), ("bellySwollenOrVomiting", true, "early"),
        ("newSwallowingDifficulty", true, "neck"),
        ("painReturnedAfterImprovement", false, "always"), ("newOrWorseningPain", false, "always"), ("instabilityOrMovement", false, "always"),
        ("radiatingLimbPain", false, "always"), ("localizedTenderness", false, "late"), ("painWorseWithMovement", false, "late"),
        ("lumpOverHardware", false, "always"), ("noBowelMovementFourDays", false, "early"), ("hoarseVoiceTwoWeeks", false, "neck"),
        ("imagingShowsHardwareProblem", false, "clinician"),
    ];

    /// <summary>The full 3.0 catalogue order of clinical-criteria-3.0.md section 5, with the considerations (changed ones as 3.0 words them).</summary>
    private static readonly (string Id, Urgency Urgency, string Consideration)[] ThreeZeroRules =
    [
        .. PlaceNewRules().Take(2),
        ("possible-epidural-haematoma", Urgency.Emergency, "a blood clot pressing on the spinal cord or the nerves (spinal epidural haematoma) after surgery"),
        .. PlaceNewRules().Skip(2).Take(2),
        ("stroke-or-seizure", Urgency.Emergency, "a stroke or bleeding in the brain, or a seizure (from infection, a spinal-fluid leak or medicines, among others)"),
        ("infection-with-fever", Urgency.Emergency, "deep wound or implant infection"),
        ("possible-meningitis", Urgency.Emergency, "meningitis after spinal surgery, often after a spinal-fluid leak; a fever with a new, severe headache is taken as the same risk"),
        .. PlaceNewRules().Skip(6).Take(9),
        ("severe-headache", Urgency.Urgent, "a spinal-fluid leak, bleeding inside the head, or meningitis before the fever"),
        ("possible-deep-vein-thrombosis", Urgency.Urgent, "a blood clot in a vein of a leg or an arm after surgery"),
        .. PlaceNewRules().Skip(16).Take(5),
        ("belly-swollen-or-vomiting", Urgency.Urgent, "a bowel that has stopped moving (ileus) or is blocked, often with opioid pain medicine; after surgery through the belly, a problem inside it"),
        .. PlaceNewRules().Skip(21).Take(7),
        ("no-bowel-movement", Urgency.Soon, "constipation from opioid pain medicine and moving less"),
        .. PlaceNewRules().Skip(28).Take(2),
        ("persistent-hoarseness", Urgency.Routine, "a stretched or injured nerve to the voice box after surgery on the front of the neck; a voice and swallowing review may help"),
        .. PlaceNewRules().Skip(30),
    ];

    /// <summary>What the criteria say of each shipped rule set's catalogue.</summary>
    private static readonly Dictionary<string, CatalogueCriteria> Criteria = new(StringComparer.Ordinal)
    {
        [RuleSets.V1] = new("1.1.0", OneZeroQuestions, OneZeroRules, OneZeroBeyondShp),
        [RuleSets.V2] = new("2.1.0", TwoZeroQuestions, PlaceNewRules(), [.. OneZeroBeyondShp, .. TwoZeroNewRules.Select(r => r.Id)]),
        [RuleSets.V3] = new(
            "3.0.0",
            ThreeZeroQuestions,
            ThreeZeroRules,
            [
                .. OneZeroBeyondShp, .. TwoZeroNewRules.Select(r => r.Id),
                "possible-epidural-haematoma", "stroke-or-seizure", "severe-headache", "belly-swollen-or-vomiting", "no-bowel-movement", "persistent-hoarseness",
            ]),
    };

    public static TheoryData<string> Selectors() => new(RuleSets.Selectors);

    [Fact]
    public void Every_shipped_rule_set_has_its_criteria_written_out_here()
    {
        Criteria.Keys.Should().BeEquivalentTo(RuleSets.Selectors);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_rule_set_names_its_exact_version_since_the_patient_texts_were_reworded(string selector)
    {
        var ruleSet = Engine(selector).RuleSet;

        ruleSet.Selector.Should().Be(selector);
        ruleSet.Version.Should().Be(Criteria[selector].Version);
        ruleSet.Identity.Version.Should().Be(Criteria[selector].Version);
        Engine(selector).Evaluate(AllRedFlagsDenied(selector)).RuleSet.Should().Be(new RuleSetIdentity(Criteria[selector].Version, ruleSet.Hash));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_hash_is_the_sha256_of_the_canonical_description_in_64_lowercase_hex_digits(string selector)
    {
        var ruleSet = Engine(selector).RuleSet;
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ruleSet.CanonicalDescription)));

        ruleSet.Hash.Should().MatchRegex("^sha256:[0-9a-f]{64}$").And.Be(expected);
        ruleSet.Identity.Hash.Should().Be(ruleSet.Hash);
    }

    [Fact]
    public void The_shipped_rule_sets_have_different_hashes()
    {
        RuleSets.Selectors.Select(s => Engine(s).RuleSet.Hash).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Engines_with_equal_options_have_the_same_hash(string selector)
    {
        var explicitDefaults = Engine(selector, new TriageEngineOptions { FeverThresholdCelsius = 38.0m, SeverePainScore = 8 });

        explicitDefaults.RuleSet.Identity.Should().Be(Engine(selector).RuleSet.Identity);
        new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet.Identity.Should().Be(Engine(selector).RuleSet.Identity);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_hash_changes_when_a_threshold_changes_and_the_version_does_not(string selector)
    {
        var fever = Engine(selector, new TriageEngineOptions { FeverThresholdCelsius = 38.5m }).RuleSet;
        var pain = Engine(selector, new TriageEngineOptions { SeverePainScore = 7 }).RuleSet;

        fever.Hash.Should().NotBe(Engine(selector).RuleSet.Hash);
        pain.Hash.Should().NotBe(Engine(selector).RuleSet.Hash).And.NotBe(fever.Hash);
        fever.Version.Should().Be(Engine(selector).RuleSet.Version);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Rewording_a_disposition_text_does_not_change_the_hash(string selector)
    {
        // Documented choice (RuleSet.CanonicalDescription): dispositions are display text; they change neither which rules fire nor the urgency.
        var engine = Engine(selector, new TriageEngineOptions { Dispositions = DispositionTexts.Default with { Urgent = "Ring the ward today." } });

        engine.RuleSet.Hash.Should().Be(Engine(selector).RuleSet.Hash);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_questions_are_those_of_the_criteria_in_asking_order_with_their_red_flags_and_applicability(string selector)
    {
        var ruleSet = Engine(selector).RuleSet;

        ruleSet.Questions.Select(q => (q.JsonId, q.IsRedFlag, Applies(q))).Should().Equal(Criteria[selector].Questions);
        ruleSet.Questions.Select(q => q.Order).Should().Equal(Enumerable.Range(1, Criteria[selector].Questions.Length));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_catalogue_has_exactly_the_rules_of_the_criteria_in_their_order_and_urgency(string selector)
    {
        Engine(selector).RuleSet.Rules.Select(r => (r.Id, r.Urgency)).Should().Equal(Criteria[selector].Rules.Select(c => (c.Id, c.Urgency)));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Each_rule_names_the_consideration_of_the_criteria(string selector)
    {
        Engine(selector).RuleSet.Rules.Select(r => r.Consideration).Should().Equal(Criteria[selector].Rules.Select(c => c.Consideration));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_rule_ids_do_not_depend_on_the_thresholds(string selector)
    {
        var engine = Engine(selector, new TriageEngineOptions { FeverThresholdCelsius = 39.5m, SeverePainScore = 6 });

        engine.RuleSet.Rules.Select(r => r.Id).Should().Equal(Engine(selector).RuleSet.Rules.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Every_rule_has_every_text_filled_in(string selector)
    {
        Engine(selector).RuleSet.Rules.Should().AllSatisfy(rule =>
        {
            rule.Title.Should().NotBeNullOrWhiteSpace();
            rule.Condition.Should().NotBeNullOrWhiteSpace();
            rule.Consideration.Should().NotBeNullOrWhiteSpace();
            rule.Source.Should().NotBeNullOrWhiteSpace();
            rule.PatientExplanation.Should().NotBeNullOrWhiteSpace();
            rule.ClinicianRationale.Should().NotBeNullOrWhiteSpace();
        });
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Every_clinician_rationale_names_the_consideration_and_the_condition(string selector)
    {
        Engine(selector).RuleSet.Rules.Should().AllSatisfy(rule =>
            rule.ClinicianRationale.Should().Contain(rule.Consideration).And.Contain(rule.Condition));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_sources_of_rules_beyond_the_source_page_say_Beyond_SHP(string selector)
    {
        var beyondShp = Criteria[selector].BeyondShp;

        Engine(selector).RuleSet.Rules.Where(r => beyondShp.Contains(r.Id)).Should().HaveCount(beyondShp.Length)
            .And.AllSatisfy(r => r.Source.Should().Contain("Beyond SHP"));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_sources_of_rules_from_the_source_page_cite_it_and_do_not_say_Beyond_SHP(string selector)
    {
        var beyondShp = Criteria[selector].BeyondShp;

        Engine(selector).RuleSet.Rules.Where(r => !beyondShp.Contains(r.Id)).Should().AllSatisfy(r =>
            r.Source.Should().StartWith("Spinal Hardware Problems").And.NotContain("Beyond SHP"));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_thresholds_of_the_engine_are_stated_by_the_rule_set(string selector)
    {
        var engine = Engine(selector, new TriageEngineOptions { FeverThresholdCelsius = 38.5m, SeverePainScore = 7 });

        engine.RuleSet.FeverThresholdCelsius.Should().Be(38.5m);
        engine.RuleSet.SeverePainScore.Should().Be(7);
        engine.RuleSet.Find("fever")!.Condition.Should().Contain("38.5 °C");
        engine.RuleSet.Find("severe-pain")!.Condition.Should().Contain("painScore ≥ 7");
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Find_returns_the_rule_with_that_id_and_null_for_an_id_not_in_the_catalogue(string selector)
    {
        Engine(selector).RuleSet.Find("wound-signs")!.Urgency.Should().Be(Urgency.Urgent);
        Engine(selector).RuleSet.Find("Wound-Signs").Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void A_finding_carries_the_texts_of_its_rule(string selector)
    {
        var finding = Engine(selector).Evaluate(AllRedFlagsDenied(selector).Yes(QuestionId.CalfPainOrSwelling)).Finding("possible-deep-vein-thrombosis");
        var rule = Engine(selector).RuleSet.Find("possible-deep-vein-thrombosis")!;

        finding.Should().BeEquivalentTo(
            new { rule.Urgency, rule.Title, rule.PatientExplanation, rule.ClinicianRationale, rule.Source },
            options => options.ExcludingMissingMembers());
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_rule_catalogue_JSON_lists_every_rule_in_order_with_its_urgency_and_code(string selector)
    {
        var ruleSet = Engine(selector).RuleSet;
        using var json = System.Text.Json.JsonDocument.Parse(TriageJson.SerializeRuleSet(ruleSet));

        json.RootElement.EnumerateObject().Select(p => p.Name).Take(3).Should().Equal("version", "ruleSet", "hash");
        json.RootElement.GetProperty("ruleSet").GetString().Should().Be(selector);
        json.RootElement.GetProperty("hash").GetString().Should().Be(ruleSet.Hash);
        json.RootElement.GetProperty("rules").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("urgency").GetString()!, r.GetProperty("urgencyCode").GetInt32()))
            .Should().Equal(Criteria[selector].Rules.Select(c => (c.Id, c.Urgency.JsonName(), c.Urgency.Code())));
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void The_markdown_catalogue_states_version_hash_and_one_row_per_rule_in_order(string selector)
    {
        var ruleSet = Engine(selector).RuleSet;
        var markdown = TriageMarkdown.SerializeRuleSet(ruleSet);
        var rows = markdown.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsAsciiDigit(line[2])).ToArray();

        markdown.Should().StartWith($"# SpineTriage rule set {Criteria[selector].Version}").And.Contain(ruleSet.Hash);
        rows.Select(row => row.Split('`')[1]).Should().Equal(Criteria[selector].Rules.Select(c => c.Id));
    }

    /// <summary>A report of the rule set with every red flag denied: self care unless a test changes it.</summary>
    internal static SymptomReport AllRedFlagsDenied(string selector) => selector switch
    {
        RuleSets.V1 => ReportBuilder.AllRedFlagsDenied(),
        RuleSets.V2 => ReportBuilder.AllRedFlagsDeniedV2(),
        _ => ReportBuilder.AllRedFlagsDeniedV2() with
        {
            Answers = AnswerSet.From(Engine(selector).RuleSet.Questions.Where(q => q.IsRedFlag).Select(q => KeyValuePair.Create(q.Id, Answer.No))),
        },
    };

    private static TriageEngine Engine(string selector, TriageEngineOptions? options = null) =>
        new((options ?? TriageEngineOptions.Default) with { RuleSet = selector }, TestClock.At(ReportBuilder.Today));

    /// <summary>1.0's rules with 2.0's new rules each placed after the rule the criteria name.</summary>
    private static (string Id, Urgency Urgency, string Consideration)[] PlaceNewRules()
    {
        var rules = OneZeroRules.ToList();
        foreach (var (id, urgency, after, consideration) in TwoZeroNewRules)
        {
            rules.Insert(rules.FindIndex(r => r.Id == after) + 1, (id, urgency, consideration));
        }

        return [.. rules];
    }

    private static string Applies(Question question) => question.IsClinicianOnly ? "clinician" : question.Applicability switch
    {
        "always" => "always",
        var text when text.StartsWith("within 90 days", StringComparison.Ordinal) => "within 90 days",
        var text when text.StartsWith("late", StringComparison.Ordinal) => "late",
        var text when text.StartsWith("neck surgery possible", StringComparison.Ordinal) => "neck",
        var text when text.StartsWith("early period", StringComparison.Ordinal) => "early",
        var text => text,
    };

    /// <summary>What the criteria say of one rule set's catalogue.</summary>
    private sealed record CatalogueCriteria(string Version, (string Id, bool RedFlag, string Applies)[] Questions, (string Id, Urgency Urgency, string Consideration)[] Rules, string[] BeyondShp);
}
