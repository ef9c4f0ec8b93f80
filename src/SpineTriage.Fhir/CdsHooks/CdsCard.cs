namespace SpineTriage.Fhir.CdsHooks;

/// <summary>A CDS Hooks 2.0 card (informational: no suggestions or links).</summary>
/// <param name="Uuid">The card's id, echoed in feedback.</param>
/// <param name="Summary">One line, under 140 characters: the urgency, its timeframe and the highest finding.</param>
/// <param name="Indicator"><c>critical</c> (emergency, urgent), <c>warning</c> (soon) or <c>info</c> (routine, self care).</param>
/// <param name="Detail">Markdown: the disposition, every finding with its rationale, evidence and source, unanswered red flags, care advice and the safety net.</param>
/// <param name="Source">SpineTriage and the rule-set version, and the urgency as the topic.</param>
/// <param name="OverrideReasons">The reasons a clinician may give for overriding the card.</param>
public sealed record CdsCard(Guid Uuid, string Summary, string Indicator, string Detail, CdsSource Source, IReadOnlyList<CdsCoding> OverrideReasons);
