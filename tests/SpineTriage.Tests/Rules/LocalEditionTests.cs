using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Rules;

/// <summary>A local edition (docs/rule-sets.md): loaded from a document, validated, and run by an engine with its own rules.</summary>
public class LocalEditionTests
{
    private static readonly TriageEngine Local = new(new TriageEngineOptions { LoadedRuleSet = LoadedRuleSet.Load(LocalEditions.Stream(LocalEditions.StMarys())) }, TestClock.At(ReportBuilder.Today));

    private static readonly TriageEngine Shipped = new(new TriageEngineOptions { RuleSet = RuleSets.V2 }, TestClock.At(ReportBuilder.Today));

    public static TheoryData<string> Selectors => [.. RuleSets.Selectors];

    [Fact]
    public void A_local_edition_loads_with_its_own_name_version_and_line()
    {
        var loaded = LoadedRuleSet.Load(LocalEditions.Stream(LocalEditions.StMarys()), "st-marys.json");

        loaded.Name.Should().Be(LocalEditions.Name);
        loaded.Version.Should().Be(LocalEditions.Version);
        loaded.BasedOn.Should().Be("2.0");
        loaded.Selector.Should().Be("2.0");
        loaded.IsShipped.Should().BeFalse();
        loaded.RuleIds.Should().Contain(LocalEditions.AddedRule);
        loaded.ToString().Should().Be("LoadedRuleSet: st-marys-spine 1.0.0 (based on 2.0)");
    }

    [Fact]
    public void A_local_edition_decides_by_its_own_fever_threshold()
    {
        var report = ReportBuilder.AllRedFlagsDeniedV2() with { Temperature = Temperature.Celsius(38.2m) };

        Shipped.Triage(report).GetValueOrThrow().Findings.Select(f => f.RuleId).Should().Contain("fever");
        var local = Local.Triage(report).GetValueOrThrow();

        local.Findings.Select(f => f.RuleId).Should().NotContain("fever", "38.2 °C is below the edition's 38.5 °C");
        Local.RuleSet.FeverThresholdCelsius.Should().Be(LocalEditions.FeverCelsius);
        Local.Triage(report with { Temperature = Temperature.Celsius(38.5m) }).GetValueOrThrow().Findings.Select(f => f.RuleId).Should().Contain("fever");
    }

    [Fact]
    public void A_local_edition_fires_the_rule_it_adds_and_the_shipped_one_does_not()
    {
        var early = ReportBuilder.AllRedFlagsDeniedV2(daysSinceSurgery: 10).With(QuestionId.RadiatingLimbPain, Answer.Yes);

        Shipped.Triage(early).GetValueOrThrow().Urgency.Should().Be(Urgency.Soon);
        var local = Local.Triage(early).GetValueOrThrow();

        local.Urgency.Should().Be(Urgency.Urgent);
        local.Findings[0].RuleId.Should().Be(LocalEditions.AddedRule);
        Local.Triage(early.OnDay(60)).GetValueOrThrow().Urgency.Should().Be(Urgency.Soon, "the rule is of the early period only");
    }

    [Fact]
    public void A_local_editions_results_carry_its_version_and_a_hash_of_its_own_that_names_it()
    {
        var result = Local.Triage(ReportBuilder.AllRedFlagsDeniedV2()).GetValueOrThrow();

        result.RuleSet.Version.Should().Be(LocalEditions.Version);
        result.RuleSet.Hash.Should().NotBe(Shipped.RuleSet.Hash);
        Local.RuleSet.Name.Should().Be(LocalEditions.Name);
        Local.RuleSet.CanonicalDescription.Should().Contain("name=st-marys-spine\n");
        Shipped.RuleSet.CanonicalDescription.Should().NotContain("name=", "the shipped rule sets' canonical text, and so their hashes, are unchanged");
    }

    [Fact]
    public void A_record_of_a_local_edition_is_replayed_with_that_edition()
    {
        var engines = new TriageEngines(new TriageEngineOptions { LoadedRuleSet = Local.Options.LoadedRuleSet }, TestClock.At(ReportBuilder.Today));
        var report = ReportBuilder.AllRedFlagsDeniedV2() with { Temperature = Temperature.Celsius(38.2m) };
        var validated = engines.Default.Validate(report).GetValueOrThrow();
        var record = AuditRecord.Create(engines.Default, validated, engines.Default.Evaluate(validated), new AuditRecordOptions { IncludeReport = true });

        var replay = AuditReplay.Replay(engines, record);

        replay.Status.Should().Be(ReplayStatus.Same);
        replay.CurrentRuleSet.Should().Be(Local.RuleSet.Identity);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void A_shipped_document_loads_as_the_shipped_rule_set(string selector)
    {
        var loaded = LoadedRuleSet.Load(LocalEditions.Stream(LocalEditions.Shipped(selector)));
        var engine = new TriageEngine(new TriageEngineOptions { LoadedRuleSet = loaded });

        loaded.IsShipped.Should().BeTrue();
        engine.RuleSet.Identity.Should().Be(new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet.Identity);
        LoadedRuleSet.Shipped(selector).Version.Should().Be(loaded.Version);
    }

    [Fact]
    public void A_local_edition_may_ask_a_question_of_its_own_and_its_reports_answer_it()
    {
        var document = LocalEditions.StMarys();
        document["questions"]!.AsArray().Add(JsonNode.Parse("""{ "id": "anticoagulantTaken", "redFlag": false, "text": { "lead": "question.woundBleeding.text", "signs": [] } }"""));
        var rules = document["rules"]!.AsArray();
        rules.Insert(rules.Count - 1, JsonNode.Parse("""
            { "id": "bleeding-on-anticoagulant", "urgency": "emergency", "when": { "all": [ { "yes": "woundBleeding" }, { "yes": "anticoagulantTaken" } ] },
              "consideration": "bleeding on an anticoagulant", "source": "local protocol",
              "text": { "title": "rule.wound-bleeding.title", "patientExplanation": "rule.wound-bleeding.patientExplanation" } }
            """));
        var engine = new TriageEngine(new TriageEngineOptions { LoadedRuleSet = LoadedRuleSet.Load(LocalEditions.Stream(document)) }, TestClock.At(ReportBuilder.Today));
        var json = """{ "surgeryDate": "SURGERY", "assessedOn": "TODAY", "answers": { "woundBleeding": "yes", "anticoagulantTaken": "yes" } }"""
            .Replace("SURGERY", ReportBuilder.SurgeryDate.ToString("yyyy-MM-dd"), StringComparison.Ordinal)
            .Replace("TODAY", ReportBuilder.Today.ToString("yyyy-MM-dd"), StringComparison.Ordinal);

        engine.RuleSet.Has(QuestionId.Of("anticoagulantTaken")).Should().BeTrue();
        engine.TriageJson(json).GetValueOrThrow().Findings[0].RuleId.Should().Be("bleeding-on-anticoagulant");
        Shipped.TriageJson(json).Errors.Should().ContainSingle(e => e.Code == ErrorCodes.UnknownQuestion && e.Path == "$.answers.anticoagulantTaken");
        SpineTriage.Serialization.TriageJson.ParseReport(json).Errors.Should().ContainSingle(e => e.Code == ErrorCodes.UnknownQuestion);
        SpineTriage.Serialization.TriageJson.ParseReport(json, engine.RuleSet).IsSuccess.Should().BeTrue();
    }

    /// <summary>One broken edition per kind of error: how it is broken, the path and the code of the error it must give.</summary>
    public static TheoryData<string, string, string> Broken => new()
    {
        { "no-version", "$.version", ErrorCodes.SchemaViolation },
        { "misspelt-property", "$.questions[0].redFlagWhn", ErrorCodes.SchemaViolation },
        { "unknown-question", "$.rules[0].when.yes", ErrorCodes.UnknownQuestion },
        { "unknown-fact", "$.rules[9].when.all[0].fact", ErrorCodes.UnknownFact },
        { "duplicate-rule", "$.rules[1].id", ErrorCodes.DuplicateId },
        { "red-flag-to-soon", "$.questions[2].redFlag", ErrorCodes.RedFlagNotUrgent },
        { "rule-never-fires", "$.rules[21].when", ErrorCodes.RuleNeverFires },
        { "question-no-rule-reads", "$.questions[27].id", ErrorCodes.QuestionNotRead },
        { "text-missing", "$.rules[0].text.title", ErrorCodes.TextMissing },
        { "shipped-name", "$.name", ErrorCodes.ShippedNameReused },
        { "not-json", "$", ErrorCodes.MalformedJson },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_edition_is_refused_with_the_path_and_code_of_each_error(string broken, string path, string code)
    {
        var bytes = Break(broken);

        var outcome = LoadedRuleSet.Read(new MemoryStream(bytes), "broken.json");
        var load = () => LoadedRuleSet.Load(new MemoryStream(bytes), "broken.json");

        outcome.IsSuccess.Should().BeFalse();
        outcome.Errors.Should().Contain(e => e.Path == path && e.Code == code, string.Join("; ", outcome.Errors.Select(e => $"{e.Path} {e.Code}: {e.Message}")));
        load.Should().Throw<RuleSetValidationException>().Which.Errors.Should().Contain(e => e.Path == path && e.Code == code);
    }

    [Fact]
    public void Every_error_of_a_document_is_listed_not_only_the_first()
    {
        var document = LocalEditions.StMarys();
        document["rules"]![1]!["id"] = "cauda-equina";
        document["rules"]![0]!["when"] = JsonNode.Parse("""{ "yes": "bladerControlLoss" }""");
        document["rules"]![0]!["text"]!["title"] = "rule.nowhere.title";

        var errors = LoadedRuleSet.Read(LocalEditions.Stream(document)).Errors;

        errors.Select(e => e.Code).Should().Contain([ErrorCodes.DuplicateId, ErrorCodes.UnknownQuestion, ErrorCodes.TextMissing]);
        errors.Should().OnlyContain(e => e.Path.StartsWith('$'));
    }

    [Fact]
    public void A_long_offending_id_is_named_cut_to_40_characters()
    {
        var document = LocalEditions.StMarys();
        var id = new string('x', 30) + "ThisIdIsFarTooLongToShowWhole";
        document["rules"]![0]!["when"] = new JsonObject { ["yes"] = id };

        var error = LoadedRuleSet.Read(LocalEditions.Stream(document)).Errors.Should().ContainSingle(e => e.Code == ErrorCodes.UnknownQuestion).Subject;

        error.Message.Should().Contain($"'{id[..40]}…'").And.NotContain(id);
    }

    private static byte[] Break(string broken)
    {
        if (broken == "not-json")
        {
            return Encoding.UTF8.GetBytes("{ \"name\": ");
        }

        var document = LocalEditions.StMarys();
        var rules = document["rules"]!.AsArray();
        var questions = document["questions"]!.AsArray();
        switch (broken)
        {
            case "no-version":
                document.Remove("version");
                break;
            case "misspelt-property":
                questions[0]!["redFlagWhn"] = JsonNode.Parse("""{ "fact": "within90Days" }""");
                break;
            case "unknown-question":
                rules[0]!["when"] = JsonNode.Parse("""{ "yes": "bladerControlLoss" }""");
                break;
            case "unknown-fact":
                rules[9]!["when"] = JsonNode.Parse("""{ "all": [ { "fact": "woundSigns" }, { "not": { "fever": "present" } } ] }""");
                break;
            case "duplicate-rule":
                rules[1]!["id"] = "cauda-equina";
                break;
            case "red-flag-to-soon":
                // newOrWorseningLimbWeakness (questions[2]) is read by motor-deficit alone: moved to soon, its yes alone gives soon.
                rules[1]!["urgency"] = "soon";
                break;
            case "rule-never-fires":
                rules.Insert(21, JsonNode.Parse("""
                    { "id": "never", "urgency": "soon", "when": { "all": [ { "yes": "instabilityOrMovement" }, { "no": "instabilityOrMovement" } ] },
                      "consideration": "none", "source": "none", "text": { "title": "rule.instability.title", "patientExplanation": "rule.instability.patientExplanation" } }
                    """));
                break;
            case "question-no-rule-reads":
                questions.Add(JsonNode.Parse("""{ "id": "unreadQuestion", "redFlag": false, "text": { "lead": "question.fever.text", "signs": [] } }"""));
                break;
            case "text-missing":
                rules[0]!["text"]!["title"] = "rule.nowhere.title";
                break;
            case "shipped-name":
                document["name"] = "spinetriage";
                document["version"] = LoadedRuleSet.Shipped("2.0").Version;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(broken), broken, "Not a kind of broken edition.");
        }

        return LocalEditions.Bytes(document);
    }
}
