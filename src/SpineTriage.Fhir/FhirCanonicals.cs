using SpineTriage.Texts;

namespace SpineTriage.Fhir;

/// <summary>The canonical URLs the package publishes, all under <see cref="FhirOptions.CanonicalBase"/>.</summary>
public sealed class FhirCanonicals
{
    internal FhirCanonicals(string canonicalBase)
    {
        Base = canonicalBase;
        Questionnaire = canonicalBase + "/Questionnaire/" + QuestionnaireIdIn(TextLanguages.English);
        Questionnaires = [.. TextLanguages.All.Select(QuestionnaireIn)];
        RuleSet = canonicalBase + "/PlanDefinition/spinetriage-rule-set";
        SurgeryRegion = canonicalBase + "/CodeSystem/surgery-region";
        Hardware = canonicalBase + "/CodeSystem/hardware";
        RiskFactor = canonicalBase + "/CodeSystem/risk-factor";
        Urgency = canonicalBase + "/CodeSystem/urgency";
        ReportId = canonicalBase + "/NamingSystem/report-id";
        OverrideReason = canonicalBase + "/CodeSystem/override-reason";
        ErrorCode = canonicalBase + "/CodeSystem/error-code";
        UrgencyToRequestPriority = canonicalBase + "/ConceptMap/urgency-to-request-priority";
    }

    /// <summary>The canonical base itself.</summary>
    public string Base { get; }

    /// <summary>
    /// The English Questionnaire's canonical URL, <c>{base}/Questionnaire/spinetriage</c> (its version is the rule set's
    /// version). Each language has its own canonical: see <see cref="QuestionnaireIn"/>.
    /// </summary>
    public string Questionnaire { get; }

    /// <summary>The canonical URL of the Questionnaire in every language of the library (<see cref="TextLanguages.All"/>), English first.</summary>
    public IReadOnlyList<string> Questionnaires { get; }

    /// <summary>The rule set's canonical URL: the GuidanceResponse's module, with the rule set's version after <c>|</c>.</summary>
    public string RuleSet { get; }

    /// <summary>The CodeSystem of surgery regions (the contract's <c>surgeryRegion</c> values).</summary>
    public string SurgeryRegion { get; }

    /// <summary>The CodeSystem of implanted hardware (the contract's <c>hardware</c> values).</summary>
    public string Hardware { get; }

    /// <summary>The CodeSystem of risk factors (the contract's <c>riskFactors</c> values).</summary>
    public string RiskFactor { get; }

    /// <summary>The CodeSystem of the five urgency levels, with their timeframes.</summary>
    public string Urgency { get; }

    /// <summary>The identifier system of the report id (<c>QuestionnaireResponse.identifier</c>, <c>GuidanceResponse.requestIdentifier</c>).</summary>
    public string ReportId { get; }

    /// <summary>The CodeSystem of the reasons a clinician gives for overriding a CDS Hooks card (<c>overrideReasons</c>).</summary>
    public string OverrideReason { get; }

    /// <summary>
    /// The CodeSystem of the error codes (the library's <c>ErrorCodes</c> and <see cref="FhirErrorCodes"/>), for an
    /// OperationOutcome's <c>issue.details.coding</c>.
    /// </summary>
    public string ErrorCode { get; }

    /// <summary>The ConceptMap from the urgency CodeSystem to FHIR's request priorities (<see cref="TriageFhir.CreateConceptMap"/>).</summary>
    public string UrgencyToRequestPriority { get; }

    /// <summary>
    /// The canonical URL of the Questionnaire in a language: one canonical per content, so one per language. English, the
    /// language the texts are written in, keeps <c>{base}/Questionnaire/spinetriage</c>; every other language has
    /// <c>{base}/Questionnaire/spinetriage-{language}</c> (<c>spinetriage-es</c>). The version is the rule set's in every
    /// language.
    /// </summary>
    /// <param name="language">One of <see cref="TextLanguages.All"/>.</param>
    /// <returns>The canonical URL, without a version.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not one of the library's languages.</exception>
    public string QuestionnaireIn(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return TextLanguages.IsSupported(language)
            ? Base + "/Questionnaire/" + QuestionnaireIdIn(language)
            : throw new ArgumentException($"The language must be one of {string.Join(", ", TextLanguages.All)}.", nameof(language));
    }

    /// <summary>The language of one of the Questionnaire canonicals (without <c>|version</c>); <see langword="null"/> for any other URL.</summary>
    internal string? LanguageOfQuestionnaire(string? url)
    {
        for (var i = 0; i < Questionnaires.Count; i++)
        {
            if (string.Equals(url, Questionnaires[i], StringComparison.Ordinal))
            {
                return TextLanguages.All[i];
            }
        }

        return null;
    }

    /// <summary>The Questionnaire's resource id in a language: <c>spinetriage</c> in English, <c>spinetriage-{language}</c> otherwise.</summary>
    internal static string QuestionnaireIdIn(string language) =>
        language == TextLanguages.English ? "spinetriage" : "spinetriage-" + language;
}
