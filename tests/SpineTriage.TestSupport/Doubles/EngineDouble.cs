using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.TestSupport.Doubles;

/// <summary>
/// A test double of <see cref="ITriageEngine"/>, as an integrator would write one: it validates nothing (its reports
/// are made by <see cref="ValidatedReport.ForTestDouble"/>, or it returns the errors it was given) and returns whatever
/// result the test decides. It borrows the rule set, options, texts and clock of a real engine so that the interview and
/// the audit record have something to name.
/// </summary>
/// <param name="like">The real engine whose rule set, options, text set and clock the double reports.</param>
/// <param name="decide">The result of a report.</param>
/// <param name="errors">The errors every validation returns, or <see langword="null"/> to accept every report.</param>
public sealed class EngineDouble(TriageEngine like, Func<SymptomReport, TriageResult> decide, IReadOnlyList<ValidationError>? errors = null) : TriageEngineDouble
{
    /// <summary>Gets how many reports the double evaluated.</summary>
    public int Evaluations { get; private set; }

    /// <inheritdoc/>
    public override TriageEngineOptions Options => like.Options;

    /// <inheritdoc/>
    public override RuleSet RuleSet => like.RuleSet;

    /// <inheritdoc/>
    public override TimeProvider TimeProvider => like.TimeProvider;

    /// <inheritdoc/>
    public override TextSetIdentity TextSet => like.TextSet;

    /// <summary>A result of the double's rule set with an urgency and no findings.</summary>
    /// <param name="like">The engine whose identity the result carries.</param>
    /// <param name="urgency">The urgency.</param>
    /// <param name="report">The report, whose id is echoed.</param>
    /// <returns>The result.</returns>
    public static TriageResult Result(TriageEngine like, Urgency urgency, SymptomReport report) => new()
    {
        ReportId = report.ReportId,
        Urgency = urgency,
        Disposition = "As the test decides.",
        IsComplete = true,
        DaysSinceSurgery = 0,
        Findings = [],
        UnansweredQuestions = [],
        CareAdvice = [],
        SafetyNet = [],
        Warnings = [],
        RuleSet = like.RuleSet.Identity,
        TextSet = like.TextSet,
    };

    /// <inheritdoc/>
    public override Outcome<ValidatedReport> Validate(SymptomReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return errors is { Count: > 0 }
            ? Outcome.Failure<ValidatedReport>(errors)
            : Outcome.Success(ValidatedReport.ForTestDouble(report, report.AssessedOn ?? DateOnly.FromDateTime(TimeProvider.GetLocalNow().DateTime)));
    }

    /// <inheritdoc/>
    public override TriageResult Evaluate(ValidatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Evaluations++;
        return decide(report.Report);
    }
}
