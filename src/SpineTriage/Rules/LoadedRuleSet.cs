using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Rules;

/// <summary>
/// A rule-set document read and validated (docs/rule-sets.md, docs/schemas/rule-set.schema.json): a shipped rule set
/// (<see cref="Shipped(string)"/>) or a local edition an organisation made from one (<see cref="Load(Stream, string?)"/>,
/// <see cref="LoadFile(string)"/>). An engine runs it when its options name it (<see cref="TriageEngineOptions.LoadedRuleSet"/>);
/// its results and audit records carry its own version and hash, whose canonical text names a local edition's own name.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A document is validated before any engine uses it, every error with its JSON path and a
/// stable code of <see cref="ErrorCodes"/> (<see cref="ErrorCodes.SchemaViolation"/>, <see cref="ErrorCodes.UnknownQuestion"/>,
/// <see cref="ErrorCodes.UnknownFact"/>, <see cref="ErrorCodes.UnknownRule"/>, <see cref="ErrorCodes.DuplicateId"/>,
/// <see cref="ErrorCodes.RedFlagNotUrgent"/>, <see cref="ErrorCodes.RuleNeverFires"/>, <see cref="ErrorCodes.QuestionNotRead"/>,
/// <see cref="ErrorCodes.TextMissing"/>, <see cref="ErrorCodes.ShippedNameReused"/>, <see cref="ErrorCodes.MalformedJson"/>,
/// <see cref="ErrorCodes.TooLarge"/>).
/// </remarks>
public sealed class LoadedRuleSet
{
    /// <summary>The largest document read, in UTF-8 bytes: 4 MiB (a shipped document is about 40 KB).</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The name of the shipped rule sets: a local edition must have its own.</summary>
    public const string ShippedName = "spinetriage";

    internal LoadedRuleSet(RuleSetEdition edition, bool isShipped)
    {
        Edition = edition;
        IsShipped = isShipped;
        Questions = Array.AsReadOnly(edition.Questions.Select(q => q.Id).ToArray());
    }

    /// <summary>Gets the document's <c>name</c>: <see cref="ShippedName"/> for a shipped rule set, an organisation's own for a local edition.</summary>
    public string Name => Edition.Name;

    /// <summary>Gets the document's exact <c>version</c>, for example <c>1.0.0</c>.</summary>
    public string Version => Edition.Version;

    /// <summary>Gets the document's <c>basedOn</c>: the shipped line a local edition was made from, for example <c>2.0</c>; <see langword="null"/> when it names none.</summary>
    public string? BasedOn => Edition.Document.BasedOn;

    /// <summary>Gets the selector an engine of it reports (<see cref="RuleSet.Selector"/>): a shipped line's, or for a local edition the line it is based on.</summary>
    public string Selector => Edition.Selector;

    /// <summary>Gets whether this is a shipped rule set, equal to the embedded document of its line.</summary>
    public bool IsShipped { get; }

    /// <summary>Gets the document's <c>changes</c>, newest first.</summary>
    public IReadOnlyList<string> Changes => Edition.Changes;

    /// <summary>Gets the ids of its questions, in asking order.</summary>
    public IReadOnlyList<QuestionId> Questions { get; }

    /// <summary>Gets the ids of its rules, in the document's order.</summary>
    public IReadOnlyList<string> RuleIds => Edition.Ids;

    internal RuleSetEdition Edition { get; }

    /// <summary>Gets a shipped rule set as a loaded document (the starting point of a local edition).</summary>
    /// <param name="selector">One of <see cref="RuleSets.Selectors"/>.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentException"><paramref name="selector"/> is not a selector of <see cref="RuleSets.Selectors"/>.</exception>
    public static LoadedRuleSet Shipped(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return RuleSetEdition.Find(selector) is { } edition
            ? new LoadedRuleSet(edition, isShipped: true)
            : throw new ArgumentException($"There is no shipped rule set '{RuleSetLoader.Cut(selector)}': use {string.Join(" or ", RuleSets.Selectors)}.", nameof(selector));
    }

    /// <summary>Reads and validates a rule-set document without throwing for a bad one.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON (at most <see cref="MaxDocumentBytes"/>).</param>
    /// <param name="origin">Where it came from, for messages (a file name); never patient data.</param>
    /// <returns>The rule set, or every error found, each with its JSON path and code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public static Outcome<LoadedRuleSet> Read(Stream utf8Json, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return RuleSetLoader.Read(utf8Json, origin ?? "a rule-set document");
    }

    /// <summary>Reads and validates a rule-set document.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON (at most <see cref="MaxDocumentBytes"/>).</param>
    /// <param name="origin">Where it came from, for messages (a file name).</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="RuleSetValidationException">The document is not a valid rule set: <see cref="RuleSetValidationException.Errors"/> lists every error.</exception>
    public static LoadedRuleSet Load(Stream utf8Json, string? origin = null)
    {
        var outcome = Read(utf8Json, origin);
        return outcome.IsSuccess ? outcome.Value : throw new RuleSetValidationException(origin ?? "a rule-set document", outcome.Errors);
    }

    /// <summary>Reads and validates a rule-set document from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when there is none).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="RuleSetValidationException">The document is not a valid rule set: <see cref="RuleSetValidationException.Errors"/> lists every error.</exception>
    public static LoadedRuleSet LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream, Path.GetFileName(path));
    }

    /// <summary>Says which rule set this is: its name and version, for example <c>LoadedRuleSet: st-marys 1.0.0 (based on 2.0)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"LoadedRuleSet: {Name} {Version}{(BasedOn is null ? "" : $" (based on {BasedOn})")}{(IsShipped ? ", shipped" : "")}";
}

/// <summary>A rule-set document that is not a valid rule set (<see cref="LoadedRuleSet.Load(Stream, string?)"/>): every error with its JSON path and code.</summary>
public sealed class RuleSetValidationException : Exception
{
    /// <summary>Makes the exception.</summary>
    /// <param name="origin">Where the document came from.</param>
    /// <param name="errors">Every error.</param>
    public RuleSetValidationException(string origin, IReadOnlyList<ValidationError> errors)
        : base($"{origin} is not a valid rule set: {string.Join(" ", (errors ?? throw new ArgumentNullException(nameof(errors))).Take(20).Select(e => $"{e.Path}: {e.Message} [{e.Code}]"))}{(errors.Count > 20 ? $" … and {errors.Count - 20} more." : "")}")
    {
        Origin = origin;
        Errors = Array.AsReadOnly(errors.ToArray());
    }

    /// <summary>Gets where the document came from (a file name).</summary>
    public string Origin { get; }

    /// <summary>Gets every error, each with its JSON path (for example <c>$.rules[3].when.yes</c>) and a stable code.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
