using System.Collections;

namespace SpineTriage.Reports;

/// <summary>
/// The answers of one report: for each question, yes, no or unknown. A question that was not given
/// is <see cref="Answer.Unknown"/>; the set also remembers which questions were given at all, so a
/// report round-trips and a nurse-line host can tell "don't know" from "not asked yet".
/// </summary>
/// <remarks>Immutable and thread-safe. Enumerating yields the given answers in asking order.</remarks>
public sealed class AnswerSet : IReadOnlyCollection<KeyValuePair<QuestionId, Answer>>, IEquatable<AnswerSet>
{
    private const sbyte NotGiven = -1;

    // The answers to the well-known questions by their rank (a report can be read before an engine says which rule set
    // it is for), and those to other questions (a local edition's), ordered by id.
    private static readonly int WellKnownCount = QuestionId.WellKnown.Count;
    private static readonly KeyValuePair<QuestionId, Answer>[] NoOthers = [];
    private readonly sbyte[] _known;
    private readonly KeyValuePair<QuestionId, Answer>[] _others;

    private AnswerSet(sbyte[] known, KeyValuePair<QuestionId, Answer>[] others)
    {
        _known = known;
        _others = others;
    }

    /// <summary>Gets a set in which no question was answered.</summary>
    public static AnswerSet Empty { get; } = new(Enumerable.Repeat(NotGiven, WellKnownCount).ToArray(), NoOthers);

    /// <summary>Gets the answer to a question; <see cref="Answer.Unknown"/> when it was not given.</summary>
    /// <param name="question">The question.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="question"/> is <c>default(QuestionId)</c>.</exception>
    public Answer this[QuestionId question] => Given(Check(question)) ?? Answer.Unknown;

    /// <summary>Gets the number of questions that were given an answer (including explicit unknowns).</summary>
    public int Count => _known.Count(a => a != NotGiven) + _others.Length;

    /// <summary>Creates a set from question/answer pairs.</summary>
    /// <param name="answers">The answers; a question may appear once.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">A question appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A question is <c>default(QuestionId)</c> or an answer is not defined.</exception>
    public static AnswerSet From(IEnumerable<KeyValuePair<QuestionId, Answer>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var known = (sbyte[])Empty._known.Clone();
        List<KeyValuePair<QuestionId, Answer>>? others = null;
        foreach (var (question, answer) in answers)
        {
            Check(question);
            var encoded = Encode(answer);
            if (question.Rank >= 0 ? known[question.Rank] != NotGiven : others?.Exists(o => o.Key == question) == true)
            {
                throw new ArgumentException($"Question {question} is answered twice.", nameof(answers));
            }

            if (question.Rank >= 0)
            {
                known[question.Rank] = encoded;
            }
            else
            {
                (others ??= []).Add(KeyValuePair.Create(question, answer));
            }
        }

        return new AnswerSet(known, Sorted(others));
    }

    /// <summary>Creates a set from question/answer tuples, for example <c>AnswerSet.Of((QuestionId.Fever, Answer.Yes))</c>.</summary>
    /// <param name="answers">The answers; a question may appear once.</param>
    /// <returns>The set.</returns>
    public static AnswerSet Of(params (QuestionId Question, Answer Answer)[] answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return From(answers.Select(a => KeyValuePair.Create(a.Question, a.Answer)));
    }

    /// <summary>Returns a copy with one answer set or replaced.</summary>
    /// <param name="question">The question.</param>
    /// <param name="answer">Its answer.</param>
    /// <returns>The new set; this one is unchanged.</returns>
    public AnswerSet With(QuestionId question, Answer answer)
    {
        Check(question);
        var encoded = Encode(answer);
        if (question.Rank >= 0)
        {
            var known = (sbyte[])_known.Clone();
            known[question.Rank] = encoded;
            return new AnswerSet(known, _others);
        }

        return new AnswerSet(_known, Sorted([.. _others.Where(o => o.Key != question), KeyValuePair.Create(question, answer)]));
    }

    /// <summary>
    /// Returns a copy in which every question of the given catalogue that was not given is answered <paramref name="answer"/>,
    /// for example <c>WithNotGivenAs(Answer.No, engine.RuleSet.Questions)</c>: an engine rejects answers to questions its rule
    /// set does not have, so complete a report with the questions of the engine's rule set.
    /// </summary>
    /// <param name="answer">The answer to give to the questions not yet given.</param>
    /// <param name="questions">The questions to answer when not given, for example <see cref="Rules.RuleSet.Questions"/> or <see cref="QuestionCatalogue.All"/>.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> is <see langword="null"/>.</exception>
    public AnswerSet WithNotGivenAs(Answer answer, IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var encoded = Encode(answer);
        var known = (sbyte[])_known.Clone();
        List<KeyValuePair<QuestionId, Answer>>? others = null;
        foreach (var question in questions)
        {
            var id = Check(question.Id);
            if (id.Rank >= 0)
            {
                known[id.Rank] = known[id.Rank] == NotGiven ? encoded : known[id.Rank];
            }
            else if (!IsGiven(id) && others?.Exists(o => o.Key == id) != true)
            {
                (others ??= [.. _others]).Add(KeyValuePair.Create(id, answer));
            }
        }

        return new AnswerSet(known, others is null ? _others : Sorted(others));
    }

    /// <summary>
    /// Returns a copy in which every well-known question (<see cref="QuestionId.WellKnown"/>, those of the shipped rule sets)
    /// that was not given is answered <paramref name="answer"/>. A rule set 1.0 engine rejects answers to the questions of
    /// rule set 2.0, and a local edition may ask others: for them, use <see cref="WithNotGivenAs(Answer, IEnumerable{Question})"/>
    /// with the engine's <see cref="Rules.RuleSet.Questions"/>.
    /// </summary>
    /// <param name="answer">The answer to give to the questions not yet given.</param>
    /// <returns>The new set.</returns>
    public AnswerSet WithNotGivenAs(Answer answer)
    {
        var encoded = Encode(answer);
        var known = (sbyte[])_known.Clone();
        for (var i = 0; i < known.Length; i++)
        {
            if (known[i] == NotGiven)
            {
                known[i] = encoded;
            }
        }

        return new AnswerSet(known, _others);
    }

    /// <summary>Gets whether a question was given an answer, including an explicit <see cref="Answer.Unknown"/>.</summary>
    /// <param name="question">The question.</param>
    /// <returns><see langword="true"/> when the question appears in the report's answers.</returns>
    public bool IsGiven(QuestionId question) => Given(Check(question)).HasValue;

    /// <summary>The answer to a question as the engine reads it: <see langword="null"/> when it was not given.</summary>
    internal Answer? Given(QuestionId question)
    {
        var rank = question.Rank;
        if (rank >= 0)
        {
            var value = _known[rank];
            return value == NotGiven ? null : (Answer)value;
        }

        foreach (var (id, answer) in _others)
        {
            if (id == question)
            {
                return answer;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<QuestionId, Answer>> GetEnumerator()
    {
        for (var i = 0; i < _known.Length; i++)
        {
            if (_known[i] != NotGiven)
            {
                yield return KeyValuePair.Create(QuestionId.WellKnown[i], (Answer)_known[i]);
            }
        }

        foreach (var other in _others)
        {
            yield return other;
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(AnswerSet? other) =>
        other is not null && _known.AsSpan().SequenceEqual(other._known) && _others.AsSpan().SequenceEqual(other._others);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AnswerSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_known.AsSpan()));
        foreach (var (id, answer) in _others)
        {
            hash.Add(id);
            hash.Add(answer);
        }

        return hash.ToHashCode();
    }

    /// <summary>Says how many questions were answered, never the answers, which are patient data.</summary>
    /// <returns>For example <c>AnswerSet: 5 questions answered; answers not shown (patient data)</c>.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"AnswerSet: {Count} questions answered; answers not shown (patient data)");

    private static QuestionId Check(QuestionId question) =>
        question.IsDefault ? throw new ArgumentOutOfRangeException(nameof(question), "default(QuestionId) is no question.") : question;

    private static KeyValuePair<QuestionId, Answer>[] Sorted(List<KeyValuePair<QuestionId, Answer>>? others) =>
        others is null || others.Count == 0 ? NoOthers : [.. others.OrderBy(o => o.Key)];

    private static sbyte Encode(Answer answer) => answer is Answer.Unknown or Answer.No or Answer.Yes
        ? (sbyte)answer
        : throw new ArgumentOutOfRangeException(nameof(answer), answer, "An answer is yes, no or unknown.");
}
