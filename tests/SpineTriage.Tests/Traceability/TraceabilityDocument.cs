using System.Text;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.Tests.Traceability;

/// <summary>
/// Generates docs/traceability.md: each statement of the source page and each source beyond it, to the
/// rules that encode it, to the tests that make each rule fire and not fire.
/// </summary>
internal static class TraceabilityDocument
{
    public const string RelativePath = "docs/traceability.md";

    private const string BeyondShp = "Beyond SHP";

    public static string Generate(RuleSet ruleSet, IReadOnlyList<SourceStatement> statements, RuleTestIndex tests)
    {
        var text = new StringBuilder()
            .Append("# Traceability: source → rules → tests\n\n")
            .Append("Generated from the code; do not edit. It is rebuilt from the rule set, the statement map in\n")
            .Append("`tests/SpineTriage.Tests/Traceability/SourceStatements.cs` and the `[Fires]` / `[DoesNotFire]` marks of the\n")
            .Append("tests of `tests/SpineTriage.Tests`. A test fails when this file is stale; regenerate it with\n\n")
            .Append("```\nUPDATE_DOCS=1 dotnet test tests/SpineTriage.Tests --filter \"FullyQualifiedName~Traceability\"\n```\n\n")
            .Append("- Rule set: ").Append(ruleSet.Version).Append(", hash `").Append(ruleSet.Hash).Append("`\n")
            .Append("- Source page (\"SHP\"): `").Append(SourcePage.RelativePath).Append("`, Spinal Hardware Problems; each statement is quoted verbatim\n")
            .Append("- Rules: `docs/rules.md`; clinical criteria: `clinical-criteria.md` section 4")
            .Append(ruleSet.Selector == RuleSets.V1 ? "\n\n" : " and `clinical-criteria-2.0.md` section 5. Rule set 2.0 keeps every rule of rule set 1.0 (same id, urgency and source; the words of `symptomatic-imaging-finding`, `asymptomatic-imaging-finding` and `unresolved-red-flag` name 2.0's wider hardware symptom and applicable red flags), so this document traces both; the eleven rules 2.0 adds are marked *(2.0)*.\n\n");

        text.Append("## 1. Source page statements → rules\n\n");
        foreach (var section in statements.GroupBy(s => s.Section))
        {
            text.Append("### ").Append(section.Key).Append("\n\n")
                .Append("| id | statement (verbatim) | rules |\n|---|---|---|\n");
            foreach (var statement in section)
            {
                var quote = statement.Question is null ? $"\"{statement.Text}\"" : $"*{statement.Question}* \"{statement.Text}\"";
                var rules = string.Join(", ", statement.RuleIds.Select(r => $"`{r}`"));
                var note = statement.Note is null ? "" : (rules.Length > 0 ? " — " : "") + statement.Note;
                text.Append("| ").Append(statement.Id).Append(" | ").Append(Cell(quote)).Append(" | ").Append(Cell(rules + note)).Append(" |\n");
            }

            text.Append('\n');
        }

        var beyond = BeyondShpSources(ruleSet);
        text.Append("## 2. Sources beyond the source page → rules\n\n")
            .Append("Rules, or parts of rules, whose source is marked \"Beyond SHP\".\n\n")
            .Append("| id | source | rules |\n|---|---|---|\n");
        for (var i = 0; i < beyond.Count; i++)
        {
            text.Append("| B").Append(i + 1).Append(" | ").Append(Cell(beyond[i].Source)).Append(" | ")
                .Append(string.Join(", ", beyond[i].RuleIds.Select(r => $"`{r}`"))).Append(" |\n");
        }

        text.Append("\n## 3. Rules → tests\n\n")
            .Append("Each rule with the statements and sources it is traced to, the tests that show it firing and the tests\n")
            .Append("that show it not firing (at its boundary).\n");
        foreach (var rule in ruleSet.Rules)
        {
            var tracedTo = statements.Where(s => s.RuleIds.Contains(rule.Id, StringComparer.Ordinal)).Select(s => s.Id)
                .Concat(beyond.Select((b, i) => (Id: $"B{i + 1}", b.RuleIds)).Where(b => b.RuleIds.Contains(rule.Id, StringComparer.Ordinal)).Select(b => b.Id))
                .ToArray();
            var added = ruleSet.Selector != RuleSets.V1 && !RuleSetEdition.One.Ids.Contains(rule.Id, StringComparer.Ordinal);
            text.Append("\n### `").Append(rule.Id).Append("` (").Append(rule.Urgency.JsonName()).Append(added ? ") *(2.0)*\n\n" : ")\n\n")
                .Append("- ").Append(rule.Title).Append(": fires when ").Append(rule.Condition).Append('\n')
                .Append("- Traced to: ").Append(tracedTo.Length == 0 ? "**nothing: no statement or source**" : string.Join(", ", tracedTo)).Append('\n');
            Tests(text, "Fires in", tests.Firing(rule.Id), "**MISSING: no test shows this rule firing**");
            Tests(text, "Does not fire in", tests.NotFiring(rule.Id), "**MISSING: no test shows this rule not firing**");
        }

        RuleSetThreeTrace.AppendTo(text);
        return text.ToString();
    }

    /// <summary>Each distinct beyond-SHP source with the rules that cite it, in rule order.</summary>
    public static IReadOnlyList<(string Source, string[] RuleIds)> BeyondShpSources(RuleSet ruleSet) =>
        ruleSet.Rules
            .Where(r => r.Source.Contains(BeyondShp, StringComparison.Ordinal))
            .Select(r => (Source: r.Source[r.Source.IndexOf(BeyondShp, StringComparison.Ordinal)..], r.Id))
            .GroupBy(r => r.Source, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(r => r.Id).ToArray()))
            .ToArray();

    private static void Tests(StringBuilder text, string label, IReadOnlyList<string> tests, string missing)
    {
        text.Append("- ").Append(label).Append(':');
        if (tests.Count == 0)
        {
            text.Append(' ').Append(missing).Append('\n');
            return;
        }

        text.Append('\n');
        foreach (var test in tests)
        {
            text.Append("  - `").Append(test).Append("`\n");
        }
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
