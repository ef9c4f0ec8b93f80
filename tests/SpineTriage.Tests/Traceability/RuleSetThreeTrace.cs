using System.Text;
using System.Text.Json;
using SpineTriage.Tests.Floors;

namespace SpineTriage.Tests.Traceability;

/// <summary>
/// The rule set 3.0 part of docs/traceability.md: each rule 3.0 adds or changes, to its sources in
/// clinical-criteria-3.0.md section 9, to the tests of the independent reading of 3.0 (the floor) and the 3.0 case files
/// that show it firing and not firing. The tests are named with <c>nameof</c>, so a renamed test does not compile; the
/// case files are read from TestData/cases-3.0, so the lists follow them. The engine's own 3.0 rule tests are traced by
/// their <c>[Fires]</c> / <c>[DoesNotFire]</c> marks in section 3 once 3.0 is the rule set this document traces.
/// </summary>
internal static class RuleSetThreeTrace
{
    private const string Floor = nameof(RuleSetThreeFloorTests);

    /// <summary>The sources of section 9 cited by the rules below.</summary>
    private static readonly (string Id, string Source)[] Sources =
    [
        ("S1", "MyMichigan Health, WellSpine \"Spine Camp – Questions/Concerns After Surgery\", https://www.mymichigan.org/conditions-treatments/neuroscience/wellspine/spine-camp/questions-concerns-after-surgery/"),
        ("S2", "Drugs.com CareNotes, \"Laminectomy (discharge care)\", https://www.drugs.com/cg/laminectomy-discharge-care.html"),
        ("S3", "Drugs.com CareNotes, \"Lumbar Spinal Fusion (discharge care)\", https://www.drugs.com/cg/lumbar-spinal-fusion-discharge-care.html"),
        ("S4", "Drugs.com CareNotes, \"Opioid Pain Management (discharge care)\", https://www.drugs.com/cg/opioid-pain-management-discharge-care.html"),
        ("S5", "M Health Fairview Health Library (Krames), \"Discharge Instructions for Laminectomy\", http://www.fairview.org/healthlibrary/Article/86402"),
        ("S6", "eMedicineHealth (WebMD), \"Lumbar Laminectomy – When to Seek Medical Care\", http://www.emedicinehealth.com/lumbar_laminectomy/page7_em.htm"),
        ("S7", "\"Discharge instructions – cervical spine surgery\", a surgical practice's page, https://957562.e12cr.group/post-op-care/for-our-patients/discharge-instructions-cervical-spine-surgery"),
        ("S10", "Royal National Orthopaedic Hospital NHS Trust, \"Swallowing and voice after anterior cervical spine surgery\", https://rnoh.nhs.uk/patients-and-visitors/patient-information-guides/adult-speech-and-language-therapy-swallowing-and-voice-after-anterior-cervical-spine-surgery-patients-guide"),
        ("S11", "Hull University Teaching Hospitals NHS Trust, leaflet HEY948-2017, https://hey.nhs.uk/patient-leaflet/swallowing-voice-problems-anterior-cervical-surgery"),
        ("S13", "Orthopaedic Associates of Central Texas, \"Post Lumbar Fusion Instructions\", https://oactdocs.com/patient-information/-post-lumbar-fusion-instructions"),
        ("S17", "AAOS OrthoInfo \"Spinal Fusion\" warning signs, as reproduced by a third party, https://orthoglobe.org/?p=8516"),
        ("S18", "North West Ambulance Service NHS Trust, \"Recognising stroke in other people\" (FAST), http://www.nwas.nhs.uk/our-services/managing-clinical-conditions/recognising-a-stroke/recognising-stroke-in-other-people/"),
        ("L1", "Anno et al., Spine 2019, postoperative spinal epidural haematoma, https://journals.lww.com/spinejournal/Abstract/2019/03150/The_Incidence,_Clinical_Features,_and_a_Comparison.12.aspx"),
        ("L5", "Gowd et al., Int J Spine Surg 2021, complications after ACDF, http://ijssurgery.com/node/9468"),
    ];

    /// <summary>Each new or changed rule of 3.0 (section 5), what changed, its sources and the floor tests that show it firing and not firing.</summary>
    private static readonly (string Rule, string Change, string Sources, string[] Fires, string[] DoesNotFire)[] Rules =
    [
        ("possible-epidural-haematoma", "new, emergency", "L1, S2; the 14 days: clinical judgement",
            [nameof(RuleSetThreeFloorTests.Day_9_after_lumbar_fusion_pain_9_and_worsening_with_new_numbness_in_both_legs_is_a_possible_epidural_haematoma),
             nameof(RuleSetThreeFloorTests.New_numbness_with_worsening_returned_or_uncontrolled_pain_in_the_first_two_weeks_is_a_possible_epidural_haematoma)],
            [nameof(RuleSetThreeFloorTests.New_numbness_with_a_severe_pain_score_is_a_possible_epidural_haematoma_in_the_first_two_weeks_only),
             nameof(RuleSetThreeFloorTests.New_numbness_with_the_pain_unknown_is_not_an_epidural_haematoma_but_stays_urgent)]),
        ("stroke-or-seizure", "new, emergency", "S18, S3, S4",
            [nameof(RuleSetThreeFloorTests.Day_6_after_neck_fusion_a_drooping_face_and_slurred_speech_is_a_stroke_or_seizure_emergency)],
            [nameof(RuleSetThreeFloorTests.The_stroke_or_seizure_question_is_a_red_flag_on_every_day_and_region)]),
        ("possible-meningitis", "changed: also a fever with a new, severe headache", "as 2.0; S3",
            [nameof(RuleSetThreeFloorTests.A_new_severe_headache_with_fever_is_possible_meningitis_with_the_fever_finding_and_not_severe_headache)],
            [nameof(RuleSetThreeFloorTests.A_new_severe_headache_with_fever_absent_is_urgent_severe_headache)]),
        ("possible-pulmonary-embolism", "source added (the question adds coughing up blood)", "as 1.0; S2",
            [nameof(RuleSetThreeFloorTests.A_seizure_coughing_up_blood_a_severe_new_headache_and_a_swollen_ankle_or_arm_are_now_asked_and_decided)],
            [nameof(RuleSetThreeFloorTests.A_report_with_every_applicable_red_flag_denied_is_expected_recovery_and_complete)]),
        ("severe-headache", "new, urgent", "S5, S6, S13",
            [nameof(RuleSetThreeFloorTests.A_new_severe_headache_with_fever_absent_is_urgent_severe_headache),
             nameof(RuleSetThreeFloorTests.A_new_severe_headache_with_fever_unknown_fires_severe_headache_and_the_unresolved_red_flag)],
            [nameof(RuleSetThreeFloorTests.A_new_severe_headache_with_fever_is_possible_meningitis_with_the_fever_finding_and_not_severe_headache)]),
        ("possible-deep-vein-thrombosis", "consideration and source widened (a leg or an arm)", "as 1.0; S2, S17",
            [nameof(RuleSetThreeFloorTests.A_seizure_coughing_up_blood_a_severe_new_headache_and_a_swollen_ankle_or_arm_are_now_asked_and_decided)],
            [nameof(RuleSetThreeFloorTests.A_report_with_every_applicable_red_flag_denied_is_expected_recovery_and_complete)]),
        ("belly-swollen-or-vomiting", "new, urgent", "S1, S3, S4",
            [nameof(RuleSetThreeFloorTests.Day_5_on_opioids_no_stool_for_5_days_a_swollen_painful_belly_and_vomiting_is_urgent),
             nameof(RuleSetThreeFloorTests.A_swollen_belly_or_vomiting_is_urgent_and_no_bowel_movement_for_4_days_is_soon_on_any_day)],
            [nameof(RuleSetThreeFloorTests.Belly_and_bowel_answered_no_fire_nothing)]),
        ("no-bowel-movement", "new, soon", "S1, S4",
            [nameof(RuleSetThreeFloorTests.A_swollen_belly_or_vomiting_is_urgent_and_no_bowel_movement_for_4_days_is_soon_on_any_day)],
            [nameof(RuleSetThreeFloorTests.Belly_and_bowel_answered_no_fire_nothing)]),
        ("symptomatic-imaging-finding", "changed through the hardware symptom (a hoarse voice counts)", "as 1.0; section 2 (a cautious choice)",
            [nameof(RuleSetThreeFloorTests.A_hoarse_voice_is_a_hardware_symptom_so_an_imaging_finding_with_it_is_soon)],
            [nameof(RuleSetThreeFloorTests.A_hoarse_voice_is_a_hardware_symptom_so_an_imaging_finding_with_it_is_soon)]),
        ("asymptomatic-imaging-finding", "changed through the hardware symptom", "as 1.0",
            [nameof(RuleSetThreeFloorTests.A_hoarse_voice_is_a_hardware_symptom_so_an_imaging_finding_with_it_is_soon)],
            [nameof(RuleSetThreeFloorTests.A_hoarse_voice_is_a_hardware_symptom_so_an_imaging_finding_with_it_is_soon)]),
        ("persistent-hoarseness", "new, routine", "S10, S11, L5",
            [nameof(RuleSetThreeFloorTests.A_hoarse_voice_for_more_than_2_weeks_is_routine_persistent_hoarseness_whatever_the_region)],
            [nameof(RuleSetThreeFloorTests.The_hoarse_voice_question_applies_when_neck_surgery_is_possible_and_is_not_a_red_flag)]),
        ("neck-swelling-or-airway", "unchanged; its question adds the voice and speech", "as 2.0 (S7)",
            [nameof(RuleSetThreeFloorTests.Day_4_after_anterior_neck_fusion_a_suddenly_weak_and_slurred_voice_is_an_emergency)],
            [nameof(RuleSetThreeFloorTests.The_airway_and_swallowing_questions_are_red_flags_only_when_neck_surgery_is_possible_and_a_yes_counts_anywhere)]),
    ];

    /// <summary>Appends the rule set 3.0 section to the traceability document.</summary>
    public static void AppendTo(StringBuilder text)
    {
        var cases = CaseFiles();
        text.Append("\n## 4. Rule set 3.0: new and changed rules → sources → tests\n\n")
            .Append("Each rule that rule set 3.0 (`clinical-criteria-3.0.md`) adds or changes, with its sources (section 9 of the\n")
            .Append("criteria), the tests of the independent reading of 3.0 (`HandCodedTriageThree`, tested in `").Append(Floor).Append("`)\n")
            .Append("and the 3.0 case files (`tests/SpineTriage.Tests/TestData/cases-3.0`, each decided by that reading in\n")
            .Append('`').Append(nameof(RuleSetThreeCaseFileTests)).Append("`) that show it firing and not firing. The engine runs the same case files,\n")
            .Append("and its rule set 3.0 edge tests are traced in section 3 by their marks.\n\n")
            .Append("| rule | change | sources | fires in | does not fire in |\n|---|---|---|---|---|\n");
        foreach (var (rule, change, sources, fires, doesNotFire) in Rules)
        {
            var firing = fires.Select(t => $"`{Floor}.{t}`").Concat(cases.Where(c => c.Rules.Contains(rule)).Select(c => $"`{c.File}`"));
            var notFiring = doesNotFire.Select(t => $"`{Floor}.{t}`").Concat(cases.Where(c => c.AbsentRules.Contains(rule)).Select(c => $"`{c.File}`"));
            text.Append("| `").Append(rule).Append("` | ").Append(change).Append(" | ").Append(sources).Append(" | ")
                .Append(string.Join("<br>", firing)).Append(" | ").Append(string.Join("<br>", notFiring)).Append(" |\n");
        }

        text.Append("\n| source | publisher, title, address |\n|---|---|\n");
        foreach (var (id, source) in Sources)
        {
            text.Append("| ").Append(id).Append(" | ").Append(source).Append(" |\n");
        }
    }

    private static (string File, string[] Rules, string[] AbsentRules)[] CaseFiles() =>
        [.. Directory.GetFiles(Repository.PathOf("tests/SpineTriage.Tests/TestData/cases-3.0"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                var expect = document.RootElement.GetProperty("expect");
                return (Path.GetFileNameWithoutExtension(path), Strings(expect, "rules"), Strings(expect, "absentRules"));
            })];

    private static string[] Strings(JsonElement expect, string name) =>
        expect.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
}
