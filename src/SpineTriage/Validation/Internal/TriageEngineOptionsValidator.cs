using FluentValidation;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Validation.Internal;

/// <summary>The allowed ranges of the engine's options (clinical-criteria.md section 4, configurable thresholds).</summary>
internal sealed class TriageEngineOptionsValidator : AbstractValidator<TriageEngineOptions>
{
    public TriageEngineOptionsValidator()
    {
        RuleFor(o => o.RuleSet)
            .Must(selector => RuleSetEdition.Find(selector) is not null)
            .WithMessage(o => $"RuleSet must be one of {string.Join(", ", RuleSets.Selectors.Select(s => $"'{s}'"))} (a line of rule sets: '1.0' runs the latest 1.x rule set, '2.0' the latest 2.x); got {(o.RuleSet is null ? "null" : $"'{StrictJson.Shorten(o.RuleSet)}'")}.");

        RuleFor(o => o.FeverThresholdCelsius)
            .InclusiveBetween(TriageEngineOptions.MinFeverThresholdCelsius, TriageEngineOptions.MaxFeverThresholdCelsius)
            .WithMessage(o => $"FeverThresholdCelsius must be from {TriageEngineOptions.MinFeverThresholdCelsius} to {TriageEngineOptions.MaxFeverThresholdCelsius} °C; got {o.FeverThresholdCelsius}.");

        RuleFor(o => o.SeverePainScore)
            .InclusiveBetween(TriageEngineOptions.MinSeverePainScore, TriageEngineOptions.MaxSeverePainScore)
            .WithMessage(o => $"SeverePainScore must be from {TriageEngineOptions.MinSeverePainScore} to {TriageEngineOptions.MaxSeverePainScore}; got {o.SeverePainScore}.");

        RuleFor(o => o.MaxReportBytes)
            .InclusiveBetween(TriageEngineOptions.MinMaxReportBytes, TriageEngineOptions.MaxMaxReportBytes)
            .WithMessage(o => $"MaxReportBytes must be from {TriageEngineOptions.MinMaxReportBytes} (4 KiB) to {TriageEngineOptions.MaxMaxReportBytes} (64 MiB); got {o.MaxReportBytes}.");

        RuleFor(o => o.MaxErrors)
            .InclusiveBetween(1, TriageEngineOptions.MaxMaxErrors)
            .WithMessage(o => $"MaxErrors must be from 1 to {TriageEngineOptions.MaxMaxErrors}; got {o.MaxErrors}.");

        RuleFor(o => o.Dispositions)
            .NotNull()
            .WithMessage("Dispositions must be set.");

        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            RuleFor(o => o.Dispositions.For(urgency))
                .NotEmpty()
                .When(o => o.Dispositions is not null)
                .OverridePropertyName($"Dispositions.{urgency}")
                .WithMessage($"Dispositions.{urgency} must be a non-empty text.");
        }
    }
}
