namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// The console interview's own texts in Spanish (usted; translation to be reviewed by a qualified medical translator
/// before clinical use, docs/translation.md): one constant for each constant of <see cref="PromptTexts"/>, same name,
/// same <c>{0}</c>. Measured by SpanishPromptReadabilityTests (Fernández-Huerta 70 or more each, and the mean).
/// Temperatures written here use a decimal comma; the reply parser takes both (<see cref="ReplyParser.TryTemperature(string, ConsoleLanguage, out SpineTriage.Reports.Temperature)"/>).
/// </summary>
internal static class SpanishPromptTexts
{
    public const string PlainTitle = "SpineTriage: qué hacer si le operaron la columna y lleva un implante. Le ayuda a decidir. No es un diagnóstico.";

    public const string TerminalTitle = "SpineTriage: qué hacer si le operaron la columna y lleva un implante";

    public const string NotADiagnosis = "Le ayuda a decidir qué hacer. No es un diagnóstico.";

    public const string Emergency = "Si tiene una urgencia grave, pida una ambulancia ya.";

    public const string AnswerEach = "Responda a cada pregunta con {0}.";

    public const string SurgeryDate = "¿En qué fecha le operaron?";

    public const string AssessmentDate = "¿En qué fecha se valoran los síntomas?";

    public const string Neck = "¿Le operaron alguna parte del cuello?";

    public const string Back = "¿Qué parte de la espalda le operaron?";

    public const string InputEnded = "La entrada terminó antes de acabar las preguntas, así que no hay resultado.";

    public const string ReplyTooLong = "Su respuesta tiene más de {0} letras, así que no se ha leído. Responda en pocas palabras.";

    public const string TooManyInvalid = "No se entendieron {0} respuestas seguidas. Por eso se paró sin dar un resultado.";

    public const string SurgeryDateFormat = "Escriba la fecha así, por ejemplo: 2026-09-01 (aaaa-MM-dd).";

    public const string AssessmentDateFormat = "Escriba la fecha como aaaa-MM-dd, o déjela en blanco para hoy.";

    public const string BothDatesAgain = "Escriba de nuevo las dos fechas, primero la de la operación.";

    public const string AnswerChoices = "Responda {0}.";

    public const string TemperatureFormat = "Escriba la temperatura con su unidad, por ejemplo 38,4 C o 100,9 F. Déjela en blanco (o n) si no se la tomó.";

    public const string PainFormat = "Escriba un número entero del 0 al 10, o déjelo en blanco.";

    /// <summary>The label before the reason a reply was not understood (measured with a reason after it).</summary>
    public const string NotUnderstood = "No se entendió:";

    public const string Settled = "Ninguna otra respuesta puede cambiar la urgencia ({0}). Por eso no se hicieron el resto de preguntas.";

}
