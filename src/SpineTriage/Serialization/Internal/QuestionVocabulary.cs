using SpineTriage.Reports;
using SpineTriage.Validation;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// The question ids a report reader accepts as answers, with their UTF-8 names for matching without allocating: the
/// well-known questions of the shipped rule sets (<see cref="Shipped"/>, read before an engine says its rule set), and
/// for an engine also its rule set's own (a local edition's). Any other id is an <see cref="ErrorCodes.UnknownQuestion"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class QuestionVocabulary
{
    private QuestionVocabulary(IEnumerable<QuestionId> questions)
    {
        Ids = [.. questions.Distinct()];
        Names = [.. Ids.Select(q => q.Id)];
        var names = Names;
        AnswersShape = new ObjectShape(
            names,
            ErrorCodes.UnknownQuestion,
            name => $"unknown question id '{StrictJson.Shorten(name)}'{StrictJson.Suggest(name, names)}; the question ids are listed by the question catalogue (spinetriage questions).");
    }

    /// <summary>Gets the well-known questions of every shipped rule set (1.0's in its asking order, then those 2.0 adds).</summary>
    public static QuestionVocabulary Shipped { get; } = new(QuestionId.WellKnown);

    /// <summary>Gets the ids, in the order the shape lists them.</summary>
    public QuestionId[] Ids { get; }

    /// <summary>Gets the JSON names of <see cref="Ids"/>.</summary>
    public string[] Names { get; }

    /// <summary>Gets the shape of <c>answers</c>: one property per id.</summary>
    public ObjectShape AnswersShape { get; }

    /// <summary>The shipped questions and a rule set's own: the same as <see cref="Shipped"/> when it adds none.</summary>
    public static QuestionVocabulary With(IEnumerable<QuestionId> questions)
    {
        var others = questions.Where(q => !q.IsWellKnown).ToArray();
        return others.Length == 0 ? Shipped : new QuestionVocabulary([.. QuestionId.WellKnown, .. others]);
    }
}
