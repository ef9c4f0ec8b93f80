using Microsoft.Extensions.Time.Testing;

namespace SpineTriage.TestSupport;

/// <summary>The one fake clock of the test suites: <see cref="FakeTimeProvider"/>, fixed at noon UTC of a day.</summary>
public static class TestClock
{
    /// <summary>A clock at noon UTC of <paramref name="today"/>, in the UTC time zone, so "today" is that day everywhere.</summary>
    /// <param name="today">The day.</param>
    /// <returns>A new fake clock; advance it with <see cref="FakeTimeProvider.Advance"/>.</returns>
    public static FakeTimeProvider At(DateOnly today)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        return clock;
    }
}
