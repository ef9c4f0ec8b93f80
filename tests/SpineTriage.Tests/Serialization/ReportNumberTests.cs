using System.Text;
using FluentAssertions;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// How the report reader reads numbers as written: the decimal places of a temperature (never rounded), an integer too
/// large or not whole, and a list item of the wrong kind (mutation run 6e, 2026-11-30: these boundaries survived).
/// </summary>
public class ReportNumberTests
{
    [Theory]
    [InlineData("37", 0)]
    [InlineData("37.5", 1)]
    [InlineData("37.50", 1)]
    [InlineData("37.25", 2)]
    [InlineData("37.125", 3)]
    [InlineData("3.75e1", 1)]
    [InlineData("1.25e1", 1)]
    [InlineData("1.25E+1", 1)]
    [InlineData("375e-1", 1)]
    [InlineData("38000e-3", 0)]
    [InlineData("1.50e1", 0)]
    [InlineData("0.00e-1", 0)]
    [InlineData("10.0e-2", 1)]
    [InlineData("1e28", 0)]
    [InlineData("1e29", -1)]
    [InlineData("1e10000", -1)]
    [InlineData("1.5e-1000", 1001)]
    [InlineData("1e-10000", int.MaxValue)]
    public void The_decimal_places_of_a_number_are_counted_as_written_trailing_zeros_aside(string number, int places)
    {
        ReportReader.DecimalPlaces(Encoding.ASCII.GetBytes(number)).Should().Be(places);
    }

    [Theory]
    [InlineData("2.147483647e9", ErrorCodes.WrongType)]
    [InlineData("2147483648", ErrorCodes.OutOfRange)]
    [InlineData("2.147483648e9", ErrorCodes.OutOfRange)]
    [InlineData("7.5", ErrorCodes.WrongType)]
    public void A_pain_score_that_is_not_a_whole_number_is_a_wrong_type_and_one_beyond_any_integer_out_of_range(string number, string code)
    {
        var errors = TriageJson.ParseReport($$"""{"surgeryDate":"2026-09-01","painScore":{{number}}}""").Errors;

        errors.Select(e => (e.Path, e.Code)).Should().Equal(("$.painScore", code));
    }

    [Theory]
    [InlineData("\"titanium\"", ErrorCodes.UnknownValue)]
    [InlineData("7", ErrorCodes.WrongType)]
    public void A_hardware_item_that_is_no_name_of_one_is_an_unknown_value_and_one_that_is_no_string_a_wrong_type(string item, string code)
    {
        var errors = TriageJson.ParseReport($$"""{"surgeryDate":"2026-09-01","hardware":["screws",{{item}}]}""").Errors;

        errors.Select(e => (e.Path, e.Code)).Should().Equal(("$.hardware[1]", code));
    }
}
