namespace SpineTriage.Results;

/// <summary>Which rules produced a decision: the rule-set version and a SHA-256 content hash.</summary>
/// <param name="Version">The rule-set version, for example <c>1.0.0</c>.</param>
/// <param name="Hash">The content hash, <c>sha256:</c> followed by 64 lowercase hex digits. It changes with any rule or threshold.</param>
public sealed record RuleSetIdentity(string Version, string Hash);
