using FluentAssertions;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;
using SpineTriage.Texts;

namespace SpineTriage.Tests.Texts;

/// <summary>Issue 27 item 1: one text registry for every host, read through a public API; a language it lacks is an error.</summary>
public class TextRegistryTests
{
    public static TheoryData<string> Languages() => [.. TextLanguages.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_of_the_library_has_a_registry_with_the_keys_of_english(string language)
    {
        var registry = TextRegistry.For(language);

        registry.Language.Should().Be(language);
        registry.Keys.Should().Equal(TextRegistry.English.Keys);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("")]
    public void A_language_the_registry_lacks_is_an_error_never_a_fallback(string language)
    {
        var act = () => TextRegistry.For(language);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(language));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Urgency_names_and_timeframes_come_from_the_registry_and_differ_by_urgency(string language)
    {
        var registry = TextRegistry.For(language);
        var urgencies = Enum.GetValues<Urgency>();

        urgencies.Select(registry.UrgencyName).Should().OnlyHaveUniqueItems().And.HaveCount(5);
        urgencies.Select(registry.Timeframe).Should().OnlyHaveUniqueItems().And.HaveCount(5);
        urgencies.Select(u => registry.Get($"label.timeframe.{u.JsonName()}")).Should().Equal(urgencies.Select(registry.Timeframe));
    }

    [Fact]
    public void The_english_timeframe_of_an_urgency_is_the_registrys()
    {
        Enum.GetValues<Urgency>().Select(u => u.Timeframe()).Should().Equal(Enum.GetValues<Urgency>().Select(TextRegistry.English.Timeframe));
        Urgency.Urgent.Timeframe().Should().Be("today, within hours");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Numbers_are_written_with_the_decimal_point_of_en_and_es_us(string language)
    {
        TextRegistry.For(language).Number(38.3m).Should().Be("38.3");
        TextRegistry.For(language).Number(101m).Should().Be("101.0");
    }

    [Fact]
    public void Format_fills_named_placeholders_and_refuses_a_missing_one()
    {
        var registry = TextRegistry.For("es");

        registry.Format("result.daysSinceSurgery", ("days", "12")).Should().Be("Han pasado 12 días desde que le operaron.");
        TextRegistry.Placeholders(registry.Raw("result.report")).Should().Equal("reportId", "days");
        var act = () => registry.Format("result.report", ("days", "12"));
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void An_interview_in_spanish_returns_its_result_in_spanish_though_the_report_names_no_language()
    {
        var engine = ReportBuilder.EngineV1();
        var interview = new TriageInterview(engine, TextLanguages.Spanish);
        var report = ReportBuilder.AllRedFlagsDenied().With(QuestionId.Fever, Answer.Yes) with { Language = null };

        var step = interview.Next(report).Value!;

        step.Result.TextSet!.Language.Should().Be(TextLanguages.Spanish);
        step.Result.Disposition.Should().Be(TextRegistry.For("es").Get("disposition.urgent"));
        step.Result.Should().Be(engine.Triage(report with { Language = TextLanguages.Spanish }).Value);
    }

    [Fact]
    public void An_interview_in_the_engines_language_leaves_the_report_as_given()
    {
        var engine = ReportBuilder.EngineV1();
        var report = ReportBuilder.AllRedFlagsDenied();

        new TriageInterview(engine).Next(report).Value!.Result.Should().Be(engine.Triage(report).Value);
    }
}
