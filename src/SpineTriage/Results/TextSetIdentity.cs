namespace SpineTriage.Results;

/// <summary>
/// Which texts a result was worded with: its language and a SHA-256 hash of every text in use (the language's
/// catalogue after the integrator's overrides, and the rules' clinician texts). Beside <see cref="RuleSetIdentity"/>,
/// which covers only what decides, it tells "same decisions, different wording" from "different decisions".
/// </summary>
/// <param name="Language">The language code, for example <c>en</c> (<see cref="Texts.TextLanguages"/>).</param>
/// <param name="Hash">The text-set hash, <c>sha256:</c> followed by 64 lowercase hex digits. It changes with any text, override or language.</param>
public sealed record TextSetIdentity(string Language, string Hash);
