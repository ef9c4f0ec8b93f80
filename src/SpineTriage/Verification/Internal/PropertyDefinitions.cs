using System.Globalization;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Verification.Internal;

/// <summary>A safety property as it is checked: how an example is generated and what must hold for it.</summary>
internal sealed record PropertyDefinition(SafetyProperty Property, Func<VerificationRun, Sample, Verdict> Check)
{
    /// <summary>Generates one example: an engine, a report and a seed for the property's other made-up values.</summary>
    public Func<VerificationRun, Random, Sample> Generate { get; init; } =
        (run, random) => new Sample(random.Next(run.Engines.Length), run.Generator.Report(random), random.Next());
}

/// <summary>
/// The safety properties of every rule set, written once (clinical-criteria.md section 7, clinical-criteria-2.0.md
/// section 8, clinical-criteria-3.0.md section 8, issue 26): the console's <c>ruleset verify</c> and the test suite
/// (tests/SpineTriage.Safety.Tests) both run these.
/// </summary>
internal static class PropertyDefinitions
{
    private static readonly Func<Answer, Answer?> InapplicableNo = a => a == Answer.Yes ? Answer.No : a;

    public static IReadOnlyList<PropertyDefinition> All { get; } =
    [
        new(
            new("yes-never-lowers-the-urgency", "Monotonic in answers: changing an answer to a question that applies from no, unknown or not given to yes never lowers the urgency."),
            (run, s) => YesNeverLowers(run, s, applies: true)),
        new(
            new("monotonic-in-temperature-and-pain", "Monotonic in temperature and pain: a higher temperature (in either unit) or a higher pain score never lowers the urgency."),
            MonotonicInTemperatureAndPain),
        new(
            new("emergency-finding-gives-emergency", "Red flags dominate: any emergency finding makes the result an emergency, whatever else is set."),
            EmergencyFindingGivesEmergency),
        new(
            new("unknown-red-flag-at-least-urgent", "Fail safe: a report with a red flag that applies answered unknown or not at all is never below urgent and never complete, and lists exactly those questions as unanswered."),
            UnknownRedFlagAtLeastUrgent),
        new(
            new("total-and-deterministic", "Total and deterministic: every valid report gets a result, the same every time, through its JSON and from an engine built again."),
            TotalAndDeterministic),
        new(
            new("explained-at-its-urgency", "Explained: every result has findings, the highest at the result's urgency, and above self care one at its urgency with evidence and an explanation."),
            ExplainedAtItsUrgency),
        new(
            new("yes-never-ignored", "A yes is never ignored: answering yes to a question that does not apply never lowers the urgency either."),
            (run, s) => YesNeverLowers(run, s, applies: false)),
        new(
            new("red-flag-yes-at-least-urgent", "A red flag answered yes, where it counts as one, gives at least urgent whatever else is set."),
            RedFlagYesAtLeastUrgent),
        new(
            new("applicability-only-removes-uncertainty", "Applicability only removes uncertainty: questions that do not apply left unknown or not asked give the same urgency, findings and completeness as answered no."),
            ApplicabilityOnlyRemovesUncertainty),
        new(
            new("fahrenheit-same-as-celsius", "A temperature in °F triages as the same temperature in °C."),
            FahrenheitSameAsCelsius),
        new(
            new("risk-factors-never-change-the-urgency", "Risk factors never change the urgency or the findings."),
            RiskFactorsNeverChange),
        new(
            new("findings-cite-only-their-report", "Every finding cites only facts of its own report."),
            FindingsCiteOnlyTheirReport),
        new(
            new("settled-never-changes", "A settled triage never changes urgency however the questions still open are answered (questions that do not apply no, unknown or not at all; questions the interview never asks excepted)."),
            SettledNeverChanges),
        new(
            new("interview-asks-applicable-and-stops-settled", "The interview asks only questions that apply, each once, stops only when settled, ends at the urgency of asking everything, and never settles while a red flag not asked could raise the urgency."),
            InterviewAsksApplicableAndStopsSettled),
        VersionOverlap.Definition,
    ];

    private static Verdict YesNeverLowers(VerificationRun run, Sample s, bool applies)
    {
        var engine = run.Engines[s.Engine];
        var before = VerificationRun.Evaluate(engine, s.Report).Urgency;
        var tried = false;
        foreach (var question in run.Questions)
        {
            if (s.Report.Answers[question.Id] == Answer.Yes || VerificationRun.Applies(engine, s.Report, question.Id) != applies)
            {
                continue;
            }

            tried = true;
            var after = VerificationRun.Evaluate(engine, s.Report with { Answers = s.Report.Answers.With(question.Id, Answer.Yes) }).Urgency;
            if (after.Code() < before.Code())
            {
                return Verdict.Fail($"{question.JsonId} {VerificationRun.Given(s.Report, question)} gives {before.JsonName()}, yes gives {after.JsonName()}");
            }
        }

        return tried ? Verdict.Pass : Verdict.Vacuous;
    }

    private static Verdict MonotonicInTemperatureAndPain(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var random = new Random(s.Seed);
        var (first, second) = (run.Generator.Temperature(random), run.Generator.Temperature(random));
        var (lower, higher) = first.ToCelsius() <= second.ToCelsius() ? (first, second) : (second, first);
        var atLower = VerificationRun.Evaluate(engine, WithTemperature(s.Report, lower)).Urgency;
        var atHigher = VerificationRun.Evaluate(engine, WithTemperature(s.Report, higher)).Urgency;
        if (atHigher.Code() < atLower.Code())
        {
            return Verdict.Fail($"temperature {lower} gives {atLower.JsonName()}, {higher} gives {atHigher.JsonName()}");
        }

        var (a, b) = (random.Next(0, 11), random.Next(0, 11));
        var atLowerPain = VerificationRun.Evaluate(engine, WithPainScore(s.Report, Math.Min(a, b))).Urgency;
        var atHigherPain = VerificationRun.Evaluate(engine, WithPainScore(s.Report, Math.Max(a, b))).Urgency;
        return atHigherPain.Code() < atLowerPain.Code()
            ? Verdict.Fail(string.Create(CultureInfo.InvariantCulture, $"pain {Math.Min(a, b)} gives {atLowerPain.JsonName()}, pain {Math.Max(a, b)} gives {atHigherPain.JsonName()}"))
            : Verdict.Pass;
    }

    private static Verdict EmergencyFindingGivesEmergency(VerificationRun run, Sample s)
    {
        var result = VerificationRun.Evaluate(run.Engines[s.Engine], s.Report);
        if (!result.Findings.Any(f => f.Urgency == Urgency.Emergency))
        {
            return Verdict.Vacuous;
        }

        return result.Urgency == Urgency.Emergency ? Verdict.Pass : Verdict.Fail($"an emergency finding, result {result.Urgency.JsonName()}");
    }

    private static Verdict UnknownRedFlagAtLeastUrgent(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var unresolved = run.Unresolved(engine, s.Report).ToArray();
        var result = VerificationRun.Evaluate(engine, s.Report);
        var names = string.Join(", ", unresolved.Select(q => q.JsonId));
        if (unresolved.Length > 0 && result.Urgency.Code() < Urgency.Urgent.Code())
        {
            return Verdict.Fail($"{names} unknown, result {result.Urgency.JsonName()}");
        }

        if (!result.UnansweredQuestions.Order().SequenceEqual(unresolved.Select(q => q.Id).Order()))
        {
            return Verdict.Fail($"unanswered questions listed: [{string.Join(", ", result.UnansweredQuestions.Select(q => run.Questions.First(x => x.Id == q).JsonId))}], unresolved red flags: [{names}]");
        }

        if (result.IsComplete != (unresolved.Length == 0))
        {
            return Verdict.Fail($"complete is {(result.IsComplete ? "true" : "false")} with unresolved red flags [{names}]");
        }

        return unresolved.Length > 0 ? Verdict.Pass : Verdict.Vacuous;
    }

    private static Verdict TotalAndDeterministic(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var first = engine.Triage(s.Report);
        if (!first.IsSuccess)
        {
            return Verdict.Fail($"the valid report was refused ({string.Join(", ", first.Errors.Select(e => $"{e.Path} {e.Code}"))})");
        }

        var again = engine.Triage(s.Report);
        var fromJson = engine.TriageJson(TriageJson.SerializeReport(s.Report));
        var fromNewEngine = run.Fresh[s.Engine].Triage(s.Report);
        if (!Equals(again.Value, first.Value))
        {
            return Verdict.Fail("a second triage gave another result");
        }

        if (!Equals(fromJson.Value, first.Value))
        {
            return Verdict.Fail("the report's JSON gave another result");
        }

        if (!Equals(fromNewEngine.Value, first.Value))
        {
            return Verdict.Fail("an engine built again gave another result");
        }

        return TriageJson.SerializeResult(again.Value!) == TriageJson.SerializeResult(first.Value!) ? Verdict.Pass : Verdict.Fail("equal results serialize differently");
    }

    private static Verdict ExplainedAtItsUrgency(VerificationRun run, Sample s)
    {
        var result = VerificationRun.Evaluate(run.Engines[s.Engine], s.Report);
        if (result.Findings.Count == 0)
        {
            return Verdict.Fail($"no finding at {result.Urgency.JsonName()}");
        }

        if (result.Findings.Max(f => f.Urgency.Code()) != result.Urgency.Code())
        {
            return Verdict.Fail($"result {result.Urgency.JsonName()}, highest finding {result.Findings.MaxBy(f => f.Urgency.Code())!.Urgency.JsonName()}");
        }

        if (result.Urgency.Code() > Urgency.SelfCare.Code()
            && !result.Findings.Any(f => f.Urgency == result.Urgency && f.Evidence.Count > 0 && f.PatientExplanation.Length > 0))
        {
            return Verdict.Fail($"no finding at {result.Urgency.JsonName()} with evidence and an explanation");
        }

        return Verdict.Pass;
    }

    private static Verdict RedFlagYesAtLeastUrgent(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var tried = false;
        foreach (var question in run.Questions)
        {
            if (VerificationRun.Applicability(engine, s.Report, question.Id) is not { Applies: true, IsRedFlag: true })
            {
                continue;
            }

            tried = true;
            var urgency = VerificationRun.Evaluate(engine, s.Report with { Answers = s.Report.Answers.With(question.Id, Answer.Yes) }).Urgency;
            if (urgency.Code() < Urgency.Urgent.Code())
            {
                return Verdict.Fail($"red flag {question.JsonId} yes gives {urgency.JsonName()}");
            }
        }

        return tried ? Verdict.Pass : Verdict.Vacuous;
    }

    private static Verdict ApplicabilityOnlyRemovesUncertainty(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var notApplicable = run.Questions.Where(q => !VerificationRun.Applies(engine, s.Report, q.Id) && s.Report.Answers[q.Id] != Answer.Yes).ToArray();
        if (notApplicable.Length == 0)
        {
            return Verdict.Vacuous;
        }

        var answeredNo = s.Report with { Answers = notApplicable.Aggregate(s.Report.Answers, (a, q) => a.With(q.Id, Answer.No)) };
        var unknown = s.Report with { Answers = notApplicable.Aggregate(s.Report.Answers, (a, q) => a.With(q.Id, Answer.Unknown)) };
        var notAsked = s.Report with { Answers = AnswerSet.From(s.Report.Answers.Where(a => !notApplicable.Any(q => q.Id == a.Key))) };
        var expected = VerificationRun.Evaluate(engine, answeredNo);
        foreach (var (variant, how) in new[] { (unknown, "unknown"), (notAsked, "not asked") })
        {
            var actual = VerificationRun.Evaluate(engine, variant);
            if (actual.Urgency != expected.Urgency
                || !actual.Findings.SequenceEqual(expected.Findings)
                || actual.IsComplete != expected.IsComplete
                || !actual.UnansweredQuestions.SequenceEqual(expected.UnansweredQuestions))
            {
                return Verdict.Fail($"the questions that do not apply ({string.Join(", ", notApplicable.Select(q => q.JsonId))}) {how} give {Summary(actual)}, answered no {Summary(expected)}");
            }
        }

        return Verdict.Pass;
    }

    private static Verdict FahrenheitSameAsCelsius(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var tenths = new Random(s.Seed).Next(860, 1131);
        var fahrenheit = Temperature.Fahrenheit(tenths / 10m);
        var celsius = Temperature.Celsius(Math.Round(fahrenheit.ToCelsius(), 2));
        var threshold = engine.RuleSet.FeverThresholdCelsius;
        if (fahrenheit.ToCelsius() >= threshold != celsius.Value >= threshold)
        {
            // A report may give at most 2 decimal places: this °F has no equal in °C on the same side of the threshold.
            return Verdict.Vacuous;
        }

        var inFahrenheit = VerificationRun.Evaluate(engine, WithTemperature(s.Report, fahrenheit));
        var inCelsius = VerificationRun.Evaluate(engine, WithTemperature(s.Report, celsius));
        return inFahrenheit.Urgency == inCelsius.Urgency && inFahrenheit.Findings.Select(f => f.RuleId).SequenceEqual(inCelsius.Findings.Select(f => f.RuleId))
            ? Verdict.Pass
            : Verdict.Fail($"{fahrenheit} gives {Summary(inFahrenheit)}, {celsius} gives {Summary(inCelsius)}");
    }

    private static Verdict RiskFactorsNeverChange(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var riskFactors = ReportGenerator.RiskFactors(new Random(s.Seed));
        var without = VerificationRun.Evaluate(engine, s.Report with { RiskFactors = [] });
        var with = VerificationRun.Evaluate(engine, s.Report with { RiskFactors = riskFactors });
        return with.Urgency == without.Urgency && with.Findings.SequenceEqual(without.Findings)
            ? Verdict.Pass
            : Verdict.Fail($"with risk factors [{string.Join(", ", riskFactors.Select(JsonNames.Of))}] {Summary(with)}, without {Summary(without)}");
    }

    private static Verdict FindingsCiteOnlyTheirReport(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var report = s.Report;
        var facts = run.Questions.Where(q => report.Answers.IsGiven(q.Id)).Select(q => $"{q.JsonId}: {JsonNames.Of(report.Answers[q.Id])}")
            .Concat(run.Unresolved(engine, report).Select(q => $"{q.JsonId}: {(report.Answers.IsGiven(q.Id) ? "unknown" : "not asked")}"))
            .Concat(report.RiskFactors.Select(r => $"riskFactors: {JsonNames.Of(r)}"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"daysSinceSurgery: {VerificationRun.DaysSinceSurgery(report)}"))
            .Append($"surgeryRegion: {(report.SurgeryRegion is { } region ? JsonNames.Of(region) : "not given")}")
            .ToHashSet(StringComparer.Ordinal);
        if (report.PainScore is { } pain)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"painScore: {pain}"));
        }

        if (report.Temperature is { } temperature && temperature.ToCelsius() >= engine.RuleSet.FeverThresholdCelsius)
        {
            facts.Add($"temperature: {temperature}");
        }

        var result = VerificationRun.Evaluate(engine, report);
        foreach (var finding in result.Findings)
        {
            if (finding.Evidence.FirstOrDefault(line => !facts.Contains(line)) is { } foreign)
            {
                return Verdict.Fail($"{finding.RuleId} cites '{foreign}', not a fact of the report");
            }
        }

        return Verdict.Pass;
    }

    private static Verdict SettledNeverChanges(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var random = new Random(s.Seed);
        var patients = Enumerable.Range(0, 4).Select(_ => run.Generator.Patient(random)).ToArray();
        var steps = random.Next(0, 31);
        var exercised = false;

        // A settled result: its open questions that apply answered in any way, those that do not apply no or unknown.
        var result = VerificationRun.Evaluate(engine, s.Report);
        if (result.IsSettled)
        {
            exercised = true;
            foreach (var patient in patients.Take(3))
            {
                var completed = s.Report with { Answers = run.Fill(engine, s.Report, patient, InapplicableNo) };
                var urgency = VerificationRun.Evaluate(engine, completed).Urgency;
                if (urgency != result.Urgency)
                {
                    return Verdict.Fail($"settled at {result.Urgency.JsonName()}; the open questions answered as {patient.Describe(run.Questions)} give {urgency.JsonName()}");
                }
            }
        }

        // A settled interview, after some steps: the rest answered in any way (a yes volunteered to a question that does
        // not apply is heard in full and is no part of the promise: clinical-notes.md, rule set 2.0, reading 13).
        var interview = run.Interviews[s.Engine];
        var partial = VerificationRun.Follow(interview, s.Report, patients[0], steps).Partial;
        var step = interview.Next(partial).GetValueOrThrow();
        if (!step.IsSettled)
        {
            return exercised ? Verdict.Pass : Verdict.Vacuous;
        }

        foreach (var patient in patients)
        {
            foreach (var (inapplicable, how) in new (Func<Answer, Answer?>, string)[] { (InapplicableNo, "no"), (_ => null, "absent"), (_ => Answer.Unknown, "unknown") })
            {
                var completed = run.Complete(engine, partial, patient, inapplicable);
                var urgency = VerificationRun.Evaluate(engine, completed).Urgency;
                if (urgency != step.Result.Urgency)
                {
                    return Verdict.Fail($"the interview settled at {step.Result.Urgency.JsonName()} after {steps} steps; the rest answered as {patient.Describe(run.Questions)} (questions that do not apply {how}) gives {urgency.JsonName()}: {TriageJson.SerializeReport(completed)}");
                }
            }
        }

        return Verdict.Pass;
    }

    private static Verdict InterviewAsksApplicableAndStopsSettled(VerificationRun run, Sample s)
    {
        var engine = run.Engines[s.Engine];
        var interview = run.Interviews[s.Engine];
        var random = new Random(s.Seed);
        var patient = run.Generator.Patient(random);
        var (step, asked, _, failure) = VerificationRun.Follow(interview, s.Report, patient);
        if (failure is not null)
        {
            return Verdict.Fail($"{failure}; {patient.Describe(run.Questions)}");
        }

        var everything = run.Complete(engine, s.Report, patient, inapplicable: null);
        var expected = VerificationRun.Evaluate(engine, everything).Urgency;
        if (!step.IsSettled || step.Result.Urgency != expected)
        {
            return Verdict.Fail($"the interview ended at {step.Result.Urgency.JsonName()} (settled {(step.IsSettled ? "yes" : "no")}) after asking {string.Join(", ", asked)}; asking everything gives {expected.JsonName()}; {patient.Describe(run.Questions)}");
        }

        // Stopped early: no red flag that applies and was not asked could raise the urgency.
        var partial = VerificationRun.Follow(interview, s.Report, patient, random.Next(0, 31)).Partial;
        var early = interview.Next(partial).GetValueOrThrow();
        if (early.IsSettled)
        {
            foreach (var question in run.Questions.Where(q => !partial.Answers.IsGiven(q.Id) && VerificationRun.Applicability(engine, partial, q.Id) is { Applies: true, IsRedFlag: true }))
            {
                var raised = VerificationRun.Evaluate(engine, partial with { Answers = partial.Answers.With(question.Id, Answer.Yes) }).Urgency;
                if (raised != early.Result.Urgency)
                {
                    return Verdict.Fail($"settled at {early.Result.Urgency.JsonName()} with red flag {question.JsonId} not asked, whose yes gives {raised.JsonName()}: {TriageJson.SerializeReport(partial)}");
                }
            }

            var notAsked = early.Result.NotAskedQuestions;
            if (notAsked.Any(partial.Answers.IsGiven) || notAsked.Except(early.Result.UnansweredQuestions).Any() || notAsked.Any(q => !VerificationRun.Applies(engine, partial, q)))
            {
                return Verdict.Fail($"the questions listed as not asked are given, not unanswered or do not apply: {TriageJson.SerializeReport(partial)}");
            }
        }

        return Verdict.Pass;
    }

    private static SymptomReport WithTemperature(SymptomReport report, Temperature temperature) =>
        report with { Temperature = temperature, Skipped = [.. report.Skipped.Where(m => m != Measurement.Temperature)] };

    private static SymptomReport WithPainScore(SymptomReport report, int painScore) =>
        report with { PainScore = painScore, Skipped = [.. report.Skipped.Where(m => m != Measurement.PainScore)] };

    /// <summary>A result in a few words, never a text: the urgency, completeness and fired rules.</summary>
    internal static string Summary(TriageResult result) =>
        $"{result.Urgency.JsonName()}{(result.IsComplete ? "" : " (incomplete)")} [{string.Join(", ", result.Findings.Select(f => f.RuleId))}]";
}
