using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization.Internal;
using SpineTriage.Texts.Internal;

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
    public const string Version = "2.1.0";

    /// <summary>Gets what changed in each version, newest first, for the catalogue document.</summary>
    public static IReadOnlyList<string> Changes { get; } = Array.AsReadOnly(new[]
    {
        "2.1.0: plain language (issue 11): the patient texts come from the text catalogue (Texts/en.json, docs/texts.md), and those above Flesch-Kincaid grade 8 are reworded with the same clinical meaning (rule titles and patient explanations, the questions neckSwellingOrAirway, drowsyConfusedOrSlowBreathing, spinalFluidLeakSigns, woundBleeding and instabilityOrMovement split into short questions asking about the same signs, the care advice, dispositions, the fever warnings); the safety net lists each emergency sign on its own line. The hash changed; no decision changed (the frozen decisions of 2.0.0 still hold).",
        "2.0.0: rule set 2.0 of clinical-criteria-2.0.md: nine new red-flag questions, eleven new rules, the reworded newOrWorseningLimbWeakness, question applicability (neck surgery possible, early period), the wider hardware-symptom fact, safety-net and early-period advice.",
    });

    private const string ReworkedWeakness = "question.newOrWorseningLimbWeakness.text@2.0";

    private static readonly Condition Neck = When.NeckSurgeryPossible;
    private static readonly Condition Early = When.EarlyPeriod;

    /// <summary>Gets the questions of rule set 2.0 in its asking order (section 4); "new" marks those 2.0 adds.</summary>
    public static IReadOnlyList<Question> Questions { get; } = Array.AsReadOnly(new[]
    {
        From1(Q.BladderOrBowelControlLoss),
        From1(Q.SaddleNumbness),
        From1(Q.NewOrWorseningLimbWeakness) with { Text = TextCatalogue.English.Get(ReworkedWeakness), TextKey = ReworkedWeakness }, // reworded
        New(Q.NeckSwellingOrAirway, Neck),
        New(Q.DrowsyConfusedOrSlowBreathing, When.Always),
        From1(Q.SuddenSeverePainAfterFallOrInjury),
        New(Q.RecentFallOrInjury, When.Always) with
        {
            // Reading (clinical-notes.md): its yes alone reaches urgent only within 90 days (after, recent-fall is soon),
            // so only then does "unknown" count as an unresolved red flag; a yes never gives less than "don't know".
            CountsAsRedFlagWhen = When.Within90Days,
        },
        From1(Q.Fever),
        New(Q.HeadacheWithStiffNeck, Early),
        New(Q.SpinalFluidLeakSigns, Early),
        From1(Q.WoundDischarge),
        From1(Q.WoundRednessOrSwelling),
        New(Q.WoundBleeding, Early),
        New(Q.WoundOpening, Early),
        From1(Q.ChestPainOrBreathlessness),
        From1(Q.NewOrWorseningLimbNumbness),
        From1(Q.CalfPainOrSwelling),
        New(Q.PainNotControlled, Early),
        New(Q.NewSwallowingDifficulty, Neck),
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
        new("neckSwellingOrAirway", _ => When.Yes(Q.NeckSwellingOrAirway), Neck),
        new("reducedAlertness", _ => When.Yes(Q.DrowsyConfusedOrSlowBreathing), When.Always),
        RuleCatalogue.EmergencySigns[3], // sudden severe pain after a fall
        RuleCatalogue.EmergencySigns[4], // fever with wound signs
        new("feverWithLeakOrStiffNeck", Meningitis, Early),
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
                When = When.Yes(Q.NeckSwellingOrAirway),
                Consideration = "a haematoma or swelling that can block the airway after neck surgery",
                Source = "Beyond SHP: discharge instructions after anterior cervical surgery (rapidly increasing neck swelling, inability to swallow or speak clearly, difficulty breathing: call emergency services)",
            }),
            ("neck-swelling-or-airway", new("reduced-alertness", Urgency.Emergency)
            {
                When = When.Yes(Q.DrowsyConfusedOrSlowBreathing),
                Consideration = "too much opioid pain medicine, infection of the brain lining, bleeding or sepsis",
                Source = "Beyond SHP: opioid discharge care (breathing slower than normal, cannot be woken: call 911); meningitis after spinal surgery; bleeding with fainting",
            }),
            ("infection-with-fever", new("possible-meningitis", Urgency.Emergency)
            {
                When = Meningitis(feverThresholdCelsius),
                Consideration = "meningitis after spinal surgery, often after a spinal-fluid leak",
                Source = $"{LeakGuidance} (risk of meningitis: return to hospital at once)",
            }),
            ("fever", new("wound-bleeding", Urgency.Urgent)
            {
                When = When.Yes(Q.WoundBleeding),
                Consideration = "bleeding or a haematoma at the wound",
                Source = "Beyond SHP: spine-surgery discharge instructions (dressing filled with blood: call within 24 hours)",
            }),
            ("wound-bleeding", new("wound-opening", Urgency.Urgent)
            {
                When = When.Yes(Q.WoundOpening),
                Consideration = "a wound breakdown that can expose the implant",
                Source = "Beyond SHP: spine-surgery discharge instructions (wound opening: call the surgeon)",
            }),
            ("wound-opening", new("possible-spinal-fluid-leak", Urgency.Urgent)
            {
                When = When.All(When.Yes(Q.SpinalFluidLeakSigns), When.Not(feverPresent)),
                Consideration = "a leak of spinal fluid through a tear in the dura",
                Source = $"{LeakGuidance} (clear wound fluid, headache worse upright: contact the team at once)",
            }),
            ("possible-spinal-fluid-leak", new("headache-with-stiff-neck", Urgency.Urgent)
            {
                When = When.All(When.Yes(Q.HeadacheWithStiffNeck), When.Not(feverPresent)),
                Consideration = "a spinal-fluid leak or an early meningitis before the fever",
                Source = $"{LeakGuidance} (risk of meningitis: return to hospital at once)",
            }),
            ("severe-escalating-pain", new("uncontrolled-pain", Urgency.Urgent)
            {
                When = When.Yes(Q.PainNotControlled),
                Consideration = "pain that the prescribed treatment does not control, from a complication or a hardware problem",
                Source = "Beyond SHP: spine-surgery discharge instructions (pain not relieved by the medicine: call your surgeon)",
            }),
            ("uncontrolled-pain", new("new-swallowing-difficulty", Urgency.Urgent)
            {
                When = When.Yes(Q.NewSwallowingDifficulty),
                Consideration = "swelling, a haematoma or a shifted plate pressing on the gullet after neck surgery",
                Source = $"Beyond SHP: discharge instructions after anterior cervical surgery (new difficulty swallowing: within 24 hours); {Shp}: Causes (migration)",
            }),
            ("new-swallowing-difficulty", new("fall-within-90-days", Urgency.Urgent)
            {
                When = When.All(When.Yes(Q.RecentFallOrInjury), When.Not(When.Yes(Q.SuddenSeverePainAfterFallOrInjury)), When.Within90Days),
                Consideration = "hardware or fusion damaged before the bone has healed",
                Source = $"Beyond SHP: spine-surgery discharge instructions (a fall: call within 24 hours); {Shp}: Causes (breakage, migration)",
            }),
            ("symptomatic-imaging-finding", new("recent-fall", Urgency.Soon)
            {
                When = When.All(When.Yes(Q.RecentFallOrInjury), When.Not(When.Yes(Q.SuddenSeverePainAfterFallOrInjury)), When.Not(When.Within90Days)),
                Consideration = "hardware breakage or loosening after a fall",
                Source = $"{Shp}: Causes (hardware breakage from stress); Beyond SHP: timeframe",
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

    private static Question New(QuestionId id, Condition appliesWhen) =>
        new(id, JsonNames.Of(id), IsRedFlag: true, TextCatalogue.English.Get($"question.{JsonNames.Of(id)}.text"), Order: 0) { AppliesWhen = appliesWhen };
}
