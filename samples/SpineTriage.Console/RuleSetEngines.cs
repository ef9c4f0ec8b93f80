using System.CommandLine;
using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.ConsoleHost;

/// <summary>
/// The engines of one run of the host, one per rule-set line (<see cref="RuleSets"/>), each built on first use: commands
/// that do not triage never pay for an engine, and a replay that meets both lines builds both once.
/// </summary>
/// <remarks>A thin wrapper over the library's <see cref="TriageEngines"/>, with the <c>--rule-set</c> option.</remarks>
internal sealed class RuleSetEngines
{
    /// <summary>The name of the option that picks the rule set.</summary>
    public const string OptionName = "--rule-set";

    /// <summary>The name of the option that runs a rule-set document instead (a local edition, docs/rule-sets.md).</summary>
    public const string FileOptionName = "--rule-set-file";

    private readonly Lazy<TriageEngines> _spanish;
    private readonly TimeProvider _clock;

    /// <summary>Builds the engines of one run with a clock.</summary>
    /// <param name="clock">The clock for "today"; <see cref="TimeProvider.System"/> when <see langword="null"/> (tests give a fake one).</param>
    public RuleSetEngines(TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        _clock = clock;
        All = new TriageEngines(null, clock);
        _spanish = new(
            () => new TriageEngines(new TriageEngineOptions { Language = ConsoleLanguage.Spanish.Code() }, clock),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the library's engines, one per line, with the default options and the run's clock.</summary>
    public TriageEngines All { get; }

    /// <summary>Gets the engine of a rule-set line.</summary>
    /// <param name="selector">A selector of <see cref="RuleSets.Selectors"/>.</param>
    /// <returns>The engine, built on first use.</returns>
    public TriageEngine For(string selector) => All.For(selector);

    /// <summary>
    /// Gets the engine of a rule-set line whose texts (questions, rules, dispositions, advice, safety net, warnings) are in
    /// a language: the one place where a command's <c>--language</c> reaches the engine. English is <see cref="All"/>;
    /// every other language has its own <see cref="TriageEngines"/> (built on first use, with
    /// <see cref="TriageEngineOptions.Language"/> set), so its rule set's <see cref="RuleSet.Questions"/> and
    /// <see cref="RuleSet.Rules"/> are in that language. Decisions never depend on the language.
    /// </summary>
    /// <param name="selector">A selector of <see cref="RuleSets.Selectors"/>.</param>
    /// <param name="language">The language of the texts.</param>
    /// <returns>The engine, built on first use.</returns>
    public TriageEngine For(string selector, ConsoleLanguage language) =>
        language == ConsoleLanguage.English ? All.For(selector) : _spanish.Value.For(selector);

    /// <summary>
    /// Loads a rule-set document (<c>--rule-set-file</c>) and builds an engine of it whose texts are in a language: the
    /// document is validated first, and an invalid one gives every error with its JSON path (the messages name the
    /// offending id, cut to 40 characters).
    /// </summary>
    /// <param name="path">The document's file.</param>
    /// <param name="language">The language of the texts.</param>
    /// <param name="errors">Every error, when the document cannot be used.</param>
    /// <returns>The engine, or <see langword="null"/> with <paramref name="errors"/>.</returns>
    public TriageEngine? ForFile(string path, ConsoleLanguage language, out IReadOnlyList<ValidationError> errors)
    {
        try
        {
            var loaded = LoadedRuleSet.LoadFile(path);
            errors = [];
            return new TriageEngine(new TriageEngineOptions { LoadedRuleSet = loaded, Language = language.Code() }, _clock);
        }
        catch (RuleSetValidationException e)
        {
            errors = e.Errors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The path is the user's own typing, not patient data; it is shortened like every echoed value.
            var shown = path.Length <= 40 ? path : string.Concat(path.AsSpan(0, 40), "…");
            errors = [new ValidationError("$", ErrorCodes.Unreadable, $"cannot read the rule-set document {shown}: {(e is FileNotFoundException ? "no such file" : e.Message)}.")];
        }

        return null;
    }

    /// <summary>Creates a <c>--rule-set-file PATH</c> option: a rule-set document to run instead of <c>--rule-set</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> FileOption() => new(FileOptionName)
    {
        Description = "A rule-set document to run instead of --rule-set: a local edition (docs/rule-sets.md), validated first; an invalid one exits 2 with every error at its JSON path.",
        HelpName = "PATH",
    };

    /// <summary>
    /// The engine a command runs: the document of <c>--rule-set-file</c> when given, else the line of <c>--rule-set</c>;
    /// <see langword="null"/> after writing the errors of a document that cannot be used (exit 2).
    /// </summary>
    /// <param name="file">The <c>--rule-set-file</c> value.</param>
    /// <param name="selector">The <c>--rule-set</c> value.</param>
    /// <param name="language">The language of the texts.</param>
    /// <param name="io">Where the errors go.</param>
    /// <param name="format">The output format (JSON errors for <c>json</c>).</param>
    /// <returns>The engine, or <see langword="null"/>.</returns>
    public TriageEngine? Choose(string? file, string selector, ConsoleLanguage language, ConsoleIO io, string format)
    {
        if (file is null)
        {
            return For(selector, language);
        }

        var engine = ForFile(file, language, out var errors);
        if (engine is null)
        {
            Output.ErrorOutput.Write(io.Error, format, "the rule-set document cannot be used", errors);
        }

        return engine;
    }

    /// <summary>
    /// Creates a <c>--rule-set</c> option: <c>1.0</c> or <c>2.0</c>, default <see cref="RuleSets.Default"/>; any other
    /// value is a one-line usage error (exit 2).
    /// </summary>
    /// <param name="name">The option's name, <see cref="OptionName"/> or another (<c>--against</c>).</param>
    /// <param name="description">What the option does, for the help.</param>
    /// <param name="withDefault">Whether the option defaults to <see cref="RuleSets.Default"/>; otherwise it is absent unless given.</param>
    /// <returns>The option.</returns>
    public static Option<string?> Option(string name, string description, bool withDefault = true)
    {
        var choices = string.Join("|", RuleSets.Selectors);
        var option = new Option<string?>(name)
        {
            Description = description,
            HelpName = choices,
        };
        if (withDefault)
        {
            option.DefaultValueFactory = _ => RuleSets.Default;
        }

        option.CompletionSources.Add([.. RuleSets.Selectors]);
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && !RuleSets.Selectors.Contains(value, StringComparer.Ordinal))
            {
                // The value is the user's own typing, not patient data; it is shortened like every echoed value.
                var shown = value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
                result.AddError($"{name} {shown} is not a rule set: use {string.Join(" or ", RuleSets.Selectors)} (the default is {RuleSets.Default}).");
            }
        });
        return option;
    }
}
