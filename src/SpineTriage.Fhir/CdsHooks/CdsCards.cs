using System.Globalization;
using System.Text;
using SpineTriage.Fhir.Internal;
using SpineTriage.Results;

namespace SpineTriage.Fhir.CdsHooks;

/// <summary>Builds the CDS Hooks 2.0 card of a triage result. Immutable and thread-safe.</summary>
public sealed class CdsCards
{
    /// <summary>The most characters a summary has: CDS Hooks 2.0 asks for fewer than 140.</summary>
    public const int MaxSummaryLength = 139;

    private readonly FhirCanonicals _canonicals;

    /// <summary>Creates the card builder for the canonicals of <paramref name="fhir"/> (the urgency CodeSystem of the topic).</summary>
    /// <param name="fhir">The FHIR mapping.</param>
    public CdsCards(TriageFhir fhir)
    {
        ArgumentNullException.ThrowIfNull(fhir);
        _canonicals = fhir.Canonicals;
        OverrideReasons =
        [
            new CdsCoding("already-assessed", _canonicals.Base + "/CodeSystem/override-reason", "Patient already assessed by a clinician"),
            new CdsCoding("clinical-judgement", _canonicals.Base + "/CodeSystem/override-reason", "Clinical judgement differs"),
            new CdsCoding("wrong-answers", _canonicals.Base + "/CodeSystem/override-reason", "Answers were recorded wrongly"),
        ];
    }

    /// <summary>The override reasons every card offers.</summary>
    public IReadOnlyList<CdsCoding> OverrideReasons { get; }

    /// <summary>The card of a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="uuid">The card's id; a new one when null.</param>
    /// <returns>The card.</returns>
    public CdsCard Create(TriageResult result, Guid? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CdsCard(
            uuid ?? Guid.NewGuid(),
            Summary(result.Urgency, result.Findings[0].Title, result.Findings.Count - 1),
            result.Urgency.CdsHooksIndicator(),
            Detail(result),
            new CdsSource(
                "SpineTriage rule set " + result.RuleSet.Version,
                new CdsCoding(Codes.Of(result.Urgency), _canonicals.Urgency, Codes.Display(result.Urgency))),
            OverrideReasons);
    }

    /// <summary>The summary of a card: the urgency, its timeframe, the highest finding's title and how many more there are.</summary>
    internal static string Summary(Urgency urgency, string title, int more)
    {
        var summary = string.Create(CultureInfo.InvariantCulture, $"{Codes.Display(urgency)} ({urgency.Timeframe()}): {title}{(more > 0 ? $" (+{more} more)" : "")}");
        return summary.Length <= MaxSummaryLength
            ? summary
            : string.Create(CultureInfo.InvariantCulture, $"{Codes.Display(urgency)} ({urgency.Timeframe()}): {more + 1} findings, see the detail");
    }

    private static string Detail(TriageResult result)
    {
        var text = new StringBuilder()
            .Append("**").Append(Escape(result.Disposition)).Append("**\n\n");
        foreach (var finding in result.Findings)
        {
            text.Append("### ").Append(Escape(finding.Title)).Append(" (").Append(Codes.Display(finding.Urgency).ToLowerInvariant()).Append(")\n\n")
                .Append(Escape(finding.PatientExplanation)).Append("\n\n")
                .Append("- Rule: `").Append(finding.RuleId).Append("`\n")
                .Append("- Rationale: ").Append(Escape(finding.ClinicianRationale)).Append('\n')
                .Append("- Evidence: ").Append(finding.Evidence.Count == 0 ? "none" : string.Join("; ", finding.Evidence.Select(Escape))).Append('\n')
                .Append("- Source: ").Append(Escape(finding.Source)).Append("\n\n");
        }

        if (result.UnansweredQuestions.Count > 0)
        {
            text.Append("Red flags not answered: ").Append(string.Join(", ", result.UnansweredQuestions.Select(q => "`" + Codes.Of(q) + "`"))).Append("\n\n");
        }

        AppendList(text, "Care advice", result.CareAdvice);
        AppendList(text, "Safety net", result.SafetyNet);
        return text.ToString().TrimEnd() + "\n";
    }

    private static void AppendList(StringBuilder text, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append("#### ").Append(heading).Append("\n\n");
        foreach (var line in lines)
        {
            text.Append("- ").Append(Escape(line)).Append('\n');
        }

        text.Append('\n');
    }

    // The texts are the library's, not user input, but a '*' or '_' in them must not turn into emphasis.
    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal);
}
