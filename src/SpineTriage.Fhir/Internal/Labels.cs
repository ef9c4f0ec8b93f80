using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Texts;

namespace SpineTriage.Fhir.Internal;

/// <summary>
/// The words this package writes itself, in one language: the Questionnaire's title and the items of the report's fields,
/// the displays of its codes, the timeframes, and the headings of the GuidanceResponse and the CDS Hooks card. The
/// library's own texts (questions, disposition, findings, advice) come from the engine in the same language. Codes never
/// change with the language. The Spanish words are a first translation, to be reviewed by a qualified medical translator
/// before clinical use, as the library's (docs/translation.md).
/// </summary>
internal sealed class Labels
{
    /// <summary>The English labels (the package's labels before languages, unchanged).</summary>
    public static Labels English { get; } = new()
    {
        Language = TextLanguages.English,
        QuestionnaireTitle = "Symptoms after spine surgery with implanted hardware",
        QuestionnaireDescription = "The questions of SpineTriage rule set {0}, asked one at a time with $next-question. Decision support, not a diagnosis.",
        SurgeryDate = "Date of the spine operation",
        AssessedOn = "Date of this assessment (today if left empty)",
        SurgeryRegion = "Which part of the spine was operated on?",
        Hardware = "Which implants were placed?",
        FusionLevels = "How many spinal levels were fused?",
        RiskFactors = "Which of these apply?",
        Regions = ["Cervical spine (neck)", "Thoracic spine (upper and mid back)", "Lumbar spine (lower back)", "Sacral spine (base of the spine)"],
        HardwareKinds = ["Screws", "Rods", "Plates", "Interbody cages", "Other implant"],
        RiskFactorNames = ["Smoking", "Osteoporosis", "Diabetes", "Obesity", "Surgery on several levels", "Heavy activity early after surgery", "Previous infection"],
        Urgencies = ["Self care", "Routine", "Soon", "Urgent", "Emergency"],
        Timeframes = [.. Enum.GetValues<Urgency>().Select(u => u.Timeframe())], // the library's own, from self care up
        Answers = ["Yes", "No", "Don't know"],
        Patient = "The patient who reported the symptoms",
        CareAdviceAndSafetyNet = "Care advice and safety net",
        CareAdvice = "Care advice",
        SafetyNet = "Safety net",
        SummaryMore = "(+{0} more)",
        SummaryFindings = "{0} findings, see the detail",
        Rule = "Rule",
        Rationale = "Rationale",
        Evidence = "Evidence",
        NoEvidence = "none",
        Source = "Source",
        RedFlagsNotAnswered = "Red flags not answered",
        OverrideReasons = ["Patient already assessed by a clinician", "Clinical judgement differs", "Answers were recorded wrongly"],
        AnswersOf = "answers of {0}",
        ChartHeading = "SpineTriage triage of the patient's post-operative spine symptom questionnaire answered on {0} (day {1} after surgery, rule set {2}).",
        PatientTextsNote = "The advice worded for the patient is in the triage result (GuidanceResponse), not in this card.",
        RuleInCatalogue = "Rule {0} in the rule catalogue",
        ProposeReferral = "Propose the referral: {0} ({1})",
        NotTriagedSummary = "Spine symptom questionnaire of {0} not triaged: not answered within the last {1} days",
        NotTriagedDetail = "The most recent completed SpineTriage questionnaire of this patient was answered on {0}, not within the last {1} days, so its answers are not triaged as the patient's current state. Ask the patient to answer it again if the symptoms are to be assessed.",
    };

    /// <summary>The Spanish labels (usted), to be reviewed by a qualified medical translator before clinical use.</summary>
    public static Labels Spanish { get; } = new()
    {
        Language = TextLanguages.Spanish,
        QuestionnaireTitle = "Síntomas después de una operación de columna con implantes",
        QuestionnaireDescription = "Las preguntas de las reglas {0} de SpineTriage, una a una con $next-question. Ayuda a decidir; no es un diagnóstico.",
        SurgeryDate = "Fecha de la operación de columna",
        AssessedOn = "Fecha de esta consulta (hoy si la deja en blanco)",
        SurgeryRegion = "¿En qué parte de la columna le operaron?",
        Hardware = "¿Qué implantes le pusieron?",
        FusionLevels = "¿Cuántos niveles de la columna le fijaron?",
        RiskFactors = "¿Cuáles de estas cosas tiene usted?",
        Regions = ["Columna cervical (cuello)", "Columna dorsal (parte alta y media de la espalda)", "Columna lumbar (parte baja de la espalda)", "Sacro (base de la columna)"],
        HardwareKinds = ["Tornillos", "Barras", "Placas", "Cajas entre vértebras", "Otro implante"],
        RiskFactorNames = ["Fuma", "Osteoporosis", "Diabetes", "Obesidad", "Operación en varios niveles", "Mucho esfuerzo físico poco después de la operación", "Una infección anterior"],
        Urgencies = ["Cuidados en casa", "Cita normal", "Pronto", "Urgente", "Emergencia"],
        Timeframes = ["no hace falta ir ahora", "en la próxima revisión, en 2 semanas", "en los próximos 3 días", "hoy, en las próximas horas", "ya"],
        Answers = ["Sí", "No", "No sé"],
        Patient = "El paciente que informó de los síntomas",
        CareAdviceAndSafetyNet = "Consejos de cuidado y señales de alarma",
        CareAdvice = "Consejos de cuidado",
        SafetyNet = "Señales de alarma",
        SummaryMore = "(+{0} más)",
        SummaryFindings = "{0} hallazgos, vea el detalle",
        Rule = "Regla",
        Rationale = "Razonamiento clínico",
        Evidence = "Datos",
        NoEvidence = "ninguno",
        Source = "Fuente",
        RedFlagsNotAnswered = "Preguntas de alarma sin respuesta",
        OverrideReasons = ["Un profesional ya valoró al paciente", "El criterio clínico es otro", "Las respuestas se anotaron mal"],
        AnswersOf = "respuestas del {0}",
        ChartHeading = "Clasificación SpineTriage del cuestionario de síntomas tras la cirugía de columna respondido el {0} (día {1} después de la operación, reglas {2}).",
        PatientTextsNote = "Los consejos redactados para el paciente están en el resultado (GuidanceResponse), no en esta tarjeta.",
        RuleInCatalogue = "Regla {0} en el catálogo de reglas",
        ProposeReferral = "Proponer la derivación: {0} ({1})",
        NotTriagedSummary = "Cuestionario de columna del {0} sin clasificar: no respondido en los últimos {1} días",
        NotTriagedDetail = "El último cuestionario SpineTriage completado de este paciente se respondió el {0}, no en los últimos {1} días, así que sus respuestas no se clasifican como el estado actual del paciente. Pida al paciente que lo responda de nuevo si hay que valorar los síntomas.",
    };

    /// <summary>The labels of every language of the library, in <see cref="TextLanguages.All"/>'s order.</summary>
    public static IReadOnlyList<Labels> All { get; } = [.. TextLanguages.All.Select(Of)];

    /// <summary>The language (one of <see cref="TextLanguages.All"/>).</summary>
    public required string Language { get; init; }

    /// <summary>The Questionnaire's title.</summary>
    public required string QuestionnaireTitle { get; init; }

    /// <summary>The Questionnaire's description; {0} is the rule-set version.</summary>
    public required string QuestionnaireDescription { get; init; }

    /// <summary>The item <c>surgeryDate</c>.</summary>
    public required string SurgeryDate { get; init; }

    /// <summary>The item <c>assessedOn</c>.</summary>
    public required string AssessedOn { get; init; }

    /// <summary>The item <c>surgeryRegion</c>.</summary>
    public required string SurgeryRegion { get; init; }

    /// <summary>The item <c>hardware</c>.</summary>
    public required string Hardware { get; init; }

    /// <summary>The item <c>fusionLevels</c>.</summary>
    public required string FusionLevels { get; init; }

    /// <summary>The item <c>riskFactors</c>.</summary>
    public required string RiskFactors { get; init; }

    /// <summary>The displays of <see cref="Reports.SurgeryRegion"/>, in the enum's order.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>The displays of <see cref="HardwareKind"/>, in the enum's order.</summary>
    public required IReadOnlyList<string> HardwareKinds { get; init; }

    /// <summary>The displays of <see cref="RiskFactor"/>, in the enum's order.</summary>
    public required IReadOnlyList<string> RiskFactorNames { get; init; }

    /// <summary>The displays of <see cref="Urgency"/>, from self care (code 1) to emergency (code 5).</summary>
    public required IReadOnlyList<string> Urgencies { get; init; }

    /// <summary>The timeframes of <see cref="Urgency"/>, from self care to emergency (English: <see cref="UrgencyExtensions.Timeframe"/>).</summary>
    public required IReadOnlyList<string> Timeframes { get; init; }

    /// <summary>The displays of the LOINC answers yes, no and don't know.</summary>
    public required IReadOnlyList<string> Answers { get; init; }

    /// <summary>The display of the subject when the caller gives no patient reference.</summary>
    public required string Patient { get; init; }

    /// <summary>The CarePlan's title and its RequestGroup action.</summary>
    public required string CareAdviceAndSafetyNet { get; init; }

    /// <summary>The kind of a care-advice activity and the card's heading.</summary>
    public required string CareAdvice { get; init; }

    /// <summary>The kind of a safety-net activity and the card's heading.</summary>
    public required string SafetyNet { get; init; }

    /// <summary>The card summary's count of the other findings; {0} is the count.</summary>
    public required string SummaryMore { get; init; }

    /// <summary>The card summary when the title does not fit; {0} is the number of findings.</summary>
    public required string SummaryFindings { get; init; }

    /// <summary>The card detail's label of a finding's rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>The card detail's label of a finding's clinician rationale.</summary>
    public required string Rationale { get; init; }

    /// <summary>The card detail's label of a finding's evidence.</summary>
    public required string Evidence { get; init; }

    /// <summary>The card detail's word for no evidence.</summary>
    public required string NoEvidence { get; init; }

    /// <summary>The card detail's label of a finding's source.</summary>
    public required string Source { get; init; }

    /// <summary>The card detail's label of the unanswered red flags.</summary>
    public required string RedFlagsNotAnswered { get; init; }

    /// <summary>The displays of the override reasons <c>already-assessed</c>, <c>clinical-judgement</c>, <c>wrong-answers</c>.</summary>
    public required IReadOnlyList<string> OverrideReasons { get; init; }

    /// <summary>The chart card's summary note of the answers' date; {0} is the date.</summary>
    public required string AnswersOf { get; init; }

    /// <summary>The chart card's first line; {0} the answers' date, {1} the days since surgery, {2} the rule-set version.</summary>
    public required string ChartHeading { get; init; }

    /// <summary>The chart card's note that the patient's texts are not in it.</summary>
    public required string PatientTextsNote { get; init; }

    /// <summary>The label of a link to a rule's catalogue entry; {0} is the rule id.</summary>
    public required string RuleInCatalogue { get; init; }

    /// <summary>The label of the referral suggestion; {0} the urgency, {1} its timeframe.</summary>
    public required string ProposeReferral { get; init; }

    /// <summary>The summary of the card of a response not triaged; {0} its date, {1} the window in days.</summary>
    public required string NotTriagedSummary { get; init; }

    /// <summary>The detail of the card of a response not triaged; {0} its date, {1} the window in days.</summary>
    public required string NotTriagedDetail { get; init; }

    /// <summary>The labels of a language; English for one the package has no labels in (the library refuses it first).</summary>
    public static Labels Of(string? language) => language == TextLanguages.Spanish ? Spanish : English;

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

    private static int Index<T>(T value)
        where T : struct, Enum => Array.IndexOf(Enum.GetValues<T>(), value) is var index and >= 0
            ? index
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Undefined value.");
}
