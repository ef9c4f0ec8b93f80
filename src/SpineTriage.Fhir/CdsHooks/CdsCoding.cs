namespace SpineTriage.Fhir.CdsHooks;

/// <summary>A CDS Hooks 2.0 Coding: a code in a system, with its display.</summary>
/// <param name="Code">The code.</param>
/// <param name="System">The code system's URL.</param>
/// <param name="Display">The human-readable text.</param>
public sealed record CdsCoding(string Code, string System, string? Display = null);
