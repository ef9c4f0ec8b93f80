using FluentAssertions;
using SpineTriage.Benchmarks.Alternatives;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.Testing;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks.Tests;

/// <summary>
/// The benchmarks compare like with like only if all four implementations of rule set 1.0 decide the same:
/// the same urgency and the same fired rules, for every shared case file and for generated reports.
/// </summary>
public class AgreementTests(AgreementTests.DefaultImplementations defaults) : IClassFixture<AgreementTests.DefaultImplementations>
{
    private const int GeneratedCount = 10_000;
    private const uint Seed = 20261124;

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public async Task All_four_implementations_agree_on_the_case_file(string file)
    {
        var implementations = defaults.Implementations;
        var testCase = TriageCase.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "cases", file)));
        var report = TriageJson.ParseReport(testCase.Value!.ReportJson);
        var validation = implementations.Engine.Validate(report.Value!);
        if (!validation.IsSuccess)
        {
            // Nothing to evaluate: only a case that expects an invalid report may have one.
            testCase.Value.ExpectInvalid.Should().BeTrue();
            return;
        }

        var disagreements = await implementations.DisagreementsOn(validation.Value);

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void The_shared_case_files_are_linked_into_the_tests()
    {
        CaseFiles().Should().HaveCountGreaterThanOrEqualTo(8);
    }

    [Fact]
    public async Task All_four_implementations_agree_on_ten_thousand_generated_reports()
    {
        var disagreements = await DisagreementsOnGeneratedReports(defaults.Implementations, GeneratedCount);

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public async Task All_four_implementations_agree_with_a_higher_fever_threshold_and_a_lower_severe_pain_score()
    {
        var options = new TriageEngineOptions { FeverThresholdCelsius = 38.5m, SeverePainScore = 6 };

        var disagreements = await DisagreementsOnGeneratedReports(new Implementations(options), GeneratedCount / 4);

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Generated_reports_make_every_rule_of_the_catalogue_fire()
    {
        var engine = ReferenceReport.Engine();
        var fired = ReportGen.Sample(Seed, GeneratedCount)
            .SelectMany(report => engine.Evaluate(ReferenceReport.Validated(engine, report)).Findings.Select(f => f.RuleId))
            .ToHashSet();

        fired.Should().BeEquivalentTo(engine.RuleSet.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Generated_reports_include_temperatures_on_both_sides_of_the_threshold_in_both_units()
    {
        var threshold = TriageEngineOptions.Default.FeverThresholdCelsius;
        var temperatures = ReportGen.Sample(Seed, GeneratedCount)
            .Select(r => r.Temperature)
            .OfType<Temperature>()
            .ToList();

        foreach (var unit in new[] { TemperatureUnit.Celsius, TemperatureUnit.Fahrenheit })
        {
            temperatures.Should().Contain(t => t.Unit == unit && t.ToCelsius() >= threshold && t.ToCelsius() < threshold + 0.2m);
            temperatures.Should().Contain(t => t.Unit == unit && t.ToCelsius() < threshold && t.ToCelsius() > threshold - 0.2m);
        }
    }

    [Fact]
    public void The_reference_report_fires_rules_at_three_urgencies()
    {
        var engine = ReferenceReport.Engine();

        var result = engine.Evaluate(ReferenceReport.Validated(engine, ReferenceReport.Report));

        result.Findings.Select(f => f.Urgency).Distinct().Should().HaveCount(3);
    }

    private static async Task<List<string>> DisagreementsOnGeneratedReports(Implementations implementations, int count)
    {
        var disagreements = new List<string>();
        var threshold = implementations.Engine.Options.FeverThresholdCelsius;
        foreach (var report in ReportGen.Sample(Seed, count))
        {
            var validated = ReferenceReport.Validated(implementations.Engine, report);
            foreach (var disagreement in await implementations.DisagreementsOn(validated))
            {
                disagreements.Add($"{disagreement} for {TriageJson.SerializeReport(report)}");
            }
        }

        return disagreements;
    }

    /// <summary>The four implementations with the default thresholds, built once for the class: compiling the rules takes a while.</summary>
    public sealed class DefaultImplementations
    {
        internal Implementations Implementations { get; } = new(TriageEngineOptions.Default);
    }

    /// <summary>The four implementations built with the same thresholds.</summary>
    internal sealed class Implementations(TriageEngineOptions options)
    {
        public TriageEngine Engine { get; } = ReferenceReport.Engine(options);

        private RulesEngineTriage Workflow { get; } = new(options);

        private NRulesTriage NRules { get; } = new(options);

        public async Task<IReadOnlyList<string>> DisagreementsOn(ValidatedReport report)
        {
            var result = Engine.Evaluate(report);
            var expected = new Decision(result.Urgency, result.Findings.Select(f => f.RuleId).ToArray());
            var others = new (string Name, Decision Decision)[]
            {
                ("RulesEngine", await Workflow.EvaluateAsync(report)),
                ("NRules", NRules.Evaluate(report)),
                ("hand-coded floor", HandCodedTriage.Evaluate(report, options).ToDecision()),
            };

            return others
                .Where(o => o.Decision.Urgency != expected.Urgency || !o.Decision.RuleIds.Order(StringComparer.Ordinal).SequenceEqual(expected.RuleIds.Order(StringComparer.Ordinal)))
                .Select(o => $"{o.Name} gave {o.Decision.Urgency} [{string.Join(", ", o.Decision.RuleIds)}], SpineTriage {expected.Urgency} [{string.Join(", ", expected.RuleIds)}]")
                .ToArray();
        }
    }
}
