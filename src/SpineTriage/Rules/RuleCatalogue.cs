using SpineTriage.Results;

namespace SpineTriage.Rules;

using Q = SpineTriage.Reports.QuestionId;

/// <summary>
/// Rule set 1.0, as in clinical-criteria.md section 4: one declaration per rule, in the table's order
/// (highest urgency first). Reviewers read this file line by line against the criteria.
/// </summary>
internal static class RuleCatalogue
{
    public const string Version = "1.0.1";

    /// <summary>Gets what changed in each version, newest first, for the catalogue document.</summary>
    public static IReadOnlyList<string> Changes { get; } = Array.AsReadOnly(new[]
    {
        "1.0.1: the conditions are written in the condition language and their words are generated from them. The words of `hardware-irritation` now read \"localizedTenderness, lumpOverHardware or painWorseWithMovement yes\" (before: \"localizedTenderness yes or lumpOverHardware yes or painWorseWithMovement yes\"), so the hash changed; no decision changed (the frozen decisions of 1.0.0 still hold).",
        "1.0.0: rule set 1.0 of clinical-criteria.md.",
    });

    /// <summary>Gets the rule ids of rule set 1.0 in catalogue order; they do not depend on the thresholds.</summary>
    public static IReadOnlyList<string> Ids { get; } = Array.AsReadOnly(Build(38.0m, 8).Select(r => r.Id).ToArray());

    /// <summary>Gets the emergency signs of rule set 1.0's safety net, in asking order (clinical-criteria.md section 6).</summary>
    public static IReadOnlyList<SafetyNetSign> EmergencySigns { get; } = Array.AsReadOnly(new SafetyNetSign[]
    {
        new("loss of bladder or bowel control, or being unable to pass urine", _ => When.Yes(Q.BladderOrBowelControlLoss), When.Always),
        new("new numbness around your genitals, buttocks or inner thighs", _ => When.Yes(Q.SaddleNumbness), When.Always),
        new("new or worsening weakness in an arm or a leg", _ => When.Yes(Q.NewOrWorseningLimbWeakness), When.Always),
        new("sudden, severe pain after a fall or an injury", _ => When.Yes(Q.SuddenSeverePainAfterFallOrInjury), When.Always),
        new("a fever together with discharge, redness or swelling at your wound", t => When.All(When.Fever(Presence.Present, t), When.WoundSign), When.Always),
        new("new chest pain or sudden shortness of breath", _ => When.Yes(Q.ChestPainOrBreathlessness), When.Always),
    });

    private const string Shp = "Spinal Hardware Problems";
    private const string WhenToSeeADoctor = Shp + ": When to See a Doctor";
    private const string FaqWhenToWorry = "FAQ \"When should I worry about pain after spinal fusion?\"";

    public static IReadOnlyList<Rule> Build(decimal feverThresholdCelsius, int severePainScore) =>
        Build(feverThresholdCelsius, severePainScore, When.HardwareSymptom, When.AnyApplicableRedFlagUnresolved);

    /// <summary>
    /// The rules of rule set 1.0 with the two facts a later rule set reads differently (rule set 2.0: a wider hardware
    /// symptom, red flags counted only where they apply); <see cref="RuleCatalogueTwo"/> builds on them.
    /// </summary>
    public static IReadOnlyList<Rule> Build(decimal feverThresholdCelsius, int severePainScore, Condition hardwareSymptom, Condition redFlagUnresolved)
    {
        var rules = new RuleList();
        var feverPresent = When.Fever(Presence.Present, feverThresholdCelsius);

        rules.Add(new("cauda-equina", Urgency.Emergency)
        {
            Title = "Possible cauda equina or spinal cord compression",
            When = When.AnyYes(Q.BladderOrBowelControlLoss, Q.SaddleNumbness),
            Consideration = "compression of the cauda equina or spinal cord",
            Source = $"{WhenToSeeADoctor}; saddle numbness: Beyond SHP: cauda equina red flags (NICE NG59; IFOMPT red-flags framework 2020)",
            PatientExplanation = "Loss of bladder or bowel control, being unable to pass urine, or new numbness around the genitals, buttocks or inner thighs can mean that the nerves at the bottom of the spine are being squeezed. This needs emergency assessment to protect them.",
        });
        rules.Add(new("motor-deficit", Urgency.Emergency)
        {
            Title = "New or worsening limb weakness",
            When = When.Yes(Q.NewOrWorseningLimbWeakness),
            Consideration = "nerve compression, e.g. by a shifted screw or cage",
            Source = $"{WhenToSeeADoctor}; {FaqWhenToWorry}",
            PatientExplanation = "New or worsening weakness in an arm or a leg can mean that a nerve is being pressed on, for example by an implant that has shifted. This needs emergency assessment.",
        });
        rules.Add(new("infection-with-fever", Urgency.Emergency)
        {
            Title = "Fever with wound signs: possible deep infection",
            When = When.All(feverPresent, When.WoundSign),
            Consideration = "deep wound or implant infection",
            Source = $"{Shp}: {FaqWhenToWorry} (emergency care for fever and wound discharge)",
            PatientExplanation = "A fever together with discharge, redness or swelling at the wound can be a sign of an infection around the wound or the implant. This needs emergency care.",
        });
        rules.Add(new("fall-or-injury", Urgency.Emergency)
        {
            Title = "Sudden severe pain after a fall or injury",
            When = When.Yes(Q.SuddenSeverePainAfterFallOrInjury),
            Consideration = "fracture or acute hardware failure",
            Source = WhenToSeeADoctor,
            PatientExplanation = "Sudden, severe pain after a fall or an injury can mean a broken bone or a broken or shifted implant. This needs emergency assessment.",
        });
        rules.Add(new("possible-pulmonary-embolism", Urgency.Emergency)
        {
            Title = "Chest pain or breathlessness: possible blood clot in the lungs",
            When = When.Yes(Q.ChestPainOrBreathlessness),
            Consideration = "a blood clot in the lungs after surgery",
            Source = "Beyond SHP: post-operative blood-clot warning signs (AAOS OrthoInfo patient guidance after spine surgery)",
            PatientExplanation = "New chest pain or sudden shortness of breath after surgery can be caused by a blood clot in the lungs. This needs emergency care now.",
        });
        rules.Add(new("sensory-deficit", Urgency.Urgent)
        {
            Title = "New or worsening limb numbness",
            When = When.Yes(Q.NewOrWorseningLimbNumbness),
            Consideration = "nerve irritation or compression",
            Source = WhenToSeeADoctor,
            PatientExplanation = "New or worsening numbness in an arm or a leg can mean that a nerve is irritated or pressed on. Your surgeon's team should assess you today.",
        });
        rules.Add(new("wound-signs", Urgency.Urgent)
        {
            Title = "Possible wound infection",
            When = When.All(When.WoundSign, When.Not(feverPresent)),
            Consideration = "wound or implant infection",
            Source = $"{WhenToSeeADoctor}; Causes (infection)",
            PatientExplanation = "Discharge from the wound, or redness or swelling around it that is increasing, can be a sign of infection. Your surgeon's team should see the wound today.",
        });
        rules.Add(new("fever", Urgency.Urgent)
        {
            Title = "Fever after spine surgery",
            When = When.All(feverPresent, When.Not(When.WoundSign)),
            Consideration = "infection",
            Source = WhenToSeeADoctor,
            PatientExplanation = "A fever after spine surgery can be a sign of infection, even when the wound looks normal. Your surgeon's team should assess you today.",
        });
        rules.Add(new("possible-deep-vein-thrombosis", Urgency.Urgent)
        {
            Title = "Calf pain or swelling: possible blood clot in a leg",
            When = When.Yes(Q.CalfPainOrSwelling),
            Consideration = "a blood clot in a leg vein after surgery",
            Source = "Beyond SHP: post-operative blood-clot warning signs (AAOS OrthoInfo)",
            PatientExplanation = "A calf that is painful, swollen, warm or red after surgery can be caused by a blood clot in a leg vein. It needs to be checked today.",
        });
        rules.Add(new("unresolved-red-flag", Urgency.Urgent)
        {
            Title = "A warning sign could not be ruled out",
            When = redFlagUnresolved,
            Consideration = "a red flag cannot be ruled out",
            Source = "Beyond SHP: telephone-triage convention that every red-flag question is asked before a lower disposition is given",
            PatientExplanation = "Not every warning-sign question was answered, so a serious problem cannot be ruled out. Please contact your surgeon's team today, or answer the remaining questions.",
        });
        rules.Add(new("severe-escalating-pain", Urgency.Urgent)
        {
            Title = "Severe pain that is getting worse",
            When = When.All(When.PainScoreAtLeast(severePainScore), When.AnyYes(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement)),
            Consideration = "uncontrolled pain from a hardware or fusion problem",
            Source = "Beyond SHP: telephone-triage convention for severe, worsening pain",
            PatientExplanation = "Severe pain that is new, getting worse or has come back should be assessed today: it can come from a problem with the implant or the fusion, and it needs better pain control.",
        });
        rules.Add(new("pain-after-improvement", Urgency.Soon)
        {
            Title = "Pain returned after a period of improvement",
            When = When.Yes(Q.PainReturnedAfterImprovement),
            Consideration = "loosening, breakage or a fusion that has not healed",
            Source = $"{Shp}: Symptoms; When to See a Doctor; FAQ \"What are signs that spinal hardware has failed?\"",
            PatientExplanation = "Pain that comes back or gets worse after a period of improvement can be a sign that an implant has loosened or broken, or that the fusion has not healed. Your surgeon should see you within the next few days.",
        });
        rules.Add(new("new-or-worsening-pain", Urgency.Soon)
        {
            Title = "New or worsening back or neck pain",
            When = When.Yes(Q.NewOrWorseningPain),
            Consideration = "hardware problem or incomplete fusion",
            Source = WhenToSeeADoctor,
            PatientExplanation = "New or worsening pain after spine surgery should be checked by your surgeon within the next few days: it can come from a problem with an implant or a fusion that has not fully healed.",
        });
        rules.Add(new("instability", Urgency.Soon)
        {
            Title = "Feeling of instability or movement",
            When = When.Yes(Q.InstabilityOrMovement),
            Consideration = "loosening, breakage or nonunion",
            Source = $"{Shp}: Symptoms; When to See a Doctor",
            PatientExplanation = "A feeling that your spine is unstable, or that something is moving or clicking at the surgery site, can mean that an implant has loosened or broken. Your surgeon should see you within the next few days.",
        });
        rules.Add(new("radicular-pain", Urgency.Soon)
        {
            Title = "Pain spreading into an arm or a leg",
            When = When.Yes(Q.RadiatingLimbPain),
            Consideration = "hardware irritating a nerve",
            Source = $"{Shp}: Symptoms",
            PatientExplanation = "Pain spreading into an arm or a leg can mean that a nerve is irritated, sometimes by an implant. Your surgeon should see you within the next few days.",
        });
        rules.Add(new("severe-pain", Urgency.Soon)
        {
            Title = "Severe pain",
            When = When.All(When.PainScoreAtLeast(severePainScore), When.DidNotFire("severe-escalating-pain")),
            Consideration = "pain beyond mild recovery discomfort",
            Source = $"{Shp}: {FaqWhenToWorry} (mild discomfort is normal); Beyond SHP: severe pain threshold",
            PatientExplanation = "Mild discomfort is normal during recovery, but severe pain is more than expected and should be checked within the next few days.",
        });
        rules.Add(new("symptomatic-imaging-finding", Urgency.Soon)
        {
            Title = "Imaging finding with symptoms",
            When = When.All(When.Yes(Q.ImagingShowsHardwareProblem), hardwareSymptom),
            Consideration = "a hardware problem that is causing symptoms",
            Source = $"{Shp}: Overview; Treatment",
            PatientExplanation = "A scan has shown a change in your implant or fusion, and you have symptoms that may come from it. Your surgeon should review this with you within the next few days.",
        });
        rules.Add(new("hardware-irritation", Urgency.Routine)
        {
            Title = "Possible irritation from the implant",
            When = When.AnyYes(Q.LocalizedTenderness, Q.LumpOverHardware, Q.PainWorseWithMovement),
            Consideration = "hardware pressing on or rubbing tissue",
            Source = $"{Shp}: Symptoms; Causes (irritation)",
            PatientExplanation = "Tenderness over the surgery site, a lump over the implant or pain with certain movements can come from an implant pressing on or rubbing nearby tissue. Mention it at your next follow-up.",
        });
        rules.Add(new("asymptomatic-imaging-finding", Urgency.Routine)
        {
            Title = "Imaging finding without symptoms",
            When = When.All(When.Yes(Q.ImagingShowsHardwareProblem), When.Not(hardwareSymptom)),
            Consideration = "a change on a scan that needs monitoring only",
            Source = $"{Shp}: Overview (\"not every change seen on a scan causes symptoms\"); Treatment (observation)",
            PatientExplanation = "A scan has shown a change in your implant or fusion, but you have no symptoms from it. Not every change seen on a scan causes problems: it usually needs monitoring only, at a routine follow-up.",
        });
        rules.Add(new("expected-recovery", Urgency.SelfCare)
        {
            Title = "Expected recovery",
            When = When.NoRuleAboveFired,
            Consideration = "mild discomfort of normal recovery",
            Source = $"{Shp}: {FaqWhenToWorry}",
            PatientExplanation = "Your answers show no warning sign. Mild discomfort is normal while you recover.",
        });

        return rules.Rules;
    }
}
