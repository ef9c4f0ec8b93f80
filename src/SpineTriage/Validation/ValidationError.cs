namespace SpineTriage.Validation;

/// <summary>One reason a report (or its JSON) is not accepted: where, and what is allowed.</summary>
/// <param name="Path">The JSON path of the offending field, for example <c>$.painScore</c> or <c>$.answers.saddleNumbess</c>; <c>$</c> for the document itself.</param>
/// <param name="Message">What is wrong and what is allowed, in a sentence.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <summary>Formats the error as <c>path: message</c>.</summary>
    /// <returns>The error as one line.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
