using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Results;

namespace SpineTriage.Tests.Reports;

/// <summary>The urgency scale of clinical-criteria.md section 1: stable code, JSON name, timeframe, CDS Hooks indicator.</summary>
public class UrgencyTests
{
    [Theory]
    [InlineData(Urgency.Emergency, 5, "emergency", "now", "critical")]
    [InlineData(Urgency.Urgent, 4, "urgent", "today, within hours", "critical")]
    [InlineData(Urgency.Soon, 3, "soon", "within 3 days", "warning")]
    [InlineData(Urgency.Routine, 2, "routine", "at the next follow-up, within 2 weeks", "info")]
    [InlineData(Urgency.SelfCare, 1, "selfCare", "no visit needed now", "info")]
    public void Each_urgency_has_the_code_name_timeframe_and_indicator_of_the_criteria(Urgency urgency, int code, string json, string timeframe, string indicator)
    {
        urgency.Code().Should().Be(code);
        urgency.JsonName().Should().Be(json);
        urgency.Timeframe().Should().Be(timeframe);
        urgency.CdsHooksIndicator().Should().Be(indicator);
    }

    [Fact]
    public void An_undefined_urgency_has_no_code()
    {
        var act = () => ((Urgency)0).Code();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_disposition_of_an_undefined_urgency_is_refused()
    {
        var act = () => DispositionTexts.Default.For((Urgency)6);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
