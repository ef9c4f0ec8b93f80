namespace SpineTriage.Validation;

/// <summary>One reason an input (a report, its JSON, a case file, an audit record) is not accepted: where, what kind, and what is allowed.</summary>
/// <param name="Path">The JSON path of the offending field, for example <c>$.painScore</c> or <c>$.answers.saddleNumbess</c>; <c>$</c> for the document itself.</param>
/// <param name="Code">The stable, machine-readable kind of error, one of <see cref="ErrorCodes"/>, for example <see cref="ErrorCodes.OutOfRange"/>.</param>
/// <param name="Message">What is wrong and what is allowed, in a sentence, for people; it may be reworded, the code is not.</param>
public sealed record ValidationError(string Path, string Code, string Message)
{
    /// <summary>Formats the error as <c>path: message</c>.</summary>
    /// <returns>The error as one line.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
