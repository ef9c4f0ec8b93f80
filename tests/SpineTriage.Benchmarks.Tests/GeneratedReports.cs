using SpineTriage.Reports;

namespace SpineTriage.Benchmarks.Tests;

/// <summary>
/// Seeded random reports that reach every rule: each report draws its own rates of yes and of unknown or
/// not-given answers, so all-no reports (expected recovery) occur as well as reports full of red flags.
/// Temperatures come in both units, often within 0.3 °C of the fever threshold; pain scores include none.
/// </summary>
internal static class GeneratedReports
{
    private static readonly double[] YesRates = [0.0, 0.05, 0.2, 0.5];
    private static readonly double[] UnresolvedRates = [0.0, 0.0, 0.05, 0.3];
    private static readonly RiskFactor[] RiskFactors = Enum.GetValues<RiskFactor>();

    public static IEnumerable<SymptomReport> Create(int seed, int count, decimal feverThresholdCelsius)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Create(random, i, feverThresholdCelsius);
        }
    }

    private static SymptomReport Create(Random random, int index, decimal feverThresholdCelsius)
    {
        var yesRate = YesRates[random.Next(YesRates.Length)];
        var unresolvedRate = UnresolvedRates[random.Next(UnresolvedRates.Length)];
        var answers = new List<KeyValuePair<QuestionId, Answer>>();
        foreach (var question in Enum.GetValues<QuestionId>())
        {
            var draw = random.NextDouble();
            if (draw < unresolvedRate)
            {
                // Half explicit unknown, half not given: both must read as unknown.
                if (random.Next(2) == 0)
                {
                    answers.Add(KeyValuePair.Create(question, Answer.Unknown));
                }
            }
            else
            {
                answers.Add(KeyValuePair.Create(question, draw < unresolvedRate + yesRate ? Answer.Yes : Answer.No));
            }
        }

        var surgery = new DateOnly(2026, 1, 1).AddDays(random.Next(300));
        return new SymptomReport
        {
            ReportId = $"generated-{index}",
            SurgeryDate = surgery,
            AssessedOn = surgery.AddDays(random.Next(30)),
            RiskFactors = RiskFactors.Where(_ => random.Next(4) == 0).ToArray(),
            PainScore = random.Next(12) is var pain && pain == 11 ? null : pain,
            Temperature = Temperature(random, feverThresholdCelsius),
            Answers = AnswerSet.From(answers),
        };
    }

    private static Temperature? Temperature(Random random, decimal feverThresholdCelsius)
    {
        // Near the threshold: within 0.3 °C in steps of 0.1; otherwise anywhere from 35.0 to 41.0 °C.
        var celsius = random.Next(3) switch
        {
            0 => (decimal?)null,
            1 => feverThresholdCelsius + (random.Next(7) - 3) * 0.1m,
            _ => 35.0m + random.Next(61) * 0.1m,
        };
        if (celsius is not { } c)
        {
            return null;
        }

        if (random.Next(2) == 0)
        {
            return SpineTriage.Reports.Temperature.Celsius(c);
        }

        // Fahrenheit to one decimal, as a thermometer shows it, so values land on both sides of the threshold.
        return SpineTriage.Reports.Temperature.Fahrenheit(Math.Round(c * 9m / 5m + 32m, 1));
    }
}
