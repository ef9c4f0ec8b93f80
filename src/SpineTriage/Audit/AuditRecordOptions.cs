namespace SpineTriage.Audit;

/// <summary>What an <see cref="AuditRecord"/> may hold beyond the decision itself.</summary>
/// <remarks>
/// Immutable. By default a record holds no patient data: only a hash of the report, so an auditor can
/// check a report kept elsewhere against it. Opting in is the integrator's decision, under their data
/// protection rules.
/// </remarks>
public sealed record AuditRecordOptions
{
    /// <summary>Gets the default options: no report and no report id in the record.</summary>
    public static AuditRecordOptions Default { get; } = new();

    /// <summary>
    /// Gets whether the record embeds the report (its canonical JSON) and its report id, so the decision
    /// can be replayed later with <see cref="AuditReplay"/>. The report is patient data.
    /// </summary>
    public bool IncludeReport { get; init; }

    /// <summary>
    /// Gets whether the record holds the report id without the report, to link the record to the
    /// integrator's own store. A report id may identify a patient.
    /// </summary>
    public bool IncludeReportId { get; init; }
}
