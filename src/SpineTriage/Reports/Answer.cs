namespace SpineTriage.Reports;

/// <summary>A patient's answer to one question: yes, no or unknown ("don't know", or not asked).</summary>
/// <remarks>Never a nullable bool: <see cref="Unknown"/> is a real answer and is treated as "cannot be ruled out".</remarks>
public enum Answer
{
    /// <summary>The patient does not know, or the question was not asked. A red flag answered so cannot be ruled out.</summary>
    Unknown = 0,

    /// <summary>The patient answered no.</summary>
    No = 1,

    /// <summary>The patient answered yes.</summary>
    Yes = 2,
}
