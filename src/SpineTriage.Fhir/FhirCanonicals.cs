namespace SpineTriage.Fhir;

/// <summary>The canonical URLs the package publishes, all under <see cref="FhirOptions.CanonicalBase"/>.</summary>
public sealed class FhirCanonicals
{
    internal FhirCanonicals(string canonicalBase)
    {
        Base = canonicalBase;
        Questionnaire = canonicalBase + "/Questionnaire/spinetriage";
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

    /// <summary>The Questionnaire's canonical URL (its version is the rule set's version).</summary>
    public string Questionnaire { get; }

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
}
