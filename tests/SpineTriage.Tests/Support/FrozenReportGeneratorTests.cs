using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Reports;

namespace SpineTriage.Tests.Support;

/// <summary>The generator of the frozen decisions is deterministic, stays within the input limits and varies what the rules see.</summary>
public class FrozenReportGeneratorTests
{
    private const ulong Seed = 20261129;

    // The first report of the frozen seed, as the generator wrote it when the decisions were frozen.
    private const string FirstReport =
        """
        {"surgeryDate":"1962-07-17","assessedOn":"1962-07-18","reportId":"frozen-0","surgeryRegion":"sacral","riskFactors":["earlyHeavyActivity","osteoporosis","multiLevelSurgery"],"temperature":{"value":37,"unit":"celsius"},"answers":{"bladderOrBowelControlLoss":"no","saddleNumbness":"no","newOrWorseningLimbWeakness":"no","suddenSeverePainAfterFallOrInjury":"no","fever":"no","woundDischarge":"no","woundRednessOrSwelling":"no","chestPainOrBreathlessness":"no","newOrWorseningLimbNumbness":"no","calfPainOrSwelling":"no","painReturnedAfterImprovement":"no","newOrWorseningPain":"no","instabilityOrMovement":"no","radiatingLimbPain":"no","localizedTenderness":"no","painWorseWithMovement":"no","lumpOverHardware":"no","imagingShowsHardwareProblem":"no"}}
        """;

    [Fact]
    public void The_same_seed_gives_the_same_reports_and_another_seed_other_reports()
    {
        var first = FrozenReportGenerator.Create(Seed, 1_000).ToList();

        FrozenReportGenerator.Create(Seed, 1_000).Should().Equal(first);
        FrozenReportGenerator.Create(Seed + 1, 1_000).Should().NotIntersectWith(first);
        first.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_first_report_of_the_frozen_seed_is_pinned_so_a_runtime_cannot_change_the_sequence()
    {
        FrozenReportGenerator.Create(Seed, 1).Single().Should().Be(FirstReport);
    }

    [Fact]
    public void The_question_ids_are_the_18_of_rule_set_1_0()
    {
        FrozenReportGenerator.QuestionIds.Should().HaveCount(18).And.OnlyHaveUniqueItems();
        FrozenReportGenerator.QuestionIds.Should().Equal(
            QuestionId.WellKnown.Where(q => QuestionCatalogue.All.Any(c => c.Id == q)).Select(q => q.Id));
    }

    [Fact]
    public void Generated_reports_stay_within_the_input_limits_and_vary_everything_the_rules_see()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var violations = new List<string>();
        var questions = FrozenReportGenerator.QuestionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var report in FrozenReportGenerator.Create(Seed, 100_000))
        {
            using var document = JsonDocument.Parse(report);
            var root = document.RootElement;
            void Check(bool holds, string what)
            {
                if (!holds)
                {
                    violations.Add($"{what}: {report}");
                }
            }

            var surgery = Date(root, "surgeryDate");
            var assessed = Date(root, "assessedOn");
            Check(surgery >= FrozenReportGenerator.Earliest && surgery <= assessed && assessed <= FrozenReportGenerator.Clock, "dates");
            seen.Add((assessed.DayNumber - surgery.DayNumber) switch { <= 120 => "short interval", <= 3650 => "interval of years", _ => "interval of decades" });
            if (surgery == FrozenReportGenerator.Earliest)
            {
                seen.Add("surgery on 1900-01-01");
            }

            if (root.TryGetProperty("painScore", out var pain))
            {
                Check(pain.GetInt32() is >= 0 and <= 10, "painScore");
                seen.Add("pain " + pain.GetInt32().ToString(CultureInfo.InvariantCulture));
            }

            if (root.TryGetProperty("fusionLevels", out var levels))
            {
                Check(levels.GetInt32() is >= 1 and <= 20, "fusionLevels");
            }

            if (root.TryGetProperty("temperature", out var temperature))
            {
                var value = temperature.GetProperty("value");
                var text = value.GetRawText();
                var point = text.IndexOf('.', StringComparison.Ordinal);
                var decimals = point < 0 ? 0 : text.Length - point - 1;
                var unit = temperature.GetProperty("unit").GetString();
                var (low, high) = unit == "celsius" ? (30.0m, 45.0m) : (86.0m, 113.0m);
                Check(decimals <= 2 && value.GetDecimal() >= low && value.GetDecimal() <= high, "temperature");
                seen.Add($"{unit} with {decimals} decimals");
                var celsius = unit == "celsius" ? value.GetDecimal() : (value.GetDecimal() - 32m) * 5m / 9m;
                seen.Add(celsius >= 38.0m ? "fever measured" : "no fever measured");
            }

            if (root.TryGetProperty("answers", out var answers))
            {
                var given = answers.EnumerateObject().Select(a => (Id: a.Name, Answer: a.Value.GetString()!)).ToList();
                Check(given.All(a => questions.Contains(a.Id)) && given.Select(a => a.Id).Distinct().Count() == given.Count, "question ids");
                Check(given.All(a => a.Answer is "yes" or "no" or "unknown"), "answers");
                seen.Add(given.Count == 18 && given.All(a => a.Answer == "no") ? "all no" : given.Count < 18 ? "answer not given" : "all given");
                seen.UnionWith(given.Select(a => $"{a.Id}: {a.Answer}"));
                if (!given.Select(a => a.Id).SequenceEqual(FrozenReportGenerator.QuestionIds.Where(q => given.Exists(a => a.Id == q))))
                {
                    seen.Add("answers shuffled");
                }
            }

            if (root.EnumerateObject().First().Name != "surgeryDate")
            {
                seen.Add("properties shuffled");
            }
        }

        violations.Should().BeEmpty();
        seen.Should().Contain(
            [
                "short interval", "interval of years", "interval of decades", "surgery on 1900-01-01", "pain 0", "pain 10",
                "celsius with 0 decimals", "celsius with 1 decimals", "celsius with 2 decimals",
                "fahrenheit with 0 decimals", "fahrenheit with 1 decimals", "fahrenheit with 2 decimals",
                "fever measured", "no fever measured", "all no", "answer not given", "all given", "answers shuffled", "properties shuffled",
            ]);
        seen.Should().Contain(FrozenReportGenerator.QuestionIds.SelectMany(q => new[] { $"{q}: yes", $"{q}: no", $"{q}: unknown" }));
    }

    private static DateOnly Date(JsonElement root, string name) =>
        DateOnly.ParseExact(root.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
