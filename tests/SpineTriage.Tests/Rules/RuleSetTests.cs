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

/// <summary>The rule catalogue and its identity (clinical-criteria.md sections 4 and 6).</summary>
public class RuleSetTests
{
    /// <summary>The rule table of clinical-criteria.md section 4, written out from the document: id, urgency, consideration.</summary>
    private static readonly (string Id, Urgency Urgency, string Consideration)[] Criteria =
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

    /// <summary>The rules whose source in the criteria is marked beyond SHP (in whole or in part).</summary>
    private static readonly string[] BeyondShp =
    [
        "cauda-equina",
        "possible-pulmonary-embolism",
        "possible-deep-vein-thrombosis",
        "unresolved-red-flag",
        "severe-escalating-pain",
        "severe-pain",
    ];

    private static readonly RuleSet Default = ReportBuilder.EngineV1().RuleSet;

    [Fact]
    public void The_rule_set_version_is_1_1_0_since_the_patient_texts_were_reworded()
    {
        Default.Version.Should().Be("1.1.0");
        Default.Identity.Version.Should().Be("1.1.0");
    }

    [Fact]
    public void The_hash_is_sha256_with_64_lowercase_hex_digits()
    {
        Default.Hash.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        Default.Identity.Hash.Should().Be(Default.Hash);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_canonical_description()
    {
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Default.CanonicalDescription)));

        Default.Hash.Should().Be(expected);
    }

    [Fact]
    public void Engines_with_equal_options_have_the_same_hash()
    {
        var explicitDefaults = ReportBuilder.EngineV1(new TriageEngineOptions { FeverThresholdCelsius = 38.0m, SeverePainScore = 8 });

        explicitDefaults.RuleSet.Identity.Should().Be(Default.Identity);
        new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1 }).RuleSet.Identity.Should().Be(Default.Identity);
    }

    [Fact]
    public void The_hash_changes_when_the_fever_threshold_changes()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { FeverThresholdCelsius = 38.5m });

        engine.RuleSet.Hash.Should().NotBe(Default.Hash);
        engine.RuleSet.Version.Should().Be(Default.Version);
    }

    [Fact]
    public void The_hash_changes_when_the_severe_pain_score_changes()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { SeverePainScore = 7 });

        engine.RuleSet.Hash.Should().NotBe(Default.Hash);
    }

    [Fact]
    public void Rewording_a_disposition_text_does_not_change_the_hash()
    {
        // Documented choice (RuleSet.CanonicalDescription): dispositions are display text; they change neither which rules fire nor the urgency.
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { Dispositions = DispositionTexts.Default with { Urgent = "Ring the ward today." } });

        engine.RuleSet.Hash.Should().Be(Default.Hash);
    }

    [Fact]
    public void The_catalogue_has_exactly_the_rules_of_the_criteria_in_their_order_and_urgency()
    {
        Default.Rules.Select(r => (r.Id, r.Urgency)).Should().Equal(Criteria.Select(c => (c.Id, c.Urgency)));
    }

    [Fact]
    public void Each_rule_names_the_consideration_of_the_criteria()
    {
        Default.Rules.Select(r => r.Consideration).Should().Equal(Criteria.Select(c => c.Consideration));
    }

    [Fact]
    public void The_rule_ids_known_to_case_files_are_those_of_the_catalogue()
    {
        RuleCatalogue.Ids.Should().Equal(Criteria.Select(c => c.Id));
    }

    [Fact]
    public void The_rule_ids_do_not_depend_on_the_thresholds()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { FeverThresholdCelsius = 39.5m, SeverePainScore = 6 });

        engine.RuleSet.Rules.Select(r => r.Id).Should().Equal(Default.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Every_rule_has_every_text_filled_in()
    {
        Default.Rules.Should().AllSatisfy(rule =>
        {
            rule.Title.Should().NotBeNullOrWhiteSpace();
            rule.Condition.Should().NotBeNullOrWhiteSpace();
            rule.Consideration.Should().NotBeNullOrWhiteSpace();
            rule.Source.Should().NotBeNullOrWhiteSpace();
            rule.PatientExplanation.Should().NotBeNullOrWhiteSpace();
            rule.ClinicianRationale.Should().NotBeNullOrWhiteSpace();
        });
    }

    [Fact]
    public void Every_clinician_rationale_names_the_consideration_and_the_condition()
    {
        Default.Rules.Should().AllSatisfy(rule =>
            rule.ClinicianRationale.Should().Contain(rule.Consideration).And.Contain(rule.Condition));
    }

    [Fact]
    public void The_sources_of_rules_beyond_the_source_page_say_Beyond_SHP()
    {
        Default.Rules.Where(r => BeyondShp.Contains(r.Id)).Should().HaveCount(BeyondShp.Length)
            .And.AllSatisfy(r => r.Source.Should().Contain("Beyond SHP"));
    }

    [Fact]
    public void The_sources_of_rules_from_the_source_page_cite_it_and_do_not_say_Beyond_SHP()
    {
        Default.Rules.Where(r => !BeyondShp.Contains(r.Id)).Should().AllSatisfy(r =>
            r.Source.Should().StartWith("Spinal Hardware Problems").And.NotContain("Beyond SHP"));
    }

    [Fact]
    public void The_thresholds_of_the_engine_are_stated_by_the_rule_set()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { FeverThresholdCelsius = 38.5m, SeverePainScore = 7 });

        engine.RuleSet.FeverThresholdCelsius.Should().Be(38.5m);
        engine.RuleSet.SeverePainScore.Should().Be(7);
        engine.RuleSet.Find("fever")!.Condition.Should().Contain("38.5 °C");
        engine.RuleSet.Find("severe-pain")!.Condition.Should().Contain("painScore ≥ 7");
    }

    [Fact]
    public void Find_returns_the_rule_with_that_id()
    {
        Default.Find("wound-signs")!.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    public void Find_returns_null_for_an_id_that_is_not_in_the_catalogue()
    {
        Default.Find("Wound-Signs").Should().BeNull();
    }

    [Fact]
    public void A_finding_carries_the_texts_of_its_rule()
    {
        var finding = ReportBuilder.EngineV1().Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(QuestionId.CalfPainOrSwelling)).Finding("possible-deep-vein-thrombosis");
        var rule = Default.Find("possible-deep-vein-thrombosis")!;

        finding.Should().BeEquivalentTo(
            new { rule.Urgency, rule.Title, rule.PatientExplanation, rule.ClinicianRationale, rule.Source },
            options => options.ExcludingMissingMembers());
    }

    [Fact]
    public void The_rule_catalogue_JSON_lists_every_rule_in_order_with_its_urgency_and_code()
    {
        using var json = System.Text.Json.JsonDocument.Parse(TriageJson.SerializeRuleSet(Default));

        json.RootElement.EnumerateObject().Select(p => p.Name).Take(3).Should().Equal("version", "ruleSet", "hash");
        json.RootElement.GetProperty("ruleSet").GetString().Should().Be(Default.Selector);
        json.RootElement.GetProperty("hash").GetString().Should().Be(Default.Hash);
        json.RootElement.GetProperty("rules").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("urgency").GetString()!, r.GetProperty("urgencyCode").GetInt32()))
            .Should().Equal(Criteria.Select(c => (c.Id, c.Urgency.JsonName(), c.Urgency.Code())));
    }

    [Fact]
    public void The_markdown_catalogue_states_version_hash_and_one_row_per_rule_in_order()
    {
        var markdown = TriageMarkdown.SerializeRuleSet(Default);
        var rows = markdown.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsAsciiDigit(line[2])).ToArray();

        markdown.Should().StartWith("# SpineTriage rule set 1.1.0").And.Contain(Default.Hash);
        rows.Select(row => row.Split('`')[1]).Should().Equal(Criteria.Select(c => c.Id));
    }
}
