using SpineTriage.Results;

namespace SpineTriage.Rules;

/// <summary>A rule of the catalogue as an auditor reads it (clinical-criteria.md section 4).</summary>
/// <param name="Id">The stable rule id, for example <c>cauda-equina</c>; an id never changes meaning.</param>
/// <param name="Urgency">The urgency of a finding of this rule.</param>
/// <param name="Title">The short title of a finding.</param>
/// <param name="Condition">When the rule fires, in words, with the engine's thresholds.</param>
/// <param name="Consideration">What a clinician would want to rule out; never a diagnosis.</param>
/// <param name="Source">Where the rule comes from: a section of the source page, or a source marked "Beyond SHP".</param>
/// <param name="PatientExplanation">The explanation a patient reads when the rule fires.</param>
/// <param name="ClinicianRationale">The rationale a clinician reads when the rule fires.</param>
public sealed record RuleDefinition(
    string Id,
    Urgency Urgency,
    string Title,
    string Condition,
    string Consideration,
    string Source,
    string PatientExplanation,
    string ClinicianRationale);
