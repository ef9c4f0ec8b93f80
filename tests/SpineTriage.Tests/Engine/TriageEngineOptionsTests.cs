using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The engine's options (clinical-criteria.md section 4, configurable thresholds): defaults, allowed ranges
/// checked when the engine is built with every error listed together, and their effect on firing.
/// </summary>
public class TriageEngineOptionsTests
{
    private static TriageEngine Build(TriageEngineOptions options) => ReportBuilder.EngineV1(options);

    private static string BuildError(TriageEngineOptions options)
    {
        var act = () => Build(options);
        return act.Should().Throw<ArgumentException>().Which.Message;
    }

    [Fact]
    public void The_default_fever_threshold_is_the_rule_sets_own_38_0_C()
    {
        TriageEngineOptions.Default.FeverThresholdCelsius.Should().BeNull("an engine uses its rule set's threshold unless an override is set");
        foreach (var selector in SpineTriage.Rules.RuleSets.Selectors)
        {
            new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet.FeverThresholdCelsius.Should().Be(38.0m);
        }
    }

    [Fact]
    public void The_default_severe_pain_score_is_the_rule_sets_own_8()
    {
        TriageEngineOptions.Default.SeverePainScore.Should().BeNull("an engine uses its rule set's score unless an override is set");
        foreach (var selector in SpineTriage.Rules.RuleSets.Selectors)
        {
            new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet.SeverePainScore.Should().Be(8);
        }
    }

    [Fact]
    public void The_default_dispositions_are_the_plain_texts_of_the_criteria()
    {
        TriageEngineOptions.Default.Dispositions.Should().Be(DispositionTexts.Default);
        DispositionTexts.Default.For(Urgency.Emergency).Should().Be("Call 911 for an ambulance now, or go to the nearest emergency room now.");
    }

    [Fact]
    public void An_engine_built_without_options_uses_the_defaults()
    {
        new TriageEngine().Options.Should().Be(TriageEngineOptions.Default);
    }

    [Fact]
    public void An_engine_built_without_a_clock_uses_the_system_clock()
    {
        new TriageEngine().TimeProvider.Should().BeSameAs(TimeProvider.System);
    }

    [Theory]
    [InlineData(37.5)]
    [InlineData(39.5)]
    public void A_fever_threshold_at_the_bounds_is_accepted(double threshold)
    {
        Build(new TriageEngineOptions { FeverThresholdCelsius = (decimal)threshold }).RuleSet.FeverThresholdCelsius.Should().Be((decimal)threshold);
    }

    [Theory]
    [InlineData(37.4)]
    [InlineData(39.6)]
    public void A_fever_threshold_just_outside_the_bounds_is_rejected(double threshold)
    {
        BuildError(new TriageEngineOptions { FeverThresholdCelsius = (decimal)threshold }).Should().Contain("FeverThresholdCelsius").And.Contain("37.5").And.Contain("39.5");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    public void A_severe_pain_score_at_the_bounds_is_accepted(int score)
    {
        Build(new TriageEngineOptions { SeverePainScore = score }).RuleSet.SeverePainScore.Should().Be(score);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public void A_severe_pain_score_just_outside_the_bounds_is_rejected(int score)
    {
        BuildError(new TriageEngineOptions { SeverePainScore = score }).Should().Contain("SeverePainScore").And.Contain("6").And.Contain("10");
    }

    [Theory]
    [InlineData(Urgency.Emergency)]
    [InlineData(Urgency.Urgent)]
    [InlineData(Urgency.Soon)]
    [InlineData(Urgency.Routine)]
    [InlineData(Urgency.SelfCare)]
    public void An_empty_disposition_text_is_rejected(Urgency urgency)
    {
        var dispositions = urgency switch
        {
            Urgency.Emergency => DispositionTexts.Default with { Emergency = "" },
            Urgency.Urgent => DispositionTexts.Default with { Urgent = "" },
            Urgency.Soon => DispositionTexts.Default with { Soon = "" },
            Urgency.Routine => DispositionTexts.Default with { Routine = "" },
            _ => DispositionTexts.Default with { SelfCare = "" },
        };

        BuildError(new TriageEngineOptions { Dispositions = dispositions }).Should().Contain($"Dispositions.{urgency}");
    }

    [Fact]
    public void A_blank_disposition_text_is_rejected()
    {
        BuildError(new TriageEngineOptions { Dispositions = DispositionTexts.Default with { Soon = "   " } }).Should().Contain("Dispositions.Soon");
    }

    [Fact]
    public void Missing_dispositions_are_rejected()
    {
        BuildError(new TriageEngineOptions { Dispositions = null! }).Should().Contain("Dispositions");
    }

    [Fact]
    public void Every_invalid_option_is_listed_in_one_exception()
    {
        var message = BuildError(new TriageEngineOptions
        {
            FeverThresholdCelsius = 40.0m,
            SeverePainScore = 11,
            Dispositions = DispositionTexts.Default with { SelfCare = "" },
        });

        message.Should().Contain("FeverThresholdCelsius").And.Contain("SeverePainScore").And.Contain("Dispositions.SelfCare");
    }

    [Fact]
    public void The_exception_names_the_options_parameter()
    {
        var act = () => Build(new TriageEngineOptions { SeverePainScore = 0 });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options");
    }

    [Fact]
    [DoesNotFire("fever")]
    public void With_a_38_5_C_threshold_38_2_C_is_not_fever()
    {
        var engine = Build(new TriageEngineOptions { FeverThresholdCelsius = 38.5m });

        var result = engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Measured(Temperature.Celsius(38.2m)));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("fever")]
    public void With_a_38_5_C_threshold_38_5_C_is_fever()
    {
        var engine = Build(new TriageEngineOptions { FeverThresholdCelsius = 38.5m });

        var result = engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Measured(Temperature.Celsius(38.5m)));

        result.RuleIds().Should().Equal("fever");
    }

    [Fact]
    [Fires("fever")]
    public void With_a_37_5_C_threshold_99_5_F_is_fever()
    {
        var engine = Build(new TriageEngineOptions { FeverThresholdCelsius = 37.5m });

        var result = engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Measured(Temperature.Fahrenheit(99.5m)));

        result.RuleIds().Should().Equal("fever");
    }

    [Fact]
    [Fires("severe-pain")]
    public void With_a_severe_pain_score_of_6_pain_6_is_severe()
    {
        var engine = Build(new TriageEngineOptions { SeverePainScore = 6 });

        engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(6)).RuleIds().Should().Equal("severe-pain");
    }

    [Fact]
    [DoesNotFire("severe-pain")]
    public void With_a_severe_pain_score_of_10_pain_9_is_not_severe()
    {
        var engine = Build(new TriageEngineOptions { SeverePainScore = 10 });

        engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(9)).RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("severe-escalating-pain")]
    public void With_a_severe_pain_score_of_6_worsening_pain_6_is_severe_escalating_pain()
    {
        var engine = Build(new TriageEngineOptions { SeverePainScore = 6 });

        engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(6).Yes(Q.NewOrWorseningPain)).Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    public void An_unknown_rule_set_is_named_in_quotes_and_a_null_one_as_null()
    {
        (TriageEngineOptions.Default with { RuleSet = "9.9" }).Validate().Should().ContainSingle().Which.Message.Should().EndWith("; got '9.9'.");
        (TriageEngineOptions.Default with { RuleSet = null! }).Validate().Should().ContainSingle().Which.Message.Should().EndWith("; got null.");
    }
}
