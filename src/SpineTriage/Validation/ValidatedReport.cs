using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Validation;

/// <summary>
/// A report that passed validation. Only <see cref="TriageEngine.Validate(SymptomReport)"/> creates one, so
/// a triage result can never come from an invalid report.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ValidatedReport
{
    internal ValidatedReport(SymptomReport report, DateOnly assessedOn, RuleSetEdition edition)
    {
        Edition = edition;
        Report = report;
        AssessedOn = assessedOn;
        RiskFactorMask = report.RiskFactors.Aggregate(0, (mask, factor) => mask | (1 << ((int)factor - 1)));
    }

    /// <summary>Gets the report as it was given.</summary>
    public SymptomReport Report { get; }

    /// <summary>Gets the assessment date: the report's, or the engine's today when the report had none.</summary>
    public DateOnly AssessedOn { get; }

    /// <summary>Gets the number of days from the surgery date to <see cref="AssessedOn"/>.</summary>
    public int DaysSinceSurgery => AssessedOn.DayNumber - Report.SurgeryDate.DayNumber;

    /// <summary>Gets the rule set the report was validated for: only an engine of that rule set evaluates it.</summary>
    internal RuleSetEdition Edition { get; }

    /// <summary>Says what the object is, never the report's values (patient data).</summary>
    /// <returns><c>ValidatedReport: values not shown (patient data)</c>.</returns>
    public override string ToString() => "ValidatedReport: values not shown (patient data)";

    internal int RiskFactorMask { get; }
}
