using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Texts;

namespace SpineTriage.TestSupport;

/// <summary>
/// Issue 27 item 7: one report that the console, the patient page and FHIR each show, and what each must show of its
/// result, taken from the library alone (its result and its text registry), so that the three host tests compare with
/// one expected source. The report names rule set 2.0: a wound bleeding through its dressing (urgent) on day 12 after
/// lumbar surgery, every other question answered no, a temperature of 37.2 °C and a pain score of 4.
/// </summary>
public static class CrossHostReport
{
    /// <summary>The rule set the report is written for.</summary>
    public const string RuleSet = RuleSets.V2;

    /// <summary>The days from the operation to the assessment.</summary>
    public const int DaysSinceSurgery = 12;

    /// <summary>The one question answered yes.</summary>
    public static QuestionId Yes => QuestionId.WoundBleeding;

    /// <summary>The report, assessed on <paramref name="today"/>, in <paramref name="language"/>.</summary>
    /// <param name="today">The assessment date (each host's clock: the texts of the result do not depend on it).</param>
    /// <param name="language">One of <see cref="TextLanguages.All"/>.</param>
    /// <returns>The report.</returns>
    public static SymptomReport Report(DateOnly today, string language)
    {
        var questions = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSet }).RuleSet.Questions;
        return new SymptomReport
        {
            SurgeryDate = today.AddDays(-DaysSinceSurgery),
            AssessedOn = today,
            SurgeryRegion = SurgeryRegion.Lumbar,
            Language = language,
            Temperature = Temperature.Celsius(37.2m),
            PainScore = 4,
            Answers = AnswerSet.From(questions.Select(q => KeyValuePair.Create(q.Id, q.Id == Yes ? Answer.Yes : Answer.No))),
        };
    }

    /// <summary>The library's result of <see cref="Report"/>, as a host's engine of rule set 2.0 gives it.</summary>
    /// <param name="today">The assessment date.</param>
    /// <param name="language">The language.</param>
    /// <returns>The result.</returns>
    public static TriageResult Result(DateOnly today, string language) =>
        new TriageEngine(new TriageEngineOptions { RuleSet = RuleSet }, TestClock.At(today)).Triage(Report(today, language)).Value!;

    /// <summary>The heading every host gives a result: the urgency's name and timeframe in the registry's words.</summary>
    /// <param name="result">The library's result.</param>
    /// <param name="language">Its language.</param>
    /// <returns>The name and the timeframe.</returns>
    public static (string Name, string Timeframe) Heading(TriageResult result, string language)
    {
        ArgumentNullException.ThrowIfNull(result);
        var registry = TextRegistry.For(language);
        return (registry.UrgencyName(result.Urgency), registry.Timeframe(result.Urgency));
    }

    /// <summary>
    /// What every host shows of a result under its heading, word for word from the library: the disposition, each
    /// finding's title and patient explanation, each care-advice line and each safety-net line.
    /// </summary>
    /// <param name="result">The library's result.</param>
    /// <returns>The texts, each once, in that order.</returns>
    public static IReadOnlyList<string> Expected(TriageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. new[] { result.Disposition }
            .Concat(result.Findings.SelectMany(f => new[] { f.Title, f.PatientExplanation }))
            .Concat(result.CareAdvice)
            .Concat(result.SafetyNet)
            .Distinct(StringComparer.Ordinal)];
    }
}
