namespace SpineTriage.Reports;

/// <summary>
/// The questions of rule set 1.0, declared in asking order (clinical-criteria.md section 3):
/// the questions that can reach the highest urgency come first.
/// </summary>
/// <remarks>The JSON id of each question is its camelCase name, for example <c>bladderOrBowelControlLoss</c>.</remarks>
public enum QuestionId
{
    /// <summary>Loss of bladder or bowel control, or inability to pass urine (red flag).</summary>
    BladderOrBowelControlLoss,

    /// <summary>New numbness around the genitals, buttocks or inner thighs (red flag).</summary>
    SaddleNumbness,

    /// <summary>New or worsening weakness in an arm or a leg (red flag).</summary>
    NewOrWorseningLimbWeakness,

    /// <summary>Sudden, severe pain that started after a fall or an injury (red flag).</summary>
    SuddenSeverePainAfterFallOrInjury,

    /// <summary>Fever of 38.0 °C / 100.4 °F or higher, or shivering and chills (red flag).</summary>
    Fever,

    /// <summary>Discharge or fluid from the wound (red flag).</summary>
    WoundDischarge,

    /// <summary>Increasing redness or swelling around the wound (red flag).</summary>
    WoundRednessOrSwelling,

    /// <summary>New chest pain or sudden shortness of breath (red flag).</summary>
    ChestPainOrBreathlessness,

    /// <summary>New or worsening numbness in an arm or a leg (red flag).</summary>
    NewOrWorseningLimbNumbness,

    /// <summary>A calf that is painful, swollen, warm or red (red flag).</summary>
    CalfPainOrSwelling,

    /// <summary>Back or neck pain that came back or got worse after a period of improvement.</summary>
    PainReturnedAfterImprovement,

    /// <summary>Back or neck pain that is new or getting worse.</summary>
    NewOrWorseningPain,

    /// <summary>A feeling of instability, or of something moving or clicking at the surgery site.</summary>
    InstabilityOrMovement,

    /// <summary>Pain spreading into an arm or a leg.</summary>
    RadiatingLimbPain,

    /// <summary>Skin over the surgery site tender to touch.</summary>
    LocalizedTenderness,

    /// <summary>Pain worse with movement or in certain positions.</summary>
    PainWorseWithMovement,

    /// <summary>A hard lump or bump under the skin where the implant is.</summary>
    LumpOverHardware,

    /// <summary>(Clinician) imaging has shown loosening, breakage or shifting of hardware, or a fusion that has not healed.</summary>
    ImagingShowsHardwareProblem,
}
