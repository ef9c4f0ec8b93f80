using CsCheck;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization;

namespace SpineTriage.TestSupport;

/// <summary>How a generated report treats one question: absent from the answers, or given as unknown, no or yes.</summary>
public enum Given
{
    NotGiven,
    Unknown,
    No,
    Yes,
}

/// <summary>
/// Generators of VALID symptom reports: every answer combination (not given, explicit unknown, no, yes),
/// temperatures in both units across the plausible range and around the fever threshold, pain scores
/// including none, risk factors, hardware and dates. Every generated report passes validation.
/// </summary>
public static class ReportGen
{
    public static readonly DateOnly Today = ReportBuilder.Today;

    /// <summary>An engine of rule set 1.0 with the default thresholds, its clock fixed at <see cref="Today"/>: the 1.0 properties and the generators below are of rule set 1.0.</summary>
    public static readonly TriageEngine Engine = new(new TriageEngineOptions { RuleSet = RuleSets.V1 }, TestClock.At(Today));

    /// <summary>Engines of rule set 1.0 at the default and at the edges of the allowed thresholds: the properties hold for any valid options.</summary>
    public static readonly TriageEngine[] Engines =
    [
        Engine,
        new(new TriageEngineOptions { RuleSet = RuleSets.V1, FeverThresholdCelsius = 37.5m, SeverePainScore = 6 }, TestClock.At(Today)),
        new(new TriageEngineOptions { RuleSet = RuleSets.V1, FeverThresholdCelsius = 39.5m, SeverePainScore = 10 }, TestClock.At(Today)),
        new(new TriageEngineOptions { RuleSet = RuleSets.V1, FeverThresholdCelsius = 38.3m, SeverePainScore = 7 }, TestClock.At(Today)),
    ];

    /// <summary>An engine of rule set 2.0 with the default thresholds, its clock fixed at <see cref="Today"/>.</summary>
    public static readonly TriageEngine EngineV2 = new(new TriageEngineOptions { RuleSet = RuleSets.V2 }, TestClock.At(Today));

    /// <summary>Engines of rule set 2.0 at the default and at the edges of the allowed thresholds.</summary>
    public static readonly TriageEngine[] EnginesV2 =
    [
        EngineV2,
        new(new TriageEngineOptions { RuleSet = RuleSets.V2, FeverThresholdCelsius = 37.5m, SeverePainScore = 6 }, TestClock.At(Today)),
        new(new TriageEngineOptions { RuleSet = RuleSets.V2, FeverThresholdCelsius = 39.5m, SeverePainScore = 10 }, TestClock.At(Today)),
    ];

    /// <summary>The questions of rule set 2.0 in the order of their ids (1.0's, then the nine 2.0 adds).</summary>
    public static readonly QuestionId[] QuestionsV2 = EngineV2.RuleSet.Questions.Select(q => q.Id).Order().ToArray();

    /// <summary>The red flags of rule set 2.0, in the order of their ids.</summary>
    public static readonly QuestionId[] RedFlagsV2 = EngineV2.RuleSet.Questions.Where(q => q.IsRedFlag).Select(q => q.Id).Order().ToArray();

    /// <summary>Days since surgery for rule set 2.0: often at the edges of the early period (42, 43) and of 90 days (90, 91), else anywhere in three years.</summary>
    public static readonly Gen<int> DaysV2 = Gen.Frequency(
        (3, Gen.Int[0, 9].Select(i => new[] { 0, 1, 41, 42, 43, 44, 89, 90, 91, 92 }[i])),
        (2, Gen.Int[0, 120]),
        (2, Gen.Int[0, 3 * 365]));

    /// <summary>The surgery region for rule set 2.0: cervical, another region, or not given, each often.</summary>
    public static readonly Gen<SurgeryRegion?> RegionV2 = Gen.Frequency(
        (2, Gen.Const((SurgeryRegion?)SurgeryRegion.Cervical)),
        (2, Gen.Const((SurgeryRegion?)null)),
        (3, Gen.Enum<SurgeryRegion>().Select(r => (SurgeryRegion?)r)));

    public static readonly QuestionId[] RedFlags = QuestionCatalogue.RedFlags.Select(q => q.Id).ToArray();

    public static readonly QuestionId[] Questions = QuestionCatalogue.All.Select(q => q.Id).ToArray();

    /// <summary>Red flags mostly denied (so the lower urgencies are reached often) or freely mixed.</summary>
    private static readonly Gen<Given> MostlyDenied = Gen.Frequency((40, Given.No), (1, Given.Yes), (1, Given.Unknown), (1, Given.NotGiven));

    private static readonly Gen<Given> Mixed = Gen.Frequency((3, Given.No), (2, Given.Yes), (1, Given.Unknown), (1, Given.NotGiven));

    private static readonly Gen<Given> NonRedFlag = Gen.Frequency((3, Given.No), (2, Given.Yes), (1, Given.Unknown), (2, Given.NotGiven));

    /// <summary>One choice per question of the catalogue, in asking order.</summary>
    public static readonly Gen<Given[]> Answers =
        Gen.Bool.SelectMany(denied =>
            Gen.Select(
                (denied ? MostlyDenied : Mixed).Array[RedFlags.Length],
                NonRedFlag.Array[Questions.Length - RedFlags.Length],
                (redFlags, others) => redFlags.Concat(others).ToArray()));

    /// <summary>Temperatures in tenths of a degree (hundredths near the Celsius thresholds, the most a report may give): both units, the whole plausible range, and often near the thresholds.</summary>
    public static readonly Gen<Temperature> Temperature = Gen.Frequency(
        (2, Gen.Int[300, 450].Select(t => SpineTriage.Reports.Temperature.Celsius(t / 10m))),
        (2, Gen.Int[860, 1130].Select(t => SpineTriage.Reports.Temperature.Fahrenheit(t / 10m))),
        (3, Gen.Int[370, 400].Select(t => SpineTriage.Reports.Temperature.Celsius(t / 10m))),
        (3, Gen.Int[985, 1040].Select(t => SpineTriage.Reports.Temperature.Fahrenheit(t / 10m))),
        (1, Gen.Int[3740, 4010].Select(t => SpineTriage.Reports.Temperature.Celsius(t / 100m))));

    public static readonly Gen<int?> PainScore = Gen.Frequency((1, Gen.Const((int?)null)), (4, Gen.Int[0, 10].Select(p => (int?)p)));

    public static readonly Gen<RiskFactor[]> RiskFactors = Subset(Enum.GetValues<RiskFactor>());

    private static readonly Gen<HardwareKind[]> Hardware = Subset(Enum.GetValues<HardwareKind>());

    private static readonly Gen<string?> ReportId = Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (1, Gen.Char["abcxyzABCXYZ0189-_ éü°\"\\"].Array[0, 128].Select(c => (string?)new string(c))));

    private static readonly Gen<(DateOnly Surgery, DateOnly? AssessedOn)> Dates =
        Gen.Int[0, 3 * 365].SelectMany(daysBefore =>
        {
            var surgery = Today.AddDays(-daysBefore);
            return Gen.Frequency(
                (1, Gen.Const((DateOnly?)null)),
                (3, Gen.Int[0, daysBefore + 1].Select(d => (DateOnly?)surgery.AddDays(d))))
                .Select(assessed => (surgery, assessed));
        });

    /// <summary>A valid report with its answers drawn from <paramref name="answers"/> (one choice per question of <paramref name="questions"/>, default <see cref="Questions"/>).</summary>
    public static Gen<SymptomReport> Report(Gen<Given[]> answers, QuestionId[]? questions = null) =>
        Gen.Select(
            Dates,
            ReportId,
            Gen.Enum<SurgeryRegion>().Nullable(0.2),
            Hardware,
            Gen.Int[1, 20].Nullable(0.3),
            RiskFactors,
            PainScore,
            Temperature.Nullable(0.4),
            answers,
            (dates, id, region, hardware, levels, risks, pain, temperature, given) => new SymptomReport
            {
                SurgeryDate = dates.Surgery,
                AssessedOn = dates.AssessedOn,
                ReportId = id,
                SurgeryRegion = region,
                Hardware = hardware,
                FusionLevels = levels,
                RiskFactors = risks,
                PainScore = pain,
                Temperature = temperature,
                Answers = ToAnswerSet(given, questions),
            });

    /// <summary>Any valid report (of rule set 1.0: it answers only 1.0's questions).</summary>
    public static readonly Gen<SymptomReport> Valid = Report(Answers);

    /// <summary>One choice per question of rule set 2.0, in the order of <see cref="QuestionsV2"/>: red flags mostly denied or mixed.</summary>
    public static readonly Gen<Given[]> AnswersV2 =
        Gen.Bool.SelectMany(denied =>
            (denied ? MostlyDenied : Mixed).Array[QuestionsV2.Length].SelectMany(redFlagChoices =>
                NonRedFlag.Array[QuestionsV2.Length].Select(otherChoices =>
                    QuestionsV2.Select((q, i) => RedFlagsV2.Contains(q) ? redFlagChoices[i] : otherChoices[i]).ToArray())));

    /// <summary>Any valid report of rule set 2.0: every question of 2.0, regions and days around the edges of applicability.</summary>
    public static readonly Gen<SymptomReport> ValidV2 =
        Gen.Select(Report(AnswersV2, QuestionsV2), DaysV2, RegionV2, (report, days, region) => report with
        {
            SurgeryDate = Today.AddDays(-days),
            AssessedOn = Today,
            SurgeryRegion = region,
        });

    /// <summary>A valid report of rule set 2.0 and an engine of 2.0 to triage it with (default or edge thresholds).</summary>
    public static readonly Gen<(TriageEngine Engine, SymptomReport Report)> WithEngineV2 =
        Gen.Select(Gen.OneOf(EnginesV2), ValidV2);

    /// <summary>A valid report and an engine to triage it with (default or edge thresholds).</summary>
    public static readonly Gen<(TriageEngine Engine, SymptomReport Report)> WithEngine =
        Gen.Select(Gen.OneOf(Engines), Valid);

    public static AnswerSet ToAnswerSet(Given[] given, QuestionId[]? questions = null) =>
        AnswerSet.From(given
            .Select((g, i) => (Question: (questions ?? Questions)[i], Given: g))
            .Where(a => a.Given != Given.NotGiven)
            .Select(a => KeyValuePair.Create(a.Question, a.Given switch
            {
                Given.Yes => Answer.Yes,
                Given.No => Answer.No,
                _ => Answer.Unknown,
            })));


    /// <summary>
    /// <paramref name="count"/> valid reports drawn from <see cref="Valid"/> with a fixed CsCheck seed: the same
    /// reports on every run, for tests that compare implementations on a fixed set.
    /// </summary>
    /// <param name="seed">The seed (and stream) of CsCheck's random generator. <c>new PCG(seed)</c> alone would mix in the
    /// clock (CsCheck seeds a one-argument <c>PCG</c> from <c>Stopwatch.GetTimestamp()</c>).</param>
    /// <param name="count">How many reports.</param>
    /// <returns>The reports.</returns>
    public static SymptomReport[] Sample(uint seed, int count) => Valid.Array[count].Generate(new PCG(seed, seed), null!, out _);

    /// <summary>
    /// <paramref name="count"/> valid rule set 2.0 reports drawn from <see cref="ValidV2"/> with a fixed CsCheck seed: the
    /// same reports on every run.
    /// </summary>
    /// <param name="seed">The seed of CsCheck's random generator.</param>
    /// <param name="count">How many reports.</param>
    /// <returns>The reports.</returns>
    public static SymptomReport[] SampleV2(uint seed, int count) => ValidV2.Array[count].Generate(new PCG(seed, seed), null!, out _);

    /// <summary>The report as JSON, for CsCheck to print a failing (shrunk) example.</summary>
    public static string Print(SymptomReport report) => TriageJson.SerializeReport(report);

    public static string Print((TriageEngine Engine, SymptomReport Report) sample) =>
        $"fever threshold {sample.Engine.Options.FeverThresholdCelsius} °C, severe pain {sample.Engine.Options.SeverePainScore}: {Print(sample.Report)}";

    private static Gen<T[]> Subset<T>(T[] values) =>
        Gen.Bool.Array[values.Length].Select(take => values.Where((_, i) => take[i]).ToArray());
}
