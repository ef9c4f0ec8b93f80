namespace SpineTriage.Fhir.CdsHooks;

/// <summary>A CDS Hooks 2.0 card.</summary>
/// <param name="Uuid">The card's id, echoed in feedback.</param>
/// <param name="Summary">One line, under 140 characters: the urgency, its timeframe and the highest finding (a chart card: and the answers' date).</param>
/// <param name="Indicator"><c>critical</c> (emergency, urgent), <c>warning</c> (soon) or <c>info</c> (routine, self care, a response not triaged).</param>
/// <param name="Detail">Markdown: the findings with their rationale, evidence and source, and unanswered red flags (see <see cref="CdsCards"/>).</param>
/// <param name="Source">SpineTriage and the rule-set version, and the urgency as the topic.</param>
/// <param name="OverrideReasons">The reasons a clinician may give for overriding the card.</param>
public sealed record CdsCard(Guid Uuid, string Summary, string Indicator, string Detail, CdsSource Source, IReadOnlyList<CdsCoding> OverrideReasons)
{
    /// <summary>Links to read more: each finding's rule catalogue entry (a chart card with a catalogue URL); none by default.</summary>
    public IReadOnlyList<CdsLink> Links { get; init; } = [];

    /// <summary>Suggestions the clinician may accept: the ServiceRequest to create (a chart card from soon to emergency); none by default.</summary>
    public IReadOnlyList<CdsSuggestion> Suggestions { get; init; } = [];
}
