using System.Text.Json;
using SpineTriage.ConsoleHost.Input;
using SpineTriage.Engine;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// A rule set named on the command line of <c>spinetriage ruleset</c>: a shipped selector (<c>1.0</c>, <c>2.0</c>) or a
/// rule-set document file, loaded and validated by <see cref="LoadedRuleSet.Read"/> (docs/rule-sets.md).
/// </summary>
internal static class RuleSetSource
{
    /// <summary>How loading a rule set went.</summary>
    public enum Status
    {
        /// <summary>Loaded: the engine is set.</summary>
        Loaded,

        /// <summary>The document is JSON but not a valid rule set: the errors are set, each with its JSON path.</summary>
        Invalid,

        /// <summary>No such file, unreadable, or not JSON: the errors hold the reason.</summary>
        Unusable,
    }

    /// <summary>Loads a shipped selector or a document file.</summary>
    /// <param name="source">A selector of <see cref="RuleSets.Selectors"/> or a path.</param>
    /// <param name="engines">The run's engines (a selector's engine comes from here).</param>
    /// <param name="io">The console, for reading.</param>
    /// <param name="clock">The clock of an engine made from a file.</param>
    /// <returns>The status, the engine when loaded, and the errors otherwise.</returns>
    public static (Status Status, TriageEngine? Engine, IReadOnlyList<string> Errors) Load(string source, RuleSetEngines engines, ConsoleIO io, TimeProvider clock)
    {
        if (RuleSets.Selectors.Contains(source, StringComparer.Ordinal))
        {
            return (Status.Loaded, engines.For(source), []);
        }

        if (Directory.Exists(source))
        {
            return (Status.Unusable, null, [$"{source} is a directory, not a rule-set document."]);
        }

        if (!File.Exists(source))
        {
            return (Status.Unusable, null, [$"{Shown(source)}: no such file, and not a shipped rule set ({string.Join(", ", RuleSets.Selectors)})."]);
        }

        if (!InputFile.TryReadBytes(source, io, out var content, out var readError))
        {
            return (Status.Unusable, null, [readError]);
        }

        try
        {
            using var json = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return (Status.Unusable, null, [$"{source}: not JSON."]);
        }

        using var stream = new MemoryStream(content.ToArray(), writable: false);
        var read = LoadedRuleSet.Read(stream, Path.GetFileName(source));
        if (!read.TryGetValue(out var loaded))
        {
            // Every error of the document's validation, each at its JSON path with its stable code (docs/rule-sets.md).
            return (Status.Invalid, null, [.. read.Errors.Select(e => $"{e.Path} {e.Code}: {e.Message}")]);
        }

        return (Status.Loaded, new TriageEngine(new TriageEngineOptions { LoadedRuleSet = loaded }, clock), []);
    }

    /// <summary>The rule set in a few words: selector, version and hash.</summary>
    public static string Describe(TriageEngine engine) =>
        $"rule set {engine.RuleSet.Selector} (version {engine.RuleSet.Version}, {engine.RuleSet.Hash})";

    /// <summary>A path as typed, cut to 40 characters.</summary>
    public static string Shown(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
