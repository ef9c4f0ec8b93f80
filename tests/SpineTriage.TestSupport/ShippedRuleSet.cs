using CsCheck;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.TestSupport.Floors;

namespace SpineTriage.TestSupport;

/// <summary>
/// One shipped rule set as the tests see it: engines at the default and at the edges of the allowed thresholds, its
/// questions, a generator of valid reports for it, and what its criteria say independently of the engine (the
/// emergency red flags, the wound signs, the hand-coded floor). Tests written once take a selector from
/// <see cref="Selectors"/> (xunit theory data), so a new shipped rule set adds data, not test classes.
/// </summary>
public sealed class ShippedRuleSet
{
    private static readonly Dictionary<string, ShippedRuleSet> BySelector = RuleSets.Selectors.ToDictionary(s => s, s => new ShippedRuleSet(s), StringComparer.Ordinal);

    /// <summary>Red flags mostly denied (so the lower urgencies are reached often) or freely mixed.</summary>
    private static readonly Gen<Given> MostlyDenied = Gen.Frequency((40, Given.No), (1, Given.Yes), (1, Given.Unknown), (1, Given.NotGiven));

    private static readonly Gen<Given> Mixed = Gen.Frequency((3, Given.No), (2, Given.Yes), (1, Given.Unknown), (1, Given.NotGiven));

    private static readonly Gen<Given> NonRedFlag = Gen.Frequency((3, Given.No), (2, Given.Yes), (1, Given.Unknown), (2, Given.NotGiven));

    private ShippedRuleSet(string selector)
    {
        Selector = selector;
        Engines =
        [
            new(new TriageEngineOptions { RuleSet = selector }, TestClock.At(ReportGen.Today)),
            new(new TriageEngineOptions { RuleSet = selector, FeverThresholdCelsius = 37.5m, SeverePainScore = 6 }, TestClock.At(ReportGen.Today)),
            new(new TriageEngineOptions { RuleSet = selector, FeverThresholdCelsius = 39.5m, SeverePainScore = 10 }, TestClock.At(ReportGen.Today)),
            new(new TriageEngineOptions { RuleSet = selector, FeverThresholdCelsius = 38.3m, SeverePainScore = 7 }, TestClock.At(ReportGen.Today)),
        ];
        Questions = [.. Engine.RuleSet.Questions.Select(q => q.Id).Order()];
        RedFlags = [.. Engine.RuleSet.Questions.Where(q => q.IsRedFlag).Select(q => q.Id).Order()];
        var questions = Questions;
        var redFlags = RedFlags;
        Answers = Gen.Bool.SelectMany(denied =>
            (denied ? MostlyDenied : Mixed).Array[questions.Length].SelectMany(redFlagChoices =>
                NonRedFlag.Array[questions.Length].Select(otherChoices =>
                    questions.Select((q, i) => redFlags.Contains(q) ? redFlagChoices[i] : otherChoices[i]).ToArray())));

        // Half of the reports anywhere in three years (assessed today or on a given date), half on the edges of
        // applicability (days 42/43 and 90/91, the region cervical, another or not given).
        var anywhere = ReportGen.Report(Answers, questions);
        var onEdges = Gen.Select(anywhere, selector == RuleSets.V3 ? ReportGen.DaysV3 : ReportGen.DaysV2, ReportGen.RegionV2, (report, days, region) => report with
        {
            SurgeryDate = ReportGen.Today.AddDays(-days),
            AssessedOn = ReportGen.Today,
            SurgeryRegion = region,
        });
        Valid = Gen.OneOf(anywhere, onEdges);
        WithEngine = Gen.Select(Gen.OneOf(Engines), Valid);
        (EmergencyFlags, WoundSigns) = selector switch
        {
            // clinical-criteria.md section 4: the emergency rules on one answer each, and infection with fever.
            RuleSets.V1 => (
                new[] { QuestionId.BladderOrBowelControlLoss, QuestionId.SaddleNumbness, QuestionId.NewOrWorseningLimbWeakness, QuestionId.SuddenSeverePainAfterFallOrInjury, QuestionId.ChestPainOrBreathlessness },
                new[] { QuestionId.WoundDischarge, QuestionId.WoundRednessOrSwelling }),

            // clinical-criteria-2.0.md section 5: 1.0's, the airway and the alertness questions; a yes counts whether or not the question applies.
            RuleSets.V2 => (
                new[]
                {
                    QuestionId.BladderOrBowelControlLoss, QuestionId.SaddleNumbness, QuestionId.NewOrWorseningLimbWeakness, QuestionId.NeckSwellingOrAirway,
                    QuestionId.DrowsyConfusedOrSlowBreathing, QuestionId.SuddenSeverePainAfterFallOrInjury, QuestionId.ChestPainOrBreathlessness,
                },
                new[] { QuestionId.WoundDischarge, QuestionId.WoundRednessOrSwelling }),
            // clinical-criteria-3.0.md section 5: 2.0's and the stroke or seizure question.
            RuleSets.V3 => (
                new[]
                {
                    QuestionId.BladderOrBowelControlLoss, QuestionId.SaddleNumbness, QuestionId.NewOrWorseningLimbWeakness, QuestionId.NeckSwellingOrAirway,
                    QuestionId.DrowsyConfusedOrSlowBreathing, QuestionId.StrokeOrSeizureSigns, QuestionId.SuddenSeverePainAfterFallOrInjury,
                    QuestionId.ChestPainOrBreathlessness,
                },
                new[] { QuestionId.WoundDischarge, QuestionId.WoundRednessOrSwelling }),
            _ => throw new ArgumentOutOfRangeException(nameof(selector), selector, "Add the criteria of the new rule set here."),
        };
    }

    /// <summary>Gets the theory data of every shipped rule set: one row per selector of <see cref="RuleSets.Selectors"/>.</summary>
    public static IEnumerable<object[]> Selectors => RuleSets.Selectors.Select(s => new object[] { s });

    /// <summary>Gets the theory data of the shipped rule sets that have a floor (<see cref="Floor.Covers"/>): the tests that compare with it.</summary>
    public static IEnumerable<object[]> SelectorsWithFloor => RuleSets.Selectors.Where(Floor.Covers).Select(s => new object[] { s });

    /// <summary>Gets the selector ("1.0", "2.0").</summary>
    public string Selector { get; }

    /// <summary>Gets an engine of the rule set with the default thresholds, its clock fixed at <see cref="ReportGen.Today"/>.</summary>
    public TriageEngine Engine => Engines[0];

    /// <summary>Gets engines of the rule set at the default and at the edges of the allowed thresholds: the properties hold for any valid options.</summary>
    public TriageEngine[] Engines { get; }

    /// <summary>Gets the rule set's questions in the order of their ids.</summary>
    public QuestionId[] Questions { get; }

    /// <summary>Gets the rule set's red flags in the order of their ids (whether each applies to a report is the rule set's to say).</summary>
    public QuestionId[] RedFlags { get; }

    /// <summary>Gets the red flags whose yes alone gives emergency by the criteria, whatever else is set.</summary>
    public IReadOnlyList<QuestionId> EmergencyFlags { get; }

    /// <summary>Gets the wound signs that with fever give emergency by the criteria.</summary>
    public IReadOnlyList<QuestionId> WoundSigns { get; }

    /// <summary>Gets one choice per question of <see cref="Questions"/>: red flags mostly denied or mixed.</summary>
    public Gen<Given[]> Answers { get; }

    /// <summary>Gets a generator of valid reports of the rule set: every question, both units, dates anywhere and on the edges of applicability.</summary>
    public Gen<SymptomReport> Valid { get; }

    /// <summary>Gets a valid report and an engine of the rule set to triage it with (default or edge thresholds).</summary>
    public Gen<(TriageEngine Engine, SymptomReport Report)> WithEngine { get; }

    /// <summary>The shipped rule set <paramref name="selector"/> names.</summary>
    /// <param name="selector">A selector of <see cref="RuleSets.Selectors"/>.</param>
    /// <returns>The rule set under test.</returns>
    public static ShippedRuleSet For(string selector) => BySelector[selector];

    /// <summary><paramref name="count"/> valid reports drawn from <see cref="Valid"/> with a fixed seed: the same reports on every run.</summary>
    /// <param name="seed">The seed (and stream) of CsCheck's random generator.</param>
    /// <param name="count">How many reports.</param>
    /// <returns>The reports.</returns>
    public SymptomReport[] Sample(uint seed, int count) => Valid.Array[count].Generate(new PCG(seed, seed), null!, out _);

    /// <summary>Whether <paramref name="question"/> applies to <paramref name="report"/>, and whether it is a red flag there.</summary>
    /// <param name="engine">An engine of this rule set.</param>
    /// <param name="report">The report.</param>
    /// <param name="question">The question.</param>
    /// <returns>The applicability.</returns>
    public static QuestionApplicability Applicability(ITriageEngine engine, SymptomReport report, QuestionId question)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(report);
        return engine.RuleSet.Applicability(question, report.SurgeryRegion, (report.AssessedOn ?? DateOnly.FromDateTime(engine.TimeProvider.GetLocalNow().DateTime)).DayNumber - report.SurgeryDate.DayNumber);
    }

    /// <summary>Whether <paramref name="question"/> applies to <paramref name="report"/>.</summary>
    /// <param name="engine">An engine of this rule set.</param>
    /// <param name="report">The report.</param>
    /// <param name="question">The question.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    public static bool Applies(ITriageEngine engine, SymptomReport report, QuestionId question) => Applicability(engine, report, question).Applies;

    /// <summary>The floor (the criteria read independently of the engine) for a report of this rule set.</summary>
    /// <param name="engine">An engine of this rule set, whose thresholds apply.</param>
    /// <param name="report">A valid report.</param>
    /// <returns>What the floor decides.</returns>
    public static FloorResult ByTheCriteria(ITriageEngine engine, SymptomReport report)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Floor.Decide(engine.Validate(report).GetValueOrThrow(), engine.Options);
    }

    /// <inheritdoc/>
    public override string ToString() => Selector;
}
