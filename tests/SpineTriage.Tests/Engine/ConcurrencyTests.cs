using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary>One engine is shared: evaluating many reports from several threads gives the results of evaluating them one by one.</summary>
public class ConcurrencyTests
{
    /// <summary>A deterministic spread of reports (half with every red flag denied), pain scores, temperatures in both units, risk factors.</summary>
    private static SymptomReport[] ManyReports()
    {
        var random = new Random(20261124);
        var answers = new[] { Answer.No, Answer.No, Answer.No, Answer.Yes, Answer.Unknown };
        return Enumerable.Range(0, 600).Select(i =>
        {
            var report = new SymptomReport
            {
                ReportId = $"r{i}",
                SurgeryDate = ReportBuilder.SurgeryDate.AddDays(random.Next(0, 80)),
                AssessedOn = i % 3 == 0 ? null : ReportBuilder.Today,
                PainScore = random.Next(-1, 11) is var pain and >= 0 ? pain : null,
                Temperature = (i % 4) switch
                {
                    0 => Temperature.Celsius(36.0m + (random.Next(0, 40) / 10m)),
                    1 => Temperature.Fahrenheit(97.0m + (random.Next(0, 60) / 10m)),
                    _ => null,
                },
                RiskFactors = Enum.GetValues<RiskFactor>().Where(_ => random.Next(4) == 0).ToArray(),
                Answers = AnswerSet.From(QuestionCatalogue.All
                    .Where(q => q.IsRedFlag || random.Next(3) > 0)
                    .Select(q => KeyValuePair.Create(q.Id, q.IsRedFlag && i % 2 == 0 ? Answer.No : answers[random.Next(answers.Length)]))),
            };
            return report;
        }).ToArray();
    }

    [Fact]
    public void Concurrent_evaluation_gives_the_sequential_results()
    {
        var engine = ReportBuilder.EngineV1();
        var reports = ManyReports();
        var sequential = reports.Select(r => engine.Evaluate(r)).ToArray();

        var concurrent = new TriageResult[8][];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            // Each worker walks the reports from a different starting point so that threads overlap on different reports.
            var results = new TriageResult[reports.Length];
            for (var k = 0; k < reports.Length; k++)
            {
                var i = (k + (worker * 75)) % reports.Length;
                results[i] = engine.Evaluate(reports[i]);
            }

            concurrent[worker] = results;
        });

        concurrent.Should().AllSatisfy(results => results.Should().Equal(sequential));
    }

    [Fact]
    public void Concurrent_triage_of_JSON_gives_the_sequential_results()
    {
        var engine = ReportBuilder.EngineV1();
        var json = ManyReports().Take(200).Select(r => TriageJson.SerializeReport(r)).ToArray();
        var sequential = json.Select(j => engine.TriageJson(j).Value).ToArray();

        var concurrent = new TriageResult?[json.Length];
        Parallel.For(0, json.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = engine.TriageJson(json[i]).Value);

        concurrent.Should().Equal(sequential);
        sequential.Should().NotContainNulls();
    }

    [Fact]
    public void The_generated_reports_cover_every_urgency()
    {
        var engine = ReportBuilder.EngineV1();

        ManyReports().Select(r => engine.Evaluate(r).Urgency).Distinct().Should().BeEquivalentTo(Enum.GetValues<Urgency>());
    }
}
