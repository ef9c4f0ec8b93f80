using System.Numerics;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// Every rule's compiled condition (<see cref="ConditionCompiler"/>) in lookup tables, so the engine tests
/// all rules at once with a few table reads instead of one test per rule. The facts word is read in groups
/// of eight bits, only the groups some condition looks at. For each such group and each of its 256 values,
/// an entry holds the rules that a fact of the value forbids, and for each clause slot <c>k</c> the rules
/// whose <c>k</c>-th clause the value meets. A clause is met when any group meets it, so OR-ing the
/// entries of the report's groups gives the rules whose every clause is met and no forbidden fact is set.
/// Clauses on other rules are then checked in catalogue order. <c>RuleTableTests</c> holds the tables equal
/// to interpreting each rule's condition, one at a time, in catalogue order.
/// </summary>
internal sealed class RuleTable
{
    private const int GroupBits = 8;
    private const int GroupValues = 1 << GroupBits;

    private readonly ulong[] _entries;
    private readonly (int Word, int Shift, int Offset)[] _groups;
    private readonly int _stride;
    private readonly ulong[] _withoutSlot;
    // The rules with clauses on other rules, in catalogue order, side by side: the rule's bit, the rules whose firing
    // stops it ("unless"), and its other clauses on rules (most rules have none).
    private readonly ulong[] _dependentBits;
    private readonly ulong[] _dependentUnless;
    private readonly Clause[][] _dependentClauses;

    public RuleTable(IReadOnlyList<IReadOnlyList<Clause>> rules)
    {
        if (rules.Count > 64)
        {
            throw new InvalidOperationException($"The engine evaluates at most 64 rules; the catalogue has {rules.Count}.");
        }

        var forbidden = new FactWord[rules.Count];
        var slots = new List<Clause>[rules.Count];
        var dependent = new List<(int, ulong, Clause[])>();
        for (var rule = 0; rule < rules.Count; rule++)
        {
            var above = (1UL << rule) - 1;
            if (rules[rule].Any(c => ((c.Fired | c.NotFired) & ~above) != 0))
            {
                throw new InvalidOperationException($"Rule {rule} depends on itself or on a rule below it; rules are evaluated in catalogue order.");
            }

            forbidden[rule] = rules[rule].Where(FactTest.IsForbidden).Aggregate(default(FactWord), (word, c) => word | c.Clear);
            slots[rule] = rules[rule].Where(c => !c.RefersToRules && !FactTest.IsForbidden(c)).ToList();
            var unless = rules[rule].Where(IsUnless).Aggregate(0UL, (mask, c) => mask | c.NotFired);
            var onRules = rules[rule].Where(c => c.RefersToRules && !IsUnless(c)).ToArray();
            if (unless != 0 || onRules.Length > 0)
            {
                dependent.Add((rule, unless, onRules));
            }
        }

        SlotCount = slots.Length == 0 ? 0 : slots.Max(s => s.Count);
        _stride = 1 + SlotCount;
        _withoutSlot = Enumerable.Range(0, SlotCount)
            .Select(k => Enumerable.Range(0, rules.Count).Where(rule => slots[rule].Count <= k).Aggregate(0UL, (mask, rule) => mask | (1UL << rule)))
            .ToArray();
        AllRules = rules.Count == 64 ? ulong.MaxValue : (1UL << rules.Count) - 1;

        var looked = forbidden.Concat(slots.SelectMany(s => s).Select(c => c.Set | c.Clear)).Aggregate(default(FactWord), (word, bits) => word | bits);
        var groups = looked.SetBits().Select(bit => bit / GroupBits).Distinct().ToArray();
        _groups = groups.Select((group, i) => (group * GroupBits / 64, group * GroupBits % 64, i * GroupValues * _stride)).ToArray();
        _entries = new ulong[groups.Length * GroupValues * _stride];
        for (var g = 0; g < groups.Length; g++)
        {
            for (var value = 0; value < GroupValues; value++)
            {
                var word = FactWord.At((ulong)value, groups[g] * GroupBits);
                var entry = _groups[g].Offset + (value * _stride);
                for (var rule = 0; rule < rules.Count; rule++)
                {
                    var bit = 1UL << rule;
                    _entries[entry] |= word.Intersects(forbidden[rule]) ? bit : 0;
                    for (var k = 0; k < slots[rule].Count; k++)
                    {
                        _entries[entry + 1 + k] |= MeetsInGroup(slots[rule][k], word, groups[g]) ? bit : 0;
                    }
                }
            }
        }

        _dependentBits = [.. dependent.Select(d => 1UL << d.Item1)];
        _dependentUnless = [.. dependent.Select(d => d.Item2)];
        _dependentClauses = [.. dependent.Select(d => d.Item3)];
    }

    /// <summary>Gets the number of clause slots: the most clauses on facts of any rule.</summary>
    public int SlotCount { get; }

    /// <summary>Gets the number of eight-bit groups of the facts word the tables read.</summary>
    public int GroupCount => _groups.Length;

    public ulong AllRules { get; }

    /// <summary>The rules that fire on a report with these facts: bit <c>i</c> for the rule at catalogue index <c>i</c>.</summary>
    /// <remarks>
    /// The facts word is taken by value, so that it travels in two registers: passed by reference, the engine had to
    /// store it and load it back as one 16-byte value, which stalled on its two 8-byte halves just written.
    /// </remarks>
    public ulong Fire(FactWord facts)
    {
        var fired = SlotCount == 2 ? FireTwoSlots(facts.Low, facts.High) : FireOther(facts);
        return _dependentBits.Length == 0 ? fired : FireDependent(facts, fired);
    }

    private ulong FireOther(in FactWord facts) => SlotCount switch
    {
        0 => AllRules & ~Forbidden(facts),
        1 => FireOneSlot(facts),
        _ => FireAnySlots(facts),
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong FireDependent(in FactWord facts, ulong fired)
    {
        var bits = _dependentBits;
        var unless = _dependentUnless;
        var clauses = _dependentClauses;
        for (var i = 0; i < bits.Length && i < unless.Length && i < clauses.Length; i++)
        {
            var bit = bits[i];
            var stops = (fired & bit) != 0 && ((fired & unless[i]) != 0 || (clauses[i].Length != 0 && !Holds(clauses[i], facts, fired)));
            fired &= stops ? ~bit : ulong.MaxValue;
        }

        return fired;
    }

    private static bool Holds(Clause[] clauses, in FactWord facts, ulong fired)
    {
        var holds = true;
        foreach (var clause in clauses)
        {
            holds &= clause.Holds(facts, fired);
        }

        return holds;
    }

    // A clause of rules that did not fire, each alone: "unless".
    private static bool IsUnless(Clause clause) =>
        clause.Set.IsEmpty && clause.Clear.IsEmpty && clause.Fired == 0 && BitOperations.PopCount(clause.NotFired) == 1;

    // Whether the bits of one group meet a clause: a fact of the clause set, or a fact of the clause clear, within the group.
    private static bool MeetsInGroup(in Clause clause, in FactWord value, int group)
    {
        var groupMask = FactWord.At(GroupValues - 1, group * GroupBits);
        return value.Intersects(clause.Set) || !(clause.Clear & groupMask & ~value).IsEmpty;
    }

    private ulong Forbidden(in FactWord facts)
    {
        ulong forbidden = 0;
        foreach (var (word, shift, offset) in _groups)
        {
            forbidden |= _entries[offset + (int)((Word(facts, word) >> shift) & (GroupValues - 1))];
        }

        return forbidden;
    }

    private ulong FireOneSlot(in FactWord facts)
    {
        ulong forbidden = 0, first = _withoutSlot[0];
        foreach (var (word, shift, offset) in _groups)
        {
            var entry = offset + ((int)((Word(facts, word) >> shift) & (GroupValues - 1)) * 2);
            forbidden |= _entries[entry];
            first |= _entries[entry + 1];
        }

        return first & ~forbidden;
    }

    // Rule set 1.0's case, kept small enough to inline into Fire.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong FireTwoSlots(ulong low, ulong high)
    {
        ulong forbidden = 0, first = _withoutSlot[0], second = _withoutSlot[1];
        var entries = _entries;
        foreach (var (word, shift, offset) in _groups)
        {
            var entry = offset + ((int)(((word == 0 ? low : high) >> shift) & (GroupValues - 1)) * 3);
            forbidden |= entries[entry];
            first |= entries[entry + 1];
            second |= entries[entry + 2];
        }

        return first & second & ~forbidden;
    }

    private ulong FireAnySlots(in FactWord facts)
    {
        Span<ulong> met = stackalloc ulong[SlotCount];
        _withoutSlot.CopyTo(met);
        ulong forbidden = 0;
        foreach (var (word, shift, offset) in _groups)
        {
            var entry = offset + ((int)((Word(facts, word) >> shift) & (GroupValues - 1)) * _stride);
            forbidden |= _entries[entry];
            for (var k = 0; k < met.Length; k++)
            {
                met[k] |= _entries[entry + 1 + k];
            }
        }

        var fired = AllRules & ~forbidden;
        foreach (var rules in met)
        {
            fired &= rules;
        }

        return fired;
    }

    private static ulong Word(in FactWord facts, int word) => word == 0 ? facts.Low : facts.High;
}
