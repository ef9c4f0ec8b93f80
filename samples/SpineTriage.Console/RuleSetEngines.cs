using System.CommandLine;
using System.Text.RegularExpressions;
using SpineTriage.Engine;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost;

/// <summary>
/// The engines of one run of the host, one per rule-set line (<see cref="RuleSets"/>), each built on first use: commands
/// that do not triage never pay for an engine, and a replay that meets both lines builds both once.
/// </summary>
/// <remarks>Not thread-safe: one run of the command line is one thread.</remarks>
internal sealed partial class RuleSetEngines
{
    /// <summary>The name of the option that picks the rule set.</summary>
    public const string OptionName = "--rule-set";

    private readonly Dictionary<string, TriageEngine> _engines = new(StringComparer.Ordinal);

    /// <summary>Gets the engine of a rule-set line.</summary>
    /// <param name="selector">A selector of <see cref="RuleSets.Selectors"/>.</param>
    /// <returns>The engine, built on first use.</returns>
    public TriageEngine For(string selector)
    {
        if (!_engines.TryGetValue(selector, out var engine))
        {
            // Building the engine validates options and the rule set.
            engine = new TriageEngine(new TriageEngineOptions { RuleSet = selector });
            _engines.Add(selector, engine);
        }

        return engine;
    }

    /// <summary>
    /// The line of an exact rule-set version as results and audit records carry it: <c>1.0.0</c> and <c>1.0.1</c> are
    /// of line <c>1.0</c>, <c>2.0.0</c> of line <c>2.0</c> (a selector names the latest version of its major line).
    /// </summary>
    /// <param name="version">The exact version, for example from <see cref="Audit.AuditRecord.RuleSet"/>.</param>
    /// <returns>The selector, or <see langword="null"/> when the version is of no line this host runs.</returns>
    public static string? SelectorOf(string? version)
    {
        if (version is null || !VersionPattern().IsMatch(version))
        {
            return null;
        }

        var major = version[..version.IndexOf('.', StringComparison.Ordinal)];
        return RuleSets.Selectors.FirstOrDefault(s => string.Equals(s[..s.IndexOf('.', StringComparison.Ordinal)], major, StringComparison.Ordinal));
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

    [GeneratedRegex(@"^[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
