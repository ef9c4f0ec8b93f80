using FluentValidation;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Validation.Internal;

/// <summary>
/// The input rules of contract.md, stated once. Property names are JSON paths, so an error tells the
/// integrator exactly which field of their JSON is wrong.
/// </summary>
internal sealed class SymptomReportValidator : AbstractValidator<SymptomReport>
{
    public const int MaxReportIdLength = 128;

    /// <summary>The most decimal places a temperature may have: a thermometer shows one, sometimes two.</summary>
    public const int MaxTemperaturePlaces = Interview.InputLimits.TemperatureDecimals;

    private readonly TimeProvider _clock;

    public SymptomReportValidator(TimeProvider clock, RuleSetEdition edition)
    {
        _clock = clock;

        RuleFor(r => r.ReportId)
            .MaximumLength(MaxReportIdLength)
            .OverridePropertyName("$.reportId")
            .WithErrorCode(ErrorCodes.TooLong)
            .WithMessage(r => $"reportId must be at most {MaxReportIdLength} characters; it has {r.ReportId!.Length}.");

        RuleFor(r => r.Language)
            .Must(Texts.TextLanguages.IsSupported)
            .When(r => r.Language is not null)
            .OverridePropertyName("$.language")
            .WithErrorCode(ErrorCodes.UnknownLanguage)
            .WithMessage(r => $"language must be one of {string.Join(", ", Texts.TextLanguages.All.Select(l => $"\"{l}\""))}, or absent for the engine's language; got \"{StrictJson.Shorten(r.Language!)}\".");

        RuleFor(r => r.SurgeryDate)
            .NotEqual(default(DateOnly))
            .OverridePropertyName("$.surgeryDate")
            .WithErrorCode(ErrorCodes.Required)
            .WithMessage("surgeryDate is required: the date of the operation, as yyyy-MM-dd.");

        RuleFor(r => r.SurgeryDate)
            .GreaterThanOrEqualTo(ReportReader.EarliestDate)
            .When(r => r.SurgeryDate != default)
            .OverridePropertyName("$.surgeryDate")
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(r => $"surgeryDate must be a date from 1900-01-01 on; got {Iso(r.SurgeryDate)}.");

        RuleFor(r => r.SurgeryDate)
            .Must((r, date) => date <= AssessedOn(r))
            .When(r => r.SurgeryDate >= ReportReader.EarliestDate && (r.AssessedOn is null || r.AssessedOn >= ReportReader.EarliestDate))
            .OverridePropertyName("$.surgeryDate")
            .WithErrorCode(ErrorCodes.DateOrder)
            .WithMessage(r => $"surgeryDate ({Iso(r.SurgeryDate)}) must not be after assessedOn ({Iso(AssessedOn(r))}).");

        RuleFor(r => r.AssessedOn)
            .Must(date => date!.Value >= ReportReader.EarliestDate)
            .When(r => r.AssessedOn.HasValue)
            .OverridePropertyName("$.assessedOn")
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(r => $"assessedOn must be a date from 1900-01-01 on; got {Iso(r.AssessedOn!.Value)}.");

        RuleFor(r => r.AssessedOn)
            .Must(date => date!.Value <= Today().AddDays(Interview.InputLimits.AssessedOnDaysAhead))
            .When(r => r.AssessedOn.HasValue)
            .OverridePropertyName("$.assessedOn")
            .WithErrorCode(ErrorCodes.FutureDate)
            .WithMessage(r => $"assessedOn ({Iso(r.AssessedOn!.Value)}) must not be more than one day after today ({Iso(Today())}).");

        RuleFor(r => r.SurgeryRegion)
            .IsDefined()
            .OverridePropertyName("$.surgeryRegion")
            .WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage($"surgeryRegion must be one of {JsonNames.Allowed<SurgeryRegion>()}.");

        RuleFor(r => r.Hardware)
            .AreDefinedAndDistinct("$.hardware", $"hardware items must be one of {JsonNames.Allowed<HardwareKind>()}.");

        RuleFor(r => r.FusionLevels)
            .InclusiveBetween(1, 20)
            .OverridePropertyName("$.fusionLevels")
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(r => $"fusionLevels must be a whole number from 1 to 20; got {r.FusionLevels}.");

        RuleFor(r => r.RiskFactors)
            .AreDefinedAndDistinct("$.riskFactors", $"riskFactors items must be one of {JsonNames.Allowed<RiskFactor>()}.");

        RuleFor(r => r.PainScore)
            .InclusiveBetween(Interview.InputLimits.MinPainScore, Interview.InputLimits.MaxPainScore)
            .OverridePropertyName("$.painScore")
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(r => $"painScore must be a whole number from 0 to 10; got {r.PainScore}.");

        RuleFor(r => r.Temperature!.Value.Unit)
            .IsDefined()
            .When(r => r.Temperature.HasValue)
            .OverridePropertyName("$.temperature.unit")
            .WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage($"temperature.unit must be one of {JsonNames.Allowed<TemperatureUnit>()}.");

        RuleFor(r => r.Temperature!.Value.Value)
            .Must(value => decimal.Round(value, MaxTemperaturePlaces) == value)
            .When(r => r.Temperature.HasValue)
            .OverridePropertyName("$.temperature.value")
            .WithErrorCode(ErrorCodes.TooPrecise)
            .WithMessage(r => $"temperature.value may have at most {MaxTemperaturePlaces} decimal places, as a thermometer shows it, and is never rounded; got {StrictJson.Shorten(r.Temperature!.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}.");

        RuleFor(r => r.Temperature!.Value.Value)
            .InclusiveBetween(Interview.InputLimits.MinCelsius, Interview.InputLimits.MaxCelsius)
            .When(r => r.Temperature is { Unit: TemperatureUnit.Celsius })
            .OverridePropertyName("$.temperature.value")
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(r => $"temperature.value must be a plausible body temperature, 30.0 to 45.0 °C; got {r.Temperature!.Value.Value}.");

        RuleFor(r => r.Temperature!.Value.Value)
            .InclusiveBetween(Interview.InputLimits.MinFahrenheit, Interview.InputLimits.MaxFahrenheit)
            .When(r => r.Temperature is { Unit: TemperatureUnit.Fahrenheit })
            .OverridePropertyName("$.temperature.value")
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(r => $"temperature.value must be a plausible body temperature, 86.0 to 113.0 °F; got {r.Temperature!.Value.Value}.");

        RuleFor(r => r.Skipped)
            .AreDefinedAndDistinct("$.skipped", $"skipped items must be one of {JsonNames.Allowed<Measurement>()}.");

        RuleFor(r => r.Skipped)
            .Custom((skipped, context) =>
            {
                var report = context.InstanceToValidate;
                for (var i = 0; i < skipped.Count; i++)
                {
                    var given = skipped[i] switch
                    {
                        Measurement.Temperature => report.Temperature.HasValue,
                        Measurement.PainScore => report.PainScore.HasValue,
                        _ => false,
                    };
                    if (given)
                    {
                        var name = JsonNames.Of(skipped[i]);
                        context.AddFailure(new FluentValidation.Results.ValidationFailure($"$.skipped[{i}]", $"{name} is listed as skipped (asked for and not given), but the report gives a {name}: give one or the other.") { ErrorCode = ErrorCodes.Conflict });
                    }
                }
            });

        // A rule set answers only its own questions: an answer to another rule set's question is an unknown question
        // id, as in the JSON, never silently dropped (an integrator may believe the engine heard it).
        RuleFor(r => r.Answers)
            .Custom((answers, context) =>
            {
                foreach (var (question, _) in answers)
                {
                    if (!edition.Has(question))
                    {
                        var name = JsonNames.Of(question);
                        context.AddFailure(new FluentValidation.Results.ValidationFailure(
                            $"$.answers.{name}",
                            $"unknown question id '{name}' for rule set {edition.Selector}: it is a question of a later rule set; the question ids are listed by the question catalogue (spinetriage questions).")
                        { ErrorCode = ErrorCodes.UnknownQuestion });
                    }
                }
            });
    }

    /// <summary>Today's date from the engine's clock, in the clock's local time zone.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    public DateOnly AssessedOn(SymptomReport report) => report.AssessedOn ?? Today();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
