using FluentAssertions;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Validation;

/// <summary>A measurement listed as skipped must not also be given: an error with a stable code, as every error has.</summary>
public class SkippedMeasurementTests
{
    [Theory]
    [InlineData("""{ "surgeryDate": "2026-09-01", "painScore": 3, "skipped": ["painScore"] }""")]
    [InlineData("""{ "surgeryDate": "2026-09-01", "temperature": { "value": 37.5, "unit": "celsius" }, "skipped": ["temperature"] }""")]
    public void A_measurement_given_and_listed_as_skipped_is_a_conflict_at_its_skipped_entry(string json)
    {
        var error = ReportBuilder.EngineV1().TriageJson(json).Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("$.skipped[0]");
        error.Code.Should().Be(ErrorCodes.Conflict);
    }
}
