namespace SpineTriage.Fhir.CdsHooks;

/// <summary>A CDS Hooks 2.0 link of type <c>absolute</c>: a page the clinician can open.</summary>
/// <param name="Label">What the link shows.</param>
/// <param name="Url">The absolute URL.</param>
public sealed record CdsLink(string Label, string Url);
