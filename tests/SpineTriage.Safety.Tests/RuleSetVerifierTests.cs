using FluentAssertions;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Verification;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// Every safety property of <see cref="RuleSetVerifier.Properties"/> (the ones <c>spinetriage ruleset verify</c> runs on
/// any rule-set document, written once in the library) on every shipped rule set: theory data over the shipped selectors
/// and the properties, so a new rule set or a new property adds rows, not tests.
/// </summary>
[Trait("Category", "Safety")]
public class RuleSetVerifierTests
{
    private const int Examples = 2_000;

    /// <summary>The least share of examples that must meet a property's premise, so the property is not held vacuously.</summary>
    private static readonly Dictionary<string, int> LeastExercisedOneIn = new(StringComparer.Ordinal)
    {
        ["emergency-finding-gives-emergency"] = 20,
        ["unknown-red-flag-at-least-urgent"] = 20,
        ["settled-never-changes"] = 4,
    };

    /// <summary>Gets one row per shipped selector and property.</summary>
    public static TheoryData<string, string> EveryPropertyOfEveryShippedRuleSet
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var selector in RuleSets.Selectors)
            {
                foreach (var property in RuleSetVerifier.Properties)
                {
                    data.Add(selector, property.Id);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryPropertyOfEveryShippedRuleSet))]
    public void Every_safety_property_holds_on_every_shipped_rule_set(string selector, string property)
    {
        var safetyProperty = RuleSetVerifier.Properties.Single(p => p.Id == property);

        var check = RuleSetVerifier.Check(ShippedRuleSet.For(selector).Engine, safetyProperty, new VerificationOptions { Examples = PropertyRuns.Scaled(Examples) });

        check.Status.Should().NotBe(PropertyStatus.Failed, check.Counterexample);
        if (safetyProperty.ShippedLinesOnly && selector == RuleSets.Selectors[0])
        {
            check.Status.Should().Be(PropertyStatus.NotRun, "the first line has no line before it");
        }
        else
        {
            check.Status.Should().Be(PropertyStatus.Held);
            check.Examples.Should().Be(PropertyRuns.Scaled(Examples));
            if (LeastExercisedOneIn.TryGetValue(property, out var oneIn))
            {
                check.Exercised.Should().BeGreaterThan(check.Examples / oneIn, "the generated reports meet the property's premise often");
            }
        }
    }
}
