using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests.Audit;

public class AuditRecordTests
{
    private static readonly DateOnly Today = ReportGen.Today;

    private static readonly TriageEngine Engine = ReportGen.Engine;

    /// <summary>A report full of values that identify it, so a test can look for any of them in a record.</summary>
    private static readonly SymptomReport Distinctive = new()
    {
        ReportId = "patient-Zebulon-Quatermass-4471",
        SurgeryDate = new DateOnly(2026, 8, 17),
        AssessedOn = new DateOnly(2026, 11, 23),
        SurgeryRegion = SurgeryRegion.Cervical,
        Hardware = [HardwareKind.Plates],
        FusionLevels = 13,
        RiskFactors = [RiskFactor.Osteoporosis, RiskFactor.PreviousInfection],
        PainScore = 7,
        Temperature = Temperature.Fahrenheit(99.7m),
        Answers = AnswerSet.Of(
            (QuestionId.SaddleNumbness, Answer.No),
            (QuestionId.LumpOverHardware, Answer.Yes),
            (QuestionId.CalfPainOrSwelling, Answer.Unknown)),
    };

    [Fact]
    public void A_record_is_timed_by_the_engine_clock()
    {
        var record = Record(Distinctive);

        record.Time.Should().Be(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
    }

    [Fact]
    public void A_record_names_the_engine_version_and_the_rule_set()
    {
        var record = Record(Distinctive);

        record.EngineVersion.Should().Be(AuditRecord.CurrentEngineVersion).And.StartWith("2.0.0");
        record.RuleSet.Should().Be(Engine.RuleSet.Identity);
    }

    [Fact]
    public void A_record_hashes_the_canonical_report_json_with_sha256()
    {
        var canonical = TriageJson.SerializeReport(Distinctive);
        var expected = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();

        Record(Distinctive).ReportHash.Should().Be(expected);
    }

    [Fact]
    public void Reports_that_differ_in_one_answer_have_different_hashes()
    {
        var other = Distinctive with { Answers = Distinctive.Answers.With(QuestionId.SaddleNumbness, Answer.Unknown) };

        Record(other).ReportHash.Should().NotBe(Record(Distinctive).ReportHash);
    }

    [Fact]
    public void A_record_holds_the_urgency_and_the_fired_rules_in_findings_order()
    {
        var result = Engine.Evaluate(Distinctive);

        var record = Record(Distinctive);

        record.Urgency.Should().Be(result.Urgency).And.Be(Urgency.Urgent);
        record.RuleIds.Should().Equal(result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void A_record_holds_the_assessment_date_of_a_report_that_had_none()
    {
        var record = Record(Distinctive with { AssessedOn = null });

        record.AssessedOn.Should().Be(Today);
    }

    [Fact]
    public void A_record_without_opt_in_holds_no_patient_data()
    {
        var line = Record(Distinctive).ToJsonLine();

        // The hashes and the engine version (which carries a commit id) are opaque hex: they may contain a
        // digit run such as "13" by chance. Check their form, then search the rest of the line for patient data.
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var reportHash = root.GetProperty("reportHash").GetString()!;
        var ruleSetHash = root.GetProperty("ruleSet").GetProperty("hash").GetString()!;
        var engineVersion = root.GetProperty("engineVersion").GetString()!;
        reportHash.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        ruleSetHash.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        engineVersion.Should().MatchRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$");
        var scrubbed = line
            .Replace(reportHash, "REPORT-HASH", StringComparison.Ordinal)
            .Replace(ruleSetHash, "RULESET-HASH", StringComparison.Ordinal)
            .Replace(engineVersion, "ENGINE-VERSION", StringComparison.Ordinal);

        string[] patientData =
        [
            "Zebulon", "4471", "2026-08-17", "cervical", "plates", "13", "osteoporosis", "previousInfection",
            "99.7", "fahrenheit", "saddleNumbness", "lumpOverHardware", "calfPainOrSwelling", "\"report\"", "reportId",
        ];
        foreach (var value in patientData)
        {
            scrubbed.Should().NotContain(value);
        }
    }

    [Fact]
    public void A_record_without_opt_in_has_only_the_decision_fields()
    {
        Gen.Select(Gen.OneOf(ReportGen.Engines), ReportGen.Valid).Sample(
            (engine, report) =>
            {
                var validated = engine.Validate(report).Value!;
                var line = AuditRecord.Create(engine, validated, engine.Evaluate(validated)).ToJsonLine();

                using var json = JsonDocument.Parse(line);
                json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(
                    "recordVersion", "time", "engineVersion", "ruleSet", "textSet", "assessedOn", "reportHash", "urgency", "urgencyCode", "ruleIds");
            },
            iter: PropertyRuns.Scaled(500),
            print: s => ReportGen.Print(s.Item2));
    }

    [Fact]
    public void A_record_with_the_report_opted_in_embeds_the_canonical_report_json_as_an_object()
    {
        var record = Record(Distinctive, new AuditRecordOptions { IncludeReport = true });

        using var json = JsonDocument.Parse(record.ToJsonLine());

        json.RootElement.GetProperty("report").ValueKind.Should().Be(JsonValueKind.Object);
        json.RootElement.GetProperty("report").GetRawText().Should().Be(TriageJson.SerializeReport(Distinctive));
        json.RootElement.GetProperty("reportId").GetString().Should().Be(Distinctive.ReportId);
    }

    [Fact]
    public void A_record_with_only_the_report_id_opted_in_holds_the_id_but_not_the_report()
    {
        var record = Record(Distinctive, new AuditRecordOptions { IncludeReportId = true });

        record.ReportId.Should().Be(Distinctive.ReportId);
        record.ReportJson.Should().BeNull();
        record.ToJsonLine().Should().NotContain("saddleNumbness");
    }

    [Fact]
    public void A_record_is_written_on_one_line()
    {
        var line = Record(Distinctive with { ReportId = "two\nlines" }, new AuditRecordOptions { IncludeReport = true }).ToJsonLine();

        line.Should().NotContain("\n").And.NotContain("\r");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_record_reads_back_equal_from_its_json_line(bool includeReport, bool includeReportId)
    {
        var record = Record(Distinctive, new AuditRecordOptions { IncludeReport = includeReport, IncludeReportId = includeReportId });

        var parsed = AuditRecord.ParseJsonLine(record.ToJsonLine());

        parsed.Errors.Should().BeEmpty();
        parsed.Value.Should().Be(record);
    }

    [Theory]
    [InlineData("\"urgency\":\"urgent\"", "\"urgency\":\"urgnet\"", "$.urgency")]
    [InlineData("\"urgencyCode\":4", "\"urgencyCode\":5", "$.urgencyCode")]
    [InlineData("\"recordVersion\":1", "\"recordVersion\":3", "$.recordVersion")]
    [InlineData("\"assessedOn\":\"2026-11-23\"", "\"assessedOn\":\"23/11/2026\"", "$.assessedOn")]
    [InlineData("\"reportHash\":\"sha256:", "\"reportHash\":\"md5:", "$.reportHash")]
    [InlineData("\"ruleIds\":[", "\"ruleIds\":[\"\",", "$.ruleIds[0]")]
    [InlineData("\"recordVersion\":1,", "\"recordVersion\":1,\"recordVersion\":1,", "$.recordVersion")]
    public void A_damaged_json_line_is_rejected_with_the_path_of_the_damage(string original, string damaged, string path)
    {
        var line = Record(Distinctive).ToJsonLine();
        line.Should().Contain(original);

        var parsed = AuditRecord.ParseJsonLine(line.Replace(original, damaged, StringComparison.Ordinal));

        parsed.IsSuccess.Should().BeFalse();
        parsed.Errors.Should().Contain(e => e.Path == path);
    }

    [Fact]
    public void An_unknown_property_in_a_json_line_is_rejected()
    {
        var line = Record(Distinctive).ToJsonLine().Replace("{\"recordVersion\"", "{\"note\":\"x\",\"recordVersion\"", StringComparison.Ordinal);

        AuditRecord.ParseJsonLine(line).IsSuccess.Should().BeFalse();
    }

    [Fact]
    public void A_json_line_without_a_required_field_is_rejected()
    {
        var line = Record(Distinctive).ToJsonLine();
        using var json = JsonDocument.Parse(line);
        // textSet is optional: records written before text sets have none and stay valid; reportHash is optional: a writer
        // without an audit key keeps no digest of the report (AuditRecordOptions.IncludeReportHash).
        foreach (var property in json.RootElement.EnumerateObject().Where(p => p.Name is not ("textSet" or "reportHash")))
        {
            var without = "{" + string.Join(",", json.RootElement.EnumerateObject().Where(p => p.Name != property.Name).Select(p => p.ToString())) + "}";

            AuditRecord.ParseJsonLine(without).IsSuccess.Should().BeFalse("{0} is required", property.Name);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"recordVersion\":1,\"time\":\"yesterday\"}")]
    [InlineData("{\"recordVersion\":\"1\"}")]
    [InlineData("{\"report\":\"\\ud800\"}")]
    [InlineData("{\"recordVersion\":1,\"report\":[]}")]
    public void Text_that_is_not_an_audit_record_gives_errors_and_does_not_throw(string line)
    {
        var parsed = AuditRecord.ParseJsonLine(line);

        parsed.IsSuccess.Should().BeFalse();
        parsed.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void A_line_with_an_unpaired_surrogate_gives_errors_and_does_not_throw()
    {
        var parsed = AuditRecord.ParseJsonLine("{\"engineVersion\":\"\uD800\"}");

        parsed.IsSuccess.Should().BeFalse();
    }

    [Fact]
    public void A_record_copies_its_rule_ids_and_compares_them_by_value()
    {
        var ids = new List<string> { "wound-signs" };
        var record = Record(Distinctive) with { RuleIds = ids };
        ids.Add("fever");

        record.RuleIds.Should().Equal("wound-signs");
        record.Should().Be(record with { RuleIds = ["wound-signs"] });
        record.GetHashCode().Should().Be((record with { RuleIds = ["wound-signs"] }).GetHashCode());
        record.Should().NotBe(record with { RuleIds = ["wound-signs", "fever"] });
        record.Should().NotBe(record with { ReportId = "someone" });
    }

    [Fact]
    public void A_record_as_text_names_its_decision_but_no_report_id_date_answer_or_measurement()
    {
        var record = Record(Distinctive, new AuditRecordOptions { IncludeReport = true });

        var text = record.ToString();

        text.Should().Be("AuditRecord v1: urgent [" + string.Join(", ", record.RuleIds) + "], rule set " + record.RuleSet.Version + ", report included");
        foreach (var value in new[] { "Zebulon", "4471", "2026", "99.7", "fahrenheit", "saddleNumbness", "cervical", "sha256" })
        {
            text.Should().NotContain(value);
        }
    }

    [Theory]
    [InlineData("\"reportId\":\"patient-Zebulon-Quatermass-4471\"", "\"reportId\":[\"John Smith 1970-01-01 NHS 9434765919\"]", "$.reportId")]
    [InlineData("\"urgency\":\"urgent\"", "\"urgency\":\"John Smith 1970-01-01 NHS 9434765919\"", "$.urgency")]
    [InlineData("\"assessedOn\":\"2026-11-23\"", "\"assessedOn\":\"John Smith 1970-01-01 NHS 9434765919\"", "$.assessedOn")]
    [InlineData("\"recordVersion\":1,", "\"recordVersion\":1,\"John Smith 1970-01-01 NHS 9434765919\":1,", "$")]
    [InlineData("\"recordVersion\":1,", "\"recordVersion\":1,\"John Smith 1970-01-01 NHS 9434765919\":1,\"John Smith 1970-01-01 NHS 9434765919\":2,", "$")]
    public void An_error_in_a_stored_record_names_its_path_but_no_stored_value_or_unknown_name(string original, string damaged, string path)
    {
        var line = Record(Distinctive, new AuditRecordOptions { IncludeReportId = true }).ToJsonLine();
        line.Should().Contain(original);

        var errors = AuditRecord.ParseJsonLine(line.Replace(original, damaged, StringComparison.Ordinal)).Errors;

        errors.Should().Contain(e => e.Path == path);
        errors.Should().OnlyContain(e => !e.Path.Contains("John", StringComparison.Ordinal) && !e.Message.Contains("John", StringComparison.Ordinal)
            && !e.Message.Contains("9434765919", StringComparison.Ordinal) && !e.Message.Contains("1970", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_line_is_reported_by_position_without_repeating_the_line()
    {
        var line = "{\"recordVersion\":1,\"time\":\"" + new string('x', 200_000) + " John Smith";

        var error = AuditRecord.ParseJsonLine(line).Errors.Should().ContainSingle().Subject;

        error.Code.Should().Be("malformedJson");
        error.Message.Length.Should().BeLessThan(200);
        error.Message.Should().NotContain("John").And.NotContain("xxxx");
    }

    [Fact]
    public void A_record_cannot_be_made_from_the_result_of_another_rule_set()
    {
        var other = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V1, FeverThresholdCelsius = 38.5m }, TestClock.At(Today));
        var validated = Engine.Validate(Distinctive).Value!;

        var create = () => AuditRecord.Create(Engine, validated, other.Evaluate(other.Validate(Distinctive).Value!));

        create.Should().Throw<ArgumentException>().WithParameterName("result");
    }

    [Fact]
    public void A_record_cannot_be_made_from_the_result_of_another_report()
    {
        var validated = Engine.Validate(Distinctive).Value!;
        var otherResult = Engine.Evaluate(Distinctive with { ReportId = "someone-else" });

        var create = () => AuditRecord.Create(Engine, validated, otherResult);

        create.Should().Throw<ArgumentException>().WithParameterName("result");
    }

    [Fact]
    public void Without_a_report_digest_a_record_holds_no_reportHash_and_still_chains_and_verifies()
    {
        var record = Record(Distinctive, new AuditRecordOptions { IncludeReportHash = false });
        var chained = new AuditChain().Append(record);

        record.ReportHash.Should().BeNull();
        var line = chained.ToJsonLine();
        line.Should().NotContain("reportHash");
        AuditRecord.ParseJsonLine(line).GetValueOrThrow().Should().Be(chained);
        AuditReplay.ReplayJsonLines(Engine, [line], key: null).IntegrityFailures.Should().Be(0);
    }

    [Fact]
    public void A_keyed_report_digest_is_the_hmac_of_the_canonical_report_and_differs_from_the_unkeyed_one_and_per_key()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var key = AuditKey.FromBytes(bytes);
        var other = AuditKey.FromBytes(RandomNumberGenerator.GetBytes(32));

        var keyed = Record(Distinctive, new AuditRecordOptions { ReportHashKey = key });

        var expected = "hmac-sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(bytes, Encoding.UTF8.GetBytes(TriageJson.SerializeReport(Distinctive))));
        keyed.ReportHash.Should().Be(expected).And.Be(AuditRecord.HashReport(Distinctive, key));
        keyed.ReportHash.Should().NotBe(AuditRecord.HashReport(Distinctive)).And.NotBe(AuditRecord.HashReport(Distinctive, other));
    }

    [Fact]
    public void A_keyed_record_with_its_report_replays_as_the_same_decision()
    {
        var key = AuditKey.FromBytes(RandomNumberGenerator.GetBytes(32));
        var record = new AuditChain(key).Append(Record(Distinctive, new AuditRecordOptions { ReportHashKey = key, IncludeReport = true }));

        var parsed = AuditRecord.ParseJsonLine(record.ToJsonLine()).GetValueOrThrow();

        AuditReplay.Replay(Engine, parsed).Status.Should().Be(ReplayStatus.Same);
        AuditReplay.ReplayJsonLines(Engine, [record.ToJsonLine()], key).IntegrityFailures.Should().Be(0);
    }

    internal static AuditRecord Record(SymptomReport report, AuditRecordOptions? options = null, TriageEngine? engine = null)
    {
        engine ??= Engine;
        var validated = engine.Validate(report).Value!;
        return AuditRecord.Create(engine, validated, engine.Evaluate(validated), options);
    }
}
