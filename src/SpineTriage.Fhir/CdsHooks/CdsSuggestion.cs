namespace SpineTriage.Fhir.CdsHooks;

/// <summary>A CDS Hooks 2.0 suggestion: one <c>create</c> action of a FHIR resource.</summary>
/// <param name="Uuid">The suggestion's id, echoed in feedback.</param>
/// <param name="Label">What the clinician accepts.</param>
/// <param name="IsRecommended">Whether the service recommends it.</param>
/// <param name="Description">The action's description.</param>
/// <param name="ResourceJson">The resource to create, as FHIR R4 JSON (immutable text, not a Firely object).</param>
public sealed record CdsSuggestion(Guid Uuid, string Label, bool IsRecommended, string Description, string ResourceJson);
