using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Rules;

using Q = SpineTriage.Reports.QuestionId;

/// <summary>
/// Rule set 2.0, as in clinical-criteria-2.0.md: the questions in the full 2.0 asking order (section 4) with their
/// applicability (section 3), and the rules of rule set 1.0 (<see cref="RuleCatalogue"/>) with the eleven new rules
/// placed by the table's "after" column (section 5), the wider hardware-symptom fact (section 2), red flags counted only
/// where they apply, and the safety-net signs and advice of section 6. Reviewers read this file against the criteria.
/// </summary>
internal static class RuleCatalogueTwo
{
    public const string Version = "2.0.0";

    /// <summary>Gets what changed in each version, newest first, for the catalogue document.</summary>
    public static IReadOnlyList<string> Changes { get; } = Array.AsReadOnly(new[]
    {
        "2.0.0: rule set 2.0 of clinical-criteria-2.0.md: nine new red-flag questions, eleven new rules, the reworded newOrWorseningLimbWeakness, question applicability (neck surgery possible, early period), the wider hardware-symptom fact, safety-net and early-period advice.",
    });

    private static readonly Condition Neck = When.NeckSurgeryPossible;
    private static readonly Condition Early = When.EarlyPeriod;

    /// <summary>Gets the questions of rule set 2.0 in its asking order (section 4); "new" marks those 2.0 adds.</summary>
    public static IReadOnlyList<Question> Questions { get; } = Array.AsReadOnly(new[]
    {
        From1(Q.BladderOrBowelControlLoss),
        From1(Q.SaddleNumbness),
        From1(Q.NewOrWorseningLimbWeakness) with { Text = "Do you have new or worsening weakness in an arm or a leg, new trouble walking, or clumsy hands?" }, // reworded
        New(Q.NeckSwellingOrAirway, Neck, "Is the swelling in your neck getting bigger quickly, or do you have new trouble breathing, noisy breathing, or are you unable to swallow your saliva or sips of water?"),
        New(Q.DrowsyConfusedOrSlowBreathing, When.Always, "Are you (or the person you are answering for) very sleepy and hard to wake, confused, or breathing much more slowly than usual, or have you fainted?"),
        From1(Q.SuddenSeverePainAfterFallOrInjury),
        New(Q.RecentFallOrInjury, When.Always, "In the last 2 weeks, have you fallen, or hurt your back or neck in another way (for example in a car accident)?") with
        {
            // Reading (clinical-notes.md): its yes alone reaches urgent only within 90 days (after, recent-fall is soon),
            // so only then does "unknown" count as an unresolved red flag; a yes never gives less than "don't know".
            CountsAsRedFlagWhen = When.Within90Days,
        },
        From1(Q.Fever),
        New(Q.HeadacheWithStiffNeck, Early, "Do you have a bad headache together with a stiff neck, or with light hurting your eyes?"),
        New(Q.SpinalFluidLeakSigns, Early, "Is clear, watery fluid still leaking from your wound (more than a few spots), or do you have a headache that is worse when you sit or stand and better when you lie down?"),
        From1(Q.WoundDischarge),
        From1(Q.WoundRednessOrSwelling),
        New(Q.WoundBleeding, Early, "Is a wound bleeding enough to soak a dressing or your clothes, or does it keep bleeding after 10 minutes of firm pressure?"),
        New(Q.WoundOpening, Early, "Has your wound opened up, or can you see anything under the skin through it?"),
        From1(Q.ChestPainOrBreathlessness),
        From1(Q.NewOrWorseningLimbNumbness),
        From1(Q.CalfPainOrSwelling),
        New(Q.PainNotControlled, Early, "Is your pain still severe even after you take your pain medicine as prescribed?"),
        New(Q.NewSwallowingDifficulty, Neck, "Is swallowing getting worse day by day, or do you choke or cough when you drink, or can you not swallow tablets?"),
        From1(Q.PainReturnedAfterImprovement),
        From1(Q.NewOrWorseningPain),
        From1(Q.InstabilityOrMovement),
        From1(Q.RadiatingLimbPain),
        From1(Q.LocalizedTenderness),
        From1(Q.PainWorseWithMovement),
        From1(Q.LumpOverHardware),
        From1(Q.ImagingShowsHardwareProblem),
    }.Select((q, i) => q with { Order = i + 1 }).ToArray());

    /// <summary>Gets the emergency signs of the safety net in asking order: 1.0's and the three of section 6, each listed where it may apply.</summary>
    public static IReadOnlyList<SafetyNetSign> EmergencySigns { get; } = Array.AsReadOnly(new SafetyNetSign[]
    {
        RuleCatalogue.EmergencySigns[0], // bladder or bowel
        RuleCatalogue.EmergencySigns[1], // saddle numbness
        RuleCatalogue.EmergencySigns[2], // limb weakness
        new("your neck swelling gets bigger quickly, or you have trouble breathing or cannot swallow", _ => When.Yes(Q.NeckSwellingOrAirway), Neck),
        new("you become very sleepy and hard to wake, confused, or breathe much more slowly", _ => When.Yes(Q.DrowsyConfusedOrSlowBreathing), When.Always),
        RuleCatalogue.EmergencySigns[3], // sudden severe pain after a fall
        RuleCatalogue.EmergencySigns[4], // fever with wound signs
        new("you have a fever together with clear fluid leaking from your wound, or a fever with a bad headache and a stiff neck", Meningitis, Early),
        RuleCatalogue.EmergencySigns[5], // chest pain or breathlessness
    });

    private const string Shp = "Spinal Hardware Problems";
    private const string LeakGuidance = "Beyond SHP: spine-surgery guidance on spinal-fluid leaks";

    public static IReadOnlyList<Rule> Build(decimal feverThresholdCelsius, int severePainScore)
    {
        var feverPresent = When.Fever(Presence.Present, feverThresholdCelsius);

        // Section 5: each new rule after the rule its "after" column names.
        (string After, Rule Rule)[] added =
        [
            ("motor-deficit", new("neck-swelling-or-airway", Urgency.Emergency)
            {
                Title = "Neck swelling, or trouble breathing or swallowing: possible airway compromise",
                When = When.Yes(Q.NeckSwellingOrAirway),
                Consideration = "a haematoma or swelling that can block the airway after neck surgery",
                Source = "Beyond SHP: discharge instructions after anterior cervical surgery (rapidly increasing neck swelling, inability to swallow or speak clearly, difficulty breathing: call emergency services)",
                PatientExplanation = "Neck swelling that grows quickly, new or noisy breathing, or being unable to swallow your saliva can mean that bleeding or swelling is pressing on your airway. Call emergency services now.",
            }),
            ("neck-swelling-or-airway", new("reduced-alertness", Urgency.Emergency)
            {
                Title = "Very sleepy, confused or breathing slowly",
                When = When.Yes(Q.DrowsyConfusedOrSlowBreathing),
                Consideration = "too much opioid pain medicine, infection of the brain lining, bleeding or sepsis",
                Source = "Beyond SHP: opioid discharge care (breathing slower than normal, cannot be woken: call 911); meningitis after spinal surgery; bleeding with fainting",
                PatientExplanation = "Being very sleepy and hard to wake, confused, breathing much more slowly than usual, or fainting can be caused by too much pain medicine, an infection or bleeding. This needs emergency care now.",
            }),
            ("infection-with-fever", new("possible-meningitis", Urgency.Emergency)
            {
                Title = "Fever with leaking spinal fluid or a headache and stiff neck: possible meningitis",
                When = Meningitis(feverThresholdCelsius),
                Consideration = "meningitis after spinal surgery, often after a spinal-fluid leak",
                Source = $"{LeakGuidance} (risk of meningitis: return to hospital at once)",
                PatientExplanation = "A fever together with clear fluid leaking from the wound, or with a bad headache and a stiff neck, can be a sign of an infection of the lining of the brain and spinal cord. This needs emergency care now.",
            }),
            ("fever", new("wound-bleeding", Urgency.Urgent)
            {
                Title = "Wound bleeding",
                When = When.Yes(Q.WoundBleeding),
                Consideration = "bleeding or a haematoma at the wound",
                Source = "Beyond SHP: spine-surgery discharge instructions (dressing filled with blood: call within 24 hours)",
                PatientExplanation = "A wound that bleeds enough to soak a dressing, or keeps bleeding under firm pressure, can mean bleeding or a collection of blood at the wound. Your surgeon's team should see the wound today.",
            }),
            ("wound-bleeding", new("wound-opening", Urgency.Urgent)
            {
                Title = "Wound opening",
                When = When.Yes(Q.WoundOpening),
                Consideration = "a wound breakdown that can expose the implant",
                Source = "Beyond SHP: spine-surgery discharge instructions (wound opening: call the surgeon)",
                PatientExplanation = "A wound that has opened, or through which you can see what lies under the skin, can expose the implant. Your surgeon's team should see the wound today.",
            }),
            ("wound-opening", new("possible-spinal-fluid-leak", Urgency.Urgent)
            {
                Title = "Possible spinal-fluid leak",
                When = When.All(When.Yes(Q.SpinalFluidLeakSigns), When.Not(feverPresent)),
                Consideration = "a leak of spinal fluid through a tear in the dura",
                Source = $"{LeakGuidance} (clear wound fluid, headache worse upright: contact the team at once)",
                PatientExplanation = "Clear, watery fluid leaking from the wound, or a headache that is worse when you sit or stand and better when you lie down, can be a leak of the fluid around the spinal cord. Your surgeon's team should assess you today.",
            }),
            ("possible-spinal-fluid-leak", new("headache-with-stiff-neck", Urgency.Urgent)
            {
                Title = "Headache with a stiff neck",
                When = When.All(When.Yes(Q.HeadacheWithStiffNeck), When.Not(feverPresent)),
                Consideration = "a spinal-fluid leak or an early meningitis before the fever",
                Source = $"{LeakGuidance} (risk of meningitis: return to hospital at once)",
                PatientExplanation = "A bad headache with a stiff neck, or with light hurting your eyes, can come from a spinal-fluid leak or an early infection of the lining of the brain. Your surgeon's team should assess you today.",
            }),
            ("severe-escalating-pain", new("uncontrolled-pain", Urgency.Urgent)
            {
                Title = "Pain not controlled by the prescribed medicine",
                When = When.Yes(Q.PainNotControlled),
                Consideration = "pain that the prescribed treatment does not control, from a complication or a hardware problem",
                Source = "Beyond SHP: spine-surgery discharge instructions (pain not relieved by the medicine: call your surgeon)",
                PatientExplanation = "Pain that stays severe even after you take your pain medicine as prescribed can come from a complication or a problem with the implant, and it needs better pain control. Your surgeon's team should assess you today.",
            }),
            ("uncontrolled-pain", new("new-swallowing-difficulty", Urgency.Urgent)
            {
                Title = "Swallowing getting worse",
                When = When.Yes(Q.NewSwallowingDifficulty),
                Consideration = "swelling, a haematoma or a shifted plate pressing on the gullet after neck surgery",
                Source = $"Beyond SHP: discharge instructions after anterior cervical surgery (new difficulty swallowing: within 24 hours); {Shp}: Causes (migration)",
                PatientExplanation = "Swallowing that gets worse day by day, choking or coughing when you drink, or being unable to swallow tablets can mean that swelling, bleeding or a shifted plate is pressing on your gullet. Your surgeon's team should assess you today.",
            }),
            ("new-swallowing-difficulty", new("fall-within-90-days", Urgency.Urgent)
            {
                Title = "A fall or injury in the first 90 days",
                When = When.All(When.Yes(Q.RecentFallOrInjury), When.Not(When.Yes(Q.SuddenSeverePainAfterFallOrInjury)), When.Within90Days),
                Consideration = "hardware or fusion damaged before the bone has healed",
                Source = $"Beyond SHP: spine-surgery discharge instructions (a fall: call within 24 hours); {Shp}: Causes (breakage, migration)",
                PatientExplanation = "A fall or another injury in the first three months after surgery, before the bone has healed, can damage the implant or the fusion even without severe pain. Your surgeon's team should assess you today.",
            }),
            ("symptomatic-imaging-finding", new("recent-fall", Urgency.Soon)
            {
                Title = "A recent fall or injury",
                When = When.All(When.Yes(Q.RecentFallOrInjury), When.Not(When.Yes(Q.SuddenSeverePainAfterFallOrInjury)), When.Not(When.Within90Days)),
                Consideration = "hardware breakage or loosening after a fall",
                Source = $"{Shp}: Causes (hardware breakage from stress); Beyond SHP: timeframe",
                PatientExplanation = "A fall or another injury can break or loosen an implant even when it does not cause severe pain. Your surgeon should see you within the next few days.",
            }),
        ];

        var rules = new RuleList();
        var placed = 0;
        foreach (var rule in RuleCatalogue.Build(feverThresholdCelsius, severePainScore, When.HardwareSymptomTwo, When.AnyApplicableRedFlagUnresolvedAmong(Questions)))
        {
            Add(rule);
        }

        if (placed != added.Length)
        {
            throw new InvalidOperationException("A rule of rule set 2.0 names an \"after\" rule that is not in the catalogue.");
        }

        return rules.Rules;

        void Add(Rule rule)
        {
            rules.Add(rule);
            foreach (var (_, next) in added.Where(a => a.After == rule.Id))
            {
                placed++;
                Add(next);
            }
        }
    }

    // Fever present and (spinalFluidLeakSigns yes or headacheWithStiffNeck yes): possible-meningitis and its safety-net sign.
    private static Condition Meningitis(decimal feverThresholdCelsius) =>
        When.All(When.Fever(Presence.Present, feverThresholdCelsius), When.AnyYes(Q.SpinalFluidLeakSigns, Q.HeadacheWithStiffNeck));

    private static Question From1(QuestionId id) => QuestionCatalogue.Get(id);

    private static Question New(QuestionId id, Condition appliesWhen, string text) =>
        new(id, JsonNames.Of(id), IsRedFlag: true, text, Order: 0) { AppliesWhen = appliesWhen };
}
