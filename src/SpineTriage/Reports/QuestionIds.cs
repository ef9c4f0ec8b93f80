namespace SpineTriage.Reports;

/// <summary>Reads question ids as documents and reports write them (camelCase, case-sensitive).</summary>
internal static class QuestionIds
{
    /// <summary>Reads a question id of the grammar (a well-known question or another).</summary>
    public static bool TryParse(string id, out QuestionId question) => QuestionId.TryParse(id, out question);
}
