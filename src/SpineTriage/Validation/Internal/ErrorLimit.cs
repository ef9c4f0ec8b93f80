using System.Globalization;

namespace SpineTriage.Validation.Internal;

/// <summary>
/// Bounds the errors of one input: the first <c>max</c> are listed, then one <see cref="ErrorCodes.TooManyErrors"/>
/// error at <c>$</c> says how many more were found. A 1 MiB report can hold half a million bad values; listing them all
/// took about 690 MB of memory and 84 MB of text.
/// </summary>
internal static class ErrorLimit
{
    /// <summary>The default number of errors listed for one input.</summary>
    public const int DefaultMax = 100;

    /// <summary>The error that stands for the errors not listed.</summary>
    public static ValidationError Summary(int omitted, int max) => new(
        "$",
        ErrorCodes.TooManyErrors,
        string.Create(CultureInfo.InvariantCulture, $"and {omitted} more error{(omitted == 1 ? "" : "s")}: only the first {max} are listed."));

    /// <summary>The errors, at most <paramref name="max"/> of them, then the summary when any were left out.</summary>
    /// <param name="errors">The errors found, in order (no summary among them).</param>
    /// <param name="omittedBefore">Errors already left out before these were collected.</param>
    /// <param name="max">How many to list.</param>
    public static IReadOnlyList<ValidationError> Cap(IEnumerable<ValidationError> errors, int omittedBefore, int max)
    {
        var listed = new List<ValidationError>(Math.Min(max, 16));
        var omitted = omittedBefore;
        foreach (var error in errors)
        {
            if (listed.Count < max)
            {
                listed.Add(error);
            }
            else
            {
                omitted++;
            }
        }

        if (omitted > 0)
        {
            listed.Add(Summary(omitted, max));
        }

        return listed;
    }
}
