using SpineTriage.Results;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>
/// The words the console prints around the library's texts in a result (headings, labels, urgency names and
/// timeframes), in one language. The library's own texts (disposition, explanations, advice, safety net, warnings) come
/// in the engine's language; codes (urgency JSON names, rule ids, question ids, evidence) are the same in every language.
/// </summary>
internal sealed class ResultLabels
{
    /// <summary>Gets the English labels (the console's output before languages, unchanged).</summary>
    public static ResultLabels English { get; } = new()
    {
        Names = ["SELF CARE", "ROUTINE", "SOON", "URGENT", "EMERGENCY"],
        Timeframes = ["no visit needed now", "at the next follow-up, within 2 weeks", "within 3 days", "today, within hours", "now"],
        Code = "code",
        DaysSinceSurgery = "{0} days since surgery.",
        Report = "Report {0}, {1} days since surgery.",
        Why = "Why (every finding, highest urgency first):",
        Rule = "rule",
        Evidence = "Evidence:",
        ForTheClinician = "For the clinician:",
        Source = "Source:",
        NotAnswered = "Red-flag questions not answered (the report is incomplete):",
        NotAsked = "Red-flag questions not asked (the answers so far already decide the urgency):",
        CareAdvice = "Care advice:",
        SafetyNet = "Safety net:",
        Warnings = "Warnings:",
        RuleSet = "Rule set",
        SettledNotAsked = "Some warning-sign questions were not asked: the answers so far already decide the urgency, and no answer to them could change it.",
        SettledDoNotKnow = "A warning-sign question was answered \"don't know\", so a serious problem cannot be ruled out. The questions not asked could not change the urgency: the answers so far already decide it.",
    };

    /// <summary>
    /// Gets the Spanish labels (usted; translation to be reviewed by a qualified medical translator before clinical use,
    /// docs/translation.md). The patient-facing ones are measured by SpanishPromptReadabilityTests.
    /// </summary>
    public static ResultLabels Spanish { get; } = new()
    {
        Names = ["CUIDADOS EN CASA", "CITA NORMAL", "PRONTO", "URGENTE", "EMERGENCIA"],
        Timeframes = ["no hace falta ir ahora", "en la próxima revisión, en 2 semanas", "en los próximos 3 días", "hoy, en las próximas horas", "ya"],
        Code = "código",
        DaysSinceSurgery = "Han pasado {0} días desde que le operaron.",
        Report = "Informe {0}: han pasado {1} días desde que le operaron.",
        Why = "Por qué (cada hallazgo, primero el más urgente):",
        Rule = "regla",
        Evidence = "Datos:",
        ForTheClinician = "Para el personal clínico:",
        Source = "Fuente:",
        NotAnswered = "Preguntas de alarma que no tienen respuesta (el informe está incompleto):",
        NotAsked = "Preguntas de alarma que no se hicieron (las respuestas ya deciden la urgencia):",
        CareAdvice = "Consejos de cuidado:",
        SafetyNet = "Señales de alarma:",
        Warnings = "Avisos:",
        RuleSet = "Reglas",
        SettledNotAsked = "No se hicieron algunas preguntas de alarma. Las respuestas que ya dio deciden la urgencia. Ninguna otra respuesta la puede cambiar.",
        SettledDoNotKnow = "A una pregunta de alarma se respondió \"no sé\". Por eso no se puede descartar un problema grave. Las preguntas que no se hicieron no pueden cambiar la urgencia. Las respuestas que ya dio la deciden.",
    };

    /// <summary>Gets the name of each urgency in capitals, by <see cref="Urgency"/> value (self care first).</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>Gets the timeframe of each urgency, by <see cref="Urgency"/> value.</summary>
    public required IReadOnlyList<string> Timeframes { get; init; }

    /// <summary>Gets the word before the urgency's code in the headline.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the first line of the details without a report id; <c>{0}</c> is the day count.</summary>
    public required string DaysSinceSurgery { get; init; }

    /// <summary>Gets the first line of the details with a report id: <c>{0}</c> the id, <c>{1}</c> the day count.</summary>
    public required string Report { get; init; }

    /// <summary>Gets the heading of the findings.</summary>
    public required string Why { get; init; }

    /// <summary>Gets the word before a rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>Gets the label of a finding's evidence.</summary>
    public required string Evidence { get; init; }

    /// <summary>Gets the label of the clinician rationale.</summary>
    public required string ForTheClinician { get; init; }

    /// <summary>Gets the label of a finding's source.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the heading of the red flags not answered.</summary>
    public required string NotAnswered { get; init; }

    /// <summary>Gets the heading of the red flags not asked.</summary>
    public required string NotAsked { get; init; }

    /// <summary>Gets the heading of the care advice.</summary>
    public required string CareAdvice { get; init; }

    /// <summary>Gets the heading of the safety net.</summary>
    public required string SafetyNet { get; init; }

    /// <summary>Gets the heading of the warnings.</summary>
    public required string Warnings { get; init; }

    /// <summary>Gets the words before the rule set's version and hash.</summary>
    public required string RuleSet { get; init; }

    /// <summary>Gets the explanation of <c>unresolved-red-flag</c> in a settled result where every unanswered red flag was not asked.</summary>
    public required string SettledNotAsked { get; init; }

    /// <summary>Gets the explanation of <c>unresolved-red-flag</c> in a settled result where a red flag was answered "don't know".</summary>
    public required string SettledDoNotKnow { get; init; }

    /// <summary>Gets the labels of a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The labels.</returns>
    public static ResultLabels For(ConsoleLanguage language) => language == ConsoleLanguage.Spanish ? Spanish : English;

    /// <summary>Gets the name of an urgency in capitals.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The name.</returns>
    public string Name(Urgency urgency) => Names[urgency.Code() - 1];

    /// <summary>Gets the timeframe of an urgency.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The timeframe.</returns>
    public string Timeframe(Urgency urgency) => Timeframes[urgency.Code() - 1];
}
