namespace SpineTriage.ConsoleHost;

/// <summary>The exit codes of the console table in contract.md, and one for a bug in this host.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; for <c>check</c>, every case passed.</summary>
    public const int Success = 0;

    /// <summary><c>check</c>: at least one case did not give its expected result.</summary>
    public const int CaseFailed = 1;

    /// <summary><c>replay</c>: a recorded decision differs today, or a recorded report is invalid.</summary>
    public const int DecisionDiffers = 1;

    /// <summary>
    /// Invalid input, a malformed case file or audit line, a missing path, an interview that ended without a
    /// result, or a usage error.
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>An unexpected exception: a bug in this host (EX_SOFTWARE of sysexits.h).</summary>
    public const int InternalError = 70;
}
