using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>Writes input errors to standard error: as lines of text, or as the contract's error JSON.</summary>
internal static class ErrorOutput
{
    /// <summary>Writes errors of an input.</summary>
    /// <param name="format">The output format the command was asked for: <c>json</c> writes <see cref="TriageJson.SerializeErrors"/>.</param>
    /// <param name="summary">What was wrong, for the text format, for example <c>the report is invalid</c>.</param>
    /// <param name="errors">The errors, each with its JSON path.</param>
    /// <returns><see cref="ExitCodes.InvalidInput"/>.</returns>
    public static int Write(string format, string summary, IReadOnlyList<ValidationError> errors)
    {
        if (format == OutputFormats.Json)
        {
            Console.Error.WriteLine(TriageJson.SerializeErrors(errors));
            return ExitCodes.InvalidInput;
        }

        if (errors.Count == 1)
        {
            var where = errors[0].Path == "$" ? "" : $"{errors[0].Path}: ";
            Console.Error.WriteLine($"spinetriage: {summary}: {where}{errors[0].Message}");
            return ExitCodes.InvalidInput;
        }

        Console.Error.WriteLine($"spinetriage: {summary} ({errors.Count} errors):");
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"  {error.Path}: {error.Message}");
        }

        return ExitCodes.InvalidInput;
    }
}
