using System.Diagnostics.CodeAnalysis;

namespace SpineTriage.Validation;

/// <summary>The outcome of validating a report: either a <see cref="ValidatedReport"/> or every error found.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ReportValidation
{
    private ReportValidation(ValidatedReport? report, IReadOnlyList<ValidationError> errors)
    {
        Report = report;
        Errors = errors;
    }

    /// <summary>Gets whether the report is valid; then <see cref="Report"/> is set and <see cref="Errors"/> is empty.</summary>
    [MemberNotNullWhen(true, nameof(Report))]
    public bool IsValid => Report is not null;

    /// <summary>Gets the validated report, or <see langword="null"/> when the report is invalid.</summary>
    public ValidatedReport? Report { get; }

    /// <summary>Gets every error found, in the order of the report's fields; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    internal static ReportValidation Valid(ValidatedReport report) => new(report, []);

    internal static ReportValidation Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
