using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary>Missing arguments are refused with an <see cref="ArgumentNullException"/> naming the parameter, never a crash further in.</summary>
public class EngineArgumentTests
{
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Fact]
    public void Evaluating_no_report_names_the_report()
    {
        var evaluate = () => Engine.Evaluate(null!);

        evaluate.Should().Throw<ArgumentNullException>().WithParameterName("report");
    }

    [Fact]
    public void Validating_no_report_names_the_report()
    {
        var validate = () => Engine.Validate(null!);

        validate.Should().Throw<ArgumentNullException>().WithParameterName("report");
    }

    [Fact]
    public void Triaging_no_report_names_the_report()
    {
        var triage = () => Engine.Triage(null!);

        triage.Should().Throw<ArgumentNullException>().WithParameterName("report");
    }

    [Fact]
    public void Triaging_no_json_names_the_json()
    {
        var triage = () => Engine.TriageJson((string)null!);

        triage.Should().Throw<ArgumentNullException>().WithParameterName("json");
    }
}
