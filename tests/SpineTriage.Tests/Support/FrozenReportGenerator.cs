using System.Globalization;
using System.Text;

namespace SpineTriage.Tests.Support;

/// <summary>
/// Seeded report JSON for freezing the decisions of rule set 1.0 (<c>FrozenDecisionsTests</c>): the same seed gives the
/// same reports, character for character, on every runtime and machine.
/// </summary>
/// <remarks>
/// <para>
/// Reports are contract JSON text, not the C# model, so the frozen data outlives a redesign of the C# API. The
/// pseudo-random numbers come from SplitMix64, implemented here, never from <see cref="Random"/>, whose sequence a
/// runtime may change. Question, region, hardware and risk-factor ids are written out here for the same reason.
/// </para>
/// <para>
/// Every report is valid input: dates from 1900-01-01 up to <see cref="Clock"/>, <c>assessedOn</c> always given,
/// temperatures with at most 2 decimal places within 30.0 to 45.0 °C or 86.0 to 113.0 °F. Everything the rules can see
/// varies: each report draws its own rates of yes and of unresolved (explicit unknown or not given) answers, so
/// all-no reports, sparse-yes reports and heavy reports all occur; temperatures are often near 38.0 °C / 100.4 °F;
/// key order is sometimes shuffled. Changing anything here changes the frozen data: regenerate it, see the tests.
/// </para>
/// </remarks>
internal sealed class FrozenReportGenerator
{
    /// <summary>The date of the fixed clock; no report is assessed after it.</summary>
    public static readonly DateOnly Clock = new(2026, 11, 29);

    /// <summary>The earliest date of a report.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The JSON ids of the 18 questions of rule set 1.0, in asking order (clinical-criteria.md section 3).</summary>
    public static readonly IReadOnlyList<string> QuestionIds =
    [
        "bladderOrBowelControlLoss",
        "saddleNumbness",
        "newOrWorseningLimbWeakness",
        "suddenSeverePainAfterFallOrInjury",
        "fever",
        "woundDischarge",
        "woundRednessOrSwelling",
        "chestPainOrBreathlessness",
        "newOrWorseningLimbNumbness",
        "calfPainOrSwelling",
        "painReturnedAfterImprovement",
        "newOrWorseningPain",
        "instabilityOrMovement",
        "radiatingLimbPain",
        "localizedTenderness",
        "painWorseWithMovement",
        "lumpOverHardware",
        "imagingShowsHardwareProblem",
    ];

    private static readonly string[] Regions = ["cervical", "thoracic", "lumbar", "sacral"];
    private static readonly string[] HardwareKinds = ["screws", "rods", "plates", "cages", "other"];
    private static readonly string[] RiskFactors = ["smoking", "osteoporosis", "diabetes", "obesity", "multiLevelSurgery", "earlyHeavyActivity", "previousInfection"];

    // Per report: the share of yes answers, and the share of unresolved answers (half explicit unknown, half not given).
    private static readonly double[] YesRates = [0.0, 0.0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.6];
    private static readonly double[] UnresolvedRates = [0.0, 0.0, 0.0, 0.02, 0.1, 0.3, 0.7];

    private static readonly int EarliestDay = Earliest.DayNumber;
    private static readonly int ClockDay = Clock.DayNumber;

    private ulong _state;
    private int _index;

    /// <summary>Starts the sequence of a seed.</summary>
    public FrozenReportGenerator(ulong seed) => _state = seed;

    /// <summary>The first <paramref name="count"/> reports of a seed.</summary>
    public static IEnumerable<string> Create(ulong seed, int count)
    {
        var generator = new FrozenReportGenerator(seed);
        for (var i = 0; i < count; i++)
        {
            yield return generator.Next();
        }
    }

    /// <summary>The next report, as compact JSON.</summary>
    public string Next()
    {
        var index = _index++;
        var properties = new List<string>(12);

        var assessedDay = AssessedDay();
        var surgeryDay = Math.Max(EarliestDay, assessedDay - Interval());
        properties.Add($"\"surgeryDate\":\"{Iso(surgeryDay)}\"");
        properties.Add($"\"assessedOn\":\"{Iso(assessedDay)}\"");

        if (Chance(0.3))
        {
            properties.Add($"\"reportId\":\"frozen-{index.ToString(CultureInfo.InvariantCulture)}\"");
        }

        if (Chance(0.5))
        {
            properties.Add($"\"surgeryRegion\":\"{Regions[Below(Regions.Length)]}\"");
        }

        if (Chance(0.5))
        {
            properties.Add($"\"hardware\":{Subset(HardwareKinds)}");
        }

        if (Chance(0.5))
        {
            properties.Add($"\"fusionLevels\":{Number(1 + Below(20))}");
        }

        if (Chance(0.5))
        {
            properties.Add($"\"riskFactors\":{Subset(RiskFactors)}");
        }

        if (!Chance(0.15))
        {
            properties.Add($"\"painScore\":{Number(Below(11))}");
        }

        if (!Chance(0.35))
        {
            properties.Add($"\"temperature\":{Temperature()}");
        }

        if (!Chance(0.02))
        {
            properties.Add($"\"answers\":{Answers()}");
        }

        if (Chance(0.25))
        {
            Shuffle(properties);
        }

        return "{" + string.Join(",", properties) + "}";
    }

    /// <summary>The assessment day: the clock's day, a day of the last 10 years, or any day since 1900.</summary>
    private int AssessedDay() => Below(10) switch
    {
        < 3 => ClockDay,
        < 8 => ClockDay - Below(3653),
        _ => EarliestDay + Below(ClockDay - EarliestDay + 1),
    };

    /// <summary>Days from surgery to assessment: mostly 0 to 120, sometimes years (reaching back to 1900).</summary>
    private int Interval() => Below(20) switch
    {
        < 16 => Below(121),
        < 19 => 121 + Below(3650),
        _ => Below(ClockDay - EarliestDay + 1),
    };

    private string Temperature()
    {
        var celsius = Chance(0.5);
        var decimals = Below(3);
        var scale = decimals switch
        {
            0 => 1,
            1 => 10,
            _ => 100,
        };

        // In units of 10^-decimals: near the threshold (37.8 to 38.2 °C, 100.2 to 100.6 °F), a body temperature,
        // or anywhere in the allowed range.
        var (low, high) = (Below(10), celsius) switch
        {
            ( < 5, true) => (37.8m, 38.2m),
            ( < 5, false) => (100.2m, 100.6m),
            ( < 8, true) => (35.0m, 41.0m),
            ( < 8, false) => (95.0m, 105.8m),
            (_, true) => (30.0m, 45.0m),
            (_, false) => (86.0m, 113.0m),
        };
        var lowUnits = (int)Math.Ceiling(low * scale);
        var highUnits = (int)Math.Floor(high * scale);
        if (lowUnits > highUnits)
        {
            // Whole degrees near 100.4 °F: 100 or 101.
            (lowUnits, highUnits) = ((int)Math.Floor(low * scale), (int)Math.Ceiling(high * scale));
        }

        var units = lowUnits + Below(highUnits - lowUnits + 1);

        var text = new StringBuilder().Append(Number(units / scale));
        if (decimals > 0)
        {
            text.Append('.').Append((units % scale).ToString(decimals == 1 ? "0" : "00", CultureInfo.InvariantCulture));
        }

        return $"{{\"value\":{text},\"unit\":\"{(celsius ? "celsius" : "fahrenheit")}\"}}";
    }

    private string Answers()
    {
        var yesRate = YesRates[Below(YesRates.Length)];
        var unresolvedRate = UnresolvedRates[Below(UnresolvedRates.Length)];
        var answers = new List<string>(QuestionIds.Count);
        foreach (var question in QuestionIds)
        {
            var draw = NextDouble();
            string? answer;
            if (draw < unresolvedRate)
            {
                answer = Chance(0.5) ? "unknown" : null;
            }
            else
            {
                answer = draw < unresolvedRate + yesRate ? "yes" : "no";
            }

            if (answer is not null)
            {
                answers.Add($"\"{question}\":\"{answer}\"");
            }
        }

        if (Chance(0.25))
        {
            Shuffle(answers);
        }

        return "{" + string.Join(",", answers) + "}";
    }

    /// <summary>A distinct subset, possibly empty, in shuffled order.</summary>
    private string Subset(string[] items)
    {
        var chosen = items.Where(_ => Chance(0.4)).Select(item => $"\"{item}\"").ToList();
        Shuffle(chosen);
        return "[" + string.Join(",", chosen) + "]";
    }

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Below(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A number from 0 to <paramref name="bound"/> - 1 (the modulo bias is far below what matters here).</summary>
    private int Below(int bound) => (int)(NextUInt64() % (ulong)bound);

    /// <summary>A number in [0, 1) from the top 53 bits.</summary>
    private double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014).</summary>
    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string Iso(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
