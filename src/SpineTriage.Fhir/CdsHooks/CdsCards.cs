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

    private readonly TriageFhir _fhir;
    private readonly Dictionary<string, IReadOnlyList<CdsCoding>> _overrideReasons;

    /// <summary>Creates the card builder for the canonicals of <paramref name="fhir"/> (the urgency CodeSystem of the topic).</summary>
    /// <param name="fhir">The FHIR mapping.</param>
    public CdsCards(TriageFhir fhir)
    {
        ArgumentNullException.ThrowIfNull(fhir);
        _fhir = fhir;
        _overrideReasons = Labels.All.ToDictionary(l => l.Language, OverrideReasonsIn, StringComparer.Ordinal);
        OverrideReasons = _overrideReasons[fhir.Interview.Language];
    }

    /// <summary>The override reasons every card offers, displayed in the engine's language (a card's own are in its result's).</summary>
    public IReadOnlyList<CdsCoding> OverrideReasons { get; }

    /// <summary>The card of a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="uuid">The card's id; a new one when null.</param>
    /// <returns>The card.</returns>
    /// <remarks>
    /// The card's words are in the result's language (its text set's; the engine's for a result without one): the
    /// library's texts come worded in it, and the package's own (urgency, timeframe, headings, override reasons) follow.
    /// </remarks>
    public CdsCard Create(TriageResult result, Guid? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var labels = _fhir.LabelsOf(result);
        return new CdsCard(
            uuid ?? Guid.NewGuid(),
            Summary(labels, result.Urgency, result.Findings[0].Title, result.Findings.Count - 1),
            result.Urgency.CdsHooksIndicator(),
            Detail(result, labels),
            new CdsSource(
                "SpineTriage rule set " + result.RuleSet.Version,
                new CdsCoding(Codes.Of(result.Urgency), _fhir.Canonicals.Urgency, labels.Display(result.Urgency))),
            _overrideReasons[labels.Language]);
    }

    /// <summary>The summary of a card: the urgency, its timeframe, the highest finding's title and how many more there are.</summary>
    internal static string Summary(Labels labels, Urgency urgency, string title, int more)
    {
        var head = labels.Display(urgency) + " (" + labels.Timeframe(urgency) + "): ";
        var summary = head + title + (more > 0 ? " " + string.Format(CultureInfo.InvariantCulture, labels.SummaryMore, more) : "");
        return summary.Length <= MaxSummaryLength
            ? summary
            : head + string.Format(CultureInfo.InvariantCulture, labels.SummaryFindings, more + 1);
    }

    private IReadOnlyList<CdsCoding> OverrideReasonsIn(Labels labels)
    {
        var system = _fhir.Canonicals.OverrideReason;
        return [.. Resources.OverrideReasonCodes.Select((code, i) => new CdsCoding(code, system, labels.OverrideReasons[i]))];
    }

    private static string Detail(TriageResult result, Labels labels)
    {
        var text = new StringBuilder()
            .Append("**").Append(Escape(result.Disposition)).Append("**\n\n");
        foreach (var finding in result.Findings)
        {
            text.Append("### ").Append(Escape(finding.Title)).Append(" (").Append(labels.Display(finding.Urgency).ToLowerInvariant()).Append(")\n\n")
                .Append(Escape(finding.PatientExplanation)).Append("\n\n")
                .Append("- ").Append(labels.Rule).Append(": `").Append(finding.RuleId).Append("`\n")
                .Append("- ").Append(labels.Rationale).Append(": ").Append(Escape(finding.ClinicianRationale)).Append('\n')
                .Append("- ").Append(labels.Evidence).Append(": ").Append(finding.Evidence.Count == 0 ? labels.NoEvidence : string.Join("; ", finding.Evidence.Select(Escape))).Append('\n')
                .Append("- ").Append(labels.Source).Append(": ").Append(Escape(finding.Source)).Append("\n\n");
        }

        if (result.UnansweredQuestions.Count > 0)
        {
            text.Append(labels.RedFlagsNotAnswered).Append(": ").Append(string.Join(", ", result.UnansweredQuestions.Select(q => "`" + Codes.Of(q) + "`"))).Append("\n\n");
        }

        AppendList(text, labels.CareAdvice, result.CareAdvice);
        AppendList(text, labels.SafetyNet, result.SafetyNet);
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
