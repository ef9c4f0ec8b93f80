namespace SpineTriage.Reports;

/// <summary>
/// A risk factor for hardware problems (clinical-criteria.md section 5). Risk factors add advice
/// and context to a result; they never change its urgency.
/// </summary>
public enum RiskFactor
{
    /// <summary>Smoking, which impairs bone healing and fusion.</summary>
    Smoking = 1,

    /// <summary>Osteoporosis or weak bone quality.</summary>
    Osteoporosis = 2,

    /// <summary>Diabetes and other conditions that slow healing.</summary>
    Diabetes = 3,

    /// <summary>Obesity and high mechanical stress on the spine.</summary>
    Obesity = 4,

    /// <summary>Multiple-level or complex spinal surgery.</summary>
    MultiLevelSurgery = 5,

    /// <summary>Returning to heavy activity too soon after surgery.</summary>
    EarlyHeavyActivity = 6,

    /// <summary>A previous infection.</summary>
    PreviousInfection = 7,
}
