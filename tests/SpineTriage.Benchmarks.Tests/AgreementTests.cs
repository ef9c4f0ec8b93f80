using CsCheck;
using FluentAssertions;
using SpineTriage.Benchmarks.Alternatives;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Testing;
using SpineTriage.TestSupport;
using SpineTriage.TestSupport.Floors;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks.Tests;

/// <summary>
/// The benchmarks compare like with like only if all four implementations of a rule set decide the same: the same
/// urgency and the same fired rules, for every shared case file (with the rule set it names) and for generated reports
/// of rule set 1.0 and of rule set 2.0.
/// </summary>
public class AgreementTests(AgreementTests.DefaultImplementations defaults) : IClassFixture<AgreementTests.DefaultImplementations>
{
    private const int GeneratedCount = 10_000;
    private const uint Seed = 20261124;
    private const uint SeedV2 = 20261129;

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    // The comparison implementations (RulesEngine and NRules workflows) exist for rule sets 1.0 and 2.0; rule set 3.0's
    // independent reading is its floor, compared with the engine in tests/SpineTriage.Safety.Tests/CriteriaAgreementTests.
    public static TheoryData<string> RuleSetSelectors() => new(RuleSets.V1, RuleSets.V2);

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public async Task All_four_implementations_of_the_case_files_rule_set_agree_on_the_case_file(string file)
    {
        var testCase = TriageCase.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "cases", file)));
        var implementations = defaults.For(testCase.Value!.RuleSet);
        var report = TriageJson.ParseReport(testCase.Value.ReportJson);
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
    public async Task All_four_implementations_of_rule_set_1_0_agree_on_ten_thousand_generated_reports()
    {
        var disagreements = await DisagreementsOnGeneratedReports(defaults.OneZero, SampleOneZero(GeneratedCount));

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public async Task All_four_implementations_of_rule_set_2_0_agree_on_ten_thousand_generated_reports()
    {
        var disagreements = await DisagreementsOnGeneratedReports(defaults.TwoZero, SampleTwoZero(GeneratedCount));

        disagreements.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RuleSetSelectors))]
    public async Task All_four_implementations_agree_with_a_higher_fever_threshold_and_a_lower_severe_pain_score(string ruleSet)
    {
        var options = new TriageEngineOptions { RuleSet = ruleSet, FeverThresholdCelsius = 38.5m, SeverePainScore = 6 };
        var reports = ruleSet == RuleSets.V1 ? SampleOneZero(GeneratedCount / 4) : SampleTwoZero(GeneratedCount / 4);

        var disagreements = await DisagreementsOnGeneratedReports(new Implementations(options), reports);

        disagreements.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RuleSetSelectors))]
    public void Generated_reports_make_every_rule_of_the_catalogue_fire(string ruleSet)
    {
        var engine = defaults.For(ruleSet).Engine;
        var reports = ruleSet == RuleSets.V1 ? SampleOneZero(GeneratedCount) : SampleTwoZero(GeneratedCount);

        var fired = reports
            .SelectMany(report => engine.Evaluate(ReferenceReport.Validated(engine, report)).Findings.Select(f => f.RuleId))
            .ToHashSet();

        fired.Should().BeEquivalentTo(engine.RuleSet.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Generated_reports_of_rule_set_2_0_reach_both_sides_of_each_applicability_edge()
    {
        var reports = SampleTwoZero(GeneratedCount);
        var days = reports.Select(r => r.AssessedOn!.Value.DayNumber - r.SurgeryDate.DayNumber).ToHashSet();
        var regions = reports.Select(r => r.SurgeryRegion).ToHashSet();

        days.Should().Contain([42, 43, 90, 91]);
        regions.Should().Contain([null, SurgeryRegion.Cervical, SurgeryRegion.Lumbar]);
    }

    [Fact]
    public void Generated_reports_include_temperatures_on_both_sides_of_the_threshold_in_both_units()
    {
        var threshold = new TriageEngine().RuleSet.FeverThresholdCelsius;
        var temperatures = SampleOneZero(GeneratedCount).Concat(SampleTwoZero(GeneratedCount))
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
    public void The_reference_reports_of_both_rule_sets_fire_the_same_rules_at_three_urgencies()
    {
        var two = defaults.TwoZero.Engine;
        var one = defaults.OneZero.Engine;

        var result = two.Evaluate(ReferenceReport.Validated(two, ReferenceReport.Report));
        var resultOneZero = one.Evaluate(ReferenceReport.Validated(one, ReferenceReport.ReportOneZero));

        result.RuleSet.Version.Should().StartWith("2.");
        resultOneZero.RuleSet.Version.Should().StartWith("1.");
        result.Findings.Select(f => f.Urgency).Distinct().Should().HaveCount(3);
        result.Findings.Select(f => f.RuleId).Should().Equal(resultOneZero.Findings.Select(f => f.RuleId));
        result.Urgency.Should().Be(resultOneZero.Urgency);
    }

    [Fact]
    public void The_2_0_reference_report_leaves_out_only_the_questions_that_do_not_apply_to_it()
    {
        var engine = defaults.TwoZero.Engine;
        var validated = ReferenceReport.Validated(engine, ReferenceReport.Report);
        var absent = engine.RuleSet.Questions.Select(q => q.Id).Where(q => !ReferenceReport.Report.Answers.IsGiven(q)).ToHashSet();

        // Lumbar, day 53: the two neck questions and the five early ones do not apply, and are not given.
        validated.DaysSinceSurgery.Should().BeInRange(43, 90);
        absent.Should().Contain(
        [
            QuestionId.NeckSwellingOrAirway, QuestionId.NewSwallowingDifficulty, QuestionId.HeadacheWithStiffNeck, QuestionId.SpinalFluidLeakSigns,
            QuestionId.WoundBleeding, QuestionId.WoundOpening, QuestionId.PainNotControlled,
        ]);
        absent.Should().NotContain([QuestionId.DrowsyConfusedOrSlowBreathing, QuestionId.RecentFallOrInjury]);
        engine.Evaluate(validated).UnansweredQuestions.Should().Equal(QuestionId.NewOrWorseningLimbNumbness);
    }

    private static SymptomReport[] SampleOneZero(int count) => ReportGen.Sample(Seed, count);

    private static SymptomReport[] SampleTwoZero(int count) => ReportGen.ValidV2.Array[count].Generate(new PCG(SeedV2, SeedV2), null!, out _);

    private static async Task<List<string>> DisagreementsOnGeneratedReports(Implementations implementations, IEnumerable<SymptomReport> reports)
    {
        var disagreements = new List<string>();
        foreach (var report in reports)
        {
            var validated = ReferenceReport.Validated(implementations.Engine, report);
            foreach (var disagreement in await implementations.DisagreementsOn(validated))
            {
                disagreements.Add($"{disagreement} for {TriageJson.SerializeReport(report)}");
            }
        }

        return disagreements;
    }

    /// <summary>The four implementations of each rule set with the default thresholds, built once for the class: compiling the rules takes a while.</summary>
    public sealed class DefaultImplementations
    {
        internal Implementations OneZero { get; } = new(ReferenceReport.OneZero());

        internal Implementations TwoZero { get; } = new(ReferenceReport.TwoZero());

        internal Implementations For(string ruleSet) => ruleSet switch
        {
            RuleSets.V1 => OneZero,
            RuleSets.V2 => TwoZero,
            _ => throw new ArgumentOutOfRangeException(nameof(ruleSet), ruleSet, "Not a rule set selector."),
        };
    }

    /// <summary>The four implementations of the options' rule set, built with the same thresholds.</summary>
    internal sealed class Implementations(TriageEngineOptions options)
    {
        public TriageEngine Engine { get; } = ReferenceReport.Engine(options);

        private RulesEngineTriage Workflow { get; } = new(options);

        private NRulesTriage NRules { get; } = new(options);

        public async Task<IReadOnlyList<string>> DisagreementsOn(ValidatedReport report)
        {
            var result = Engine.Evaluate(report);
            var expected = new Decision(result.Urgency, result.Findings.Select(f => f.RuleId).ToArray());
            var byFloor = Floor.Decide(report, options);
            var floor = new Decision(byFloor.Urgency, byFloor.RuleIds);
            var others = new (string Name, Decision Decision)[]
            {
                ("RulesEngine", await Workflow.EvaluateAsync(report)),
                ("NRules", NRules.Evaluate(report)),
                ("hand-coded floor", floor),
            };

            return others
                .Where(o => o.Decision.Urgency != expected.Urgency || !o.Decision.RuleIds.Order(StringComparer.Ordinal).SequenceEqual(expected.RuleIds.Order(StringComparer.Ordinal)))
                .Select(o => $"{o.Name} ({options.RuleSet}) gave {o.Decision.Urgency} [{string.Join(", ", o.Decision.RuleIds)}], SpineTriage {expected.Urgency} [{string.Join(", ", expected.RuleIds)}]")
                .ToArray();
        }
    }
}
