namespace SpineTriage.Interview;

/// <summary>What an <see cref="InterviewItem"/> asks for.</summary>
public enum InterviewItemKind
{
    /// <summary>A question of the catalogue (<see cref="Reports.QuestionCatalogue"/>), answered yes, no or "don't know".</summary>
    Question,

    /// <summary>The measured temperature with its unit, or "not measured" (<see cref="Reports.Measurement.Temperature"/>).</summary>
    Temperature,

    /// <summary>The pain score from 0 to 10, or "not given" (<see cref="Reports.Measurement.PainScore"/>).</summary>
    PainScore,
}
