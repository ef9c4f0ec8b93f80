namespace SpineTriage.Reports;

/// <summary>The unit a temperature was measured in.</summary>
public enum TemperatureUnit
{
    /// <summary>Degrees Celsius.</summary>
    Celsius = 1,

    /// <summary>Degrees Fahrenheit.</summary>
    Fahrenheit = 2,
}
