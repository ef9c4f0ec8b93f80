using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.TestSupport;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// Walking an interview as a patient would, shared by the interview properties of rule sets 1.0 and 2.0: every
/// question the walk is asked must apply (under rule set 1.0 every question always applies).
/// </summary>
internal static class InterviewWalk
{

    internal static IEnumerable<Measurement> Skip(Measurement measurement, bool skip) => skip ? [measurement] : [];


    internal static string Print((TriageInterview Interview, SymptomReport Partial) sample) =>
        $"fever threshold {sample.Interview.Engine.Options.FeverThresholdCelsius} °C, severe pain {sample.Interview.Engine.Options.SeverePainScore}: {ReportGen.Print(sample.Partial)}";


    internal static bool Applies(ITriageEngine engine, SymptomReport report, QuestionId question) =>
        engine.RuleSet.Applicability(question, report.SurgeryRegion, AssessedOn(engine, report).DayNumber - report.SurgeryDate.DayNumber).Applies;

    // A report without an assessment date is assessed on the engine's today (the local date of its clock).
    private static DateOnly AssessedOn(ITriageEngine engine, SymptomReport report) =>
        report.AssessedOn ?? DateOnly.FromDateTime(engine.TimeProvider.GetLocalNow().DateTime);


    /// <summary>Asks and answers as the patient would, up to <paramref name="maxSteps"/> items or until settled; checks that every question asked applies.</summary>
    internal static (InterviewStep Step, List<int> Asked, SymptomReport Partial) Follow(TriageInterview interview, SymptomReport partial, Patient patient, int maxSteps = int.MaxValue)
    {
        var asked = new List<int>();
        for (var i = 0; ; i++)
        {
            var step = interview.Next(partial).GetValueOrThrow();
            if (step.IsSettled || i == maxSteps)
            {
                return (step, asked, partial);
            }

            var item = step.Ask;
            interview.IsAsked(item, partial).Should().BeFalse("an item is asked once");
            if (item.QuestionId is { } question)
            {
                Applies(interview.Engine, partial, question).Should().BeTrue("the interview asked {0}, which does not apply", question);
            }

            asked.Add(item.Order);
            asked.Count.Should().BeLessThanOrEqualTo(interview.Items.Count, "the interview ends");
            partial = item.Kind switch
            {
                InterviewItemKind.Temperature => patient.Temperature is { } t ? partial with { Temperature = t } : partial with { Skipped = [.. partial.Skipped, Measurement.Temperature] },
                InterviewItemKind.PainScore => patient.PainScore is { } p ? partial with { PainScore = p } : partial with { Skipped = [.. partial.Skipped, Measurement.PainScore] },
                _ => partial with { Answers = partial.Answers.With(item.QuestionId!.Value, patient.Answers[Array.IndexOf([.. QuestionId.WellKnown], item.QuestionId!.Value)]) },
            };
        }
    }


    /// <summary>What a patient would reply to every item.</summary>
    internal sealed record Patient(Answer[] Answers, Temperature? Temperature, int? PainScore)
    {
        public override string ToString() =>
            $"answers [{string.Join(",", Answers.Select(a => a.ToString()[0]))}], temperature {Temperature?.ToString() ?? "none"}, pain {PainScore?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
    }
}
