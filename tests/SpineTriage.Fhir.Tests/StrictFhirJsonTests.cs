using System.Text;
using FluentAssertions;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Tests;

/// <summary>The checks made on FHIR JSON text before a parser reads it: the JSON contract's rules on every surface.</summary>
public class StrictFhirJsonTests
{
    private static string Temperature(string value) =>
        """{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"temperature","answer":[{"valueQuantity":{"value":""" + value + ""","system":"http://unitsofmeasure.org","code":"Cel"}}]}]}""";

    [Theory]
    [InlineData("37.99999999999999999999999999999")]
    [InlineData("37.999")]
    [InlineData("3799999999999999999999999999999e-29")]
    [InlineData("37.5e-2")]
    [InlineData("1e-99999999999")]
    public void A_temperature_with_more_than_two_decimal_places_as_written_is_too_precise(string value)
    {
        StrictFhirJson.Check(Encoding.UTF8.GetBytes(Temperature(value))).Select(e => (e.Path, e.Code))
            .Should().Equal([("temperature", ErrorCodes.TooPrecise)]);
    }

    [Theory]
    [InlineData("38")]
    [InlineData("37.55")]
    [InlineData("37.50000")]
    [InlineData("3.75e1")]
    [InlineData("38000e-3")]
    public void A_temperature_as_a_thermometer_shows_it_passes(string value) =>
        StrictFhirJson.Check(Encoding.UTF8.GetBytes(Temperature(value))).Should().BeEmpty();

    [Fact]
    public void A_property_given_twice_in_one_object_is_refused_wherever_it_is()
    {
        var json = """{"resourceType":"Parameters","parameter":[{"name":"questionnaire-response","resource":{"resourceType":"QuestionnaireResponse","status":"completed","status":"entered-in-error"}}]}""";

        StrictFhirJson.Check(Encoding.UTF8.GetBytes(json)).Select(e => (e.Path, e.Code))
            .Should().Equal([("$.parameter[0].resource.status", ErrorCodes.DuplicateKey)]);
    }

    [Fact]
    public void Only_duplicate_keys_are_checked_in_a_document_whose_parts_are_read_later()
    {
        using var document = System.Text.Json.JsonDocument.Parse(Temperature("70.125"));

        StrictFhirJson.CheckDuplicateKeys(document.RootElement).Should().BeEmpty();
        StrictFhirJson.Check(document.RootElement).Should().ContainSingle();
    }

    [Fact]
    public void JSON_that_is_not_well_formed_is_left_to_the_parser() =>
        StrictFhirJson.Check("{\"resourceType\":"u8).Should().BeEmpty();
}
