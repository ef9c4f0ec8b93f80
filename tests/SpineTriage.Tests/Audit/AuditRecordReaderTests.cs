using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Audit;

/// <summary>
/// The strict reader of audit-record lines: each kind of damage to each field gives its own path and code, so an
/// auditor (or a program) can tell a forged hash from a wrong type or a missing field.
/// </summary>
public class AuditRecordReaderTests
{
    private const string Hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private AuditRecord Record(bool includeReport = false)
    {
        var report = ReportBuilder.AllRedFlagsDenied().Yes(QuestionId.Fever) with { ReportId = "reader-1" };
        var validated = Engine.Validate(report).Value!;
        return AuditRecord.Create(Engine, validated, Engine.Evaluate(validated), new AuditRecordOptions { IncludeReport = includeReport });
    }

    private JsonObject Line(bool chained = false)
    {
        var record = chained ? new AuditChain().Append(Record(includeReport: true)) : Record();
        return JsonNode.Parse(record.ToJsonLine())!.AsObject();
    }

    private static (string Path, string Code)[] Errors(JsonObject line) =>
        AuditRecord.ParseJsonLine(line.ToJsonString()).Errors.Select(e => (e.Path, e.Code)).ToArray();

    private (string Path, string Code)[] ErrorsWith(string field, string json, bool chained = false)
    {
        var line = Line(chained);
        line[field] = JsonNode.Parse(json);
        return Errors(line);
    }

    [Theory]
    [InlineData("recordVersion", "\"1\"", ErrorCodes.WrongType)]
    [InlineData("recordVersion", "1.5", ErrorCodes.WrongType)]
    [InlineData("time", "\"2026-11-24T08:00:00\"", ErrorCodes.InvalidDate)]
    [InlineData("time", "\"2026-11-24\"", ErrorCodes.InvalidDate)]
    [InlineData("time", "20261124", ErrorCodes.InvalidDate)]
    [InlineData("engineVersion", "\"\"", ErrorCodes.Required)]
    [InlineData("engineVersion", "1", ErrorCodes.WrongType)]
    [InlineData("assessedOn", "\"2026-02-30\"", ErrorCodes.InvalidDate)]
    [InlineData("assessedOn", "20261124", ErrorCodes.InvalidDate)]
    [InlineData("reportHash", "\"sha256:abc\"", ErrorCodes.InvalidFormat)]
    [InlineData("reportHash", "[]", ErrorCodes.WrongType)]
    [InlineData("urgency", "\"Urgent\"", ErrorCodes.UnknownValue)]
    [InlineData("urgency", "4", ErrorCodes.WrongType)]
    [InlineData("urgencyCode", "\"4\"", ErrorCodes.WrongType)]
    [InlineData("urgencyCode", "3", ErrorCodes.Mismatch)]
    [InlineData("ruleIds", "\"fever\"", ErrorCodes.WrongType)]
    [InlineData("ruleIds", "[]", ErrorCodes.Required)]
    [InlineData("reportId", "7", ErrorCodes.WrongType)]
    [InlineData("report", "\"{}\"", ErrorCodes.WrongType)]
    [InlineData("ruleSet", "\"1.0.0\"", ErrorCodes.WrongType)]
    public void Each_kind_of_damage_to_a_field_has_its_path_and_code(string field, string json, string code)
    {
        ErrorsWith(field, json).Should().Equal(("$." + field, code));
    }

    [Theory]
    [InlineData("[\"fever\",\"\"]", "$.ruleIds[1]", ErrorCodes.Required)]
    [InlineData("[\"fever\",2]", "$.ruleIds[1]", ErrorCodes.WrongType)]
    [InlineData("[null]", "$.ruleIds[0]", ErrorCodes.WrongType)]
    public void Each_bad_rule_id_is_named_by_its_index_and_the_list_is_not_also_called_empty(string json, string path, string code)
    {
        ErrorsWith("ruleIds", json).Should().Equal((path, code));
    }

    [Theory]
    [InlineData("{\"version\":\"\",\"hash\":\"" + Hash + "\"}", "$.ruleSet.version", ErrorCodes.Required)]
    [InlineData("{\"version\":1,\"hash\":\"" + Hash + "\"}", "$.ruleSet.version", ErrorCodes.WrongType)]
    [InlineData("{\"version\":\"1.0.0\",\"hash\":\"md5:1\"}", "$.ruleSet.hash", ErrorCodes.InvalidFormat)]
    [InlineData("{\"version\":\"1.0.0\",\"hash\":1}", "$.ruleSet.hash", ErrorCodes.WrongType)]
    public void A_bad_rule_set_names_its_field_and_makes_the_rule_set_missing(string json, string path, string code)
    {
        ErrorsWith("ruleSet", json).Should().Equal((path, code), ("$.ruleSet", ErrorCodes.Required));
    }

    [Fact]
    public void A_rule_set_without_a_version_or_a_hash_is_required_whole_and_its_unknown_properties_are_not_named()
    {
        ErrorsWith("ruleSet", "{\"hash\":\"" + Hash + "\"}").Should().Equal(("$.ruleSet", ErrorCodes.Required));
        ErrorsWith("ruleSet", "{\"version\":\"1.0.0\"}").Should().Equal(("$.ruleSet", ErrorCodes.Required));
        ErrorsWith("ruleSet", "{\"version\":\"1.0.0\",\"hash\":\"" + Hash + "\",\"Jane Doe\":1}").Should().Equal(("$.ruleSet", ErrorCodes.UnknownProperty));
    }

    [Fact]
    public void Report_id_and_report_may_be_null_as_if_absent()
    {
        var line = Line();
        line["reportId"] = null;
        line["report"] = null;

        var parsed = AuditRecord.ParseJsonLine(line.ToJsonString());

        parsed.Errors.Should().BeEmpty();
        (parsed.Value!.ReportId, parsed.Value.ReportJson).Should().Be((null, null));
    }

    [Fact]
    public void Times_with_a_z_a_positive_or_a_negative_offset_are_read_as_written()
    {
        foreach (var time in new[] { "2026-11-24T08:00:00Z", "2026-11-24T08:00:00+01:00", "2026-11-24T08:00:00-05:30" })
        {
            var line = Line();
            line["time"] = time;

            var parsed = AuditRecord.ParseJsonLine(line.ToJsonString());

            parsed.Errors.Should().BeEmpty(time);
            parsed.Value!.Time.Should().Be(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Every_missing_field_is_required_at_its_path_together()
    {
        var errors = Errors(new JsonObject());

        errors.Should().Equal(
            ("$.recordVersion", ErrorCodes.Required),
            ("$.time", ErrorCodes.Required),
            ("$.engineVersion", ErrorCodes.Required),
            ("$.ruleSet", ErrorCodes.Required),
            ("$.assessedOn", ErrorCodes.Required),
            ("$.urgency", ErrorCodes.Required),
            ("$.urgencyCode", ErrorCodes.Required),
            ("$.ruleIds", ErrorCodes.Required));
    }

    [Fact]
    public void A_version_1_record_may_not_carry_chain_fields_and_a_version_2_record_must()
    {
        var v1 = Line();
        v1["previousHash"] = AuditChain.Genesis;
        v1["recordHash"] = Hash;
        Errors(v1).Should().Equal(("$.previousHash", ErrorCodes.Conflict), ("$.recordHash", ErrorCodes.Conflict));

        var onlyRecordHash = Line();
        onlyRecordHash["recordHash"] = Hash;
        Errors(onlyRecordHash).Should().Equal(("$.recordHash", ErrorCodes.Conflict));

        var v2 = Line(chained: true);
        v2.Remove("previousHash");
        v2.Remove("recordHash");
        Errors(v2).Should().Equal(("$.previousHash", ErrorCodes.Required), ("$.recordHash", ErrorCodes.Required));
    }

    [Theory]
    [InlineData("previousHash", "\"hmac-sha256:abc\"", ErrorCodes.InvalidFormat)]
    [InlineData("previousHash", "1", ErrorCodes.WrongType)]
    [InlineData("recordHash", "\"sha256:" + "ABCDEF1111111111111111111111111111111111111111111111111111111111\"", ErrorCodes.InvalidFormat)]
    [InlineData("recordHash", "null", ErrorCodes.WrongType)]
    public void A_bad_chain_hash_has_its_path_and_code(string field, string json, string code)
    {
        ErrorsWith(field, json, chained: true).Should().Equal(("$." + field, code));
    }

    [Fact]
    public void A_keyed_record_hash_is_read_and_versions_other_than_1_and_2_are_unsupported()
    {
        var keyed = new AuditChain(AuditKey.FromBytes(new byte[32])).Append(Record());
        AuditRecord.ParseJsonLine(keyed.ToJsonLine()).Value.Should().Be(keyed);

        ErrorsWith("recordVersion", "3").Should().Equal(("$.recordVersion", ErrorCodes.UnsupportedVersion));
        ErrorsWith("recordVersion", "0").Should().Equal(("$.recordVersion", ErrorCodes.UnsupportedVersion));
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_a_wrong_type_at_the_root()
    {
        AuditRecord.ParseJsonLine("[]").Errors.Select(e => (e.Path, e.Code)).Should().Equal(("$", ErrorCodes.WrongType));
        AuditRecord.ParseJsonLine("\"x\"").Errors.Select(e => e.Message).Should().Equal("an audit record must be a JSON object; got a string (not shown).");
    }

    [Fact]
    public void Stored_values_of_each_json_kind_are_named_by_kind_only()
    {
        var kinds = new Dictionary<string, string>
        {
            ["\"secret\""] = "a string",
            ["7.5"] = "a number",
            ["true"] = "a boolean",
            ["false"] = "a boolean",
            ["null"] = "null",
            ["[\"secret\"]"] = "an array",
            ["{\"secret\":1}"] = "an object",
        };

        foreach (var (json, kind) in kinds)
        {
            var error = AuditRecord.ParseJsonLine(Line().ToJsonString().Replace("\"urgencyCode\":4", "\"urgencyCode\":" + json, StringComparison.Ordinal))
                .Errors.Should().ContainSingle().Subject;

            error.Message.Should().Be($"urgencyCode must be a whole number; got {kind} (not shown).");
        }
    }

    [Fact]
    public void An_embedded_report_is_kept_as_its_exact_json_text()
    {
        var record = new AuditChain().Append(Record(includeReport: true));
        var line = record.ToJsonLine();

        var parsed = AuditRecord.ParseJsonLine(line);

        parsed.Value!.ReportJson.Should().Be(record.ReportJson);
        line.Should().Contain("\"report\":" + record.ReportJson + ",");
        parsed.Value.ToJsonLine().Should().Be(line);
    }

    [Fact]
    public void A_line_of_exactly_1_MiB_is_read_and_one_byte_more_is_too_large_as_a_string_and_as_utf8()
    {
        var compact = Line().ToJsonString();

        // Padding after the object is whitespace: the line stays one record.
        var atLimit = compact + new string(' ', AuditRecord.MaxJsonLineBytes - Encoding.UTF8.GetByteCount(compact));
        var over = atLimit + " ";

        AuditRecord.ParseJsonLine(atLimit).Errors.Should().BeEmpty();
        AuditRecord.ParseJsonLine(Encoding.UTF8.GetBytes(atLimit)).Errors.Should().BeEmpty();
        AuditRecord.ParseJsonLine(over).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
        AuditRecord.ParseJsonLine(Encoding.UTF8.GetBytes(over)).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Fact]
    public void The_size_limit_of_a_line_counts_utf8_bytes_not_characters()
    {
        // 400,000 characters of three bytes each: 1.2 MB of UTF-8 in fewer than 1 Mi characters.
        var line = "{\"engineVersion\":\"" + new string('€', 400_000) + "\"}";

        AuditRecord.ParseJsonLine(line).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }
}
