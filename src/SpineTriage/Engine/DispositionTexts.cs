using SpineTriage.Results;

namespace SpineTriage.Engine;

/// <summary>
/// The patient-facing disposition text of each urgency (clinical-criteria.md section 1). Integrators may
/// reword or translate them; the urgency codes do not change.
/// </summary>
/// <remarks>Immutable. Every text must be non-empty; this is checked when the engine is built.</remarks>
public sealed record DispositionTexts
{
    /// <summary>Gets the default texts of the clinical criteria.</summary>
    public static DispositionTexts Default { get; } = new();

    /// <summary>Gets the text for <see cref="Urgency.Emergency"/>.</summary>
    public string Emergency { get; init; } = "Call emergency services or go to the nearest emergency department now.";

    /// <summary>Gets the text for <see cref="Urgency.Urgent"/>.</summary>
    public string Urgent { get; init; } = "Contact your surgeon's team today, within the next few hours. If you cannot reach them, go to urgent care or an emergency department.";

    /// <summary>Gets the text for <see cref="Urgency.Soon"/>.</summary>
    public string Soon { get; init; } = "Call your surgeon's office to be seen within the next 3 days.";

    /// <summary>Gets the text for <see cref="Urgency.Routine"/>.</summary>
    public string Routine { get; init; } = "Mention this at your next follow-up appointment, or book a routine appointment within 2 weeks.";

    /// <summary>Gets the text for <see cref="Urgency.SelfCare"/>.</summary>
    public string SelfCare { get; init; } = "This sounds like expected recovery. Continue your recovery plan and keep watching for the warning signs below.";

    /// <summary>Gets the text for an urgency.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>Its disposition text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="urgency"/> is not defined.</exception>
    public string For(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => Emergency,
        Urgency.Urgent => Urgent,
        Urgency.Soon => Soon,
        Urgency.Routine => Routine,
        Urgency.SelfCare => SelfCare,
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Not a defined urgency."),
    };
}
