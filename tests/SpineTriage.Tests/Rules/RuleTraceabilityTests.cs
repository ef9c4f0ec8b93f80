using System.Reflection;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Rules;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// Every rule is shown firing and not firing by at least one marked test: docs/traceability.md is generated
/// from the <see cref="FiresAttribute"/> and <see cref="DoesNotFireAttribute"/> marks.
/// </summary>
public class RuleTraceabilityTests
{
    private static readonly MethodInfo[] Tests = typeof(RuleTraceabilityTests).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttributes<FiresAttribute>().Any() || m.GetCustomAttributes<DoesNotFireAttribute>().Any())
        .ToArray();

    private static IEnumerable<string> Fired => Tests.SelectMany(m => m.GetCustomAttributes<FiresAttribute>()).Select(a => a.RuleId);

    private static IEnumerable<string> NotFired => Tests.SelectMany(m => m.GetCustomAttributes<DoesNotFireAttribute>()).Select(a => a.RuleId);

    // The rules of every shipped rule set: a mark names a rule id, which keeps its meaning in every rule set that has it.
    private static IEnumerable<string> AllRuleIds => RuleSets.Selectors.SelectMany(RuleIds).Distinct();

    public static TheoryData<string> Selectors() => new(RuleSets.Selectors);

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Every_rule_has_a_test_showing_it_fire(string selector)
    {
        RuleIds(selector).Except(Fired).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Every_rule_has_a_test_showing_it_not_fire(string selector)
    {
        RuleIds(selector).Except(NotFired).Should().BeEmpty();
    }

    [Fact]
    public void Every_mark_names_a_rule_of_the_catalogue()
    {
        Fired.Concat(NotFired).Except(AllRuleIds).Should().BeEmpty();
    }

    [Fact]
    public void Every_marked_method_is_a_test()
    {
        Tests.Where(m => m.GetCustomAttribute<FactAttribute>() is null).Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Should().BeEmpty();
    }

    private static IEnumerable<string> RuleIds(string selector) =>
        new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet.Rules.Select(r => r.Id);
}
