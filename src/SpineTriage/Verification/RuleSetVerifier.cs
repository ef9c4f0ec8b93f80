using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.Verification.Internal;

namespace SpineTriage.Verification;

/// <summary>
/// Checks the safety properties every rule set must keep (<see cref="Properties"/>) on the rule set of an engine, shipped
/// or a local edition, over generated reports: each property either holds for every example or fails with the smallest
/// counterexample found. The console's <c>spinetriage ruleset verify</c> and the library's own safety tests run these.
/// </summary>
/// <remarks>
/// Thread-safe and deterministic: the same rule set, options and <see cref="VerificationOptions.Seed"/> give the same
/// outcome on every run. Verification builds its own engines of the rule set (at its thresholds and at the edges of the
/// allowed ones, each with a fixed clock), so the engine passed in is never changed. It takes seconds, not microseconds:
/// run it when a rule set is made or changed, not per report. Reports are generated, never a patient's.
/// </remarks>
public static class RuleSetVerifier
{
    /// <summary>Gets every safety property, in the order <c>ruleset verify</c> prints them.</summary>
    public static IReadOnlyList<SafetyProperty> Properties { get; } = Array.AsReadOnly(PropertyDefinitions.All.Select(d => d.Property).ToArray());

    /// <summary>Checks one property on the rule set of an engine.</summary>
    /// <param name="engine">An engine of the rule set; its options (thresholds, texts) are the first of those checked.</param>
    /// <param name="property">One of <see cref="Properties"/>.</param>
    /// <param name="options">How many examples, from which seed; <see cref="VerificationOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>What the check found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="property"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="property"/> is not one of <see cref="Properties"/>, or <see cref="VerificationOptions.Examples"/> is out of range.</exception>
    public static PropertyCheck Check(TriageEngine engine, SafetyProperty property, VerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(property);
        var definition = PropertyDefinitions.All.FirstOrDefault(d => ReferenceEquals(d.Property, property))
            ?? throw new ArgumentOutOfRangeException(nameof(property), property.Id, "Not one of RuleSetVerifier.Properties.");
        return Run(new VerificationRun(engine.RuleSet.Edition, engine.Options), definition, Checked(options));
    }

    /// <summary>Checks every property of <see cref="Properties"/> on the rule set of an engine.</summary>
    /// <param name="engine">An engine of the rule set.</param>
    /// <param name="options">How many examples, from which seed; <see cref="VerificationOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>One check per property, in the order of <see cref="Properties"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="VerificationOptions.Examples"/> is out of range.</exception>
    public static IReadOnlyList<PropertyCheck> CheckAll(TriageEngine engine, VerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var checkedOptions = Checked(options);
        var run = new VerificationRun(engine.RuleSet.Edition, engine.Options);
        return Array.AsReadOnly(PropertyDefinitions.All.Select(d => Run(run, d, checkedOptions)).ToArray());
    }

    private static VerificationOptions Checked(VerificationOptions? options)
    {
        options ??= VerificationOptions.Default;
        return options.Examples is >= 1 and <= 1_000_000
            ? options
            : throw new ArgumentOutOfRangeException(nameof(options), options.Examples, "Examples must be 1 to 1,000,000.");
    }

    private static PropertyCheck Run(VerificationRun run, PropertyDefinition definition, VerificationOptions options)
    {
        if (definition.Property.ShippedLinesOnly && run.Overlap is null)
        {
            return new PropertyCheck(
                definition.Property,
                PropertyStatus.NotRun,
                0,
                0,
                null,
                RuleSetEdition.All.Contains(run.Edition) ? $"rule set {run.Edition.Selector} is the first line" : "shipped lines only; this is a local edition");
        }

        var exercised = 0;
        for (var i = 0; i < options.Examples; i++)
        {
            var random = new Random(unchecked(options.Seed + (i * 1_000_003)));
            var sample = definition.Generate(run, random);
            var verdict = Evaluate(run, definition, sample);
            if (verdict.Failure is { } failure)
            {
                return Shrunk(run, definition, sample, failure, i + 1, exercised + 1);
            }

            exercised += verdict.Exercised ? 1 : 0;
        }

        return new PropertyCheck(definition.Property, PropertyStatus.Held, options.Examples, exercised, null, null);
    }

    private static Verdict Evaluate(VerificationRun run, PropertyDefinition definition, Sample sample)
    {
        try
        {
            return definition.Check(run, sample);
        }
#pragma warning disable CA1031 // Any exception of the engine on a generated report breaks the property (total): it is the counterexample's failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var message = e.Message.Length <= 300 ? e.Message : e.Message[..300] + "…";
            return Verdict.Fail($"{e.GetType().Name}: {message}");
        }
    }

    /// <summary>Makes a failing example smaller while it keeps failing: the default thresholds, fewer answers, answers no, fewer details.</summary>
    private static PropertyCheck Shrunk(VerificationRun run, PropertyDefinition definition, Sample sample, string failure, int examples, int exercised)
    {
        var budget = 3_000;
        for (var progress = true; progress && budget > 0;)
        {
            progress = false;
            foreach (var candidate in Smaller(sample))
            {
                if (--budget < 0)
                {
                    break;
                }

                if (run.Engines[candidate.Engine].Validate(candidate.Report).IsSuccess && Evaluate(run, definition, candidate).Failure is { } smaller)
                {
                    (sample, failure, progress) = (candidate, smaller, true);
                    break;
                }
            }
        }

        return new PropertyCheck(definition.Property, PropertyStatus.Failed, examples, exercised, $"{run.Describe(sample)}: {failure}", null);
    }

    private static IEnumerable<Sample> Smaller(Sample sample)
    {
        var report = sample.Report;
        if (sample.Engine != 0)
        {
            yield return sample with { Engine = 0 };
        }

        if (report.ReportId is not null)
        {
            yield return sample with { Report = report with { ReportId = null } };
        }

        if (report.Hardware.Count > 0)
        {
            yield return sample with { Report = report with { Hardware = [] } };
        }

        if (report.FusionLevels is not null)
        {
            yield return sample with { Report = report with { FusionLevels = null } };
        }

        if (report.RiskFactors.Count > 0)
        {
            yield return sample with { Report = report with { RiskFactors = [] } };
        }

        if (report.Skipped.Count > 0)
        {
            yield return sample with { Report = report with { Skipped = [] } };
        }

        if (report.Temperature is not null)
        {
            yield return sample with { Report = report with { Temperature = null } };
        }

        if (report.PainScore is not null)
        {
            yield return sample with { Report = report with { PainScore = null } };
        }

        foreach (var (question, answer) in report.Answers)
        {
            yield return sample with { Report = report with { Answers = Reports.AnswerSet.From(report.Answers.Where(a => a.Key != question)) } };
            if (answer != Reports.Answer.No)
            {
                yield return sample with { Report = report with { Answers = report.Answers.With(question, Reports.Answer.No) } };
            }
        }

        if (report.SurgeryRegion is not null)
        {
            yield return sample with { Report = report with { SurgeryRegion = null } };
        }
    }
}
