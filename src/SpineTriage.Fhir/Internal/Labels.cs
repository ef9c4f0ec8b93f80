using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Texts;

namespace SpineTriage.Fhir.Internal;

/// <summary>
/// The words this package shows, in one language, read from the library's text registry (<see cref="TextRegistry"/>,
/// keys <c>label.fhir.*</c>, <c>clinician.fhir.*</c>, <c>label.region.*</c>, <c>label.hardware.*</c>,
/// <c>label.riskFactor.*</c>, <c>label.answer.*</c>, <c>label.urgency.*</c>, <c>label.timeframe.*</c>): the Questionnaire's
/// title and the items of the report's fields, the displays of its codes, the timeframes, and the headings of the
/// GuidanceResponse and the CDS Hooks card. The package keeps no words of its own. Codes never change with the language.
/// </summary>
internal sealed class Labels
{
    private Labels(TextRegistry texts)
    {
        Language = texts.Language;
        QuestionnaireTitle = texts.Get("label.fhir.questionnaireTitle");
        QuestionnaireDescription = Positional(texts, "clinician.fhir.questionnaireDescription", "version");
        SurgeryDate = texts.Get("label.fhir.surgeryDate");
        AssessedOn = texts.Get("label.fhir.assessedOn");
        SurgeryRegion = texts.Get("label.fhir.surgeryRegion");
        Hardware = texts.Get("label.fhir.hardware");
        FusionLevels = texts.Get("label.fhir.fusionLevels");
        RiskFactors = texts.Get("label.fhir.riskFactors");
        Regions = [.. Enum.GetValues<Reports.SurgeryRegion>().Select(r => texts.Get("label.region." + Camel(r)))];
        HardwareKinds = [.. Enum.GetValues<HardwareKind>().Select(h => texts.Get("label.hardware." + Camel(h)))];
        RiskFactorNames = [.. Enum.GetValues<RiskFactor>().Select(f => texts.Get("label.riskFactor." + Camel(f)))];
        Urgencies = [.. Enum.GetValues<Urgency>().Select(texts.UrgencyName)];
        Timeframes = [.. Enum.GetValues<Urgency>().Select(texts.Timeframe)];
        Answers = [texts.Get("label.answer.yes"), texts.Get("label.answer.no"), texts.Get("label.answer.unknown")];
        Patient = texts.Get("clinician.fhir.patient");
        CareAdviceAndSafetyNet = texts.Get("label.fhir.careAdviceAndSafetyNet");
        CareAdvice = texts.Get("label.fhir.careAdvice");
        SafetyNet = texts.Get("label.fhir.safetyNet");
        SummaryMore = Positional(texts, "clinician.fhir.summaryMore", "count");
        SummaryFindings = Positional(texts, "clinician.fhir.summaryFindings", "count");
        Rule = texts.Get("clinician.fhir.rule");
        Rationale = texts.Get("clinician.fhir.rationale");
        Evidence = texts.Get("clinician.fhir.evidence");
        NoEvidence = texts.Get("clinician.fhir.noEvidence");
        Source = texts.Get("clinician.fhir.source");
        RedFlagsNotAnswered = texts.Get("clinician.fhir.redFlagsNotAnswered");
        OverrideReasons = [.. Resources.OverrideReasonCodes.Select(code => texts.Get("clinician.fhir.overrideReason." + code))];
        AnswersOf = Positional(texts, "clinician.fhir.answersOf", "date");
        ChartHeading = Positional(texts, "clinician.fhir.chartHeading", "date", "days", "version");
        PatientTextsNote = texts.Get("clinician.fhir.patientTextsNote");
        RuleInCatalogue = Positional(texts, "clinician.fhir.ruleInCatalogue", "ruleId");
        ProposeReferral = Positional(texts, "clinician.fhir.proposeReferral", "urgency", "timeframe");
        NotTriagedSummary = Positional(texts, "clinician.fhir.notTriagedSummary", "date", "days");
        NotTriagedDetail = Positional(texts, "clinician.fhir.notTriagedDetail", "date", "days");
    }

    /// <summary>The English labels.</summary>
    public static Labels English { get; } = new(TextRegistry.English);

    /// <summary>The labels of every language of the library, in <see cref="TextLanguages.All"/>'s order.</summary>
    public static IReadOnlyList<Labels> All { get; } = [.. TextLanguages.All.Select(l => l == TextLanguages.English ? English : new Labels(TextRegistry.For(l)))];

    /// <summary>The language (one of <see cref="TextLanguages.All"/>).</summary>
    public string Language { get; }

    /// <summary>The Questionnaire's title.</summary>
    public string QuestionnaireTitle { get; }

    /// <summary>The Questionnaire's description; {0} is the rule-set version.</summary>
    public string QuestionnaireDescription { get; }

    /// <summary>The item <c>surgeryDate</c>.</summary>
    public string SurgeryDate { get; }

    /// <summary>The item <c>assessedOn</c>.</summary>
    public string AssessedOn { get; }

    /// <summary>The item <c>surgeryRegion</c>.</summary>
    public string SurgeryRegion { get; }

    /// <summary>The item <c>hardware</c>.</summary>
    public string Hardware { get; }

    /// <summary>The item <c>fusionLevels</c>.</summary>
    public string FusionLevels { get; }

    /// <summary>The item <c>riskFactors</c>.</summary>
    public string RiskFactors { get; }

    /// <summary>The displays of <see cref="Reports.SurgeryRegion"/>, in the enum's order.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The displays of <see cref="HardwareKind"/>, in the enum's order.</summary>
    public IReadOnlyList<string> HardwareKinds { get; }

    /// <summary>The displays of <see cref="RiskFactor"/>, in the enum's order.</summary>
    public IReadOnlyList<string> RiskFactorNames { get; }

    /// <summary>The displays of <see cref="Urgency"/>, from self care (code 1) to emergency (code 5).</summary>
    public IReadOnlyList<string> Urgencies { get; }

    /// <summary>The timeframes of <see cref="Urgency"/>, from self care to emergency (English: <see cref="UrgencyExtensions.Timeframe"/>).</summary>
    public IReadOnlyList<string> Timeframes { get; }

    /// <summary>The displays of the LOINC answers yes, no and don't know.</summary>
    public IReadOnlyList<string> Answers { get; }

    /// <summary>The display of the subject when the caller gives no patient reference.</summary>
    public string Patient { get; }

    /// <summary>The CarePlan's title and its RequestGroup action.</summary>
    public string CareAdviceAndSafetyNet { get; }

    /// <summary>The kind of a care-advice activity and the card's heading.</summary>
    public string CareAdvice { get; }

    /// <summary>The kind of a safety-net activity and the card's heading.</summary>
    public string SafetyNet { get; }

    /// <summary>The card summary's count of the other findings; {0} is the count.</summary>
    public string SummaryMore { get; }

    /// <summary>The card summary when the title does not fit; {0} is the number of findings.</summary>
    public string SummaryFindings { get; }

    /// <summary>The card detail's label of a finding's rule id.</summary>
    public string Rule { get; }

    /// <summary>The card detail's label of a finding's clinician rationale.</summary>
    public string Rationale { get; }

    /// <summary>The card detail's label of a finding's evidence.</summary>
    public string Evidence { get; }

    /// <summary>The card detail's word for no evidence.</summary>
    public string NoEvidence { get; }

    /// <summary>The card detail's label of a finding's source.</summary>
    public string Source { get; }

    /// <summary>The card detail's label of the unanswered red flags.</summary>
    public string RedFlagsNotAnswered { get; }

    /// <summary>The displays of the override reasons <c>already-assessed</c>, <c>clinical-judgement</c>, <c>wrong-answers</c>.</summary>
    public IReadOnlyList<string> OverrideReasons { get; }

    /// <summary>The chart card's summary note of the answers' date; {0} is the date.</summary>
    public string AnswersOf { get; }

    /// <summary>The chart card's first line; {0} the answers' date, {1} the days since surgery, {2} the rule-set version.</summary>
    public string ChartHeading { get; }

    /// <summary>The chart card's note that the patient's texts are not in it.</summary>
    public string PatientTextsNote { get; }

    /// <summary>The label of a link to a rule's catalogue entry; {0} is the rule id.</summary>
    public string RuleInCatalogue { get; }

    /// <summary>The label of the referral suggestion; {0} the urgency, {1} its timeframe.</summary>
    public string ProposeReferral { get; }

    /// <summary>The summary of the card of a response not triaged; {0} its date, {1} the window in days.</summary>
    public string NotTriagedSummary { get; }

    /// <summary>The detail of the card of a response not triaged; {0} its date, {1} the window in days.</summary>
    public string NotTriagedDetail { get; }

    /// <summary>The labels of a language.</summary>
    /// <exception cref="ArgumentException">The registry has no texts in <paramref name="language"/>: never a silent fallback.</exception>
    public static Labels Of(string language) =>
        All.FirstOrDefault(l => l.Language == language) ?? throw new ArgumentException($"There are no FHIR labels in language '{language}'.", nameof(language));

    public string Display(Reports.SurgeryRegion region) => Regions[Index(region)];

    public string Display(HardwareKind hardware) => HardwareKinds[Index(hardware)];

    public string Display(RiskFactor factor) => RiskFactorNames[Index(factor)];

    public string Display(Urgency urgency) => Urgencies[urgency.Code() - 1];

    public string Timeframe(Urgency urgency) => Timeframes[urgency.Code() - 1];

    public string Display(Answer answer) => answer switch
    {
        Answer.Yes => Answers[0],
        Answer.No => Answers[1],
        _ => Answers[2],
    };

    /// <summary>A registry text with its named placeholders turned into the positional ones this package formats.</summary>
    private static string Positional(TextRegistry texts, string key, params string[] names)
    {
        var text = texts.Raw(key);
        for (var i = 0; i < names.Length; i++)
        {
            text = text.Replace("{" + names[i] + "}", "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", StringComparison.Ordinal);
        }

        return text;
    }

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
    }

    private static int Index<T>(T value)
        where T : struct, Enum => Array.IndexOf(Enum.GetValues<T>(), value) is var index and >= 0
            ? index
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Undefined value.");
}
