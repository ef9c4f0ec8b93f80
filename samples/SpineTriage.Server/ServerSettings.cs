using SpineTriage.Rules;

namespace SpineTriage.Server;

/// <summary>The <c>SpineTriage</c> configuration section.</summary>
public sealed class TriageSettings
{
    /// <summary>The rule-set line: <c>2.0</c> (default) or <c>1.0</c>.</summary>
    public string RuleSet { get; set; } = RuleSets.Default;

    /// <summary>
    /// A rule-set document to run instead of <see cref="RuleSet"/> (a local edition, docs/rule-sets.md), relative to the
    /// content root; validated at start-up, and an invalid one stops the start. <see langword="null"/> (the default): none.
    /// </summary>
    public string? RuleSetFile { get; set; }

    /// <summary>
    /// The language of the service's texts (results, questions, the FHIR Questionnaire and GuidanceResponse) when a report
    /// names none: one of <see cref="Texts.TextLanguages.All"/> (default <c>en</c>); anything else stops the start.
    /// </summary>
    public string Language { get; set; } = Texts.TextLanguages.English;
}

/// <summary>The <c>Fhir</c> configuration section.</summary>
public sealed class FhirSettings
{
    /// <summary>The canonical base URL of the published resources (set your own); <c>http://example.org/fhir/spinetriage</c> by default.</summary>
    public string CanonicalBase { get; set; } = SpineTriage.Fhir.FhirOptions.DefaultCanonicalBase;
}

/// <summary>The <c>RateLimit</c> configuration section: a fixed window per client address.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Requests allowed per window and client address; 0 turns the limit off (load tests only).</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>The window in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The <c>Audit</c> configuration section.</summary>
public sealed class AuditSettings
{
    /// <summary>The JSON Lines file of triage records (one hash chain per instance); relative to the content root.</summary>
    public string Path { get; set; } = "audit/triage-audit.jsonl";

    /// <summary>The JSON Lines file of CDS Hooks feedback; relative to the content root.</summary>
    public string FeedbackPath { get; set; } = "audit/cds-feedback.jsonl";

    /// <summary>Whether records hold the report id (patient data); off by default.</summary>
    public bool IncludeReportId { get; set; }

    /// <summary>Whether records hold the whole report (patient data); off by default.</summary>
    public bool IncludeReport { get; set; }

    /// <summary>
    /// A file holding the audit key (at least 32 bytes), or empty: with a key the chain is HMAC-SHA256 and the report
    /// hash is keyed; without one the chain is SHA-256 and records hold no digest of the report.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>Where records go: <c>file</c> (the default, the JSON Lines files above) or <c>postgres</c> (<c>ConnectionStrings:Audit</c>).</summary>
    public string Store { get; set; } = "file";

    /// <summary>The longest a request waits for its record to be durable before it is answered 503 (milliseconds; default 2000).</summary>
    public int WriteTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>The instance's name in a shared PostgreSQL store (one chain per instance); the machine name by default.</summary>
    public string? InstanceId { get; set; }
}
