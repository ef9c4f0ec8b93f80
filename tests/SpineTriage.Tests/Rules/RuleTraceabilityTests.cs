using System.Reflection;
using FluentAssertions;
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

    // The rules of every rule set: a mark names a rule id, which keeps its meaning in every rule set that has it.
    private static IEnumerable<string> AllRuleIds => RuleSetEdition.All.SelectMany(e => e.Ids).Distinct();

    [Fact]
    public void Every_rule_has_a_test_showing_it_fire()
    {
        RuleCatalogue.Ids.Except(Fired).Should().BeEmpty();
        RuleSetEdition.Two.Ids.Except(Fired).Should().BeEmpty();
    }

    [Fact]
    public void Every_rule_has_a_test_showing_it_not_fire()
    {
        RuleCatalogue.Ids.Except(NotFired).Should().BeEmpty();
        RuleSetEdition.Two.Ids.Except(NotFired).Should().BeEmpty();
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
}
