namespace SpineTriage.Reports;

/// <summary>
/// The questions of every rule set: those of rule set 1.0 first, declared in its asking order (clinical-criteria.md
/// section 3), then the nine questions rule set 2.0 adds (clinical-criteria-2.0.md section 4), then the five rule set 3.0 adds
/// (clinical-criteria-3.0.md section 4). A rule set asks the
/// questions in its own order (<see cref="Rules.RuleSet.Questions"/>); rule set 1.0 rejects answers to the 2.0 ones.
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

    /// <summary>(Rule set 2.0) Neck swelling getting bigger quickly, new trouble or noisy breathing, or unable to swallow saliva or sips (red flag; applies when neck surgery is possible).</summary>
    NeckSwellingOrAirway,

    /// <summary>(Rule set 2.0) Very sleepy and hard to wake, confused, breathing much more slowly than usual, or fainted (red flag).</summary>
    DrowsyConfusedOrSlowBreathing,

    /// <summary>(Rule set 2.0) A fall, or another injury to the back or neck, in the last 2 weeks (red flag).</summary>
    RecentFallOrInjury,

    /// <summary>(Rule set 2.0) A bad headache with a stiff neck, or with light hurting the eyes (red flag; applies in the early period).</summary>
    HeadacheWithStiffNeck,

    /// <summary>(Rule set 2.0) Clear, watery fluid still leaking from the wound, or a headache worse sitting or standing and better lying down (red flag; applies in the early period).</summary>
    SpinalFluidLeakSigns,

    /// <summary>(Rule set 2.0) A wound bleeding enough to soak a dressing or clothes, or still bleeding after 10 minutes of firm pressure (red flag; applies in the early period).</summary>
    WoundBleeding,

    /// <summary>(Rule set 2.0) A wound that has opened, or through which something under the skin can be seen (red flag; applies in the early period).</summary>
    WoundOpening,

    /// <summary>(Rule set 2.0) Pain still severe after taking the pain medicine as prescribed (red flag; applies in the early period).</summary>
    PainNotControlled,

    /// <summary>(Rule set 2.0) Swallowing getting worse day by day, choking or coughing when drinking, or unable to swallow tablets (red flag; applies when neck surgery is possible).</summary>
    NewSwallowingDifficulty,

    /// <summary>(Rule set 3.0) Since the operation, a new drooping of one side of the face, slurred or muddled speech or trouble finding words, sudden loss of sight, or a fit (seizure), even if it has gone away (red flag).</summary>
    StrokeOrSeizureSigns,

    /// <summary>(Rule set 3.0) A new, severe headache, the worst ever had (red flag; applies within 90 days).</summary>
    NewSevereHeadache,

    /// <summary>(Rule set 3.0) A swollen or hard belly, a painful belly, or vomiting that keeps on (red flag; applies in the early period).</summary>
    BellySwollenOrVomiting,

    /// <summary>(Rule set 3.0) 4 days or more since the last bowel movement (applies in the early period).</summary>
    NoBowelMovementFourDays,

    /// <summary>(Rule set 3.0) A voice hoarse or weak for more than 2 weeks (applies when neck surgery is possible).</summary>
    HoarseVoiceTwoWeeks,
}
