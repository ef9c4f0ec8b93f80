using System.Globalization;
using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>
/// A triage result as plain text for a nurse: what to do first (urgency and disposition), then why
/// (clinical-criteria.md section 6).
/// </summary>
internal static class ResultText
{
    /// <summary>The headline: the urgency with its code and timeframe, for example <c>URGENT (code 4): today, within hours</c>.</summary>
    /// <param name="result">The result.</param>
    /// <returns>One line.</returns>
    public static string Headline(TriageResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{Name(result.Urgency)} (code {result.Urgency.Code()}): {result.Urgency.Timeframe()}");

    /// <summary>The name of an urgency as shown to people, for example <c>SELF CARE</c>.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The name in capitals.</returns>
    public static string Name(Urgency urgency) => urgency == Urgency.SelfCare ? "SELF CARE" : urgency.JsonName().ToUpperInvariant();

    /// <summary>Everything after the headline and the disposition: findings, unanswered red flags, advice, safety net, warnings, rule set.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The lines; empty strings separate the sections.</returns>
    public static IEnumerable<string> Details(TriageResult result)
    {
        yield return result.ReportId is null
            ? string.Create(CultureInfo.InvariantCulture, $"{result.DaysSinceSurgery} days since surgery.")
            : string.Create(CultureInfo.InvariantCulture, $"Report {result.ReportId}, {result.DaysSinceSurgery} days since surgery.");
        yield return "";
        yield return "Why (every finding, highest urgency first):";
        var number = 1;
        foreach (var finding in result.Findings)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  {number++}. {finding.Title} [{finding.Urgency.JsonName()}, rule {finding.RuleId}]");
            yield return $"     {finding.PatientExplanation}";
            if (finding.Evidence.Count > 0)
            {
                yield return $"     Evidence: {string.Join(", ", finding.Evidence)}";
            }

            yield return $"     For the clinician: {finding.ClinicianRationale}";
            yield return $"     Source: {finding.Source}";
        }

        if (result.UnansweredQuestions.Count > 0)
        {
            yield return "";
            yield return "Red-flag questions not answered (the report is incomplete):";
            foreach (var question in result.UnansweredQuestions.Select(QuestionCatalogue.Get))
            {
                yield return $"  - {question.JsonId}: {question.Text}";
            }
        }

        foreach (var line in Section("Care advice:", result.CareAdvice))
        {
            yield return line;
        }

        foreach (var line in Section("Safety net:", result.SafetyNet))
        {
            yield return line;
        }

        foreach (var line in Section("Warnings:", result.Warnings))
        {
            yield return line;
        }

        yield return "";
        yield return $"Rule set {result.RuleSet.Version}, {result.RuleSet.Hash}";
    }

    /// <summary>Writes the whole result.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="result">The result.</param>
    public static void Write(TextWriter output, TriageResult result)
    {
        output.WriteLine(Headline(result));
        output.WriteLine(result.Disposition);
        output.WriteLine();
        foreach (var line in Details(result))
        {
            output.WriteLine(line);
        }
    }

    private static IEnumerable<string> Section(string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return heading;
        foreach (var line in lines)
        {
            yield return $"  - {line}";
        }
    }
}
