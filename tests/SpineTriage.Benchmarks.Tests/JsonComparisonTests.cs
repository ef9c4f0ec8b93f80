using System.Text;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Serialization;

namespace SpineTriage.Benchmarks.Tests;

/// <summary>
/// The JSON floor is a fair floor only if it reads the same report bytes (rule set 2.0's questions included) and
/// writes a result of the same shape and content as SpineTriage's JSON path.
/// </summary>
public sealed class JsonComparisonTests : IDisposable
{
    private readonly JsonComparison _comparison = new();

    public void Dispose() => _comparison.Dispose();

    [Fact]
    public void The_floor_writes_the_same_result_JSON_as_SpineTriage()
    {
        _comparison.SpineTriage();
        var spineTriage = Encoding.UTF8.GetString(_comparison.Output);
        _comparison.Floor();
        var floor = Encoding.UTF8.GetString(_comparison.Output);

        floor.Should().Be(spineTriage);
        spineTriage.Should().Contain("\"ruleSet\":{\"version\":\"2.");
    }

    [Fact]
    public void The_floor_reads_every_answer_of_the_2_0_reference_report()
    {
        var report = JsonSerializer.Deserialize(ReferenceReport.Json, FloorJsonContext.Default.FloorReport)!;

        report.Answers.Should().HaveCount(ReferenceReport.Report.Answers.Count);
        report.Answers.Should().ContainKeys("drowsyConfusedOrSlowBreathing", "recentFallOrInjury");
        TriageJson.ParseReport(ReferenceReport.Json).Value.Should().Be(ReferenceReport.Report);
    }
}
