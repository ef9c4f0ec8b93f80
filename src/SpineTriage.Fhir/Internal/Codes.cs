using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.Fhir.Internal;

/// <summary>The codes of the package's CodeSystems (the contract's camelCase JSON values) and the external codes it uses.</summary>
internal static class Codes
{
    public const string Loinc = "http://loinc.org";
    public const string Yes = "LA33-6";
    public const string No = "LA32-8";
    /// <summary>LOINC's "Don't know" answer (LA12688-0), the code written for <see cref="Answer.Unknown"/> (sources in docs/fhir.md).</summary>
    public const string DontKnow = "LA12688-0";

    /// <summary>LOINC's "Unknown" answer (LA4489-6), written before 2.x for "don't know": still read as don't know, never written.</summary>
    public const string LegacyUnknown = "LA4489-6";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Celsius = "Cel";
    public const string Fahrenheit = "[degF]";
    public const string Snomed = "http://snomed.info/sct";
    public const string DataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    public const string AskedUnknown = "asked-unknown";
    public const string UnitOption = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";
    /// <summary>SDC 3.0's extension marking a Questionnaire adaptive (<c>$next-question</c> decides what is asked).</summary>
    public const string Adaptive = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-questionnaireAdaptive";

    /// <summary>SDC 3.0's profile of the adaptive Questionnaire contained in a <c>$next-question</c> response.</summary>
    public const string AdaptProfile = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-adapt";

    /// <summary>The code of a question: its id (a local edition's questions have no enum to name them).</summary>
    public static string Of(QuestionId value) => value.Id;

    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = Enum.GetName(value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, "Undefined value.");
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string LoincCode(Answer answer) => answer switch
    {
        Answer.Yes => Yes,
        Answer.No => No,
        _ => DontKnow,
    };

    /// <summary>
    /// The FHIR request priority of an urgency, in FHIR's order (routine &lt; urgent &lt; asap &lt; stat): emergency stat,
    /// urgent (today) asap, soon (3 days) urgent, routine routine (self care has no request).
    /// </summary>
    public static Hl7.Fhir.Model.RequestPriority Priority(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => Hl7.Fhir.Model.RequestPriority.Stat,
        Urgency.Urgent => Hl7.Fhir.Model.RequestPriority.Asap,
        Urgency.Soon => Hl7.Fhir.Model.RequestPriority.Urgent,
        _ => Hl7.Fhir.Model.RequestPriority.Routine,
    };

    /// <summary>The code system of FHIR request priorities.</summary>
    public const string RequestPrioritySystem = "http://hl7.org/fhir/request-priority";

    /// <summary>The days from the assessment by which the level's timeframe ends (emergency and urgent: the same day).</summary>
    public static int TimeframeDays(Urgency urgency) => urgency switch
    {
        Urgency.Emergency or Urgency.Urgent => 0,
        Urgency.Soon => 3,
        _ => 14,
    };

    /// <summary>
    /// The SNOMED CT procedure proposed for an urgency (sources in docs/fhir.md; check them against your edition):
    /// emergency a referral to the emergency department, urgent and soon a referral to the surgeon's team, routine a
    /// follow-up appointment; none for self care.
    /// </summary>
    public static (string Code, string Display)? SnomedReferral(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => ("306104004", "Referral to accident and emergency service"),
        Urgency.Urgent or Urgency.Soon => ("183541002", "Referral to surgeon"),
        Urgency.Routine => ("390906007", "Follow-up encounter"),
        _ => null,
    };

    /// <summary>Who is to act on the request, in words (no role code is asserted): the emergency department, else the operating surgeon's team.</summary>
    public static string PerformerType(Urgency urgency) => urgency == Urgency.Emergency
        ? "Emergency department"
        : "The operating surgeon's team";
}
