using SpineTriage.Results;

namespace SpineTriage.Rules;

using Q = SpineTriage.Reports.QuestionId;

/// <summary>
/// Rule set 1.0, as in clinical-criteria.md section 4: one declaration per rule, in the table's order
/// (highest urgency first). Reviewers read this file line by line against the criteria.
/// </summary>
internal static class RuleCatalogue
{
    public const string Version = "1.1.0";

    /// <summary>Gets what changed in each version, newest first, for the catalogue document.</summary>
    public static IReadOnlyList<string> Changes { get; } = Array.AsReadOnly(new[]
    {
        "1.1.0: plain language (issue 11): the patient texts come from the text catalogue (Texts/en.json, docs/texts.md), and those above Flesch-Kincaid grade 8 are reworded with the same clinical meaning (rule titles and patient explanations, the care advice, dispositions, the fever warnings); the safety net lists each emergency sign on its own line after \"Get emergency care at once if any of these happens:\". The hash changed; no decision changed (the frozen decisions of 1.0.0 still hold).",
        "1.0.1: the conditions are written in the condition language and their words are generated from them. The words of `hardware-irritation` now read \"localizedTenderness, lumpOverHardware or painWorseWithMovement yes\" (before: \"localizedTenderness yes or lumpOverHardware yes or painWorseWithMovement yes\"), so the hash changed; no decision changed (the frozen decisions of 1.0.0 still hold).",
        "1.0.0: rule set 1.0 of clinical-criteria.md.",
    });

    /// <summary>Gets the rule ids of rule set 1.0 in catalogue order; they do not depend on the thresholds.</summary>
    public static IReadOnlyList<string> Ids { get; } = Array.AsReadOnly(Build(38.0m, 8).Select(r => r.Id).ToArray());

    /// <summary>Gets the emergency signs of rule set 1.0's safety net, in asking order (clinical-criteria.md section 6).</summary>
    public static IReadOnlyList<SafetyNetSign> EmergencySigns { get; } = Array.AsReadOnly(new SafetyNetSign[]
    {
        new("bladderOrBowel", _ => When.Yes(Q.BladderOrBowelControlLoss), When.Always),
        new("saddleNumbness", _ => When.Yes(Q.SaddleNumbness), When.Always),
        new("limbWeakness", _ => When.Yes(Q.NewOrWorseningLimbWeakness), When.Always),
        new("painAfterFall", _ => When.Yes(Q.SuddenSeverePainAfterFallOrInjury), When.Always),
        new("feverWithWoundSigns", t => When.All(When.Fever(Presence.Present, t), When.WoundSign), When.Always),
        new("chestPainOrBreathlessness", _ => When.Yes(Q.ChestPainOrBreathlessness), When.Always),
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
            When = When.AnyYes(Q.BladderOrBowelControlLoss, Q.SaddleNumbness),
            Consideration = "compression of the cauda equina or spinal cord",
            Source = $"{WhenToSeeADoctor}; saddle numbness: Beyond SHP: cauda equina red flags (NICE NG59; IFOMPT red-flags framework 2020)",
        });
        rules.Add(new("motor-deficit", Urgency.Emergency)
        {
            When = When.Yes(Q.NewOrWorseningLimbWeakness),
            Consideration = "nerve compression, e.g. by a shifted screw or cage",
            Source = $"{WhenToSeeADoctor}; {FaqWhenToWorry}",
        });
        rules.Add(new("infection-with-fever", Urgency.Emergency)
        {
            When = When.All(feverPresent, When.WoundSign),
            Consideration = "deep wound or implant infection",
            Source = $"{Shp}: {FaqWhenToWorry} (emergency care for fever and wound discharge)",
        });
        rules.Add(new("fall-or-injury", Urgency.Emergency)
        {
            When = When.Yes(Q.SuddenSeverePainAfterFallOrInjury),
            Consideration = "fracture or acute hardware failure",
            Source = WhenToSeeADoctor,
        });
        rules.Add(new("possible-pulmonary-embolism", Urgency.Emergency)
        {
            When = When.Yes(Q.ChestPainOrBreathlessness),
            Consideration = "a blood clot in the lungs after surgery",
            Source = "Beyond SHP: post-operative blood-clot warning signs (AAOS OrthoInfo patient guidance after spine surgery)",
        });
        rules.Add(new("sensory-deficit", Urgency.Urgent)
        {
            When = When.Yes(Q.NewOrWorseningLimbNumbness),
            Consideration = "nerve irritation or compression",
            Source = WhenToSeeADoctor,
        });
        rules.Add(new("wound-signs", Urgency.Urgent)
        {
            When = When.All(When.WoundSign, When.Not(feverPresent)),
            Consideration = "wound or implant infection",
            Source = $"{WhenToSeeADoctor}; Causes (infection)",
        });
        rules.Add(new("fever", Urgency.Urgent)
        {
            When = When.All(feverPresent, When.Not(When.WoundSign)),
            Consideration = "infection",
            Source = WhenToSeeADoctor,
        });
        rules.Add(new("possible-deep-vein-thrombosis", Urgency.Urgent)
        {
            When = When.Yes(Q.CalfPainOrSwelling),
            Consideration = "a blood clot in a leg vein after surgery",
            Source = "Beyond SHP: post-operative blood-clot warning signs (AAOS OrthoInfo)",
        });
        rules.Add(new("unresolved-red-flag", Urgency.Urgent)
        {
            When = redFlagUnresolved,
            Consideration = "a red flag cannot be ruled out",
            Source = "Beyond SHP: telephone-triage convention that every red-flag question is asked before a lower disposition is given",
        });
        rules.Add(new("severe-escalating-pain", Urgency.Urgent)
        {
            When = When.All(When.PainScoreAtLeast(severePainScore), When.AnyYes(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement)),
            Consideration = "uncontrolled pain from a hardware or fusion problem",
            Source = "Beyond SHP: telephone-triage convention for severe, worsening pain",
        });
        rules.Add(new("pain-after-improvement", Urgency.Soon)
        {
            When = When.Yes(Q.PainReturnedAfterImprovement),
            Consideration = "loosening, breakage or a fusion that has not healed",
            Source = $"{Shp}: Symptoms; When to See a Doctor; FAQ \"What are signs that spinal hardware has failed?\"",
        });
        rules.Add(new("new-or-worsening-pain", Urgency.Soon)
        {
            When = When.Yes(Q.NewOrWorseningPain),
            Consideration = "hardware problem or incomplete fusion",
            Source = WhenToSeeADoctor,
        });
        rules.Add(new("instability", Urgency.Soon)
        {
            When = When.Yes(Q.InstabilityOrMovement),
            Consideration = "loosening, breakage or nonunion",
            Source = $"{Shp}: Symptoms; When to See a Doctor",
        });
        rules.Add(new("radicular-pain", Urgency.Soon)
        {
            When = When.Yes(Q.RadiatingLimbPain),
            Consideration = "hardware irritating a nerve",
            Source = $"{Shp}: Symptoms",
        });
        rules.Add(new("severe-pain", Urgency.Soon)
        {
            When = When.All(When.PainScoreAtLeast(severePainScore), When.DidNotFire("severe-escalating-pain")),
            Consideration = "pain beyond mild recovery discomfort",
            Source = $"{Shp}: {FaqWhenToWorry} (mild discomfort is normal); Beyond SHP: severe pain threshold",
        });
        rules.Add(new("symptomatic-imaging-finding", Urgency.Soon)
        {
            When = When.All(When.Yes(Q.ImagingShowsHardwareProblem), hardwareSymptom),
            Consideration = "a hardware problem that is causing symptoms",
            Source = $"{Shp}: Overview; Treatment",
        });
        rules.Add(new("hardware-irritation", Urgency.Routine)
        {
            When = When.AnyYes(Q.LocalizedTenderness, Q.LumpOverHardware, Q.PainWorseWithMovement),
            Consideration = "hardware pressing on or rubbing tissue",
            Source = $"{Shp}: Symptoms; Causes (irritation)",
        });
        rules.Add(new("asymptomatic-imaging-finding", Urgency.Routine)
        {
            When = When.All(When.Yes(Q.ImagingShowsHardwareProblem), When.Not(hardwareSymptom)),
            Consideration = "a change on a scan that needs monitoring only",
            Source = $"{Shp}: Overview (\"not every change seen on a scan causes symptoms\"); Treatment (observation)",
        });
        rules.Add(new("expected-recovery", Urgency.SelfCare)
        {
            When = When.NoRuleAboveFired,
            Consideration = "mild discomfort of normal recovery",
            Source = $"{Shp}: {FaqWhenToWorry}",
        });

        return rules.Rules;
    }
}
