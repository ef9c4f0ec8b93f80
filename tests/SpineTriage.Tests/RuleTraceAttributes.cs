namespace SpineTriage.Tests;

/// <summary>Marks a test that shows a rule firing; docs/traceability.md is generated from these marks.</summary>
/// <param name="ruleId">The rule id, for example <c>cauda-equina</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FiresAttribute(string ruleId) : Attribute
{
    /// <summary>Gets the rule id.</summary>
    public string RuleId { get; } = ruleId;
}

/// <summary>Marks a test that shows a rule not firing (at its boundary); docs/traceability.md is generated from these marks.</summary>
/// <param name="ruleId">The rule id, for example <c>cauda-equina</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DoesNotFireAttribute(string ruleId) : Attribute
{
    /// <summary>Gets the rule id.</summary>
    public string RuleId { get; } = ruleId;
}
