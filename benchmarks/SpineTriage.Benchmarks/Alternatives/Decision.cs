using SpineTriage.Results;

namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>What every implementation of rule set 1.0 must agree on: the urgency and the rules that fired.</summary>
/// <param name="Urgency">The highest urgency of any rule that fired.</param>
/// <param name="RuleIds">The ids of the rules that fired, in any order.</param>
public sealed record Decision(Urgency Urgency, IReadOnlyList<string> RuleIds);
