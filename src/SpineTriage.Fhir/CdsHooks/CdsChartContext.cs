namespace SpineTriage.Fhir.CdsHooks;

/// <summary>What a chart card (<see cref="CdsCards.CreateForChart"/>) says beyond the result: when the answers were given and where to read more.</summary>
public sealed record CdsChartContext
{
    /// <summary>When the patient answered (the QuestionnaireResponse's <c>authored</c>); the card shows its date.</summary>
    public required DateTimeOffset Authored { get; init; }

    /// <summary>The patient (for example <c>Patient/123</c>): the suggested ServiceRequest's subject.</summary>
    public string? Patient { get; init; }

    /// <summary>The QuestionnaireResponse triaged (for example <c>QuestionnaireResponse/abc</c>): the ServiceRequest's <c>reasonReference</c>.</summary>
    public string? Response { get; init; }

    /// <summary>The absolute URL of the rule catalogue; each finding links to it with its rule id as the fragment. No links when null.</summary>
    public string? RuleCatalogueUrl { get; init; }
}
