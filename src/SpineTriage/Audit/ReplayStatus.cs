namespace SpineTriage.Audit;

/// <summary>How a recorded decision compares with the decision of today's engine (<see cref="AuditReplay"/>).</summary>
public enum ReplayStatus
{
    /// <summary>Today's engine gives the recorded urgency and the same rules, in the same order.</summary>
    Same = 1,

    /// <summary>Today's engine gives another urgency or other rules: the rules changed since the decision.</summary>
    Different = 2,

    /// <summary>The record holds no report (the integrator did not opt in), so it cannot be replayed.</summary>
    NoReport = 3,

    /// <summary>The embedded report does not match the record's hash, or today's engine rejects it.</summary>
    ReportInvalid = 4,

    /// <summary>
    /// The record holds a report but names a rule-set version of no line the engines run
    /// (<see cref="AuditReplay.Replay(Engine.TriageEngines, AuditRecord)"/>), so it was not replayed. Never given by a
    /// replay with a single engine, which replays every record with its own rule set.
    /// </summary>
    UnknownRuleSet = 5,
}
