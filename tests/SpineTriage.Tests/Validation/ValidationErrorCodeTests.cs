using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Validation;

/// <summary>Every input rule of the contract reports the code of its kind (docs/error-codes.md).</summary>
public class ValidationErrorCodeTests
{
    private static readonly DateOnly Surgery = new(2026, 9, 1);

    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    public static TheoryData<string, SymptomReport, string> Cases() => new()
    {
        { "$.reportId", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery, ReportId = new string('x', 129) }, ErrorCodes.TooLong },
        { "$.surgeryDate", new SymptomReport { SurgeryDate = default }, ErrorCodes.Required },
        { "$.surgeryDate", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery.AddDays(-1) }, ErrorCodes.DateOrder },
        { "$.assessedOn", new SymptomReport { SurgeryDate = Surgery, AssessedOn = new DateOnly(2030, 1, 1) }, ErrorCodes.FutureDate },
        { "$.surgeryRegion", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery, SurgeryRegion = (SurgeryRegion)99 }, ErrorCodes.UnknownValue },
        { "$.hardware[1]", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery, Hardware = [HardwareKind.Rods, HardwareKind.Rods] }, ErrorCodes.DuplicateValue },
        { "$.fusionLevels", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery, FusionLevels = 21 }, ErrorCodes.OutOfRange },
        { "$.painScore", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery, PainScore = 11 }, ErrorCodes.OutOfRange },
        { "$.temperature.value", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery, Temperature = Temperature.Celsius(50m) }, ErrorCodes.OutOfRange },
        { "$.temperature.unit", new SymptomReport { SurgeryDate = Surgery, AssessedOn = Surgery, Temperature = new Temperature(37m, (TemperatureUnit)9) }, ErrorCodes.UnknownValue },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_input_rule_reports_the_code_of_its_kind(string path, SymptomReport report, string code)
    {
        Engine.Validate(report).Errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == path && e.Code == code);
    }

    [Fact]
    public void Every_code_is_a_distinct_camel_case_word_listed_in_the_docs()
    {
        var codes = typeof(ErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToArray();
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "error-codes.md"));

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().AllSatisfy(code =>
        {
            code.Should().MatchRegex("^[a-z][A-Za-z]+$");
            docs.Should().Contain($"| `{code}` |");
        });
    }
}
