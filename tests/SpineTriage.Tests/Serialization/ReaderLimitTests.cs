using System.Text;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.Testing;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// Every reader is bounded in the library, not only in the console (docs/reliability.md, Limits): report JSON by
/// <see cref="TriageEngineOptions.MaxReportBytes"/>, case files by 1 MiB, and the errors of one input by
/// <see cref="TriageEngineOptions.MaxErrors"/>, each named by a stable code.
/// </summary>
public class ReaderLimitTests
{
    private const int OneMiB = 1024 * 1024;

    private const string Valid = """{"surgeryDate":"2026-09-01","assessedOn":"2026-11-24"}""";

    private static string PaddedTo(int bytes) => Valid[..^1] + new string(' ', bytes - Valid.Length) + "}";

    private static string BadHardware(int items) =>
        """{"surgeryDate":"2026-09-01","assessedOn":"2026-11-24","hardware":[""" + string.Join(",", Enumerable.Repeat("\"x\"", items)) + "]}";

    [Fact]
    public void Report_json_of_exactly_1_MiB_is_read_and_one_byte_more_is_refused_as_too_large()
    {
        var engine = ReportBuilder.EngineV1();

        engine.TriageJson(PaddedTo(OneMiB)).IsSuccess.Should().BeTrue();
        var refused = engine.TriageJson(PaddedTo(OneMiB + 1));

        refused.Errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Code == ErrorCodes.TooLarge && e.Path == "$");
        refused.Errors[0].Message.Should().Contain("1 MiB");
    }

    [Fact]
    public void Report_bytes_of_exactly_1_MiB_are_read_and_one_byte_more_is_refused_as_too_large()
    {
        var engine = ReportBuilder.EngineV1();

        engine.TriageJson(Encoding.UTF8.GetBytes(PaddedTo(OneMiB))).IsSuccess.Should().BeTrue();
        engine.TriageJson(Encoding.UTF8.GetBytes(PaddedTo(OneMiB + 1))).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Theory]
    [InlineData(1024 * 1024, "1 MiB (1048576 bytes)")]
    [InlineData(2 * 1024 * 1024, "2 MiB (2097152 bytes)")]
    [InlineData(64 * 1024, "64 KiB (65536 bytes)")]
    [InlineData(1024, "1 KiB (1024 bytes)")]
    [InlineData(1536, "1536 bytes")]
    [InlineData(1000, "1000 bytes")]
    public void A_size_limit_is_described_in_the_largest_whole_unit_with_its_bytes(int bytes, string text)
    {
        SpineTriage.Serialization.Internal.ReportReader.SizeText(bytes).Should().Be(text);
    }

    [Fact]
    public void Report_json_of_30_MB_is_refused_from_a_string_and_from_bytes_without_being_parsed()
    {
        var engine = ReportBuilder.EngineV1();
        var huge = "{\"reportId\":\"" + new string('x', 30 * OneMiB) + "\"}";

        engine.TriageJson(huge).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
        engine.TriageJson(Encoding.UTF8.GetBytes(huge)).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
        TriageJson.ParseReport(huge).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Fact]
    public void The_size_limit_counts_utf8_bytes_not_characters()
    {
        // 400,000 characters of three bytes each: 1.2 MB of UTF-8, fewer than 1 Mi characters.
        var json = "{\"reportId\":\"" + new string('€', 400_000) + "\",\"surgeryDate\":\"2026-09-01\"}";

        TriageJson.ParseReport(json).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Fact]
    public void The_report_size_limit_is_configurable()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { MaxReportBytes = 4096 });

        engine.TriageJson(PaddedTo(4096)).IsSuccess.Should().BeTrue();
        engine.TriageJson(PaddedTo(4097)).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4095)]
    [InlineData(64 * 1024 * 1024 + 1)]
    public void A_report_size_limit_outside_4_KiB_to_64_MiB_is_refused_when_the_engine_is_built(int maxReportBytes)
    {
        var build = () => new TriageEngine(new TriageEngineOptions { MaxReportBytes = maxReportBytes });

        build.Should().Throw<ArgumentException>().WithMessage("*MaxReportBytes*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void An_error_limit_outside_1_to_10000_is_refused_when_the_engine_is_built(int maxErrors)
    {
        var build = () => new TriageEngine(new TriageEngineOptions { MaxErrors = maxErrors });

        build.Should().Throw<ArgumentException>().WithMessage("*MaxErrors*");
    }

    [Fact]
    public void A_1_MiB_report_with_200000_bad_hardware_items_lists_the_first_100_errors_then_how_many_more()
    {
        var json = BadHardware(200_000);
        Encoding.UTF8.GetByteCount(json).Should().BeLessThan(OneMiB);

        var errors = ReportBuilder.EngineV1().TriageJson(json).Errors;

        errors.Should().HaveCount(101);
        errors.Take(100).Should().OnlyContain(e => e.Code == ErrorCodes.UnknownValue);
        errors[0].Path.Should().Be("$.hardware[0]");
        errors[99].Path.Should().Be("$.hardware[99]");
        errors[100].Should().Be(new ValidationError("$", ErrorCodes.TooManyErrors, "and 199900 more errors: only the first 100 are listed."));
    }

    [Fact]
    public void The_error_limit_holds_for_parse_report_and_for_many_unknown_properties()
    {
        var members = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"unknown{i}\":1"));
        var parsed = TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\"," + members + "}");

        parsed.Errors.Should().HaveCount(101);
        parsed.Errors.Take(100).Should().OnlyContain(e => e.Code == ErrorCodes.UnknownProperty);
        parsed.Errors[100].Message.Should().Be("and 4900 more errors: only the first 100 are listed.");
    }

    [Fact]
    public void The_error_limit_is_configurable_and_counts_validation_errors_too()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { MaxErrors = 2 });

        // Three JSON errors and one range error (painScore 12): two listed, then "and 2 more".
        var errors = engine.TriageJson("""{"surgeryDate":"2026-09-01","assessedOn":"2026-11-24","hardware":["x","y","z"],"painScore":12}""").Errors;

        errors.Select(e => e.Code).Should().Equal(ErrorCodes.UnknownValue, ErrorCodes.UnknownValue, ErrorCodes.TooManyErrors);
        errors[2].Message.Should().Be("and 2 more errors: only the first 2 are listed.");
    }

    [Fact]
    public void Validating_a_report_built_in_code_lists_at_most_the_error_limit()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { MaxErrors = 3 });
        var report = new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, Hardware = Enumerable.Repeat(HardwareKind.Rods, 10).ToArray() };

        var errors = engine.Validate(report).Errors;

        errors.Should().HaveCount(4);
        errors[3].Code.Should().Be(ErrorCodes.TooManyErrors);
        errors[3].Message.Should().Be("and 6 more errors: only the first 3 are listed.");
    }

    [Fact]
    public void A_case_file_over_1_MiB_is_refused_as_too_large()
    {
        var json = """{"name":"padded","report":{"surgeryDate":"2026-09-01"},"expect":{"urgency":"urgent"}""" + new string(' ', OneMiB) + "}";

        TriageCase.Parse(json).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Fact]
    public void A_case_file_of_exactly_1_MiB_of_utf8_is_read_and_one_byte_more_is_too_large()
    {
        // The name holds three-byte characters: the limit counts UTF-8 bytes, not characters.
        const string Head = """{"name":" """;
        const string Tail = """ ","report":{"surgeryDate":"2026-09-01"},"expect":{"urgency":"urgent"}}""";
        var room = OneMiB - Encoding.UTF8.GetByteCount(Head + Tail);
        var atLimit = Head + new string('€', room / 3) + new string('x', room % 3) + Tail;

        TriageCase.Parse(atLimit).Errors.Should().BeEmpty();
        TriageCase.Parse(atLimit.Replace(" \",", "  \",", StringComparison.Ordinal)).Errors.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Fact]
    public void A_case_file_with_many_errors_lists_the_first_100_then_how_many_more()
    {
        var members = string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"extra{i}\":1"));

        var errors = TriageCase.Parse("{" + members + "}").Errors;

        errors.Should().HaveCount(101);
        errors[100].Code.Should().Be(ErrorCodes.TooManyErrors);
    }

    [Fact]
    public void An_unknown_key_is_named_in_its_error_but_cut_to_40_characters_in_the_path_and_the_message()
    {
        var key = "saddleNumbness" + new string('x', 200);

        var error = TriageJson.ParseReport("{\"surgeryDate\":\"2026-09-01\",\"answers\":{\"" + key + "\":\"yes\"}}").Errors.Should().ContainSingle().Subject;

        error.Code.Should().Be(ErrorCodes.UnknownQuestion);
        error.Path.Should().Be("$.answers['" + key[..40] + "…']");
        error.Message.Should().Contain("'" + key[..40] + "…'").And.NotContain(key[..41]);
    }

    [Fact]
    public void One_error_past_the_limit_is_counted_in_the_singular()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { MaxErrors = 2 });

        var errors = engine.TriageJson("""{"surgeryDate":"2026-09-01","assessedOn":"2026-11-24","hardware":["x","y","z"]}""").Errors;

        errors.Select(e => e.Code).Should().Equal(ErrorCodes.UnknownValue, ErrorCodes.UnknownValue, ErrorCodes.TooManyErrors);
        errors[2].Message.Should().Be("and 1 more error: only the first 2 are listed.");
    }
}
