namespace SpineTriage.Tests.Traceability;

/// <summary>A statement quoted verbatim from the source page, and the rules that encode it.</summary>
/// <param name="Id">A short id for the document, for example <c>W5</c>.</param>
/// <param name="Section">The section of the source page it is quoted from.</param>
/// <param name="Question">For the FAQ, the question it answers; otherwise <see langword="null"/>.</param>
/// <param name="Text">The statement, verbatim.</param>
/// <param name="RuleIds">The rules that encode it; empty when no rule does (then <paramref name="Note"/> says why).</param>
/// <param name="Note">Why no rule encodes it, or how it is encoded otherwise.</param>
internal sealed record SourceStatement(string Id, string Section, string? Question, string Text, string[] RuleIds, string? Note = null);
