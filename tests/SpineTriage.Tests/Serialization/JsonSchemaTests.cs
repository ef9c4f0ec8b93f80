using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;
using SpineTriage.Testing;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// The JSON Schemas of docs/schemas against the samples and against the strict readers: a document a schema accepts
/// is never refused by its reader for its structure, and every error of a reader that JSON Schema can express is one
/// the schema also reports (<see cref="Expressible"/> says which those are).
/// </summary>
public class JsonSchemaTests
{
    /// <summary>
    /// Every error code, and whether JSON Schema can express it (docs/schemas/README.md has the same table). Codes that
    /// cannot be expressed: the JSON itself is broken or too big (a schema sees only a parsed document), a duplicate key
    /// (lost when the document is parsed), nesting depth, semantic rules that need another date or the clock, the report
    /// hash, the console's own errors, and the summary of errors over the limit.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, bool> Expressible = new Dictionary<string, bool>
    {
        [ErrorCodes.MalformedJson] = false,
        [ErrorCodes.NotText] = false,
        [ErrorCodes.TooDeep] = false,
        [ErrorCodes.UnknownProperty] = true,
        [ErrorCodes.UnknownQuestion] = true,
        [ErrorCodes.UnknownValue] = true,
        [ErrorCodes.UnknownRule] = true,
        [ErrorCodes.DuplicateKey] = false,
        [ErrorCodes.DuplicateValue] = true,
        [ErrorCodes.WrongType] = true, // except a whole number written with a fraction or exponent (5.0, 5e0): the same number to JSON Schema
        [ErrorCodes.InvalidDate] = true,
        [ErrorCodes.Required] = true,
        [ErrorCodes.OutOfRange] = true,
        [ErrorCodes.TooLong] = true,
        [ErrorCodes.DateOrder] = false,
        [ErrorCodes.FutureDate] = false,
        [ErrorCodes.Conflict] = true,
        [ErrorCodes.InvalidFormat] = true,
        [ErrorCodes.Mismatch] = true,
        [ErrorCodes.UnsupportedVersion] = true,
        [ErrorCodes.HashMismatch] = false,
        [ErrorCodes.Unreadable] = false,
        [ErrorCodes.TooLarge] = false,
        [ErrorCodes.TooManyErrors] = false,
        [ErrorCodes.TooPrecise] = true,
        [ErrorCodes.UnknownLanguage] = true,
        [ErrorCodes.UnknownTextKey] = false,
        [ErrorCodes.PlaceholderMismatch] = false,
        [ErrorCodes.SchemaViolation] = true,
        [ErrorCodes.UnknownFact] = false,
        [ErrorCodes.DuplicateId] = false,
        [ErrorCodes.RedFlagNotUrgent] = false,
        [ErrorCodes.RuleNeverFires] = false,
        [ErrorCodes.QuestionNotRead] = false,
        [ErrorCodes.TextMissing] = false,
        [ErrorCodes.ShippedNameReused] = false,
    };

    private static readonly string[] Reports = Directory.GetFiles(Repository.PathOf("samples/reports/rule-set-1.0"), "*.json").Order(StringComparer.Ordinal).ToArray();

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> SampleReports() => [.. Reports.Select(f => Path.GetFileName(f))];

    [Fact]
    public void The_mapping_of_error_codes_covers_every_code_and_the_schema_readme_states_it()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();
        Expressible.Keys.Should().BeEquivalentTo(codes);

        var readme = File.ReadAllText(Repository.PathOf("docs/schemas/README.md"));
        foreach (var (code, expressible) in Expressible)
        {
            readme.Should().Contain($"| `{code}` | {(expressible ? "yes" : "no")}", because: "docs/schemas/README.md lists every code and whether a schema reports it");
        }
    }

    [Fact]
    public void Every_schema_is_draft_2020_12_with_an_id_under_the_documented_base()
    {
        foreach (var name in SchemaFiles.Names)
        {
            var schema = JsonNode.Parse(SchemaFiles.Text(name))!;
            ((string?)schema["$schema"]).Should().Be("https://json-schema.org/draft/2020-12/schema", name);
            ((string?)schema["$id"]).Should().Be("https://spinetriage.example/schemas/" + name);
        }
    }

    [Fact]
    public void The_contract_and_the_readme_point_at_the_schemas()
    {
        File.ReadAllText(Repository.PathOf("docs/contract.md")).Should().Contain("schemas/README.md");
        var readme = File.ReadAllText(Repository.PathOf("docs/schemas/README.md"));
        foreach (var name in SchemaFiles.Names)
        {
            readme.Should().Contain(name);
        }
    }

    [Fact]
    public void The_schemas_list_the_librarys_own_names()
    {
        var report = JsonNode.Parse(SchemaFiles.Text("report.schema.json"))!;
        report["properties"]!["answers"]!["properties"]!.AsObject().Select(p => p.Key)
            .Should().Equal(
                QuestionCatalogue.All.Select(q => q.JsonId).Concat(QuestionId.WellKnown.Where(q => !QuestionCatalogue.All.Any(c => c.Id == q)).Select(q => JsonNames.Of(q))),
                "the answers are the question ids of every rule set: 1.0's in asking order, then those 2.0 adds");
        Names(report["properties"]!["riskFactors"]!["items"]!["enum"]!).Should().BeEquivalentTo(Enum.GetValues<RiskFactor>().Select(v => JsonNames.Of(v)));
        Names(report["properties"]!["hardware"]!["items"]!["enum"]!).Should().BeEquivalentTo(Enum.GetValues<HardwareKind>().Select(v => JsonNames.Of(v)));
        Names(report["properties"]!["skipped"]!["items"]!["enum"]!).Should().BeEquivalentTo(Enum.GetValues<Measurement>().Select(v => JsonNames.Of(v)));
        Names(report["$defs"]!["answer"]!["enum"]!).Should().BeEquivalentTo(Enum.GetValues<Answer>().Select(v => JsonNames.Of(v)));

        var result = JsonNode.Parse(SchemaFiles.Text("result.schema.json"))!;
        Names(result["$defs"]!["urgency"]!["enum"]!).Should().Equal(Enum.GetValues<SpineTriage.Results.Urgency>().Select(u => JsonNames.Of(u)));
        var questionIds = report["properties"]!["answers"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Names(result["properties"]!["unansweredQuestions"]!["items"]!["enum"]!).Should().Equal(questionIds, "a result names questions of every rule set");
        Names(result["properties"]!["notAskedQuestions"]!["items"]!["enum"]!).Should().Equal(questionIds, "a result names questions of every rule set");

        var caseFile = JsonNode.Parse(SchemaFiles.Text("case-file.schema.json"))!;
        Names(caseFile["$defs"]!["ruleIds"]!["items"]!["enum"]!).Should().Equal(
            SpineTriage.Rules.RuleSetEdition.One.Ids
                .Concat(SpineTriage.Rules.RuleSetEdition.Two.Ids.Except(SpineTriage.Rules.RuleSetEdition.One.Ids))
                .Concat(SpineTriage.Rules.RuleSetEdition.Three.Ids.Except(SpineTriage.Rules.RuleSetEdition.Two.Ids)),
            "expect.rules names rule ids of the rule sets, 1.0's, then those 2.0 adds, then those 3.0 adds");
        Names(caseFile["properties"]!["ruleSet"]!["enum"]!).Should().Equal(SpineTriage.Rules.RuleSets.Selectors);

        static IEnumerable<string> Names(JsonNode array) => array.AsArray().Select(n => (string?)n).OfType<string>();
    }

    [Theory]
    [MemberData(nameof(SampleReports))]
    public void Every_sample_report_is_accepted_by_the_schema_exactly_when_the_engine_accepts_it(string file)
    {
        var json = File.ReadAllText(Path.Combine(Repository.PathOf("samples/reports/rule-set-1.0"), file));
        var outcome = ReportBuilder.EngineV1().TriageJson(json);

        SchemaFiles.Report.Accepts(json).Should().Be(outcome.IsSuccess, file);
        if (!outcome.IsSuccess)
        {
            // The deliberately invalid sample is invalid for its structure only: every one of its errors is expressible.
            outcome.Errors.Should().OnlyContain(e => Expressible[e.Code], file);
        }
    }

    [Theory]
    [MemberData(nameof(SampleReports))]
    public void The_result_of_every_valid_sample_report_is_accepted_by_the_result_schema(string file)
    {
        var outcome = ReportBuilder.EngineV1().TriageJson(File.ReadAllText(Path.Combine(Repository.PathOf("samples/reports/rule-set-1.0"), file)));
        if (outcome.TryGetValue(out var result))
        {
            SchemaFiles.Result.Accepts(TriageJson.SerializeResult(result)).Should().BeTrue(file);
            SchemaFiles.Result.Accepts(TriageJson.SerializeResult(result, indented: false)).Should().BeTrue(file);
        }
    }

    [Fact]
    public void Every_case_file_of_the_tests_is_accepted_by_the_case_file_schema()
    {
        var files = Directory.GetFiles(Repository.PathOf("tests/SpineTriage.Tests/TestData/cases"), "*.json")
            .Concat(Directory.GetFiles(Repository.PathOf("tests/SpineTriage.Tests/TestData/cases-2.0"), "*.json"))
            .ToArray();
        files.Should().Contain(f => f.Contains("cases-2.0", StringComparison.Ordinal), "the 2.0 case files are checked too");
        foreach (var file in files)
        {
            var json = File.ReadAllText(file);
            TriageCase.Parse(json).IsSuccess.Should().BeTrue(file);
            SchemaFiles.CaseFile.Accepts(json).Should().BeTrue(file);
        }
    }

    [Fact]
    public void Every_line_of_the_sample_audit_logs_is_accepted_by_the_audit_record_schema()
    {
        // feedback.jsonl is the CDS Hooks feedback log, another record kind (checked by ChainedLinesTests).
        var lines = Directory.GetFiles(Repository.PathOf("samples/audit"), "*.jsonl")
            .Where(f => !Path.GetFileName(f).StartsWith("feedback", StringComparison.Ordinal))
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToArray();
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            AuditRecord.ParseJsonLine(line).IsSuccess.Should().BeTrue();
            SchemaFiles.AuditRecord.Accepts(line).Should().BeTrue();
        }
    }

    [Fact]
    public void Generated_reports_and_their_results_are_accepted_by_the_schemas()
    {
        foreach (var report in ReportGen.Sample(20260901, PropertyRuns.Scaled(300)))
        {
            var json = TriageJson.SerializeReport(report);
            SchemaFiles.Report.Accepts(json).Should().BeTrue(json);
            var result = ReportGen.Engine.Triage(report);
            if (result.TryGetValue(out var value))
            {
                SchemaFiles.Result.Accepts(TriageJson.SerializeResult(value, indented: false)).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void Generated_rule_set_2_0_reports_and_their_results_are_accepted_by_the_schemas()
    {
        var namingA20Question = 0;
        var added = ReportGen.QuestionsV2.Where(q => !QuestionCatalogue.All.Any(c => c.Id == q)).Select(q => JsonNames.Of(q)).ToHashSet(StringComparer.Ordinal);
        foreach (var report in ReportGen.SampleV2(20261129, PropertyRuns.Scaled(300)))
        {
            var json = TriageJson.SerializeReport(report);
            SchemaFiles.Report.Accepts(json).Should().BeTrue(json);
            if (ReportGen.EngineV2.Triage(report).TryGetValue(out var value))
            {
                var resultJson = TriageJson.SerializeResult(value, indented: false);
                SchemaFiles.Result.Accepts(resultJson).Should().BeTrue(resultJson);
                namingA20Question += value.UnansweredQuestions.Concat(value.NotAskedQuestions).Any(q => added.Contains(JsonNames.Of(q))) ? 1 : 0;
            }
        }

        namingA20Question.Should().BePositive("some results name a question rule set 2.0 added, which the 1.0-only schema refused");
    }

    [Fact]
    public void The_results_of_the_rule_set_2_0_case_files_are_accepted_by_the_result_schema()
    {
        var engine = ReportBuilder.EngineV2();
        var checkedCount = 0;
        foreach (var file in Directory.GetFiles(Repository.PathOf("tests/SpineTriage.Tests/TestData/cases-2.0"), "*.json"))
        {
            var triageCase = TriageCase.Parse(File.ReadAllText(file)).GetValueOrThrow();
            if (engine.TriageJson(triageCase.ReportJson).TryGetValue(out var result))
            {
                SchemaFiles.Result.Accepts(TriageJson.SerializeResult(result)).Should().BeTrue(file);
                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(5);
    }

    [Fact]
    public void The_report_schema_and_the_strict_reader_agree_on_mutated_reports()
    {
        var checkedCount = 0;
        var rejected = 0;
        foreach (var report in ReportGen.Sample(7, PropertyRuns.Scaled(40)))
        {
            var original = JsonNode.Parse(TriageJson.SerializeReport(report))!.AsObject();
            foreach (var (name, mutate) in ReportMutations.All)
            {
                var mutated = original.DeepClone().AsObject();
                mutate(mutated);
                var json = mutated.ToJsonString(Relaxed);
                rejected += AssertAgreement(SchemaFiles.Report, json, ReportGen.Engine.TriageJson(json).Errors, name) ? 0 : 1;
                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(PropertyRuns.Scaled(1000));
        rejected.Should().BeGreaterThan(checkedCount / 2, "most mutations break the report");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"2026-09-01\"")]
    [InlineData("12")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{ "surgeryDate": null }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "painScore": 1e400 }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "fusionLevels": -1e400 }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": 1e400, "unit": "celsius" } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": 3.75e1, "unit": "celsius" } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": 37.50, "unit": "celsius" } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": 37.005, "unit": "celsius" } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": 1.0e-9, "unit": "celsius" } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "reportId": "\u00e9\u0301\u00e9\u0301" }""")]
    [InlineData("""{ "surgeryDate": "2026\u002d09-01" }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01\n" }""")]
    [InlineData("""{ "surgeryDate": "٢٠٢٦-٠٩-٠١" }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "answers": { "fever": null } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": null, "unit": "celsius" } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": 38 } }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "hardware": [null] }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "skipped": ["painScore"], "painScore": null }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "skipped": ["temperature"], "temperature": null }""")]
    public void The_report_schema_and_the_strict_reader_agree_on_edge_cases(string json)
    {
        AssertAgreement(SchemaFiles.Report, json, ReportBuilder.EngineV1().TriageJson(json).Errors, json);
    }

    [Fact]
    public void The_report_schema_counts_a_report_id_as_the_reader_does_in_utf16_code_units()
    {
        foreach (var (id, valid) in new[] { (new string('x', 128), true), (new string('x', 129), false), (string.Concat(Enumerable.Repeat("😀", 64)), true), (string.Concat(Enumerable.Repeat("😀", 65)), false), (new string('x', 127) + "\r\n", false) })
        {
            var json = new JsonObject { ["reportId"] = id, ["surgeryDate"] = "2026-09-01" }.ToJsonString();
            ReportBuilder.EngineV1().TriageJson(json).IsSuccess.Should().Be(valid);
            AssertAgreement(SchemaFiles.Report, json, ReportBuilder.EngineV1().TriageJson(json).Errors, $"a report id of {id.Length} UTF-16 code units");
        }
    }

    [Fact]
    public void The_result_schema_and_the_result_reader_agree_on_mutated_results()
    {
        var checkedCount = 0;
        foreach (var report in ReportGen.Sample(11, 15))
        {
            if (!ReportGen.Engine.Triage(report).TryGetValue(out var result))
            {
                continue;
            }

            var original = JsonNode.Parse(TriageJson.SerializeResult(result, indented: false))!.AsObject();
            foreach (var (name, mutate) in ResultMutations.All(original))
            {
                var mutated = original.DeepClone().AsObject();
                mutate(mutated);
                var json = mutated.ToJsonString(Relaxed);
                AssertAgreement(SchemaFiles.Result, json, TriageJson.ParseResult(json).Errors, name);
                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(300);
    }

    [Fact]
    public void The_case_file_schema_and_the_case_file_reader_agree_on_mutated_case_files()
    {
        foreach (var file in Directory.GetFiles(Repository.PathOf("tests/SpineTriage.Tests/TestData/cases"), "*.json"))
        {
            var original = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            foreach (var (name, mutate) in CaseMutations.All)
            {
                var mutated = original.DeepClone().AsObject();
                mutate(mutated);
                var json = mutated.ToJsonString(Relaxed);
                var outcome = TriageCase.Parse(json);
                AssertAgreement(SchemaFiles.CaseFile, json, outcome.Errors, $"{Path.GetFileName(file)}: {name}", exact: false);

                // The schema is stricter in one documented way: a case that expects an urgency holds a report the report schema accepts.
                if (outcome.TryGetValue(out var triageCase) && !triageCase.ExpectInvalid && SchemaFiles.Report.Accepts(triageCase.ReportJson))
                {
                    SchemaFiles.CaseFile.Accepts(json).Should().BeTrue($"{Path.GetFileName(file)}: {name}");
                }
            }
        }
    }

    [Fact]
    public void The_audit_record_schema_and_the_audit_record_reader_agree_on_mutated_records()
    {
        // feedback.jsonl is the CDS Hooks feedback log, another record kind (checked by ChainedLinesTests); the 400
        // generated records of realistic-2.0.jsonl have the shapes of the hand-written samples (every line of it is
        // checked against the schema above), so mutating them too would only take a minute more.
        var lines = Directory.GetFiles(Repository.PathOf("samples/audit"), "*.jsonl")
            .Where(f => !Path.GetFileName(f).StartsWith("feedback", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("realistic", StringComparison.Ordinal))
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToArray();
        var checkedCount = 0;
        foreach (var line in lines)
        {
            var original = JsonNode.Parse(line)!.AsObject();
            foreach (var (name, mutate) in AuditMutations.All)
            {
                var mutated = original.DeepClone().AsObject();
                mutate(mutated);
                var json = mutated.ToJsonString(Relaxed);
                var outcome = AuditRecord.ParseJsonLine(json);
                AssertAgreement(SchemaFiles.AuditRecord, json, outcome.Errors, name, exact: false);

                // The schema is stricter in one documented way: an embedded report must be one the report schema accepts.
                if (outcome.IsSuccess && (mutated["report"] is not JsonObject embedded || SchemaFiles.Report.Accepts(embedded.ToJsonString())))
                {
                    SchemaFiles.AuditRecord.Accepts(json).Should().BeTrue(name);
                }

                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(100);
    }

    /// <summary>
    /// Asserts the two directions: accepted by the schema ⇒ no expressible error from the reader; an expressible error
    /// from the reader ⇒ rejected by the schema. Returns whether the schema accepted.
    /// </summary>
    private static bool AssertAgreement(Json.Schema.JsonSchema schema, string json, IReadOnlyList<ValidationError> errors, string what, bool exact = true)
    {
        var accepted = schema.Accepts(json);
        var expressible = errors.Where(e => Expressible[e.Code]).Select(e => $"{e.Path} {e.Code}").ToArray();
        if (accepted)
        {
            expressible.Should().BeEmpty($"the schema accepts {what} ({json}), so the reader must not refuse its structure");
        }
        else if (exact)
        {
            errors.Should().NotBeEmpty($"the schema rejects {what} ({json}), so the reader must refuse it too");
        }

        if (expressible.Length > 0)
        {
            accepted.Should().BeFalse($"the reader refuses {what} ({json}) with [{string.Join(", ", expressible)}], which the schema can express");
        }

        return accepted;
    }
}
