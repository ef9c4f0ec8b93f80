using FluentAssertions;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Texts;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// Issue 27 item 7, the console's side: the console shows the shared report's result with the library's words: the
/// urgency's name (in capitals) and timeframe on the first line, the disposition, each finding, each care-advice and
/// safety-net line (the page and FHIR tests compare the same report with the same <see cref="CrossHostReport.Expected"/>).
/// </summary>
public class CrossHostTextsTests
{
    public static TheoryData<string> Languages() => [.. TextLanguages.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_console_shows_the_shared_report_with_the_librarys_texts(string language)
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("report.json", TriageJson.SerializeReport(CrossHostReport.Report(Today, language)));
        var result = CrossHostReport.Result(Today, language);

        var run = Run("triage", "--rule-set", CrossHostReport.RuleSet, "--language", language, "--input", file);

        run.ExitCode.Should().Be(0, run.Error);
        var (name, timeframe) = CrossHostReport.Heading(result, language);
        run.OutputLines[0].Should().StartWith(name.ToUpperInvariant() + " (").And.EndWith("): " + timeframe, "the headline is the urgency's name in capitals and its timeframe");
        foreach (var text in CrossHostReport.Expected(result))
        {
            run.Output.Should().Contain(text);
        }
    }
}
