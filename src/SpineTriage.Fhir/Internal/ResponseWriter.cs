using System.Globalization;
using Hl7.Fhir.Model;
using SpineTriage.Reports;

namespace SpineTriage.Fhir.Internal;

/// <summary>Writes a symptom report as a QuestionnaireResponse to the package's Questionnaire, items in its order.</summary>
internal static class ResponseWriter
{
    public static QuestionnaireResponse Write(SymptomReport report, Resources resources)
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = resources.QuestionnaireUrl + "|" + resources.Version,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            // The report's language (the result's wording), absent when the report names none; the items' texts are those
            // of the Questionnaire in that language.
            Language = report.Language,
        };
        if (report.ReportId is { } id)
        {
            response.Identifier = new Identifier(resources.Canonicals.ReportId, id);
        }

        foreach (var definition in resources.Items)
        {
            if (ItemOf(definition, report, resources) is { } item)
            {
                response.Item.Add(item);
            }
        }

        return response;
    }

    private static QuestionnaireResponse.ItemComponent? ItemOf(ItemDefinition definition, SymptomReport report, Resources resources)
    {
        var values = definition.Kind switch
        {
            ItemKind.SurgeryDate => [new Date(Iso(report.SurgeryDate))],
            ItemKind.AssessedOn => report.AssessedOn is { } assessed ? [new Date(Iso(assessed))] : [],
            ItemKind.SurgeryRegion => report.SurgeryRegion is { } region ? [new Coding(resources.Canonicals.SurgeryRegion, Codes.Of(region), resources.Labels.Display(region))] : [],
            ItemKind.Hardware => report.Hardware.Select(h => (DataType)new Coding(resources.Canonicals.Hardware, Codes.Of(h), resources.Labels.Display(h))).ToList(),
            ItemKind.FusionLevels => report.FusionLevels is { } levels ? [new Integer(levels)] : [],
            ItemKind.RiskFactors => report.RiskFactors.Select(f => (DataType)new Coding(resources.Canonicals.RiskFactor, Codes.Of(f), resources.Labels.Display(f))).ToList(),
            ItemKind.PainScore => report.PainScore is { } pain ? [new Integer(pain)] : [],
            ItemKind.Temperature => report.Temperature is { } t ? [Quantity(t)] : [],
            _ => report.Answers.IsGiven(definition.Question!.Value) ? [AnswerCoding(report.Answers[definition.Question.Value], resources.Labels)] : new List<DataType>(),
        };
        var skipped = definition.Kind switch
        {
            ItemKind.Temperature => report.Temperature is null && report.IsSkipped(Measurement.Temperature),
            ItemKind.PainScore => report.PainScore is null && report.IsSkipped(Measurement.PainScore),
            _ => false,
        };
        if (values.Count == 0 && !skipped)
        {
            return null;
        }

        var item = new QuestionnaireResponse.ItemComponent { LinkId = definition.LinkId, Text = definition.Text };
        foreach (var value in values)
        {
            item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = value });
        }

        if (skipped)
        {
            item.Extension.Add(new Extension(Codes.DataAbsentReason, new Code(Codes.AskedUnknown)));
        }

        return item;
    }

    public static Coding AnswerCoding(Answer answer, Labels labels) => new(Codes.Loinc, Codes.LoincCode(answer), labels.Display(answer));

    public static Quantity Quantity(Temperature temperature) => new()
    {
        Value = temperature.Value,
        Unit = temperature.Unit == TemperatureUnit.Celsius ? "°C" : "°F",
        System = Codes.Ucum,
        Code = temperature.Unit == TemperatureUnit.Celsius ? Codes.Celsius : Codes.Fahrenheit,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
