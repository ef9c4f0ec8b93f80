namespace SpineTriage.Fhir;

/// <summary>What a GuidanceResponse needs beyond the report and its result. Immutable; every member optional.</summary>
public sealed record GuidanceContext
{
    /// <summary>No id, no subject, no text-set hash of the caller.</summary>
    public static GuidanceContext None { get; } = new();

    /// <summary>The GuidanceResponse's logical id, if the caller stores it.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// A reference to the patient (for example <c>Patient/123</c>), used as the GuidanceResponse's, ServiceRequest's and
    /// CarePlan's subject. Without it, the ServiceRequest and CarePlan name the patient by the report's identifier.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>
    /// A reference to the QuestionnaireResponse triaged (for example <c>QuestionnaireResponse/abc</c>), written as the
    /// ServiceRequest's <c>reasonReference</c>. None when null.
    /// </summary>
    public string? Response { get; init; }

    /// <summary>
    /// The hash of the text set the result's texts come from, written as the output parameter <c>textSetHash</c> beside the
    /// rule-set hash. Absent, the result's own (<see cref="Results.TriageResult.TextSet"/>) is written; the parameter is left
    /// out only when neither is known (a result read from JSON written before text sets).
    /// </summary>
    public string? TextSetHash { get; init; }
}
