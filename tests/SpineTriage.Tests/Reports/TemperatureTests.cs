using FluentAssertions;
using SpineTriage.Reports;

namespace SpineTriage.Tests.Reports;

/// <summary>A temperature carries its unit; Fahrenheit converts as (F − 32) × 5 / 9 (clinical-criteria.md section 2).</summary>
public class TemperatureTests
{
    [Fact]
    public void Exactly_100_4_F_converts_to_exactly_38_0_C()
    {
        Temperature.Fahrenheit(100.4m).ToCelsius().Should().Be(38.0m);
    }

    [Fact]
    public void Exactly_98_6_F_converts_to_exactly_37_0_C()
    {
        Temperature.Fahrenheit(98.6m).ToCelsius().Should().Be(37.0m);
    }

    [Fact]
    public void A_Celsius_temperature_is_its_own_value_in_Celsius()
    {
        Temperature.Celsius(38.4m).ToCelsius().Should().Be(38.4m);
    }

    [Fact]
    public void A_Celsius_temperature_is_written_with_its_unit()
    {
        Temperature.Celsius(38.4m).ToString().Should().Be("38.4 °C");
    }

    [Fact]
    public void A_Fahrenheit_temperature_is_written_with_its_Celsius_value_to_a_tenth()
    {
        Temperature.Fahrenheit(100.9m).ToString().Should().Be("100.9 °F (38.3 °C)");
    }

    [Fact]
    public void A_temperature_with_an_undefined_unit_cannot_be_converted()
    {
        var act = () => new Temperature(38.0m, (TemperatureUnit)7).ToCelsius();

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Temperatures_in_different_units_are_different_values()
    {
        Temperature.Fahrenheit(100.4m).Should().NotBe(Temperature.Celsius(38.0m));
    }
}
