using SpineTriage.Serialization.Internal;

namespace SpineTriage.Reports;

/// <summary>Reads question ids as documents and reports write them (camelCase, case-sensitive).</summary>
internal static class QuestionIds
{
    private static readonly Dictionary<string, QuestionId> ByName =
        Enum.GetValues<QuestionId>().ToDictionary(q => JsonNames.Of(q), StringComparer.Ordinal);

    /// <summary>Finds the question with a JSON id.</summary>
    public static bool TryParse(string id, out QuestionId question) => ByName.TryGetValue(id, out question);
}
