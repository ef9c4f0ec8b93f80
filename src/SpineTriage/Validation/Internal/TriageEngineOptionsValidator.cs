using FluentValidation;
using FluentValidation.Results;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;
using SpineTriage.Texts;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Validation.Internal;

/// <summary>
/// The allowed ranges of the engine's options (clinical-criteria.md section 4, configurable thresholds), its language
/// and the integrator's text overrides (docs/texts.md): each error with a stable code of <see cref="ErrorCodes"/>.
/// </summary>
internal sealed class TriageEngineOptionsValidator : AbstractValidator<TriageEngineOptions>
{
    public TriageEngineOptionsValidator()
    {
        RuleFor(o => o.RuleSet)
            .Must(selector => RuleSetEdition.Find(selector) is not null)
            .WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage(o => $"RuleSet must be one of {string.Join(", ", RuleSets.Selectors.Select(s => $"'{s}'"))} (a line of rule sets: '1.0' runs the latest 1.x rule set, '2.0' the latest 2.x, '3.0' the latest 3.x); got {(o.RuleSet is null ? "null" : $"'{StrictJson.Shorten(o.RuleSet)}'")}.");

        RuleFor(o => o.FeverThresholdCelsius)
            .InclusiveBetween(TriageEngineOptions.MinFeverThresholdCelsius, TriageEngineOptions.MaxFeverThresholdCelsius)
            .When(o => o.FeverThresholdCelsius is not null)
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(o => $"FeverThresholdCelsius must be from {TriageEngineOptions.MinFeverThresholdCelsius} to {TriageEngineOptions.MaxFeverThresholdCelsius} °C; got {o.FeverThresholdCelsius}.");

        RuleFor(o => o.SeverePainScore)
            .InclusiveBetween(TriageEngineOptions.MinSeverePainScore, TriageEngineOptions.MaxSeverePainScore)
            .When(o => o.SeverePainScore is not null)
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(o => $"SeverePainScore must be from {TriageEngineOptions.MinSeverePainScore} to {TriageEngineOptions.MaxSeverePainScore}; got {o.SeverePainScore}.");

        RuleFor(o => o.MaxReportBytes)
            .InclusiveBetween(TriageEngineOptions.MinMaxReportBytes, TriageEngineOptions.MaxMaxReportBytes)
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(o => $"MaxReportBytes must be from {TriageEngineOptions.MinMaxReportBytes} (4 KiB) to {TriageEngineOptions.MaxMaxReportBytes} (64 MiB); got {o.MaxReportBytes}.");

        RuleFor(o => o.MaxErrors)
            .InclusiveBetween(1, TriageEngineOptions.MaxMaxErrors)
            .WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage(o => $"MaxErrors must be from 1 to {TriageEngineOptions.MaxMaxErrors}; got {o.MaxErrors}.");

        RuleFor(o => o.Dispositions)
            .NotNull()
            .WithErrorCode(ErrorCodes.Required)
            .WithMessage("Dispositions must be set.");

        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            RuleFor(o => o.Dispositions.For(urgency))
                .NotEmpty()
                .When(o => o.Dispositions is not null)
                .OverridePropertyName($"Dispositions.{urgency}")
                .WithErrorCode(ErrorCodes.Required)
                .WithMessage($"Dispositions.{urgency} must be a non-empty text.");
        }

        RuleFor(o => o.Language)
            .Must(TextLanguages.IsSupported)
            .WithErrorCode(ErrorCodes.UnknownLanguage)
            .WithMessage(o => $"Language must be one of {Languages}; got {Quote(o.Language)}.");

        RuleFor(o => o.EmergencyNumber)
            .Must(n => n is { Length: > 0 and <= 20 } && IsTelephone(n))
            .WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage(o => $"EmergencyNumber must be a telephone number: digits, spaces and dashes, an optional leading +, at most 20 characters; got {Quote(o.EmergencyNumber)}.");

        // TextOverrides is never null: its init accessor refuses null.
        RuleFor(o => o)
            .Custom(CheckOverrides);
    }

    private static bool IsTelephone(string number) =>
        number.Any(char.IsAsciiDigit)
        && number.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' || (c == '+' && i == 0)).All(ok => ok)
        && number.Trim().Length == number.Length;

    private static string Languages => string.Join(", ", TextLanguages.All.Select(l => $"'{l}'"));

    private static string Quote(string? value) => value is null ? "null" : $"'{StrictJson.Shorten(value)}'";

    private static void CheckOverrides(TriageEngineOptions options, ValidationContext<TriageEngineOptions> context)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < options.TextOverrides.Count; i++)
        {
            var path = $"TextOverrides[{i}]";
            var given = options.TextOverrides[i];
            if (given is null)
            {
                Fail(context, path, ErrorCodes.Required, $"{path} must be an override, not null.");
                continue;
            }

            if (given.Language is null || TextCatalogue.FindLanguage(given.Language) is not { } catalogue)
            {
                Fail(context, path + ".Language", ErrorCodes.UnknownLanguage, $"{path}.Language must be one of {Languages}; got {Quote(given.Language)}.");
                continue;
            }

            if (given.Key is null || !catalogue.Has(given.Key))
            {
                Fail(context, path + ".Key", ErrorCodes.UnknownTextKey, $"{path}.Key {Quote(given.Key)} is not a key of the '{given.Language}' text catalogue (docs/texts.md lists them).");
                continue;
            }

            if (!seen.Add((given.Language, given.Key)))
            {
                Fail(context, path, ErrorCodes.DuplicateKey, $"{path} overrides '{given.Key}' in '{given.Language}' a second time: give each key once per language.");
                continue;
            }

            CheckText(context, path + ".Text", catalogue, given.Key, given.Text);
        }

        if (options.Dispositions is null || TextCatalogue.FindLanguage(options.Language ?? "") is not { } engineCatalogue)
        {
            return;
        }

        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            var key = $"disposition.{urgency.JsonName()}";
            var text = options.Dispositions.For(urgency);
            if (string.IsNullOrWhiteSpace(text) || string.Equals(text, TextCatalogue.English.Get(key), StringComparison.Ordinal))
            {
                continue; // blank: the rule above reports it; the English default: not an override
            }

            if (seen.Contains((options.Language!, key)))
            {
                Fail(context, $"Dispositions.{urgency}", ErrorCodes.Conflict, $"Dispositions.{urgency} and TextOverrides both override '{key}' in '{options.Language}': give it once.");
                continue;
            }

            CheckText(context, $"Dispositions.{urgency}", engineCatalogue, key, text);
        }
    }

    private static void CheckText(ValidationContext<TriageEngineOptions> context, string path, TextCatalogue catalogue, string key, string? text)
    {
        var name = $"'{key}' in '{catalogue.Language}'";
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(context, path, ErrorCodes.Required, $"{path}, the text of {name}, must not be empty or blank.");
            return;
        }

        if (text.Length > TriageEngineOptions.MaxTextLength)
        {
            Fail(context, path, ErrorCodes.TooLong, $"{path}, the text of {name}, has {text.Length} characters; at most {TriageEngineOptions.MaxTextLength} are allowed.");
            return;
        }

        var expected = TextCatalogue.Placeholders(catalogue.Raw(key));
        var got = TextCatalogue.Placeholders(text);
        var missing = expected.Except(got, StringComparer.Ordinal).ToArray();
        var extra = got.Except(expected, StringComparer.Ordinal).ToArray();
        if (missing.Length != 0 || extra.Length != 0)
        {
            Fail(context, path, ErrorCodes.PlaceholderMismatch, $"{path}, the text of {name}, must have exactly the placeholders of the default text ({List(expected)}): {(missing.Length != 0 ? $"missing {List(missing)}" : "")}{(missing.Length != 0 && extra.Length != 0 ? ", " : "")}{(extra.Length != 0 ? $"not allowed {List(extra)}" : "")}.");
        }
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "{" + n + "}"));

    private static void Fail(ValidationContext<TriageEngineOptions> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(path, message) { ErrorCode = code });
}
