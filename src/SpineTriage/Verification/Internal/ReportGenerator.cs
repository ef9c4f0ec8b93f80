using System.Globalization;
using System.Text.Json.Nodes;
using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Verification.Internal;

/// <summary>
/// Generates valid symptom reports of one rule set from a seeded <see cref="Random"/>: every answer combination (not
/// given, unknown, no, yes; red flags mostly denied or mixed), temperatures in both units across the plausible range and
/// around the fever threshold, pain scores including none, risk factors, hardware, and dates anywhere in three years or on
/// the edges of the day counts the rule-set document names (each bound, the day before and the day after). Reports are
/// made up, never a patient's.
/// </summary>
internal sealed class ReportGenerator
{
    private static readonly SurgeryRegion[] Regions = Enum.GetValues<SurgeryRegion>();
    private static readonly HardwareKind[] HardwareKinds = Enum.GetValues<HardwareKind>();
    private static readonly RiskFactor[] RiskFactorValues = Enum.GetValues<RiskFactor>();

    private readonly int[] _edgeDays;
    private readonly decimal _feverCelsius;

    public ReportGenerator(RuleSetEdition edition, DateOnly today)
    {
        Questions = edition.Questions;
        Today = today;
        _feverCelsius = edition.Document.FeverCelsius;
        var document = edition.Document;
        var conditions = document.Questions.SelectMany(q => new[] { q.AppliesWhen, q.RedFlagWhen })
            .Concat(document.Facts.Select(f => f.When))
            .Concat(document.Rules.Select(r => r.When))
            .Concat(document.Signs.SelectMany(s => new[] { s.PresentWhen, s.ListedWhen }))
            .Concat(document.ConditionalAdvice.Select(a => a.When));
        _edgeDays = [.. conditions.SelectMany(DayBounds).SelectMany(d => new[] { d - 1, d, d + 1 }).Concat([0, 1]).Where(d => d >= 0).Distinct().Order()];
    }

    /// <summary>Gets the questions of the rule set, in asking order.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Gets the date every generated report is assessed around (the verification clock's today).</summary>
    public DateOnly Today { get; }

    /// <summary>A valid report of the rule set, sometimes with its absent measurements skipped (as an interview leaves them).</summary>
    public SymptomReport Report(Random random)
    {
        DateOnly surgery;
        DateOnly? assessedOn;
        SurgeryRegion? region;
        if (random.Next(2) == 0)
        {
            // On the edges of applicability and of the rules' windows, assessed today.
            var days = random.Next(3) switch
            {
                0 => _edgeDays[random.Next(_edgeDays.Length)],
                1 => random.Next(0, 121),
                _ => random.Next(0, (3 * 365) + 1),
            };
            surgery = Today.AddDays(-days);
            assessedOn = Today;
            region = random.Next(7) switch
            {
                < 2 => SurgeryRegion.Cervical,
                < 4 => null,
                _ => Regions[random.Next(Regions.Length)],
            };
        }
        else
        {
            // Anywhere in three years, assessed on the clock's today (no date) or on a date from the surgery to tomorrow.
            var before = random.Next(0, (3 * 365) + 1);
            surgery = Today.AddDays(-before);
            assessedOn = random.Next(4) == 0 ? null : surgery.AddDays(random.Next(0, before + 2));
            region = random.Next(5) == 0 ? null : Regions[random.Next(Regions.Length)];
        }

        var denied = random.Next(2) == 0;
        var answers = new List<KeyValuePair<QuestionId, Answer>>();
        foreach (var question in Questions)
        {
            // Weights of no, yes, unknown and not given.
            var given = question.IsRedFlag
                ? (denied ? Pick(random, 40, 1, 1, 1) : Pick(random, 3, 2, 1, 1))
                : Pick(random, 3, 2, 1, 2);
            if (given is { } answer)
            {
                answers.Add(KeyValuePair.Create(question.Id, answer));
            }
        }

        var temperature = random.Next(5) < 2 ? (Temperature?)null : Temperature(random);
        var painScore = PainScore(random);
        var skipped = new List<Measurement>();
        if (temperature is null && random.Next(2) == 0)
        {
            skipped.Add(Measurement.Temperature);
        }

        if (painScore is null && random.Next(2) == 0)
        {
            skipped.Add(Measurement.PainScore);
        }

        return new SymptomReport
        {
            ReportId = random.Next(3) == 0 ? string.Create(CultureInfo.InvariantCulture, $"generated-{random.Next(100_000)}") : null,
            SurgeryDate = surgery,
            AssessedOn = assessedOn,
            SurgeryRegion = region,
            Hardware = Subset(random, HardwareKinds),
            FusionLevels = random.Next(10) < 3 ? null : random.Next(1, 21),
            RiskFactors = Subset(random, RiskFactorValues),
            PainScore = painScore,
            Temperature = temperature,
            Answers = AnswerSet.From(answers),
            Skipped = skipped,
        };
    }

    /// <summary>A temperature: in tenths of a degree in both units over the plausible range and near the usual thresholds, or in hundredths of a °C around the document's fever threshold.</summary>
    public Temperature Temperature(Random random) => random.Next(11) switch
    {
        < 2 => Reports.Temperature.Celsius(random.Next(300, 451) / 10m),
        < 4 => Reports.Temperature.Fahrenheit(random.Next(860, 1131) / 10m),
        < 6 => Reports.Temperature.Celsius(random.Next(370, 401) / 10m),
        < 9 => Reports.Temperature.Fahrenheit(random.Next(985, 1041) / 10m),
        _ => Reports.Temperature.Celsius(Math.Clamp((_feverCelsius * 100) + random.Next(-30, 31), 3000m, 4500m) / 100m),
    };

    /// <summary>A pain score 0 to 10, or none (one in five).</summary>
    public static int? PainScore(Random random) => random.Next(5) == 0 ? null : random.Next(0, 11);

    /// <summary>Some of the risk factors.</summary>
    public static RiskFactor[] RiskFactors(Random random) => Subset(random, RiskFactorValues);

    /// <summary>What a made-up patient would reply to every item of an interview.</summary>
    public Patient Patient(Random random) => new(
        Questions.ToDictionary(q => q.Id, _ => random.Next(7) switch { < 4 => Answer.No, < 6 => Answer.Yes, _ => Answer.Unknown }),
        random.Next(5) < 2 ? null : Temperature(random),
        PainScore(random));

    private static Answer? Pick(Random random, int no, int yes, int unknown, int notGiven)
    {
        var draw = random.Next(no + yes + unknown + notGiven);
        return draw < no ? Answer.No : draw < no + yes ? Answer.Yes : draw < no + yes + unknown ? Answer.Unknown : null;
    }

    private static T[] Subset<T>(Random random, T[] values) => [.. values.Where(_ => random.Next(2) == 0)];

    /// <summary>The day counts a condition names (<c>daysSinceSurgery</c> min and max), anywhere in it.</summary>
    private static IEnumerable<int> DayBounds(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (key == "daysSinceSurgery" && value is JsonObject range)
                {
                    foreach (var bound in new[] { "min", "max" })
                    {
                        if (range[bound] is JsonValue v && v.TryGetValue<int>(out var day))
                        {
                            yield return day;
                        }
                    }
                }
                else
                {
                    foreach (var day in DayBounds(value))
                    {
                        yield return day;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                foreach (var day in DayBounds(item))
                {
                    yield return day;
                }
            }
        }
    }
}

/// <summary>What a made-up patient would reply to every item of an interview.</summary>
/// <param name="Answers">The reply to every question of the rule set.</param>
/// <param name="Temperature">The temperature they would give, or none.</param>
/// <param name="PainScore">The pain score they would give, or none.</param>
internal sealed record Patient(IReadOnlyDictionary<QuestionId, Answer> Answers, Temperature? Temperature, int? PainScore)
{
    /// <summary>The made-up replies, for a counterexample.</summary>
    public string Describe(IEnumerable<Question> questions) =>
        $"replies [{string.Join(", ", questions.Select(q => $"{q.JsonId} {Serialization.Internal.JsonNames.Of(Answers[q.Id])}"))}], temperature {Temperature?.ToString() ?? "none"}, pain {PainScore?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
}

/// <summary>A clock fixed at noon UTC of a day, in the UTC time zone: verification never reads the machine's clock.</summary>
internal sealed class FixedClock(DateOnly today) : TimeProvider
{
    private readonly DateTimeOffset _now = new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
