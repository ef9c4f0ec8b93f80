using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// The new and changed rules of rule set 3.0 (clinical-criteria-3.0.md section 5), each firing and not firing at its
/// edges, written once as theory data: day 14 and 15 (first two weeks), 42 and 43 (early period, late), 90 and 91
/// (within 90 days); regions cervical, lumbar and not given; fever present, absent and unknown; pain 7 and 8; and the
/// narrowed wound-discharge question with each of its signs. Each case starts from a 3.0 report with every red flag
/// answered no and states only what it changes.
/// </summary>
public class RuleSetThreeEdgeTests
{
    private static readonly Temperature Febrile = Temperature.Celsius(38.4m);
    private static readonly Temperature Normal = Temperature.Celsius(36.9m);

    private static readonly IReadOnlyList<Question> Questions = Engine().RuleSet.Questions;

    /// <summary>
    /// One edge: the day, region, answers and measurements of a report, the rule, whether it fires, and the urgency and
    /// completeness the report then gets.
    /// </summary>
    public sealed record Edge(
        string Name,
        string Rule,
        bool Fires,
        Urgency Urgency,
        int Day = 84,
        SurgeryRegion? Region = SurgeryRegion.Lumbar,
        Q[]? Yes = null,
        Q[]? Unknown = null,
        Q[]? Absent = null,
        Temperature? Temperature = null,
        int? Pain = null,
        bool IsComplete = true)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Edge> Edges() => new(
    [
        // possible-epidural-haematoma: first two weeks (day 14 in, 15 out), new numbness, and severe or worse pain.
        new("haematoma: day 14, numbness, pain 8", "possible-epidural-haematoma", true, Urgency.Emergency, Day: 14, Yes: [Q.NewOrWorseningLimbNumbness], Pain: 8),
        new("haematoma: day 0, numbness, pain 10, region not given", "possible-epidural-haematoma", true, Urgency.Emergency, Day: 0, Region: null, Yes: [Q.NewOrWorseningLimbNumbness], Pain: 10),
        new("haematoma: day 15, numbness, pain 8", "possible-epidural-haematoma", false, Urgency.Urgent, Day: 15, Yes: [Q.NewOrWorseningLimbNumbness], Pain: 8),
        new("haematoma: day 14, numbness, pain 7", "possible-epidural-haematoma", false, Urgency.Urgent, Day: 14, Yes: [Q.NewOrWorseningLimbNumbness], Pain: 7),
        new("haematoma: day 14, numbness, pain new or worse", "possible-epidural-haematoma", true, Urgency.Emergency, Day: 14, Yes: [Q.NewOrWorseningLimbNumbness, Q.NewOrWorseningPain]),
        new("haematoma: day 14, numbness, pain came back", "possible-epidural-haematoma", true, Urgency.Emergency, Day: 14, Region: SurgeryRegion.Cervical, Yes: [Q.NewOrWorseningLimbNumbness, Q.PainReturnedAfterImprovement]),
        new("haematoma: day 14, numbness, pain not controlled", "possible-epidural-haematoma", true, Urgency.Emergency, Day: 14, Yes: [Q.NewOrWorseningLimbNumbness, Q.PainNotControlled]),
        new("haematoma: day 14, numbness, pain unknown and no score", "possible-epidural-haematoma", false, Urgency.Urgent, Day: 14, Yes: [Q.NewOrWorseningLimbNumbness], Unknown: [Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement]),
        new("haematoma: day 14, pain 10, numbness no", "possible-epidural-haematoma", false, Urgency.Soon, Day: 14, Pain: 10),

        // stroke-or-seizure: always applies, a red flag.
        new("stroke: yes on day 400", "stroke-or-seizure", true, Urgency.Emergency, Day: 400),
        new("stroke: no", "stroke-or-seizure", false, Urgency.SelfCare, Day: 400),
        new("stroke: unknown is an unresolved red flag", "unresolved-red-flag", true, Urgency.Urgent, Day: 400, Unknown: [Q.StrokeOrSeizureSigns], IsComplete: false),

        // severe-headache: urgent unless fever is present (then possible-meningitis); applies up to day 90.
        new("severe headache: fever absent", "severe-headache", true, Urgency.Urgent, Yes: [Q.NewSevereHeadache], Temperature: Normal),
        new("severe headache: fever unknown", "severe-headache", true, Urgency.Urgent, Yes: [Q.NewSevereHeadache], Unknown: [Q.Fever], IsComplete: false),
        new("severe headache: fever present", "severe-headache", false, Urgency.Emergency, Yes: [Q.NewSevereHeadache], Temperature: Febrile),
        new("severe headache: a yes on day 91 counts", "severe-headache", true, Urgency.Urgent, Day: 91, Yes: [Q.NewSevereHeadache]),
        new("severe headache: unknown on day 90 is unresolved", "unresolved-red-flag", true, Urgency.Urgent, Day: 90, Unknown: [Q.NewSevereHeadache], IsComplete: false),
        new("severe headache: unknown on day 91 does not apply", "unresolved-red-flag", false, Urgency.SelfCare, Day: 91, Unknown: [Q.NewSevereHeadache]),

        // possible-meningitis: fever present with a leak, a headache with a new stiff neck, or a new severe headache.
        new("meningitis: fever and severe headache", "possible-meningitis", true, Urgency.Emergency, Yes: [Q.NewSevereHeadache], Temperature: Febrile),
        new("meningitis: fever answered yes and severe headache, day 90", "possible-meningitis", true, Urgency.Emergency, Day: 90, Yes: [Q.NewSevereHeadache, Q.Fever]),
        new("meningitis: fever and headache with stiff neck on day 91", "possible-meningitis", true, Urgency.Emergency, Day: 91, Yes: [Q.HeadacheWithStiffNeck], Temperature: Febrile),
        new("meningitis: fever and leak on day 43", "possible-meningitis", true, Urgency.Emergency, Day: 43, Yes: [Q.SpinalFluidLeakSigns], Temperature: Febrile),
        new("meningitis: severe headache, fever absent", "possible-meningitis", false, Urgency.Urgent, Yes: [Q.NewSevereHeadache], Temperature: Normal),
        new("meningitis: severe headache, fever unknown", "possible-meningitis", false, Urgency.Urgent, Yes: [Q.NewSevereHeadache], Unknown: [Q.Fever], IsComplete: false),
        new("meningitis: fever alone is the fever rule", "possible-meningitis", false, Urgency.Urgent, Temperature: Febrile),

        // headache-with-stiff-neck and possible-spinal-fluid-leak now apply up to day 90 (2.0: day 42).
        new("stiff neck: unknown on day 43 is unresolved", "unresolved-red-flag", true, Urgency.Urgent, Day: 43, Unknown: [Q.HeadacheWithStiffNeck], IsComplete: false),
        new("stiff neck: unknown on day 91 does not apply", "unresolved-red-flag", false, Urgency.SelfCare, Day: 91, Unknown: [Q.HeadacheWithStiffNeck]),
        new("leak: unknown on day 90 is unresolved", "unresolved-red-flag", true, Urgency.Urgent, Day: 90, Unknown: [Q.SpinalFluidLeakSigns], IsComplete: false),
        new("leak: unknown on day 91 does not apply", "unresolved-red-flag", false, Urgency.SelfCare, Day: 91, Unknown: [Q.SpinalFluidLeakSigns]),
        new("leak: a yes on day 91, fever absent", "possible-spinal-fluid-leak", true, Urgency.Urgent, Day: 91, Yes: [Q.SpinalFluidLeakSigns], Temperature: Normal),

        // belly-swollen-or-vomiting: urgent; asked in the early period (day 42 in, 43 out), a yes counts on any day.
        new("belly: yes on day 42", "belly-swollen-or-vomiting", true, Urgency.Urgent, Day: 42),
        new("belly: a yes on day 43 counts", "belly-swollen-or-vomiting", true, Urgency.Urgent, Day: 43),
        new("belly: no", "belly-swollen-or-vomiting", false, Urgency.SelfCare, Day: 42),
        new("belly: unknown on day 42 is unresolved", "unresolved-red-flag", true, Urgency.Urgent, Day: 42, Unknown: [Q.BellySwollenOrVomiting], IsComplete: false),
        new("belly: unknown on day 43 does not apply", "unresolved-red-flag", false, Urgency.SelfCare, Day: 43, Unknown: [Q.BellySwollenOrVomiting]),

        // no-bowel-movement: soon, not a red flag.
        new("no bowel movement: yes on day 5", "no-bowel-movement", true, Urgency.Soon, Day: 5),
        new("no bowel movement: unknown on day 5 is not a red flag", "no-bowel-movement", false, Urgency.SelfCare, Day: 5, Unknown: [Q.NoBowelMovementFourDays]),

        // persistent-hoarseness: routine; asked when neck surgery is possible, a yes counts in any region.
        new("hoarse: yes, cervical", "persistent-hoarseness", true, Urgency.Routine, Region: SurgeryRegion.Cervical),
        new("hoarse: yes, region not given", "persistent-hoarseness", true, Urgency.Routine, Region: null),
        new("hoarse: a yes after lumbar surgery counts", "persistent-hoarseness", true, Urgency.Routine, Region: SurgeryRegion.Lumbar),
        new("hoarse: unknown is not a red flag", "persistent-hoarseness", false, Urgency.SelfCare, Region: SurgeryRegion.Cervical, Unknown: [Q.HoarseVoiceTwoWeeks]),

        // The imaging rules read the 3.0 hardware symptom, which counts a lasting hoarse voice.
        new("imaging: with a hoarse voice is symptomatic", "symptomatic-imaging-finding", true, Urgency.Soon, Region: SurgeryRegion.Cervical, Yes: [Q.ImagingShowsHardwareProblem, Q.HoarseVoiceTwoWeeks]),
        new("imaging: without symptoms is asymptomatic", "asymptomatic-imaging-finding", true, Urgency.Routine, Region: SurgeryRegion.Cervical, Yes: [Q.ImagingShowsHardwareProblem]),
        new("imaging: the clinician question absent leaves the report complete", "unresolved-red-flag", false, Urgency.SelfCare, Absent: [Q.ImagingShowsHardwareProblem]),

        // possible-deep-vein-thrombosis and possible-pulmonary-embolism: widened questions, same conditions.
        new("clot: a leg or an arm", "possible-deep-vein-thrombosis", true, Urgency.Urgent),
        new("clot: no", "possible-deep-vein-thrombosis", false, Urgency.SelfCare),
        new("lungs: chest pain, breathlessness or coughing up blood", "possible-pulmonary-embolism", true, Urgency.Emergency, Region: null),

        // neck-swelling-or-airway: a yes counts in any region.
        new("airway: cervical", "neck-swelling-or-airway", true, Urgency.Emergency, Region: SurgeryRegion.Cervical),
        new("airway: a yes after lumbar surgery counts", "neck-swelling-or-airway", true, Urgency.Emergency, Region: SurgeryRegion.Lumbar),
        new("airway: unknown after lumbar surgery does not apply", "unresolved-red-flag", false, Urgency.SelfCare, Region: SurgeryRegion.Lumbar, Unknown: [Q.NeckSwellingOrAirway]),

        // woundDischarge, narrowed: a yes (pus or cloudy, yellow or green fluid; a bad smell; more fluid) is a wound sign.
        new("wound discharge: fever present", "infection-with-fever", true, Urgency.Emergency, Day: 2, Yes: [Q.WoundDischarge], Temperature: Febrile),
        new("wound discharge: fever absent", "wound-signs", true, Urgency.Urgent, Day: 2, Yes: [Q.WoundDischarge], Temperature: Normal),
        new("wound discharge: fever unknown", "wound-signs", true, Urgency.Urgent, Day: 2, Yes: [Q.WoundDischarge], Unknown: [Q.Fever], IsComplete: false),
        new("wound discharge: no, with a fever, is the fever rule", "infection-with-fever", false, Urgency.Urgent, Day: 2, Temperature: Febrile),

        // Tenderness and pain on movement are asked after the early period; a yes counts on any day.
        new("tenderness: a yes on day 5 counts", "hardware-irritation", true, Urgency.Routine, Day: 5, Yes: [Q.LocalizedTenderness]),
        new("pain on movement: yes on day 43", "hardware-irritation", true, Urgency.Routine, Day: 43, Yes: [Q.PainWorseWithMovement]),
    ]);

    [Theory]
    [MemberData(nameof(Edges))]
    [Fires("possible-epidural-haematoma")]
    [DoesNotFire("possible-epidural-haematoma")]
    [Fires("stroke-or-seizure")]
    [DoesNotFire("stroke-or-seizure")]
    [Fires("severe-headache")]
    [DoesNotFire("severe-headache")]
    [Fires("possible-meningitis")]
    [DoesNotFire("possible-meningitis")]
    [Fires("belly-swollen-or-vomiting")]
    [DoesNotFire("belly-swollen-or-vomiting")]
    [Fires("no-bowel-movement")]
    [DoesNotFire("no-bowel-movement")]
    [Fires("persistent-hoarseness")]
    [DoesNotFire("persistent-hoarseness")]
    [Fires("possible-deep-vein-thrombosis")]
    [DoesNotFire("possible-deep-vein-thrombosis")]
    [Fires("symptomatic-imaging-finding")]
    [Fires("asymptomatic-imaging-finding")]
    public void Each_new_or_changed_rule_of_3_0_fires_exactly_at_its_edges(Edge edge)
    {
        var result = Engine().Evaluate(ReportOf(edge));

        result.RuleIds().Contains(edge.Rule).Should().Be(edge.Fires, "{0}: {1}", edge.Name, string.Join(", ", result.RuleIds()));
        result.Urgency.Should().Be(edge.Urgency, edge.Name);
        result.IsComplete.Should().Be(edge.IsComplete, edge.Name);
        result.RuleSet.Version.Should().Be("3.0.0");
    }

    [Theory]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void The_safety_net_names_numbness_with_severe_pain_in_the_first_two_weeks_only(int day, bool listed)
    {
        var english = Engine().Evaluate(Denied(day, SurgeryRegion.Lumbar));
        var haematoma = Engine().Evaluate(Denied(day, SurgeryRegion.Lumbar).Yes(Q.NewOrWorseningLimbNumbness) with { PainScore = 9 });
        const string Line = "You have new or worse numbness in an arm or a leg, and your pain is severe or getting worse.";

        english.SafetyNet.Contains(Line).Should().Be(listed);
        haematoma.SafetyNet.Should().NotContain(Line, "a sign that is present is not listed");
    }

    [Theory]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void The_safety_net_names_fever_with_a_leak_or_headache_up_to_day_90(int day, bool listed)
    {
        var result = Engine().Evaluate(Denied(day, SurgeryRegion.Lumbar));

        result.SafetyNet.Any(l => l.Contains("a new, severe headache", StringComparison.Ordinal)).Should().Be(listed);
        result.CareAdvice.Should().NotContain(l => l.Contains("bowel movement", StringComparison.Ordinal), "3.0 asks the belly and bowel questions instead");
    }

    [Fact]
    public void The_safety_net_leaves_out_a_fever_with_wound_signs_once_that_rule_fires()
    {
        var fired = Engine().Evaluate(Denied(2, SurgeryRegion.Lumbar).Yes(Q.WoundDischarge) with { Temperature = Febrile });
        var notFired = Engine().Evaluate(Denied(2, SurgeryRegion.Lumbar) with { Temperature = Febrile });

        fired.SafetyNet.Should().NotContain(l => l.StartsWith("You have a fever, and pus", StringComparison.Ordinal));
        notFired.SafetyNet.Should().Contain(l => l.StartsWith("You have a fever, and pus", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", 90, "Clear, watery fluid is asked next.")]
    [InlineData("en", 91, "Clear, watery fluid counts here too.")]
    [InlineData("es", 90, "se pregunta luego")]
    [InlineData("es", 91, "también cuenta aquí")]
    public void The_wound_discharge_question_names_each_of_its_signs_and_its_note_follows_the_day(string language, int day, string note)
    {
        var engine = Engine(language);
        var question = engine.RuleSet.Questions.Single(q => q.Id == Q.WoundDischarge);
        var signs = language == "en"
            ? new[] { "Pus, or cloudy, yellow or green fluid, comes from it.", "It smells bad.", "More fluid comes from it than on earlier days." }
            : ["Sale pus, o un líquido turbio, amarillo o verde.", "Huele mal.", "Sale más líquido que otros días."];
        var text = engine.RuleSet.QuestionText(Q.WoundDischarge, SurgeryRegion.Lumbar, day);

        text.Should().ContainAll(signs);
        text.Should().Contain(note);
        question.Text.Should().ContainAll(signs).And.Contain(language == "en" ? "counts here too" : "también cuenta aquí", "without a report the note that misses no leak is shown");
    }

    [Theory]
    [InlineData(2, SurgeryRegion.Cervical)]
    [InlineData(14, null)]
    [InlineData(43, SurgeryRegion.Lumbar)]
    [InlineData(91, SurgeryRegion.Thoracic)]
    [InlineData(400, SurgeryRegion.Cervical)]
    public void The_interview_asks_only_what_applies_in_3_0_order_and_never_the_clinician_question(int day, SurgeryRegion? region)
    {
        var engine = Engine();
        var interview = new TriageInterview(engine);
        var report = new SymptomReport { SurgeryDate = ReportBuilder.Today.AddDays(-day), AssessedOn = ReportBuilder.Today, SurgeryRegion = region };
        var asked = new List<Q>();
        for (var step = interview.Next(report).GetValueOrThrow(); step.Ask is { } item; step = interview.Next(report).GetValueOrThrow())
        {
            if (item.Question is { } question)
            {
                asked.Add(question.Id);
                report = report with { Answers = report.Answers.With(question.Id, Answer.No) };
            }
            else
            {
                report = report with { Skipped = [.. report.Skipped, item.Measurement!.Value] };
            }
        }

        var applicable = engine.RuleSet.Applicability(engine.Validate(report).GetValueOrThrow()).Where(a => a.Applies).Select(a => a.Question);
        asked.Should().NotContain(Q.ImagingShowsHardwareProblem);
        asked.Should().Equal(Questions.Select(q => q.Id).Where(applicable.Contains), "every applicable question, in 3.0 order, answered no");
        engine.Evaluate(report).IsSettled.Should().BeTrue("the clinician question left unknown does not hold the triage open");
    }

    [Fact]
    public void The_3_0_questions_are_the_32_of_the_criteria_in_their_asking_order()
    {
        Questions.Select(q => q.JsonId).Should().Equal(
            "bladderOrBowelControlLoss", "saddleNumbness", "newOrWorseningLimbWeakness", "neckSwellingOrAirway", "drowsyConfusedOrSlowBreathing",
            "strokeOrSeizureSigns", "suddenSeverePainAfterFallOrInjury", "recentFallOrInjury", "fever", "headacheWithStiffNeck", "newSevereHeadache",
            "woundDischarge", "spinalFluidLeakSigns", "woundRednessOrSwelling", "woundBleeding", "woundOpening", "chestPainOrBreathlessness",
            "newOrWorseningLimbNumbness", "calfPainOrSwelling", "painNotControlled", "bellySwollenOrVomiting", "newSwallowingDifficulty",
            "painReturnedAfterImprovement", "newOrWorseningPain", "instabilityOrMovement", "radiatingLimbPain", "localizedTenderness",
            "painWorseWithMovement", "lumpOverHardware", "noBowelMovementFourDays", "hoarseVoiceTwoWeeks", "imagingShowsHardwareProblem");
        Questions.Where(q => q.IsRedFlag).Should().HaveCount(22);
        Questions.Where(q => q.IsClinicianOnly).Select(q => q.Id).Should().Equal(Q.ImagingShowsHardwareProblem);
    }

    [Theory]
    [InlineData("localizedTenderness", 42, false)]
    [InlineData("localizedTenderness", 43, true)]
    [InlineData("painWorseWithMovement", 42, false)]
    [InlineData("painWorseWithMovement", 43, true)]
    [InlineData("headacheWithStiffNeck", 90, true)]
    [InlineData("headacheWithStiffNeck", 91, false)]
    [InlineData("newSevereHeadache", 90, true)]
    [InlineData("newSevereHeadache", 91, false)]
    [InlineData("bellySwollenOrVomiting", 42, true)]
    [InlineData("bellySwollenOrVomiting", 43, false)]
    [InlineData("noBowelMovementFourDays", 42, true)]
    [InlineData("noBowelMovementFourDays", 43, false)]
    [InlineData("imagingShowsHardwareProblem", 5, false)]
    [InlineData("imagingShowsHardwareProblem", 400, false)]
    public void Each_3_0_question_applies_on_the_days_of_its_window(string questionId, int day, bool applies)
    {
        var question = Q.Of(questionId);
        Engine().RuleSet.Applicability(question, SurgeryRegion.Lumbar, day).Applies.Should().Be(applies);
    }

    [Theory]
    [InlineData(SurgeryRegion.Cervical, true)]
    [InlineData(null, true)]
    [InlineData(SurgeryRegion.Lumbar, false)]
    public void The_hoarse_voice_question_applies_when_neck_surgery_is_possible(SurgeryRegion? region, bool applies)
    {
        Engine().RuleSet.Applicability(Q.HoarseVoiceTwoWeeks, region, 400).Applies.Should().Be(applies);
    }

    private static TriageEngine Engine(string language = "en") =>
        new(new TriageEngineOptions { RuleSet = RuleSets.V3, Language = language }, TestClock.At(ReportBuilder.Today));

    private static SymptomReport Denied(int day, SurgeryRegion? region) => new()
    {
        SurgeryDate = ReportBuilder.Today.AddDays(-day),
        AssessedOn = ReportBuilder.Today,
        SurgeryRegion = region,
        Answers = AnswerSet.From(Questions.Where(q => q.IsRedFlag).Select(q => KeyValuePair.Create(q.Id, Answer.No))),
    };

    // The rule's own question is answered yes unless the case names its answers: a case is about one rule.
    private static SymptomReport ReportOf(Edge edge)
    {
        var report = Denied(edge.Day, edge.Region);
        var yes = edge.Yes ?? (edge.Fires ? OwnQuestion(edge.Rule) : []);
        foreach (var question in yes)
        {
            report = report.With(question, Answer.Yes);
        }

        foreach (var question in edge.Unknown ?? [])
        {
            report = report.With(question, Answer.Unknown);
        }

        foreach (var question in edge.Absent ?? [])
        {
            report = report.Without(question);
        }

        return report with { Temperature = edge.Temperature, PainScore = edge.Pain };
    }

    private static Q[] OwnQuestion(string rule) => rule switch
    {
        "stroke-or-seizure" => [Q.StrokeOrSeizureSigns],
        "belly-swollen-or-vomiting" => [Q.BellySwollenOrVomiting],
        "no-bowel-movement" => [Q.NoBowelMovementFourDays],
        "persistent-hoarseness" => [Q.HoarseVoiceTwoWeeks],
        "possible-deep-vein-thrombosis" => [Q.CalfPainOrSwelling],
        "possible-pulmonary-embolism" => [Q.ChestPainOrBreathlessness],
        "neck-swelling-or-airway" => [Q.NeckSwellingOrAirway],
        _ => [],
    };
}
