namespace SpineTriage.Texts;

/// <summary>
/// The integrator's wording of one patient-facing text in one language, for example the disposition of
/// <c>urgent</c> naming a nurse line: <c>new("en", "disposition.urgent", "Call the spine nurse line on 0800 …")</c>.
/// Given through <see cref="Engine.TriageEngineOptions.TextOverrides"/> and checked when the engine is built: the key
/// must be a key of the catalogue (docs/texts.md), the text non-blank, at most
/// <see cref="Engine.TriageEngineOptions.MaxTextLength"/> characters, with exactly the placeholders (<c>{name}</c>) of the
/// default text. An override changes only wording: never a question, a rule, an urgency or a threshold.
/// </summary>
/// <param name="Language">The language, one of <see cref="TextLanguages.All"/>.</param>
/// <param name="Key">The catalogue key, for example <c>disposition.urgent</c> or <c>question.fever.text</c>.</param>
/// <param name="Text">The text to use instead of the catalogue's.</param>
public sealed record TextOverride(string Language, string Key, string Text);
