using System.Reflection;

namespace SpineTriage.Tests.Traceability;

/// <summary>The tests that show each rule firing and not firing, from their <see cref="FiresAttribute"/> and <see cref="DoesNotFireAttribute"/> marks.</summary>
internal sealed class RuleTestIndex
{
    private readonly IReadOnlyDictionary<string, string[]> _firing;
    private readonly IReadOnlyDictionary<string, string[]> _notFiring;

    public RuleTestIndex(IEnumerable<(string RuleId, string Test)> firing, IEnumerable<(string RuleId, string Test)> notFiring)
    {
        _firing = Group(firing);
        _notFiring = Group(notFiring);
    }

    /// <summary>Reads the marks of every method of an assembly; a test is named <c>Class.Method</c>.</summary>
    public static RuleTestIndex Of(Assembly assembly)
    {
        var methods = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .ToArray();
        return new RuleTestIndex(
            methods.SelectMany(m => m.GetCustomAttributes<FiresAttribute>().Select(a => (a.RuleId, Name(m)))),
            methods.SelectMany(m => m.GetCustomAttributes<DoesNotFireAttribute>().Select(a => (a.RuleId, Name(m)))));
    }

    /// <summary>Every rule id that is marked, firing or not.</summary>
    public IEnumerable<string> MarkedRuleIds => _firing.Keys.Concat(_notFiring.Keys).Distinct(StringComparer.Ordinal);

    public IReadOnlyList<string> Firing(string ruleId) => _firing.TryGetValue(ruleId, out var tests) ? tests : [];

    public IReadOnlyList<string> NotFiring(string ruleId) => _notFiring.TryGetValue(ruleId, out var tests) ? tests : [];

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    private static Dictionary<string, string[]> Group(IEnumerable<(string RuleId, string Test)> marks) =>
        marks.GroupBy(m => m.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Test).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
