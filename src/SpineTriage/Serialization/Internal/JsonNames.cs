using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.Serialization.Internal;

/// <summary>The camelCase JSON names of the model's enums (read back by <see cref="EnumNames{T}"/>).</summary>
internal static class JsonNames
{
    private static readonly string[] Urgencies = Names<Urgency>();
    private static readonly string[] AnswersNames = Names<Answer>();

    public static string Of(QuestionId value) => value.Id;

    public static string Of(Urgency value) => Urgencies[(int)value - 1];

    public static string Of(Answer value) => AnswersNames[(int)value];

    public static string Of<T>(T value)
        where T : struct, Enum => CamelCase(Enum.GetName(value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, "Undefined value."));

    /// <summary>Lists the allowed names of an enum, for error messages: <c>'yes', 'no', 'unknown'</c>.</summary>
    public static string Allowed<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => $"'{Of(v)}'"));

    private static string[] Names<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => Of(v)).ToArray();

    private static string CamelCase(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
