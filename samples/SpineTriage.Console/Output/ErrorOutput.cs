using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>Writes input errors to standard error: as lines of text, or as the contract's error JSON.</summary>
internal static class ErrorOutput
{
    /// <summary>Writes errors of an input.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="format">The output format the command was asked for: <c>json</c> writes <see cref="TriageJson.SerializeErrors"/>.</param>
    /// <param name="summary">What was wrong, for the text format, for example <c>the report is invalid</c>.</param>
    /// <param name="errors">The errors, each with its JSON path.</param>
    /// <returns><see cref="ExitCodes.InvalidInput"/>.</returns>
    public static int Write(TextWriter error, string format, string summary, IReadOnlyList<ValidationError> errors)
    {
        if (format == OutputFormats.Json)
        {
            error.WriteLine(TriageJson.SerializeErrors(errors));
            return ExitCodes.InvalidInput;
        }

        if (errors.Count == 1)
        {
            var where = errors[0].Path == "$" ? "" : $"{errors[0].Path}: ";
            error.WriteLine($"spinetriage: {summary}: {where}{errors[0].Message}");
            return ExitCodes.InvalidInput;
        }

        error.WriteLine($"spinetriage: {summary} ({errors.Count} errors):");
        foreach (var each in errors)
        {
            error.WriteLine($"  {each.Path}: {each.Message}");
        }

        return ExitCodes.InvalidInput;
    }
}
