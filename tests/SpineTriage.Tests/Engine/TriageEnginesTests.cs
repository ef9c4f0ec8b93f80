using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary><see cref="TriageEngines"/>: one engine per rule-set line from one set of options and one clock.</summary>
public class TriageEnginesTests
{
    [Theory]
    [InlineData(RuleSets.V1)]
    [InlineData(RuleSets.V2)]
    public void Each_line_s_engine_runs_that_line_with_the_shared_options_and_clock(string selector)
    {
        var clock = TestClock.At(ReportBuilder.Today);
        var engines = new TriageEngines(new TriageEngineOptions { FeverThresholdCelsius = 38.5m, SeverePainScore = 7 }, clock);

        var engine = engines.For(selector);

        engine.RuleSet.Selector.Should().Be(selector);
        engine.Options.FeverThresholdCelsius.Should().Be(38.5m);
        engine.Options.SeverePainScore.Should().Be(7);
        engine.TimeProvider.Should().BeSameAs(clock);
        engines.For(selector).Should().BeSameAs(engine, "each line's engine is built once");
    }

    [Theory]
    [InlineData(RuleSets.V1)]
    [InlineData(RuleSets.V2)]
    public void The_default_engine_is_the_line_the_options_name(string selector)
    {
        var engines = new TriageEngines(new TriageEngineOptions { RuleSet = selector });

        engines.Default.Should().BeSameAs(engines.For(selector));
        new TriageEngines().Default.RuleSet.Selector.Should().Be(RuleSets.Default);
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_engines_are_built_naming_every_bad_option()
    {
        var build = () => new TriageEngines(new TriageEngineOptions { RuleSet = "4.0", SeverePainScore = 2 });

        build.Should().Throw<ArgumentException>().WithMessage("*RuleSet*").WithMessage("*SeverePainScore*");
    }

    [Theory]
    [InlineData("4.0")]
    [InlineData("1")]
    [InlineData("")]
    public void An_unknown_selector_is_an_argument_error(string selector)
    {
        var engines = new TriageEngines();

        engines.Invoking(e => e.For(selector)).Should().Throw<ArgumentException>().WithMessage("*1.0 or 2.0*");
        engines.Invoking(e => e.For(null!)).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(40, false)]
    [InlineData(41, true)]
    public void An_unknown_selector_is_named_in_the_error_cut_to_40_characters(int length, bool cut)
    {
        var selector = new string('x', length);
        var engines = new TriageEngines();

        var message = engines.Invoking(e => e.For(selector)).Should().Throw<ArgumentException>().Which.Message;

        message.Should().Contain($"'{new string('x', 40)}{(cut ? "…" : string.Empty)}'", "an echoed value is cut to 40 characters (hazard H7)");
        message.Should().NotContain(new string('x', 41));
    }

    [Theory]
    [InlineData("1.0.0", RuleSets.V1)]
    [InlineData("1.0.1", RuleSets.V1)]
    [InlineData("1.7.12", RuleSets.V1)]
    [InlineData("2.0.0", RuleSets.V2)]
    [InlineData("2.3.0", RuleSets.V2)]
    [InlineData("0.9.0", null)]
    [InlineData("3.0.0", RuleSets.V3)]
    [InlineData("4.0.0", null)]
    [InlineData("2.0", null)]
    [InlineData("2.0.0-beta", null)]
    [InlineData("2.0.0.1", null)]
    [InlineData("02.0.0", null)]
    [InlineData("2..0", null)]
    [InlineData("１.0.0", null)]
    [InlineData("1234567890.0.0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_version_belongs_to_the_line_of_its_major_version(string? version, string? selector)
    {
        RuleSets.SelectorOf(version).Should().Be(selector);
        var engine = new TriageEngines().ForVersion(version);
        (engine?.RuleSet.Selector).Should().Be(selector);
    }

    [Fact]
    public void Threads_asking_for_a_line_at_once_get_one_engine()
    {
        var engines = new TriageEngines();

        var seen = Enumerable.Range(0, 8).AsParallel().Select(_ => engines.For(RuleSets.V1)).ToArray();

        seen.Distinct().Should().ContainSingle();
    }
}
