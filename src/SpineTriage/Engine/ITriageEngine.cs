using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.Engine;

/// <summary>
/// What an application asks of a triage engine: validate and triage a report, and say which rule set and options
/// decided. <see cref="TriageEngine"/> is the implementation; the interface exists so that an integrator can substitute
/// the engine in the tests of their own code (for example to return a fixed result or errors). It is registered by the
/// <c>SpineTriage.Extensions.DependencyInjection</c> package (<c>services.AddSpineTriage()</c>).
/// </summary>
/// <remarks>
/// Never substitute the engine to make clinical decisions: only <see cref="TriageEngine"/> runs the approved rule sets.
/// Members may be added to this interface in a minor version (docs/versioning.md); implement it only in tests.
/// </remarks>
public interface ITriageEngine
{
    /// <summary>Gets the options the engine was built with.</summary>
    TriageEngineOptions Options { get; }

    /// <summary>Gets the rule set the engine runs: its identity (selector, version, hash), rules and questions.</summary>
    RuleSet RuleSet { get; }

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
