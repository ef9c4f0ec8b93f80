using System.Globalization;

namespace SpineTriage.Reports;

/// <summary>A measured body temperature with its unit. The unit is part of the value, so Fahrenheit is never read as Celsius.</summary>
/// <param name="Value">The measured value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>.</param>
/// <remarks>Values are <see cref="decimal"/> so that 100.4 °F converts to exactly 38.0 °C.</remarks>
public readonly record struct Temperature(decimal Value, TemperatureUnit Unit)
{
    /// <summary>Creates a temperature in degrees Celsius.</summary>
    /// <param name="value">The value in °C.</param>
    /// <returns>The temperature.</returns>
    public static Temperature Celsius(decimal value) => new(value, TemperatureUnit.Celsius);

    /// <summary>Creates a temperature in degrees Fahrenheit.</summary>
    /// <param name="value">The value in °F.</param>
    /// <returns>The temperature.</returns>
    public static Temperature Fahrenheit(decimal value) => new(value, TemperatureUnit.Fahrenheit);

    /// <summary>Gets the value in degrees Celsius: Fahrenheit is converted as (F − 32) × 5 / 9.</summary>
    /// <returns>The value in °C.</returns>
    /// <exception cref="InvalidOperationException">The unit is not a defined <see cref="TemperatureUnit"/>.</exception>
    public decimal ToCelsius() => Unit switch
    {
        TemperatureUnit.Celsius => Value,
        TemperatureUnit.Fahrenheit => (Value - 32m) * 5m / 9m,
        _ => throw new InvalidOperationException($"Undefined temperature unit {(int)Unit}."),
    };

    /// <summary>Formats the temperature for an explanation, for example <c>38.4 °C</c> or <c>100.9 °F (38.3 °C)</c>.</summary>
    /// <returns>The formatted temperature, culture-invariant.</returns>
    public override string ToString() => Unit switch
    {
        TemperatureUnit.Celsius => string.Create(CultureInfo.InvariantCulture, $"{Value} °C"),
        TemperatureUnit.Fahrenheit => string.Create(CultureInfo.InvariantCulture, $"{Value} °F ({Math.Round(ToCelsius(), 1)} °C)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Value} (undefined unit {(int)Unit})"),
    };
}
