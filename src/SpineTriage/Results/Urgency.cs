namespace SpineTriage.Results;

/// <summary>
/// How soon the patient needs care (clinical-criteria.md section 1). The numeric value is a stable
/// code that integrators may store and compare; a higher code is more urgent.
/// </summary>
public enum Urgency
{
    /// <summary>Code 1: expected recovery, no visit needed now.</summary>
    SelfCare = 1,

    /// <summary>Code 2: at the next follow-up, within 2 weeks.</summary>
    Routine = 2,

    /// <summary>Code 3: to be seen within 3 days.</summary>
    Soon = 3,

    /// <summary>Code 4: today, within hours.</summary>
    Urgent = 4,

    /// <summary>Code 5: emergency care now.</summary>
    Emergency = 5,
}
