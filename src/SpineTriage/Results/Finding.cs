namespace SpineTriage.Results;

/// <summary>One rule that fired for a report, with everything needed to explain it.</summary>
/// <remarks>Immutable. A finding names a consideration (what a clinician would want to rule out), never a diagnosis.</remarks>
public sealed record Finding
{
    private readonly IReadOnlyList<string> _evidence = ValueList<string>.Empty;

    /// <summary>Gets the stable rule id, for example <c>cauda-equina</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Gets the urgency of the rule.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Gets the short title, for example "Possible wound infection".</summary>
    public required string Title { get; init; }

    /// <summary>Gets the explanation for the patient, in plain language.</summary>
    public required string PatientExplanation { get; init; }

    /// <summary>
    /// Gets the key of <see cref="Title"/> in the text registry (<see cref="Texts.TextRegistry"/>), for example
    /// <c>rule.fever.title</c>; <see langword="null"/> for a result read from JSON written before keys existed, or a
    /// title that is not in the registry.
    /// </summary>
    public string? TitleKey { get; init; }

    /// <summary>
    /// Gets the key of <see cref="PatientExplanation"/> in the text registry: <c>rule.{id}.patientExplanation</c>, or
    /// the form the result needs (docs/contract.md): <c>rule.{id}.patientExplanation@emergency</c> for a finding below
    /// emergency in an emergency result (no call "today", no request for more answers), and for
    /// <c>unresolved-red-flag</c> in a settled result whose unresolved red flags include some not asked,
    /// <c>result.settledNotAsked</c> or <c>result.settledDoNotKnow</c>. <see langword="null"/> as for <see cref="TitleKey"/>.
    /// </summary>
    public string? PatientExplanationKey { get; init; }

    /// <summary>Gets the rationale for a clinician: the consideration and the condition that fired.</summary>
    public required string ClinicianRationale { get; init; }

    /// <summary>Gets the facts that made the rule fire, for example <c>woundDischarge: yes</c> or <c>temperature: 38.4 °C</c>.</summary>
    public required IReadOnlyList<string> Evidence { get => _evidence; init => _evidence = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the source of the rule, for example "Spinal Hardware Problems: When to See a Doctor".</summary>
    public required string Source { get; init; }

    /// <summary>Names the rule and its urgency, never the evidence, which quotes the report's answers and measurements.</summary>
    /// <returns>For example <c>Finding: wound-infection (urgent); evidence not shown</c>.</returns>
    public override string ToString() => $"Finding: {RuleId}, {TriageResult.UrgencyText(Urgency)}; evidence not shown";
}
