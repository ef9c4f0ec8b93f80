using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Support;

/// <summary>Small queries over results, so assertions name the rule they are about.</summary>
internal static class ResultQueries
{
    /// <summary>The one finding of a rule; fails when the rule did not fire.</summary>
    public static Finding Finding(this TriageResult result, string ruleId) => result.Findings.Single(f => f.RuleId == ruleId);

    /// <summary>A report with a measured temperature.</summary>
    public static SymptomReport Measured(this SymptomReport report, Temperature temperature) => report with { Temperature = temperature };

    /// <summary>A report with a pain score.</summary>
    public static SymptomReport Pain(this SymptomReport report, int painScore) => report with { PainScore = painScore };

    /// <summary>A report with the questions answered unknown explicitly.</summary>
    public static SymptomReport Unknown(this SymptomReport report, params QuestionId[] questions) =>
        questions.Aggregate(report, (r, q) => r.With(q, Answer.Unknown));

    /// <summary>A report with the questions answered no.</summary>
    public static SymptomReport No(this SymptomReport report, params QuestionId[] questions) =>
        questions.Aggregate(report, (r, q) => r.With(q, Answer.No));
}
