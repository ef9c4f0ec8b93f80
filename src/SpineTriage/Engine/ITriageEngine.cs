using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.Engine;

/// <summary>
/// What an application asks of a triage engine: validate and triage a report, and say which rule set, options and clock
/// decide. <see cref="TriageEngine"/> is the implementation. Everything in this library that runs an engine takes this
/// interface (<see cref="Interview.TriageInterview"/>, <see cref="Audit.AuditRecord.Create"/>, <see cref="Audit.AuditReplay"/>,
/// <see cref="Testing.TriageCase.Check"/>, the FHIR package's <c>TriageFhir</c>), so an integrator can substitute the
/// engine in the tests of their own code: a test double returns fixed results or errors, and makes its validated reports
/// with <see cref="ValidatedReport.ForTestDouble"/>. It is registered by the
/// <c>SpineTriage.Extensions.DependencyInjection</c> package (<c>services.AddSpineTriage()</c>).
/// </summary>
/// <remarks>
/// <para>
/// Never substitute the engine to make clinical decisions: only <see cref="TriageEngine"/> runs the approved rule sets.
/// A report made by <see cref="ValidatedReport.ForTestDouble"/> is never validated: every <see cref="TriageEngine"/>
/// refuses to evaluate it (<see cref="ArgumentException"/>), so it cannot pass as validated on a production path.
/// </para>
/// <para>
/// The interview reads only this interface: it asks the rule set which questions apply (<see cref="RuleSet"/>) and
/// evaluates the report completed with every open question answered yes and no to decide when to stop, so a test double
/// (or a wrapper around an engine) is interviewed by its own results. Members may be added to this interface in a minor
/// version (docs/versioning.md); implement it only in tests.
/// </para>
/// </remarks>
public interface ITriageEngine
{
    /// <summary>Gets the options the engine was built with.</summary>
    TriageEngineOptions Options { get; }

    /// <summary>Gets the rule set the engine runs: its identity (selector, version, hash), rules and questions.</summary>
    RuleSet RuleSet { get; }

    /// <summary>Gets the clock that tells today's date (its local date): a report without an assessment date is assessed on it.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Gets the identity of the texts of the engine's default language.</summary>
    TextSetIdentity TextSet { get; }

    /// <summary>Validates a report against every input rule of the contract.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The validated report, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    Outcome<ValidatedReport> Validate(SymptomReport report);

    /// <summary>Evaluates every rule against a validated report and explains the result.</summary>
    /// <param name="report">A report from <see cref="Validate(SymptomReport)"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="report"/> was validated by an engine of another rule set.</exception>
    TriageResult Evaluate(ValidatedReport report);

    /// <summary>Validates and evaluates a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The result, or every validation error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    Outcome<TriageResult> Triage(SymptomReport report);

    /// <summary>Reads report JSON strictly, validates and evaluates it; errors of the JSON and of the report are reported together.</summary>
    /// <param name="json">The report JSON.</param>
    /// <returns>The result, or every error of the JSON and of the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    Outcome<TriageResult> TriageJson(string json);

    /// <summary>Reads UTF-8 report JSON strictly, validates and evaluates it; all errors are reported together.</summary>
    /// <param name="utf8Json">The report JSON as UTF-8 (a leading byte-order mark is allowed).</param>
    /// <returns>The result, or every error of the JSON and of the report.</returns>
    Outcome<TriageResult> TriageJson(ReadOnlySpan<byte> utf8Json);
}
