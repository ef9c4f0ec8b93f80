namespace SpineTriage.Fhir.CdsHooks;

/// <summary>A CDS Hooks 2.0 card's source: who produced the guidance.</summary>
/// <param name="Label">Names SpineTriage and the rule-set version (for example <c>SpineTriage rule set 2.1.0</c>).</param>
/// <param name="Topic">The exact urgency, a code of the package's urgency CodeSystem; none on a card of a response not triaged.</param>
/// <param name="Url">A page about the source, if any.</param>
public sealed record CdsSource(string Label, CdsCoding? Topic, string? Url = null);
