using SpineTriage.Rules;

namespace SpineTriage.Engine;

/// <summary>
/// One engine per rule-set line (<see cref="RuleSets.Selectors"/>), all with the same thresholds, limits, texts and clock:
/// what a service needs to replay an audit log whose records name different rule sets
/// (<see cref="Audit.AuditReplay.Replay(TriageEngines, Audit.AuditRecord)"/>), or to triage with the line a caller names.
/// </summary>
/// <remarks>
/// Build once and share: immutable and thread-safe. Each line's engine is built on its first use (building an engine
/// compiles its rule set) and then kept, so a caller that meets one line never pays for the others. The options are
/// checked when this is built.
/// </remarks>
public sealed class TriageEngines
{
    private readonly Lazy<TriageEngine>[] _engines;
    private readonly Lazy<TriageEngine>? _loaded; // the engine of the options' loaded rule set (a local edition), when they name one

    /// <summary>Builds the engines of every line from one set of options and one clock.</summary>
    /// <param name="options">
    /// The options of every engine (<see cref="TriageEngineOptions.Default"/> when <see langword="null"/>); each line's
    /// engine runs them with its own <see cref="TriageEngineOptions.RuleSet"/>. Their <see cref="TriageEngineOptions.RuleSet"/>
    /// names the <see cref="Default"/> line.
    /// </param>
    /// <param name="timeProvider">The clock for "today"; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of its allowed range, or the rule set is not a selector; the message lists every such option.</exception>
    public TriageEngines(TriageEngineOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= TriageEngineOptions.Default;
        TriageEngine.CheckOptions(options);
        Options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _engines = [.. RuleSets.Selectors.Select(selector => new Lazy<TriageEngine>(
            () => new TriageEngine(options with { RuleSet = selector, LoadedRuleSet = null }, TimeProvider),
            LazyThreadSafetyMode.ExecutionAndPublication))];
        _loaded = options.LoadedRuleSet is null ? null : new Lazy<TriageEngine>(() => new TriageEngine(options, TimeProvider), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the options every engine runs (each with its own rule set); their rule set is the <see cref="Default"/> line.</summary>
    public TriageEngineOptions Options { get; }

    /// <summary>Gets the clock of every engine.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Gets the engine of the rule set the options name: their <see cref="TriageEngineOptions.LoadedRuleSet"/> (a local
    /// edition) when set, else the line of <see cref="TriageEngineOptions.RuleSet"/>.
    /// </summary>
    public TriageEngine Default => _loaded?.Value ?? For(Options.RuleSet);

    /// <summary>Gets the engine of a rule-set line.</summary>
    /// <param name="selector">A selector of <see cref="RuleSets.Selectors"/>.</param>
    /// <returns>The engine, built on first use.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="selector"/> is not a selector of <see cref="RuleSets.Selectors"/>.</exception>
    public TriageEngine For(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        for (var i = 0; i < _engines.Length; i++)
        {
            if (string.Equals(RuleSets.Selectors[i], selector, StringComparison.Ordinal))
            {
                return _engines[i].Value;
            }
        }

        throw new ArgumentException($"There is no rule set '{(selector.Length <= 40 ? selector : selector[..40] + "…")}': use {string.Join(" or ", RuleSets.Selectors)}.", nameof(selector));
    }

    /// <summary>Gets the engine of the line of an exact rule-set version, as a result or an audit record carries it (<see cref="RuleSets.SelectorOf(string?)"/>).</summary>
    /// <param name="version">An exact version such as <c>1.0.1</c> or <c>2.0.0</c>.</param>
    /// <returns>The engine of its line, or <see langword="null"/> when the version is of no line of this library.</returns>
    public TriageEngine? ForVersion(string? version) => RuleSets.SelectorOf(version) is { } selector ? For(selector) : null;
}
