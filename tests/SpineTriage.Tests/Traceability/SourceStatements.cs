namespace SpineTriage.Tests.Traceability;

/// <summary>
/// The statement → rule map of the source page's "When to See a Doctor", "Symptoms" and FAQ sections
/// (docs/source/spinal-hardware-problems.txt, a copy of the seed page). Each statement is quoted verbatim;
/// a test checks that it occurs in its section. docs/traceability.md is generated from this map.
/// </summary>
internal static class SourceStatements
{
    public const string WhenToSeeADoctor = "When to See a Doctor";
    public const string Symptoms = "Symptoms";
    public const string Faq = "Frequently Asked Questions";

    private const string RiskFactorAdvice =
        "Not a rule: risk factors add care advice (clinical-criteria.md section 5) and never change the urgency (safety property 7.4).";

    public static IReadOnlyList<SourceStatement> All { get; } =
    [
        new("W1", WhenToSeeADoctor, null, "new or worsening pain after spinal surgery", ["new-or-worsening-pain", "pain-after-improvement"]),
        new("W2", WhenToSeeADoctor, null, "a feeling of instability", ["instability"]),
        new("W3", WhenToSeeADoctor, null, "a sense that something is moving at the surgery site", ["instability"]),
        new("W4", WhenToSeeADoctor, null, "New or worsening weakness or numbness in an arm or leg", ["motor-deficit", "sensory-deficit"]),
        new("W5", WhenToSeeADoctor, null, "Loss of bladder or bowel control", ["cauda-equina"]),
        new("W6", WhenToSeeADoctor, null, "Fever, increasing wound redness, swelling, or discharge, which can signal infection", ["infection-with-fever", "wound-signs", "fever"]),
        new("W7", WhenToSeeADoctor, null, "Sudden severe pain after a fall or injury", ["fall-or-injury"]),

        new("S1", Symptoms, null, "Many people with implants have no problems at all.", ["expected-recovery"]),
        new("S2", Symptoms, null, "New or worsening back or neck pain after a period of improvement", ["pain-after-improvement", "new-or-worsening-pain"]),
        new("S3", Symptoms, null, "A feeling of instability or that something is moving or clicking", ["instability"]),
        new("S4", Symptoms, null, "Localized tenderness over the surgery site", ["hardware-irritation"]),
        new("S5", Symptoms, null, "Pain that worsens with movement or certain positions", ["hardware-irritation"]),
        new("S6", Symptoms, null, "Pain, numbness, or weakness spreading into an arm or leg if a nerve is affected", ["radicular-pain", "sensory-deficit", "motor-deficit"]),
        new("S7", Symptoms, null, "Rarely, a hard lump or prominence under the skin where hardware sits close to the surface", ["hardware-irritation"]),

        new("F1", Faq, "Do all spinal implants eventually cause problems?", "Most spinal screws, rods, and cages work well and cause no problems.", ["expected-recovery"]),
        new("F2", Faq, "Do all spinal implants eventually cause problems?", "Hardware issues affect a minority of people and are more likely when bone is weak, fusion does not heal, or the person smokes.", [], RiskFactorAdvice),
        new("F3", Faq, "Do all spinal implants eventually cause problems?", "Many implant changes seen on scans cause no symptoms at all.", ["asymptomatic-imaging-finding"]),
        new("F4", Faq, "What are signs that spinal hardware has failed?", "Possible signs include new or worsening pain after a period of improvement, a feeling of instability or clicking at the surgery site, and tenderness over the implant.", ["pain-after-improvement", "instability", "hardware-irritation"]),
        new("F5", Faq, "What are signs that spinal hardware has failed?", "Pain, numbness, or weakness in a limb can occur if a nerve is affected.", ["radicular-pain", "sensory-deficit", "motor-deficit"]),
        new("F6", Faq, "What are signs that spinal hardware has failed?", "Imaging is needed to confirm.", ["symptomatic-imaging-finding", "asymptomatic-imaging-finding"]),
        new("F7", Faq, "Does spinal hardware always need to be removed if it breaks?", "If broken or loose hardware is not causing symptoms, it may simply be monitored, especially once the bones have fused.", ["asymptomatic-imaging-finding"]),
        new("F8", Faq, "Does spinal hardware always need to be removed if it breaks?", "Removal or revision surgery is considered when there is significant pain, instability, infection, or nerve compression.", ["symptomatic-imaging-finding"], "Treatment is the surgeon's decision; the triage asks the surgeon to review a symptomatic imaging finding."),
        new("F9", Faq, "Why does smoking affect spinal hardware?", "Smoking impairs blood flow and bone healing, which makes a solid fusion less likely.", [], RiskFactorAdvice + " Smoking adds its advice line."),
        new("F10", Faq, "Why does smoking affect spinal hardware?", "Stopping smoking before and after surgery improves the chances of success.", [], RiskFactorAdvice + " Smoking adds its advice line."),
        new("F11", Faq, "When should I worry about pain after spinal fusion?", "Mild discomfort during recovery is normal", ["expected-recovery", "severe-pain"]),
        new("F12", Faq, "When should I worry about pain after spinal fusion?", "seek medical advice for new or worsening pain, instability, or pain that returns after improving", ["new-or-worsening-pain", "instability", "pain-after-improvement"]),
        new("F13", Faq, "When should I worry about pain after spinal fusion?", "Seek emergency care for new limb weakness, loss of bladder or bowel control, or signs of infection such as fever and wound discharge.", ["motor-deficit", "cauda-equina", "infection-with-fever"]),
    ];
}
