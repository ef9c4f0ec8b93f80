using System.Globalization;
using SpineTriage.Reports;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Interview;

/// <summary>
/// One thing an interview asks: a question of the catalogue, the measured temperature or the pain score
/// (<see cref="TriageInterview.Items"/> lists them in asking order).
/// </summary>
/// <remarks>Immutable and thread-safe; only the library creates items.</remarks>
public sealed class InterviewItem
{
    private InterviewItem(InterviewItemKind kind, Question? question, Measurement? measurement, string jsonName, string text, bool isRedFlag, int order, string leadKey)
    {
        LeadKey = leadKey;
        Kind = kind;
        Question = question;
        Measurement = measurement;
        JsonName = jsonName;
        Text = text;
        IsRedFlag = isRedFlag;
        Order = order;
    }

    /// <summary>Gets what is asked for.</summary>
    public InterviewItemKind Kind { get; }

    /// <summary>Gets the catalogue question, for <see cref="InterviewItemKind.Question"/>; otherwise <see langword="null"/>.</summary>
    public Question? Question { get; }

    /// <summary>Gets the question's id, for <see cref="InterviewItemKind.Question"/>; otherwise <see langword="null"/>.</summary>
    public QuestionId? QuestionId => Question?.Id;

    /// <summary>Gets the measurement, for <see cref="InterviewItemKind.Temperature"/> and <see cref="InterviewItemKind.PainScore"/>; otherwise <see langword="null"/>.</summary>
    public Measurement? Measurement { get; }

    /// <summary>
    /// Gets the name of the report JSON property the reply fills: the question id under <c>answers</c> (for example
    /// <c>saddleNumbness</c>), <c>temperature</c> or <c>painScore</c>; the same name goes in <c>skipped</c> when a
    /// measurement is asked for and not given.
    /// </summary>
    public string JsonName { get; }

    /// <summary>Gets the question in plain language, as a nurse or an app asks it.</summary>
    public string Text { get; }

    /// <summary>
    /// Gets the item's lead: for a question of several signs the line before them (<see cref="Question.Lead"/>), else the
    /// whole of <see cref="Text"/>.
    /// </summary>
    public string Lead => Question?.Lead ?? Text;

    /// <summary>Gets the registry key of <see cref="Lead"/>, for example <c>question.fever.text</c> or <c>interview.temperature.text</c>.</summary>
    public string LeadKey { get; }

    /// <summary>Gets the signs a question names, one a line after the lead; empty for the other items and for a question of one sign.</summary>
    public IReadOnlyList<string> Signs => Question?.Signs ?? [];

    /// <summary>Gets the registry key of each sign, in the order of <see cref="Signs"/>.</summary>
    public IReadOnlyList<string> SignKeys => Question?.SignKeys ?? [];

    /// <summary>Gets the hint after a list of signs (<c>Answer yes if any of these is true.</c>), or <see langword="null"/>.</summary>
    public string? AnswerHint => Question?.AnswerHint;

    /// <summary>Gets the registry key of <see cref="AnswerHint"/>, or <see langword="null"/>.</summary>
    public string? AnswerHintKey => Question?.AnswerHintKey;

    /// <summary>Gets whether the item is a red-flag question of the catalogue (the measurements are not).</summary>
    public bool IsRedFlag { get; }

    /// <summary>
    /// Gets the 1-based position in the interview's asking order (of <see cref="TriageInterview.Items"/>). A catalogue
    /// question also has its own <see cref="Question.Order"/> among the questions.
    /// </summary>
    public int Order { get; }

    /// <summary>Names the item, for example <c>3: question newOrWorseningLimbWeakness (red flag)</c>.</summary>
    /// <returns>The item's position, kind and JSON name.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Order}: {(Kind == InterviewItemKind.Question ? "question " : "")}{JsonName}{(IsRedFlag ? " (red flag)" : "")}");

    internal static InterviewItem Of(Question question, int order) =>
        new(InterviewItemKind.Question, question, null, question.JsonId, question.Text, question.IsRedFlag, order, question.LeadKey);

    internal static InterviewItem Temperature(int order, TextCatalogue texts) => new(
        InterviewItemKind.Temperature, null, Reports.Measurement.Temperature, "temperature", texts.Get(TemperatureKey), false, order, TemperatureKey);

    internal static InterviewItem PainScore(int order, TextCatalogue texts) => new(
        InterviewItemKind.PainScore, null, Reports.Measurement.PainScore, "painScore", texts.Get(PainScoreKey), false, order, PainScoreKey);

    private const string TemperatureKey = "interview.temperature.text";

    private const string PainScoreKey = "interview.painScore.text";
}
