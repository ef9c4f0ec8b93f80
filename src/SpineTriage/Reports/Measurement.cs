namespace SpineTriage.Reports;

/// <summary>
/// A measurement a report can hold besides the answers: the temperature or the pain score. Listed in
/// <see cref="SymptomReport.Skipped"/> when it was asked for and not given.
/// </summary>
/// <remarks>The JSON name of each value is its camelCase name: <c>temperature</c>, <c>painScore</c>.</remarks>
public enum Measurement
{
    /// <summary>The measured temperature (<see cref="SymptomReport.Temperature"/>).</summary>
    Temperature,

    /// <summary>The pain score from 0 to 10 (<see cref="SymptomReport.PainScore"/>).</summary>
    PainScore,
}
