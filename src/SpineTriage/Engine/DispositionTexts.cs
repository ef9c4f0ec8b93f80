using SpineTriage.Results;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Engine;

/// <summary>
/// The patient-facing disposition text of each urgency (clinical-criteria.md section 1); the defaults are the text
/// catalogue's <c>disposition.{urgency}</c> (docs/texts.md). Integrators may
/// reword or translate them; the urgency codes do not change.
/// </summary>
/// <remarks>Immutable. Every text must be non-empty; this is checked when the engine is built.</remarks>
public sealed record DispositionTexts
{
    /// <summary>Gets the default texts of the clinical criteria.</summary>
    public static DispositionTexts Default { get; } = new();

    /// <summary>Gets the text for <see cref="Urgency.Emergency"/>.</summary>
    public string Emergency { get; init; } = TextCatalogue.English.Get("disposition.emergency");

    /// <summary>Gets the text for <see cref="Urgency.Urgent"/>.</summary>
    public string Urgent { get; init; } = TextCatalogue.English.Get("disposition.urgent");

    /// <summary>Gets the text for <see cref="Urgency.Soon"/>.</summary>
    public string Soon { get; init; } = TextCatalogue.English.Get("disposition.soon");

    /// <summary>Gets the text for <see cref="Urgency.Routine"/>.</summary>
    public string Routine { get; init; } = TextCatalogue.English.Get("disposition.routine");

    /// <summary>Gets the text for <see cref="Urgency.SelfCare"/>.</summary>
    public string SelfCare { get; init; } = TextCatalogue.English.Get("disposition.selfCare");

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
