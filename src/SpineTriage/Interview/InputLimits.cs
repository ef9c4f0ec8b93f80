namespace SpineTriage.Interview;

/// <summary>
/// The limits every input of a report is validated against (docs/contract.md, symptom report), in one place: the
/// engine's validation reads them, and the interview step JSON (<see cref="Serialization.TriageJson.SerializeStep"/>)
/// gives each input its own, so that a front end shows the library's limits instead of copying them.
/// </summary>
public static class InputLimits
{
    /// <summary>The lowest plausible body temperature in °C.</summary>
    public const decimal MinCelsius = 30.0m;

    /// <summary>The highest plausible body temperature in °C.</summary>
    public const decimal MaxCelsius = 45.0m;

    /// <summary>The lowest plausible body temperature in °F.</summary>
    public const decimal MinFahrenheit = 86.0m;

    /// <summary>The highest plausible body temperature in °F.</summary>
    public const decimal MaxFahrenheit = 113.0m;

    /// <summary>The most decimal places a temperature may have, as a thermometer shows it (more is an error, never rounded).</summary>
    public const int TemperatureDecimals = 2;

    /// <summary>The lowest pain score.</summary>
    public const int MinPainScore = 0;

    /// <summary>The highest pain score.</summary>
    public const int MaxPainScore = 10;

    /// <summary>The most days the assessment date may be ahead of the engine's clock.</summary>
    public const int AssessedOnDaysAhead = 1;

    /// <summary>Gets the earliest date a report may name.</summary>
    public static DateOnly EarliestDate { get; } = new(1900, 1, 1);
}
