using SpineTriage.Audit;

namespace SpineTriage.ConsoleHost;

/// <summary>The exit codes of the console table in contract.md, and one for a bug in this host.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; for <c>check</c>, every case passed.</summary>
    public const int Success = 0;

    /// <summary><c>check</c>: at least one case did not give its expected result.</summary>
    public const int CaseFailed = 1;

    /// <summary>Invalid input, a malformed case file, a missing path or a usage error.</summary>
    public const int InvalidInput = 2;

    /// <summary>An unexpected exception: a bug in this host (EX_SOFTWARE of sysexits.h).</summary>
    public const int InternalError = 70;

    /// <summary>
    /// The exit code of <c>replay</c>: <see cref="InvalidInput"/> when a line is not an audit record,
    /// <see cref="CaseFailed"/> when a decision differs or a stored report is invalid, else <see cref="Success"/>.
    /// </summary>
    /// <param name="report">The replay.</param>
    /// <returns>The exit code.</returns>
    public static int ForReplay(AuditReplayReport report) =>
        report.Malformed > 0 ? InvalidInput : report.Different + report.ReportInvalid > 0 ? CaseFailed : Success;
}
