namespace SpineTriage.Fhir;

/// <summary>
/// How <see cref="TriageFhir"/> names what it publishes. Immutable; <see cref="Default"/> is for tests and examples only:
/// set <see cref="CanonicalBase"/> to a base URL you control before you exchange resources with other systems.
/// </summary>
public sealed record FhirOptions
{
    /// <summary>The default canonical base, <c>http://example.org/fhir/spinetriage</c>: an example domain, set your own.</summary>
    public const string DefaultCanonicalBase = "http://example.org/fhir/spinetriage";

    /// <summary>The default options: <see cref="DefaultCanonicalBase"/>.</summary>
    public static FhirOptions Default { get; } = new();

    /// <summary>
    /// The absolute http or https URL, without a trailing slash, under which the Questionnaire, the CodeSystems and the
    /// rule set's module are named (for example <c>{base}/Questionnaire/spinetriage</c>). Set your own.
    /// </summary>
    public string CanonicalBase { get; init; } = DefaultCanonicalBase;
}
