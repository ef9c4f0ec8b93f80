using System.Globalization;
using Hl7.Fhir.Model;
using SpineTriage.Reports;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Internal;

/// <summary>Reads a QuestionnaireResponse into a symptom report: every problem an error naming the item's linkId.</summary>
internal static class ResponseReader
{
    public sealed record Read(SymptomReport? Report, IReadOnlyList<ValidationError> Errors, bool SurgeryDateMissing);

    public static Read From(QuestionnaireResponse response, Resources resources, int maxErrors)
    {
        var errors = new List<ValidationError>();
        void Error(string path, string code, string message)
        {
            if (errors.Count < maxErrors)
            {
                errors.Add(new ValidationError(path, code, message));
            }
        }

        if (response.Status == QuestionnaireResponse.QuestionnaireResponseStatus.EnteredInError)
        {
            Error("status", FhirErrorCodes.EnteredInError, "The response is marked entered-in-error and must not be triaged.");
        }

        var questionnaireLanguage = CheckQuestionnaire(response, resources, Error);

        // The response's language is the report's: the language the result is worded in (codes never depend on it). A
        // response that names none is in the language of the Questionnaire it answers (one canonical per language), left
        // implicit when that is the engine's (a report without a language is in the engine's); one that names its language
        // keeps it (responses written before each language had its own canonical name the English one).
        var language = response.Language;
        if (language is not null && !TextLanguages.IsSupported(language))
        {
            Error("language", ErrorCodes.UnknownLanguage, $"The language must be one of {string.Join(", ", TextLanguages.All)}.");
        }

        language ??= questionnaireLanguage == resources.Language ? null : questionnaireLanguage;

        string? reportId = null;
        // The report id is an identifier of the report-id system (or of none); another system's (an EHR's own, as stored
        // responses usually carry) is not the report's and is ignored.
        if (response.Identifier is { } identifier
            && (identifier.System is null || string.Equals(identifier.System, resources.Canonicals.ReportId, StringComparison.Ordinal)))
        {
            reportId = identifier.Value;
        }

        DateOnly? surgeryDate = null;
        DateOnly? assessedOn = null;
        SurgeryRegion? region = null;
        var hardware = new List<HardwareKind>();
        int? fusionLevels = null;
        var riskFactors = new List<RiskFactor>();
        int? painScore = null;
        Temperature? temperature = null;
        var answers = new List<KeyValuePair<QuestionId, Answer>>();
        var skipped = new List<Measurement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var index = 0; index < response.Item.Count; index++)
        {
            var item = response.Item[index];
            var linkId = item.LinkId;
            if (string.IsNullOrEmpty(linkId))
            {
                Error(string.Create(CultureInfo.InvariantCulture, $"item[{index}]"), ErrorCodes.Required, "Every item needs a linkId.");
                continue;
            }

            if (!resources.ByLinkId.TryGetValue(linkId, out var definition))
            {
                Error(Shown(linkId), ErrorCodes.UnknownQuestion, $"No item has this linkId in the SpineTriage questionnaire {resources.Version}: see its items for the allowed linkIds.");
                continue;
            }

            if (!seen.Add(linkId))
            {
                Error(linkId, ErrorCodes.DuplicateKey, "The item appears more than once: give every answer of an item in one item.");
                continue;
            }

            if (item.Item.Count > 0 || item.Answer.Any(a => a.Item.Count > 0))
            {
                Error(linkId, FhirErrorCodes.NestedItem, "The SpineTriage questionnaire is flat: an item has no nested items.");
                continue;
            }

            if (item.Answer.Count == 0)
            {
                // Not answered is "not asked", except a measurement marked asked-unknown: asked, not measured (skipped).
                if (IsAskedUnknown(item) && definition.Kind is ItemKind.Temperature or ItemKind.PainScore)
                {
                    skipped.Add(definition.Kind == ItemKind.Temperature ? Measurement.Temperature : Measurement.PainScore);
                }

                continue;
            }

            if (!definition.Repeats && item.Answer.Count > 1)
            {
                Error(linkId, FhirErrorCodes.RepeatedAnswer, string.Create(CultureInfo.InvariantCulture, $"The item takes one answer; {item.Answer.Count} were given."));
                continue;
            }

            var value = item.Answer[0].Value;
            switch (definition.Kind)
            {
                case ItemKind.SurgeryDate:
                    surgeryDate = ReadDate(linkId, value, Error);
                    break;
                case ItemKind.AssessedOn:
                    assessedOn = ReadDate(linkId, value, Error);
                    break;
                case ItemKind.FusionLevels:
                    fusionLevels = ReadInteger(linkId, value, Error);
                    break;
                case ItemKind.PainScore:
                    painScore = ReadInteger(linkId, value, Error);
                    break;
                case ItemKind.Temperature:
                    temperature = ReadTemperature(linkId, value, Error);
                    break;
                case ItemKind.SurgeryRegion:
                    region = ReadCode<SurgeryRegion>(linkId, value, resources.Canonicals.SurgeryRegion, Error);
                    break;
                case ItemKind.Hardware:
                    ReadCodes(linkId, item, resources.Canonicals.Hardware, hardware, Error);
                    break;
                case ItemKind.RiskFactors:
                    ReadCodes(linkId, item, resources.Canonicals.RiskFactor, riskFactors, Error);
                    break;
                default:
                    if (ReadAnswer(linkId, value, Error) is { } answer)
                    {
                        answers.Add(KeyValuePair.Create(definition.Question!.Value, answer));
                    }

                    break;
            }
        }

        if (surgeryDate is null && !seen.Contains("surgeryDate"))
        {
            Error("surgeryDate", ErrorCodes.Required, "The surgery date is required: answer the item surgeryDate with a valueDate (YYYY-MM-DD).");
        }

        var missing = surgeryDate is null && errors.Count == 1 && errors[0].Path == "surgeryDate" && errors[0].Code == ErrorCodes.Required;
        if (errors.Count > 0 && !missing)
        {
            return new Read(null, errors, false);
        }

        var report = new SymptomReport
        {
            ReportId = reportId,
            Language = language,
            // A response without a surgery date is read for $next-question only, with the assessment date in its place.
            SurgeryDate = surgeryDate ?? assessedOn ?? DateOnly.FromDateTime(resources.Engine.TimeProvider.GetLocalNow().DateTime),
            AssessedOn = assessedOn,
            SurgeryRegion = region,
            Hardware = hardware,
            FusionLevels = fusionLevels,
            RiskFactors = riskFactors,
            PainScore = painScore,
            Temperature = temperature,
            Answers = AnswerSet.From(answers),
            Skipped = skipped,
        };
        return new Read(report, errors, missing);
    }

    /// <summary>The library's validation errors, their JSON paths turned into linkIds (<c>$.answers.fever</c> → <c>fever</c>).</summary>
    public static IEnumerable<ValidationError> ToLinkIds(IEnumerable<ValidationError> errors) =>
        errors.Select(e => e with { Path = LinkIdOf(e.Path) });

    private static string LinkIdOf(string path)
    {
        var rest = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        if (rest.StartsWith("answers.", StringComparison.Ordinal))
        {
            rest = rest["answers.".Length..];
        }

        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>
    /// Checks the questionnaire the response names (its canonical, or a contained one: ours, or an SDC adaptive instance
    /// derived from ours) and returns that Questionnaire's language; <see langword="null"/> when the response names none.
    /// </summary>
    private static string? CheckQuestionnaire(QuestionnaireResponse response, Resources resources, Action<string, string, string> error)
    {
        var canonical = response.Questionnaire;
        if (string.IsNullOrEmpty(canonical))
        {
            return null;
        }

        if (canonical.StartsWith('#'))
        {
            var contained = response.Contained.OfType<Questionnaire>().FirstOrDefault(q => string.Equals(q.Id, canonical[1..], StringComparison.Ordinal));
            if (contained is null)
            {
                error("questionnaire", ErrorCodes.Required, "The response names a contained questionnaire that it does not contain.");
                return null;
            }

            // An SDC adaptive instance (sdc-questionnaire-adapt) has no url and names the form in derivedFrom.
            var derivedFrom = contained.DerivedFrom.Where(d => d is not null).ToList();
            if (contained.Url is null && derivedFrom.Count > 0)
            {
                var from = derivedFrom.FirstOrDefault(d => resources.Canonicals.LanguageOfQuestionnaire(UrlOf(d)) is not null) ?? derivedFrom[0];
                return CheckCanonical(UrlOf(from), VersionOf(from), resources, error);
            }

            return CheckCanonical(contained.Url, contained.Version, resources, error);
        }

        return CheckCanonical(UrlOf(canonical), VersionOf(canonical), resources, error);
    }

    private static string? UrlOf(string? canonical) => canonical?.IndexOf('|', StringComparison.Ordinal) is { } bar and >= 0 ? canonical[..bar] : canonical;

    private static string? VersionOf(string? canonical) => canonical?.IndexOf('|', StringComparison.Ordinal) is { } bar and >= 0 ? canonical[(bar + 1)..] : null;

    /// <summary>Checks a canonical and version against the Questionnaire of every language; returns the language of the one named.</summary>
    private static string? CheckCanonical(string? url, string? version, Resources resources, Action<string, string, string> error)
    {
        var language = resources.Canonicals.LanguageOfQuestionnaire(url);
        if (language is null)
        {
            error("questionnaire", ErrorCodes.Mismatch, $"The response answers another questionnaire: expected one of {string.Join(", ", resources.Canonicals.Questionnaires)}.");
        }
        else if (version is not null && !string.Equals(version, resources.Version, StringComparison.Ordinal))
        {
            error("questionnaire", ErrorCodes.UnsupportedVersion, $"The response answers version {Shown(version)} of the questionnaire; this engine's is {resources.Version} (rule set {resources.Version}).");
        }

        return language;
    }

    private static bool IsAskedUnknown(QuestionnaireResponse.ItemComponent item) =>
        item.Extension.Any(e => e.Url == Codes.DataAbsentReason && e.Value is Code { Value: Codes.AskedUnknown });

    private static DateOnly? ReadDate(string linkId, DataType? value, Action<string, string, string> error)
    {
        if (value is not Date date)
        {
            error(linkId, ErrorCodes.WrongType, $"The answer must be a valueDate, not {TypeName(value)}.");
            return null;
        }

        if (date.Value is { Length: 10 } text
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        error(linkId, ErrorCodes.InvalidDate, "The date must be a full date, YYYY-MM-DD.");
        return null;
    }

    private static int? ReadInteger(string linkId, DataType? value, Action<string, string, string> error)
    {
        if (value is Integer { Value: { } number })
        {
            return number;
        }

        error(linkId, ErrorCodes.WrongType, $"The answer must be a valueInteger, not {TypeName(value)}.");
        return null;
    }

    private static Temperature? ReadTemperature(string linkId, DataType? value, Action<string, string, string> error)
    {
        if (value is not Quantity quantity)
        {
            error(linkId, ErrorCodes.WrongType, $"The answer must be a valueQuantity, not {TypeName(value)}.");
            return null;
        }

        if (quantity.Value is not { } number)
        {
            error(linkId, ErrorCodes.Required, "The temperature needs a value.");
            return null;
        }

        if (quantity.System == Codes.Ucum && quantity.Code == Codes.Celsius)
        {
            return Temperature.Celsius(number);
        }

        if (quantity.System == Codes.Ucum && quantity.Code == Codes.Fahrenheit)
        {
            return Temperature.Fahrenheit(number);
        }

        error(linkId, ErrorCodes.UnknownValue, $"The temperature's unit must be UCUM ({Codes.Ucum}) '{Codes.Celsius}' or '{Codes.Fahrenheit}'.");
        return null;
    }

    private static T? ReadCode<T>(string linkId, DataType? value, string system, Action<string, string, string> error)
        where T : struct, Enum
    {
        if (value is not Coding coding)
        {
            error(linkId, ErrorCodes.WrongType, $"The answer must be a valueCoding, not {TypeName(value)}.");
            return null;
        }

        if (!string.Equals(coding.System, system, StringComparison.Ordinal))
        {
            error(linkId, ErrorCodes.UnknownValue, $"The coding's system must be {system}.");
            return null;
        }

        if (!Codes.TryParse<T>(coding.Code, out var parsed))
        {
            error(linkId, ErrorCodes.UnknownValue, $"Unknown code {Shown(coding.Code)}: use {string.Join(", ", Enum.GetValues<T>().Select(v => $"'{Codes.Of(v)}'"))}.");
            return null;
        }

        return parsed;
    }

    private static void ReadCodes<T>(string linkId, QuestionnaireResponse.ItemComponent item, string system, List<T> values, Action<string, string, string> error)
        where T : struct, Enum
    {
        foreach (var answer in item.Answer)
        {
            if (ReadCode<T>(linkId, answer.Value, system, error) is not { } value)
            {
                continue;
            }

            if (values.Contains(value))
            {
                error(linkId, ErrorCodes.DuplicateValue, $"'{Codes.Of(value)}' is given twice.");
                continue;
            }

            values.Add(value);
        }
    }

    private static Answer? ReadAnswer(string linkId, DataType? value, Action<string, string, string> error)
    {
        if (value is not Coding coding)
        {
            error(linkId, ErrorCodes.WrongType, $"The answer must be a valueCoding (LOINC {Codes.Yes} Yes, {Codes.No} No, {Codes.DontKnow} Don't know), not {TypeName(value)}.");
            return null;
        }

        if (coding.System == Codes.Loinc)
        {
            switch (coding.Code)
            {
                case Codes.Yes: return Answer.Yes;
                case Codes.No: return Answer.No;
                case Codes.DontKnow or Codes.LegacyUnknown: return Answer.Unknown;
            }
        }

        error(linkId, ErrorCodes.UnknownValue, $"The answer must be LOINC ({Codes.Loinc}) {Codes.Yes} Yes, {Codes.No} No or {Codes.DontKnow} Don't know.");
        return null;
    }

    private static string TypeName(DataType? value) => value is null ? "no value" : "value" + value.TypeName[..1].ToUpperInvariant() + value.TypeName[1..];

    // Input echoed in an error message is cut short: it may be anything.
    private static string Shown(string? text) => text is null ? "(none)" : text.Length <= 40 ? text : text[..40] + "…";
}
