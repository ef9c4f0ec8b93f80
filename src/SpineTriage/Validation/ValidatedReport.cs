using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Validation;

/// <summary>
/// A report that passed validation. <see cref="TriageEngine.Validate(SymptomReport)"/> creates one, so a triage
/// result of a <see cref="TriageEngine"/> can never come from an invalid report.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe.</para>
/// <para>
/// The rule: a test double of <see cref="ITriageEngine"/> makes its reports with <see cref="ForTestDouble"/>; such a
/// report is marked (<see cref="IsTestDouble"/>) and every <see cref="TriageEngine"/> refuses to evaluate it, as it
/// refuses a report validated for another rule set. So no report reaches a real engine's rules without that engine's
/// validation, whatever code made it.
/// </para>
/// </remarks>
public sealed class ValidatedReport
{
    internal ValidatedReport(SymptomReport report, DateOnly assessedOn, RuleSetEdition? edition)
    {
        Edition = edition;
        Report = report;
        AssessedOn = assessedOn;
        RiskFactorMask = report.RiskFactors.Aggregate(0, (mask, factor) => mask | (1 << ((int)factor - 1)));
    }

    /// <summary>
    /// Makes a report for a test double of <see cref="ITriageEngine"/> to return from its
    /// <see cref="ITriageEngine.Validate(SymptomReport)"/>, without validating it. Every <see cref="TriageEngine"/> refuses
    /// to evaluate the report this returns (<see cref="ArgumentException"/>): use it only in tests.
    /// </summary>
    /// <param name="report">The report, as the test double received it.</param>
    /// <param name="assessedOn">The assessment date the test double assumes (the report's, or its "today").</param>
    /// <returns>A report marked <see cref="IsTestDouble"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static ValidatedReport ForTestDouble(SymptomReport report, DateOnly assessedOn)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ValidatedReport(report, assessedOn, null);
    }

    /// <summary>
    /// Gets whether the report was made by <see cref="ForTestDouble"/> rather than validated by an engine: a
    /// <see cref="TriageEngine"/> never evaluates such a report.
    /// </summary>
    public bool IsTestDouble => Edition is null;

    /// <summary>Gets the report as it was given.</summary>
    public SymptomReport Report { get; }

    /// <summary>Gets the assessment date: the report's, or the engine's today when the report had none.</summary>
    public DateOnly AssessedOn { get; }

    /// <summary>Gets the number of days from the surgery date to <see cref="AssessedOn"/>.</summary>
    public int DaysSinceSurgery => AssessedOn.DayNumber - Report.SurgeryDate.DayNumber;

    /// <summary>Gets the rule set the report was validated for (only an engine of that rule set evaluates it); <see langword="null"/> for a test double's report.</summary>
    internal RuleSetEdition? Edition { get; }

    /// <summary>Says what the object is, never the report's values (patient data).</summary>
    /// <returns><c>ValidatedReport: values not shown (patient data)</c>.</returns>
    public override string ToString() => "ValidatedReport: values not shown (patient data)";

    internal int RiskFactorMask { get; }
}
