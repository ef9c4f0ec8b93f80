using System.Text;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>Triage of a report read from a stream (a request body) and its errors as a validation problem's dictionary.</summary>
public class TriageJsonStreamsTests
{
    private static readonly TriageEngine Engine = ReportBuilder.EngineV2();

    [Fact]
    public async Task A_report_read_from_a_stream_triages_as_the_same_bytes_do()
    {
        foreach (var report in ShippedRuleSet.For(Engine.RuleSet.Selector).Sample(20261207, 50))
        {
            var json = TriageJson.SerializeReport(report);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

            var fromStream = await Engine.TriageJsonAsync(stream);

            fromStream.Value.Should().Be(Engine.TriageJson(json).Value);
        }
    }

    [Fact]
    public async Task A_body_longer_than_the_engine_reads_is_refused_as_too_large_without_reading_it_all()
    {
        var engine = ReportBuilder.EngineV2(new TriageEngineOptions { MaxReportBytes = TriageEngineOptions.MinMaxReportBytes });
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"surgeryDate\":\"2026-09-01\",\"reportId\":\"" + new string('x', 100_000) + "\"}"));

        var outcome = await engine.TriageJsonAsync(stream);

        outcome.IsSuccess.Should().BeFalse();
        outcome.Errors.Select(e => e.Code).Should().Equal(ErrorCodes.TooLarge);
        stream.Position.Should().Be(TriageEngineOptions.MinMaxReportBytes + 1);
    }

    [Fact]
    public async Task Invalid_json_gives_its_errors_grouped_by_path_as_code_and_message()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{ "surgeryDate": "2026-09-01", "painScore": 11, "answers": { "fever": "maybe" } }"""));

        var outcome = await Engine.TriageJsonAsync(stream);
        var problem = outcome.Errors.ToProblemErrors();

        problem.Keys.Should().BeEquivalentTo(outcome.Errors.Select(e => e.Path).Distinct());
        problem.Should().ContainKey("$.painScore").WhoseValue.Should().ContainSingle().Which.Should().StartWith(outcome.Errors.First(e => e.Path == "$.painScore").Code + ": ");
    }

    [Fact]
    public async Task The_engine_and_the_stream_are_required()
    {
        var noEngine = () => TriageJsonStreams.TriageJsonAsync(null!, Stream.Null);
        var noStream = () => Engine.TriageJsonAsync(null!);

        await noEngine.Should().ThrowAsync<ArgumentNullException>();
        await noStream.Should().ThrowAsync<ArgumentNullException>();
        FluentActions.Invoking(() => TriageJsonStreams.ToProblemErrors(null!)).Should().Throw<ArgumentNullException>();
    }
}
