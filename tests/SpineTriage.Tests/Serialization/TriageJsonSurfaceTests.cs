using System.Buffers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// The public surface of <see cref="TriageJson"/> and <see cref="TriageMarkdown"/>: every entry point refuses a null by
/// name, and every <c>indented</c> switch gives indented or one-line JSON as asked (mutation run 6e, 2026-11-30: the
/// guards and the compact branches survived).
/// </summary>
public class TriageJsonSurfaceTests
{
    private static readonly TriageEngine Engine = ReportBuilder.EngineV1();

    private static readonly SpineTriage.Results.TriageResult Result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied());

    public static TheoryData<string, Action> NullArguments() => new()
    {
        { "json", () => TriageJson.ParseReport((string)null!) },
        { "report", () => TriageJson.SerializeReport(null!) },
        { "result", () => TriageJson.SerializeResult(null!) },
        { "result", () => TriageJson.WriteResult(null!, new ArrayBufferWriter<byte>()) },
        { "output", () => TriageJson.WriteResult(Result, (IBufferWriter<byte>)null!) },
        { "result", () => TriageJson.WriteResult(null!, new Utf8JsonWriter(new MemoryStream())) },
        { "writer", () => TriageJson.WriteResult(Result, (Utf8JsonWriter)null!) },
        { "json", () => TriageJson.ParseResult(null!) },
        { "errors", () => TriageJson.SerializeErrors(null!) },
        { "ruleSet", () => TriageJson.SerializeRuleSet(null!) },
        { "ruleSet", () => TriageJson.SerializeRuleSet(null!, "en") },
        { "ruleSet", () => TriageJson.SerializeQuestions((RuleSet)null!) },
        { "ruleSet", () => TriageJson.SerializeQuestions(null!, "en") },
        { "ruleSet", () => TriageMarkdown.SerializeRuleSet(null!) },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void Every_entry_point_refuses_a_null_argument_by_name(string parameter, Action call)
    {
        call.Should().Throw<ArgumentNullException>().WithParameterName(parameter);
    }

    public static TheoryData<string, Func<bool, string>> Writers() => new()
    {
        { "report", indented => TriageJson.SerializeReport(ReportBuilder.AllRedFlagsDenied(), indented) },
        { "result", indented => TriageJson.SerializeResult(Result, indented) },
        { "result into a buffer", indented => Written(indented) },
        { "errors", indented => TriageJson.SerializeErrors([new ValidationError("$.painScore", ErrorCodes.OutOfRange, "too high")], indented) },
        { "rule set", indented => TriageJson.SerializeRuleSet(Engine.RuleSet, indented) },
        { "rule set in a language", indented => TriageJson.SerializeRuleSet(Engine.RuleSet, "es", indented) },
        { "questions", indented => TriageJson.SerializeQuestions(Engine.RuleSet, indented) },
        { "questions in a language", indented => TriageJson.SerializeQuestions(Engine.RuleSet, "es", indented) },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public void Every_writer_gives_indented_json_or_one_line_as_asked_and_the_same_document_either_way(string what, Func<bool, string> write)
    {
        var indented = write(true);
        var compact = write(false);

        indented.Should().Contain("\n  ", what);
        compact.Should().NotContain("\n", what);
        JsonSerializer.Serialize(JsonDocument.Parse(indented).RootElement).Should().Be(JsonSerializer.Serialize(JsonDocument.Parse(compact).RootElement), what);
    }

    [Fact]
    public void A_report_without_answers_is_written_without_an_answers_property()
    {
        var none = ReportBuilder.AllRedFlagsDenied() with { Answers = AnswerSet.Empty };

        TriageJson.SerializeReport(none).Should().NotContain("\"answers\"");
        TriageJson.SerializeReport(ReportBuilder.AllRedFlagsDenied()).Should().Contain("\"answers\":{");
    }

    private static string Written(bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        TriageJson.WriteResult(Result, buffer, indented);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
