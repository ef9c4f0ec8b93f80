using SpineTriage.Serialization.Internal;

namespace SpineTriage.Results;

/// <summary>Facts about each <see cref="Urgency"/> level: its stable code, JSON name, timeframe and CDS Hooks indicator.</summary>
public static class UrgencyExtensions
{
    /// <summary>Gets the stable numeric code (1 self care to 5 emergency).</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The code.</returns>
    public static int Code(this Urgency urgency) => (int)Defined(urgency);

    /// <summary>Gets the JSON name, for example <c>selfCare</c>.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The camelCase name used in result JSON.</returns>
    public static string JsonName(this Urgency urgency) => JsonNames.Of(Defined(urgency));

    /// <summary>Gets the English timeframe, for example <c>today, within hours</c> (the registry's <c>label.timeframe.{urgency}</c>; other languages: <see cref="Texts.TextRegistry.Timeframe"/>).</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The timeframe in words.</returns>
    public static string Timeframe(this Urgency urgency) => Texts.TextRegistry.English.Timeframe(Defined(urgency));

    /// <summary>Gets the CDS Hooks card indicator: <c>critical</c>, <c>warning</c> or <c>info</c>.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The indicator.</returns>
    public static string CdsHooksIndicator(this Urgency urgency) => Defined(urgency) switch
    {
        Urgency.Emergency or Urgency.Urgent => "critical",
        Urgency.Soon => "warning",
        _ => "info",
    };

    private static Urgency Defined(Urgency urgency) => urgency is >= Urgency.SelfCare and <= Urgency.Emergency
        ? urgency
        : throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Not a defined urgency.");
}
