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

    // Every question of every rule set: a report can be read before an engine says which rule set it is for.
    private static readonly int QuestionCount = Enum.GetValues<QuestionId>().Length;
    private readonly sbyte[] _answers;

    private AnswerSet(sbyte[] answers) => _answers = answers;

    /// <summary>Gets a set in which no question was answered.</summary>
    public static AnswerSet Empty { get; } = new(Enumerable.Repeat(NotGiven, QuestionCount).ToArray());

    /// <summary>Gets the answer to a question; <see cref="Answer.Unknown"/> when it was not given.</summary>
    /// <param name="question">The question.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="question"/> is not a defined question.</exception>
    public Answer this[QuestionId question]
    {
        get
        {
            var value = _answers[Index(question)];
            return value == NotGiven ? Answer.Unknown : (Answer)value;
        }
    }

    /// <summary>Gets the number of questions that were given an answer (including explicit unknowns).</summary>
    public int Count => _answers.Count(a => a != NotGiven);

    /// <summary>Creates a set from question/answer pairs.</summary>
    /// <param name="answers">The answers; a question may appear once.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">A question appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A question or an answer is not defined.</exception>
    public static AnswerSet From(IEnumerable<KeyValuePair<QuestionId, Answer>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var values = (sbyte[])Empty._answers.Clone();
        foreach (var (question, answer) in answers)
        {
            var index = Index(question);
            if (values[index] != NotGiven)
            {
                throw new ArgumentException($"Question {question} is answered twice.", nameof(answers));
            }

            values[index] = Encode(answer);
        }

        return new AnswerSet(values);
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
        var values = (sbyte[])_answers.Clone();
        values[Index(question)] = Encode(answer);
        return new AnswerSet(values);
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
        var values = (sbyte[])_answers.Clone();
        foreach (var question in questions)
        {
            var index = Index(question.Id);
            if (values[index] == NotGiven)
            {
                values[index] = encoded;
            }
        }

        return new AnswerSet(values);
    }

    /// <summary>
    /// Returns a copy in which every question that was not given, of every rule set, is answered <paramref name="answer"/>.
    /// A rule set 1.0 engine rejects answers to the questions of rule set 2.0: for it, use
    /// <see cref="WithNotGivenAs(Answer, IEnumerable{Question})"/> with <see cref="QuestionCatalogue.All"/>.
    /// </summary>
    /// <param name="answer">The answer to give to the questions not yet given.</param>
    /// <returns>The new set.</returns>
    public AnswerSet WithNotGivenAs(Answer answer)
    {
        var encoded = Encode(answer);
        var values = (sbyte[])_answers.Clone();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] == NotGiven)
            {
                values[i] = encoded;
            }
        }

        return new AnswerSet(values);
    }

    /// <summary>Gets whether a question was given an answer, including an explicit <see cref="Answer.Unknown"/>.</summary>
    /// <param name="question">The question.</param>
    /// <returns><see langword="true"/> when the question appears in the report's answers.</returns>
    public bool IsGiven(QuestionId question) => _answers[Index(question)] != NotGiven;

    /// <summary>The answer to a defined question as the engine reads it: <see langword="null"/> when it was not given.</summary>
    internal Answer? Given(QuestionId question) => _answers[(int)question] is var value && value == NotGiven ? null : (Answer)value;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<QuestionId, Answer>> GetEnumerator()
    {
        for (var i = 0; i < _answers.Length; i++)
        {
            if (_answers[i] != NotGiven)
            {
                yield return KeyValuePair.Create((QuestionId)i, (Answer)_answers[i]);
            }
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(AnswerSet? other) => other is not null && _answers.AsSpan().SequenceEqual(other._answers);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AnswerSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_answers.AsSpan()));
        return hash.ToHashCode();
    }

    /// <summary>Says how many questions were answered, never the answers, which are patient data.</summary>
    /// <returns>For example <c>AnswerSet: 5 of 27 questions answered; answers not shown (patient data)</c>.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"AnswerSet: {Count} of {QuestionCount} questions answered; answers not shown (patient data)");

    private static int Index(QuestionId question)
    {
        var index = (int)question;
        if ((uint)index >= (uint)QuestionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(question), question, "Not a defined question.");
        }

        return index;
    }

    private static sbyte Encode(Answer answer) => answer is Answer.Unknown or Answer.No or Answer.Yes
        ? (sbyte)answer
        : throw new ArgumentOutOfRangeException(nameof(answer), answer, "An answer is yes, no or unknown.");
}
