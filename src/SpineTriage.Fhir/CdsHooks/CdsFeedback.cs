namespace SpineTriage.Fhir.CdsHooks;

/// <summary>What happened to a card: the CDS Hooks 2.0 feedback <c>outcome</c>.</summary>
public enum CdsFeedbackOutcome
{
    /// <summary><c>accepted</c>: the clinician acted on the card.</summary>
    Accepted = 1,

    /// <summary><c>overridden</c>: the clinician dismissed it, with a reason.</summary>
    Overridden = 2,
}

/// <summary>A clinician's reason for overriding a card: one of the card's <see cref="CdsCard.OverrideReasons"/> and a comment.</summary>
/// <param name="Reason">The reason chosen, if any.</param>
/// <param name="UserComment">Free text, if any.</param>
public sealed record CdsOverrideReason(CdsCoding? Reason, string? UserComment);

/// <summary>One entry of a CDS Hooks 2.0 feedback request: the card, the outcome, the time and, when overridden, why.</summary>
/// <param name="Card">The card's <see cref="CdsCard.Uuid"/>.</param>
/// <param name="Outcome">Accepted or overridden.</param>
/// <param name="OutcomeTimestamp">When the clinician acted.</param>
/// <param name="OverrideReason">Why it was overridden; null when accepted.</param>
public sealed record CdsFeedback(Guid Card, CdsFeedbackOutcome Outcome, DateTimeOffset OutcomeTimestamp, CdsOverrideReason? OverrideReason = null);
