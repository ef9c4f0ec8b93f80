using System.Numerics;
using SpineTriage.Results;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// Decides <see cref="TriageResult.IsSettled"/>: whether no answer to the questions absent from a report can change
/// its urgency. The definition is two table passes, over the report's facts word with every absent question answered
/// no and with every one answered yes (<see cref="FactLayout.Complete"/>); both must give the report's own urgency.
/// Most reports need neither pass. Each rule's condition looks at some bits of the facts word (its clauses', and those
/// of the rules its clauses name, transitively), and answering the absent questions, either way, changes only the
/// bits <see cref="FactLayout.Changeable"/> lists. When no rule of a higher urgency looks at a changeable bit, none of
/// them can start to fire, so neither completion gives a higher urgency; when a rule that fired at the report's
/// urgency looks at none, it still fires, so neither gives a lower one. When both hold, both completions give the
/// report's urgency, exactly what the two passes would find; otherwise the passes decide, as before. Derived from
/// the compiled rules alone, so it holds for any condition the vocabulary can state.
/// </summary>
internal sealed class SettledCheck
{
    private readonly FactLayout _layout;
    private readonly RuleTable _table;
    private readonly Urgency[] _urgencies; // by rule
    private readonly FactWord[] _looksAt; // by rule
    private readonly FactWord[] _looksAbove; // by urgency: the bits some rule of a higher urgency looks at
    private readonly ulong[] _atLeast; // by urgency: the rules of that urgency or higher

    public SettledCheck(IReadOnlyList<CompiledRule> rules, FactLayout layout, RuleTable table)
    {
        _layout = layout;
        _table = table;
        _urgencies = [.. rules.Select(r => r.Rule.Urgency)];
        _looksAt = new FactWord[rules.Count];
        for (var rule = 0; rule < rules.Count; rule++)
        {
            var looks = FactWord.Empty;
            foreach (var clause in rules[rule].Clauses)
            {
                looks |= clause.Set | clause.Clear;

                // The rules a clause names come earlier in the catalogue (RuleTable checks it), so their bits are known.
                for (var named = clause.Fired | clause.NotFired; named != 0; named &= named - 1)
                {
                    looks |= _looksAt[BitOperations.TrailingZeroCount(named)];
                }
            }

            _looksAt[rule] = looks;
        }

        var levels = (int)Enum.GetValues<Urgency>().Max() + 1;
        _looksAbove = new FactWord[levels];
        _atLeast = new ulong[levels];
        for (var level = 0; level < levels; level++)
        {
            for (var rule = 0; rule < rules.Count; rule++)
            {
                if ((int)_urgencies[rule] > level)
                {
                    _looksAbove[level] |= _looksAt[rule];
                }

                _atLeast[level] |= (int)_urgencies[rule] >= level ? 1UL << rule : 0;
            }
        }
    }

    /// <summary>
    /// Whether no answer to the questions of <paramref name="notGiven"/> can change the urgency of a report with these
    /// facts, on which the rules of <paramref name="fired"/> fired and gave <paramref name="urgency"/>. Should the
    /// bounds of the table passes ever be out of order, the answer is "not settled", the side that presents the result
    /// as incomplete.
    /// </summary>
    public bool IsSettled(in Facts facts, uint notGiven, ulong fired, Urgency urgency)
    {
        if (notGiven == 0)
        {
            return true;
        }

        var changeable = _layout.Changeable(facts, notGiven);
        return (CannotRise(changeable, urgency) && CannotFall(changeable, fired, urgency))
            || (UrgencyOf(_layout.Complete(facts, notGiven, asYes: false)) == urgency
                && UrgencyOf(_layout.Complete(facts, notGiven, asYes: true)) == urgency);
    }

    /// <summary>Whether no rule above <paramref name="urgency"/> looks at a changeable bit: none of them, not fired now, can fire.</summary>
    internal bool CannotRise(in FactWord changeable, Urgency urgency) => !changeable.Intersects(_looksAbove[(int)urgency]);

    /// <summary>Whether a rule that fired at <paramref name="urgency"/> looks at no changeable bit: it fires however they are answered.</summary>
    internal bool CannotFall(in FactWord changeable, ulong fired, Urgency urgency)
    {
        for (var rules = fired & _atLeast[(int)urgency]; rules != 0; rules &= rules - 1)
        {
            if (!changeable.Intersects(_looksAt[BitOperations.TrailingZeroCount(rules)]))
            {
                return true;
            }
        }

        return false;
    }

    // The catalogue is ordered by urgency, so the first rule that fires has the highest.
    private Urgency UrgencyOf(FactWord word) => _urgencies[BitOperations.TrailingZeroCount(_table.Fire(word))];
}
