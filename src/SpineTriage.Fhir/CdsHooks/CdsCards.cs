using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SpineTriage.Fhir.Internal;
using SpineTriage.Results;
using SpineTriage.Validation;

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

    /// <summary>
    /// The card of a result for the clinician reading the chart (CDS Hooks <c>patient-view</c>): the summary names the
    /// urgency, its timeframe, the date of the answers and the highest finding; the detail gives the answers' date, the
    /// day after surgery and, for every finding, its rule, clinician rationale, evidence and source, and the red flags
    /// not answered (the texts worded for the patient stay in the result); each finding links to its rule catalogue entry;
    /// from soon to emergency the card suggests creating the ServiceRequest (status draft) for the referral.
    /// </summary>
    /// <param name="report">The validated report the result is of.</param>
    /// <param name="result">The engine's result for it.</param>
    /// <param name="context">When the patient answered, the patient and response references, the rule catalogue URL.</param>
    /// <param name="uuid">The card's id; a new one when null.</param>
    /// <returns>The card.</returns>
    public CdsCard CreateForChart(ValidatedReport report, TriageResult result, CdsChartContext context, Guid? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var labels = _fhir.LabelsOf(result);
        var date = Iso(context.Authored);
        var head = labels.Display(result.Urgency) + " (" + labels.Timeframe(result.Urgency) + "), " + string.Format(CultureInfo.InvariantCulture, labels.AnswersOf, date) + ": ";
        var links = new List<CdsLink>();
        if (context.RuleCatalogueUrl is { } catalogue)
        {
            links.AddRange(result.Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal)
                .Select(id => new CdsLink(string.Format(CultureInfo.InvariantCulture, labels.RuleInCatalogue, id), catalogue + "#" + Uri.EscapeDataString(id))));
        }

        var suggestions = new List<CdsSuggestion>();
        if (result.Urgency >= Urgency.Soon)
        {
            var guidance = _fhir.CreateGuidanceResponse(report, result, new GuidanceContext { Subject = context.Patient, Response = context.Response });
            var referral = guidance.Contained.OfType<ServiceRequest>().Single();
            referral.Id = null;
            var label = string.Format(CultureInfo.InvariantCulture, labels.ProposeReferral, labels.Display(result.Urgency), labels.Timeframe(result.Urgency));
            suggestions.Add(new CdsSuggestion(Guid.NewGuid(), label, true, label, JsonSerializer.Serialize(referral, FhirJson)));
        }

        return new CdsCard(
            uuid ?? Guid.NewGuid(),
            Summary(head, labels, result.Findings[0].Title, result.Findings.Count - 1),
            result.Urgency.CdsHooksIndicator(),
            ChartDetail(result, labels, date),
            new CdsSource(
                "SpineTriage rule set " + result.RuleSet.Version,
                new CdsCoding(Codes.Of(result.Urgency), _fhir.Canonicals.Urgency, labels.Display(result.Urgency))),
            _overrideReasons[labels.Language])
        {
            Links = links,
            Suggestions = suggestions,
        };
    }

    /// <summary>
    /// The <c>info</c> card of a response that is not triaged because it was not answered within the last
    /// <paramref name="windowDays"/> days: it says when it was answered, and never carries an urgency.
    /// </summary>
    /// <param name="authored">When the patient answered.</param>
    /// <param name="windowDays">The window, in days.</param>
    /// <param name="uuid">The card's id; a new one when null.</param>
    /// <returns>The card, in the engine's language.</returns>
    public CdsCard CreateNotTriaged(DateTimeOffset authored, int windowDays, Guid? uuid = null)
    {
        var labels = Labels.Of(_fhir.Interview.Language);
        var date = Iso(authored);
        var summary = string.Format(CultureInfo.InvariantCulture, labels.NotTriagedSummary, date, windowDays);
        return new CdsCard(
            uuid ?? Guid.NewGuid(),
            summary.Length <= MaxSummaryLength ? summary : summary[..MaxSummaryLength],
            "info",
            string.Format(CultureInfo.InvariantCulture, labels.NotTriagedDetail, date, windowDays) + "\n",
            new CdsSource("SpineTriage rule set " + _fhir.Engine.RuleSet.Version, null),
            _overrideReasons[labels.Language]);
    }

    private static readonly JsonSerializerOptions FhirJson = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static string Iso(DateTimeOffset authored) => authored.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The summary of a card: the urgency, its timeframe, the highest finding's title and how many more there are.</summary>
    internal static string Summary(Labels labels, Urgency urgency, string title, int more) =>
        Summary(labels.Display(urgency) + " (" + labels.Timeframe(urgency) + "): ", labels, title, more);

    private static string Summary(string head, Labels labels, string title, int more)
    {
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

    private static string ChartDetail(TriageResult result, Labels labels, string date)
    {
        var text = new StringBuilder()
            .Append("**").Append(labels.Display(result.Urgency)).Append(" (").Append(labels.Timeframe(result.Urgency)).Append(")**. ")
            .Append(Escape(string.Format(CultureInfo.InvariantCulture, labels.ChartHeading, date, result.DaysSinceSurgery, result.RuleSet.Version))).Append("\n\n");
        foreach (var finding in result.Findings)
        {
            text.Append("### ").Append(Escape(finding.Title)).Append(" (").Append(labels.Display(finding.Urgency).ToLowerInvariant()).Append(")\n\n")
                .Append("- ").Append(labels.Rationale).Append(": ").Append(Escape(finding.ClinicianRationale)).Append('\n')
                .Append("- ").Append(labels.Evidence).Append(": ").Append(finding.Evidence.Count == 0 ? labels.NoEvidence : string.Join("; ", finding.Evidence.Select(Escape))).Append('\n')
                .Append("- ").Append(labels.Rule).Append(": `").Append(finding.RuleId).Append("`\n")
                .Append("- ").Append(labels.Source).Append(": ").Append(Escape(finding.Source)).Append("\n\n");
        }

        if (result.UnansweredQuestions.Count > 0)
        {
            text.Append(labels.RedFlagsNotAnswered).Append(": ").Append(string.Join(", ", result.UnansweredQuestions.Select(q => "`" + Codes.Of(q) + "`"))).Append("\n\n");
        }

        text.Append(labels.PatientTextsNote).Append('\n');
        return text.ToString();
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
