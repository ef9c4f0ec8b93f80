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

    /// <summary>
    /// Gets whether the record holds a digest of the report (<see cref="AuditRecord.ReportHash"/>); on by default. An
    /// unkeyed digest of a small report can be reversed by enumerating reports: turn it off, or set
    /// <see cref="ReportHashKey"/>, when the record must hold no patient data.
    /// </summary>
    public bool IncludeReportHash { get; init; } = true;

    /// <summary>
    /// Gets the key of a keyed report digest (HMAC-SHA256, <c>hmac-sha256:</c>), or <see langword="null"/> for SHA-256.
    /// Only the key holder can compute or check a keyed digest. Ignored when <see cref="IncludeReportHash"/> is off.
    /// </summary>
    public AuditKey? ReportHashKey { get; init; }
}
