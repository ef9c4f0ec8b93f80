using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Validation;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// A rule set as one engine evaluates it: its questions, its rules in catalogue order and the engine's fever threshold.
/// It reads a report's facts (<see cref="Facts"/>), fires every rule by reading its condition tree
/// (<see cref="ConditionInterpreter"/>) in catalogue order, and explains the rules that fired. The urgency is the highest
/// of the rules that fired, whatever their order. Nothing limits the number of questions or rules.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class RuleEvaluator
{
    // Rules that fit are tracked on the stack while a report is evaluated; more are tracked in an array.
    private const int StackRules = 256;

    private readonly Dictionary<QuestionId, Question> _byId; // the rule set's questions by id
    private readonly Dictionary<string, int> _ruleIndexes;
    private readonly string[] _rationales; // by rule
    private readonly int[] _findingOrder; // rule indexes, highest urgency first, then in catalogue order
    private readonly Condition[] _surgeryConditions; // the distinct conditions of the questions' applicability and red-flag counting
    private readonly int[] _appliesSlot; // by asking position (Question.Order - 1): its applicability's place in _surgeryConditions, -1 for always
    private readonly int[] _redFlagSlot; // by asking position: its red-flag condition's place in _surgeryConditions, -1 for always
    private readonly Urgency[] _highestFrom; // by rule index: the highest urgency of that rule and the rules after it (0 past the end)

    /// <param name="rules">The rules in catalogue order.</param>
    /// <param name="questions">The rule set's questions in asking order (the order in which evidence cites answers).</param>
    /// <param name="feverThresholdCelsius">The engine's fever threshold.</param>
    /// <exception cref="InvalidOperationException">
    /// A condition names another fever threshold, a rule refers to a rule not above it, two questions or rules share an id,
    /// or a question's applicability depends on more than the surgery region and the days since surgery.
    /// </exception>
    public RuleEvaluator(IReadOnlyList<Rule> rules, IReadOnlyList<Question> questions, decimal feverThresholdCelsius)
    {
        FeverThresholdCelsius = feverThresholdCelsius;
        Rules = [.. rules];
        AskingOrder = [.. questions];
        RedFlags = [.. questions.Where(q => q.IsRedFlag)];
        _byId = [];
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            if (question.Order != i + 1)
            {
                throw new InvalidOperationException($"Question {question.JsonId} is asked at {question.Order}, not {i + 1}.");
            }

            if (!_byId.TryAdd(question.Id, question))
            {
                throw new InvalidOperationException($"Question {question.JsonId} is listed twice.");
            }

            CheckSurgeryOnly(question.AppliesWhen, question.JsonId);
            CheckSurgeryOnly(question.CountsAsRedFlagWhen, question.JsonId);
        }

        _surgeryConditions = [.. questions.SelectMany(q => new[] { q.AppliesWhen, q.CountsAsRedFlagWhen }).Where(c => !ReferenceEquals(c, When.Always)).Distinct()];
        _appliesSlot = [.. questions.Select(q => Array.IndexOf(_surgeryConditions, q.AppliesWhen))];
        _redFlagSlot = [.. questions.Select(q => Array.IndexOf(_surgeryConditions, q.CountsAsRedFlagWhen))];

        _ruleIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Rules.Length; i++)
        {
            if (!_ruleIndexes.TryAdd(Rules[i].Id, i))
            {
                throw new InvalidOperationException($"Rule id {Rules[i].Id} is declared twice.");
            }

            Check(Rules[i].When, new RuleScope(i, _ruleIndexes));
        }

        _rationales = [.. Rules.Select(r => r.ClinicianRationale)];
        _highestFrom = new Urgency[Rules.Length + 1];
        for (var i = Rules.Length - 1; i >= 0; i--)
        {
            _highestFrom[i] = Rules[i].Urgency > _highestFrom[i + 1] ? Rules[i].Urgency : _highestFrom[i + 1];
        }

        _findingOrder = [.. Enumerable.Range(0, Rules.Length).OrderByDescending(i => Rules[i].Urgency).ThenBy(i => i)];
    }

    public decimal FeverThresholdCelsius { get; }

    /// <summary>Gets the rules in catalogue order.</summary>
    public Rule[] Rules { get; }

    /// <summary>Gets the rule set's questions in asking order.</summary>
    public Question[] AskingOrder { get; }

    /// <summary>Gets the red-flag questions in asking order.</summary>
    public Question[] RedFlags { get; }

    /// <summary>The question of the rule set with an id, or <see langword="null"/>.</summary>
    public Question? Find(QuestionId question) => _byId.GetValueOrDefault(question);

    /// <summary>The asking position of a question; one the rule set does not ask comes after all of them, by id (<see cref="QuestionId.CompareTo"/>).</summary>
    public int AskingPosition(QuestionId question) => _byId.TryGetValue(question, out var asked) ? asked.Order - 1 : AskingOrder.Length + Math.Max(question.Rank, 0);

    /// <summary>
    /// Which of the questions' conditions on the surgery hold for a region and day count (bit <c>i</c>: condition <c>i</c>,
    /// of the first 64; <see cref="Applies"/> and <see cref="CountsAsRedFlag"/> leave any further one to the caller).
    /// </summary>
    public ulong SurgeryFacts(SurgeryRegion? region, int daysSinceSurgery)
    {
        var holds = 0UL;
        for (var i = 0; i < _surgeryConditions.Length && i < 64; i++)
        {
            holds |= Facts.HoldsOnSurgery(_surgeryConditions[i], region, daysSinceSurgery) ? 1UL << i : 0;
        }

        return holds;
    }

    /// <summary>Whether a question applies, from <see cref="SurgeryFacts"/>; <see langword="null"/> when the caller must read its condition.</summary>
    public bool? Applies(Question question, ulong surgeryFacts) => Read(_appliesSlot[question.Order - 1], surgeryFacts);

    /// <summary>Whether a red-flag question's condition of counting holds, from <see cref="SurgeryFacts"/>; <see langword="null"/> when the caller must read it.</summary>
    public bool? CountsAsRedFlag(Question question, ulong surgeryFacts) => Read(_redFlagSlot[question.Order - 1], surgeryFacts);

    /// <summary>The facts of a validated report as it stands.</summary>
    public Facts Read(ValidatedReport report) => new(this, report, Answer.Unknown, report.Report.Temperature, report.Report.PainScore);

    /// <summary>The facts of a report completed: its applicable absent questions answered <paramref name="absentAs"/>, with a temperature and pain score.</summary>
    public Facts Read(ValidatedReport report, Answer absentAs, Temperature? temperature, int? painScore) => new(this, report, absentAs, temperature, painScore);

    /// <summary>Fires every rule in catalogue order (a rule may read those above it) and gives the highest urgency of those that fired.</summary>
    /// <param name="facts">The report's facts.</param>
    /// <param name="fired">Receives whether each rule fired, by catalogue index; as long as <see cref="Rules"/>.</param>
    /// <exception cref="InvalidOperationException">No rule fired: a rule set must have a rule that fires when no other does.</exception>
    public Urgency Fire(in Facts facts, Span<bool> fired)
    {
        var urgency = (Urgency)0;
        for (var i = 0; i < fired.Length; i++)
        {
            var rule = Rules[i];
            fired[i] = ConditionInterpreter.Holds(rule.When, facts, fired, new RuleScope(i, _ruleIndexes));
            urgency = fired[i] && rule.Urgency > urgency ? rule.Urgency : urgency;
        }

        return urgency != 0 ? urgency : throw new InvalidOperationException("No rule fired: the rule set needs a rule that fires when no other does.");
    }

    /// <summary>
    /// The highest urgency of the rules that fire on the facts. Rules are read in catalogue order until no rule left can
    /// give a higher urgency than one that fired (in a catalogue listed by urgency, until the first rule that fires).
    /// </summary>
    public Urgency UrgencyOf(in Facts facts)
    {
        Span<bool> fired = Rules.Length <= StackRules ? stackalloc bool[Rules.Length] : new bool[Rules.Length];
        var urgency = (Urgency)0;
        for (var i = 0; i < fired.Length && urgency < _highestFrom[i]; i++)
        {
            var rule = Rules[i];
            fired[i] = ConditionInterpreter.Holds(rule.When, facts, fired, new RuleScope(i, _ruleIndexes));
            urgency = fired[i] && rule.Urgency > urgency ? rule.Urgency : urgency;
        }

        return urgency != 0 ? urgency : throw new InvalidOperationException("No rule fired: the rule set needs a rule that fires when no other does.");
    }

    /// <summary>
    /// Whether no answer to the applicable questions absent from the report can change its urgency: the report with every
    /// one of them answered no, and with every one answered yes (its measurements as they stand), has the same urgency.
    /// The rules are monotonic in the answers, so these two bound every other way of answering them.
    /// </summary>
    public bool IsSettled(ValidatedReport report, in Facts facts, Urgency urgency) =>
        !facts.AnyApplicableQuestionAbsent()
        || (UrgencyOf(Read(report, Answer.Yes, facts.Temperature, report.Report.PainScore)) == urgency
            && UrgencyOf(Read(report, Answer.No, facts.Temperature, report.Report.PainScore)) == urgency);

    /// <summary>The findings of the rules that fired: highest urgency first, then in catalogue order.</summary>
    /// <param name="facts">The report's facts.</param>
    /// <param name="fired">Whether each rule fired, by catalogue index.</param>
    /// <param name="texts">Each rule's title and patient explanation in the result's language, by catalogue index.</param>
    public Finding[] Findings(in Facts facts, ReadOnlySpan<bool> fired, RuleText[] texts)
    {
        var count = 0;
        foreach (var f in fired)
        {
            count += f ? 1 : 0;
        }

        var findings = new Finding[count];
        var lines = new List<string>(8);
        var next = 0;
        foreach (var i in _findingOrder)
        {
            if (fired[i])
            {
                var rule = Rules[i];
                findings[next++] = new Finding
                {
                    RuleId = rule.Id,
                    Urgency = rule.Urgency,
                    Title = texts[i].Title,
                    PatientExplanation = texts[i].PatientExplanation,
                    TitleKey = texts[i].TitleKey,
                    PatientExplanationKey = texts[i].PatientExplanationKey,
                    ClinicianRationale = _rationales[i],
                    Evidence = ValueList<string>.Own(ConditionInterpreter.Evidence(rule.When, facts, fired, new RuleScope(i, _ruleIndexes), lines)),
                    Source = rule.Source,
                };
            }
        }

        return findings;
    }

    /// <summary>Whether a condition on the facts alone (the early-period advice) holds.</summary>
    public static bool Holds(Condition condition, in Facts facts) => ConditionInterpreter.Holds(condition, facts, default, default);

    /// <summary>Gets the place after every rule: a condition read there (a safety-net sign) may name any rule that fired (3.0: <c>{"fired": "infection-with-fever"}</c>).</summary>
    public RuleScope AfterAllRules => new(Rules.Length, _ruleIndexes);

    /// <summary>Whether a condition read after every rule fired (a safety-net sign) holds.</summary>
    public bool HoldsAfterRules(Condition condition, in Facts facts, ReadOnlySpan<bool> fired) => ConditionInterpreter.Holds(condition, facts, fired, AfterAllRules);

    private static bool? Read(int slot, ulong surgeryFacts) => slot switch
    {
        < 0 => true,
        < 64 => (surgeryFacts & (1UL << slot)) != 0,
        _ => null,
    };

    /// <summary>Checks a condition when the engine is built, so that evaluating it cannot fail.</summary>
    public void Check(Condition condition, RuleScope scope)
    {
        switch (condition)
        {
            case AllOf all:
                foreach (var c in all.Items)
                {
                    Check(c, scope);
                }

                break;
            case AnyOf any:
                foreach (var c in any.Items)
                {
                    Check(c, scope);
                }

                break;
            case NotOf not:
                Check(not.Condition, scope);
                break;
            case NamedFact fact:
                Check(fact.Definition, scope);
                break;
            case FeverIs fever when fever.ThresholdCelsius != FeverThresholdCelsius:
                throw new InvalidOperationException($"A condition names a fever threshold of {When.Format(fever.ThresholdCelsius)} °C; the engine uses {When.Format(FeverThresholdCelsius)} °C.");
            case RuleFired fired:
                scope.IndexOf(fired.RuleId);
                break;
            case NoRuleAboveFired when scope.RuleIndexes is null:
                throw new InvalidOperationException("Only a rule's condition can depend on rules.");
            default:
                break;
        }
    }

    private static void CheckSurgeryOnly(Condition condition, string question)
    {
        switch (condition)
        {
            case AllOf all:
                foreach (var c in all.Items)
                {
                    CheckSurgeryOnly(c, question);
                }

                break;
            case AnyOf any:
                foreach (var c in any.Items)
                {
                    CheckSurgeryOnly(c, question);
                }

                break;
            case NotOf not:
                CheckSurgeryOnly(not.Condition, question);
                break;
            case NamedFact fact:
                CheckSurgeryOnly(fact.Definition, question);
                break;
            case RegionIs or RegionNotGiven or DaysSinceSurgeryWithin:
                break;
            default:
                throw new InvalidOperationException($"When question {question} applies may depend on the surgery region and the days since surgery only, not on a {condition.GetType().Name}.");
        }
    }
}
