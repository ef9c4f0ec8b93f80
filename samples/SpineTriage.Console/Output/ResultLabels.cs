using SpineTriage.Results;
using SpineTriage.Texts;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>
/// The words the console prints around the library's texts in a result (headings, labels, urgency names and
/// timeframes), in one language, read from the library's text registry (<see cref="TextRegistry"/>, keys
/// <c>label.result.*</c>, <c>result.*</c>, <c>label.urgency.*</c>, <c>label.timeframe.*</c>): the console keeps no words
/// of its own. Codes (urgency JSON names, rule ids, question ids, evidence) are the same in every language.
/// </summary>
internal sealed class ResultLabels
{
    private ResultLabels(TextRegistry texts)
    {
        Texts = texts;
        Code = texts.Get("label.result.code");
        DaysSinceSurgery = texts.Raw("result.daysSinceSurgery");
        Report = texts.Raw("result.report");
        Why = texts.Get("label.result.why");
        Rule = texts.Get("label.result.rule");
        Evidence = texts.Get("label.result.evidence");
        ForTheClinician = texts.Get("label.result.forTheClinician");
        Source = texts.Get("label.result.source");
        NotAnswered = texts.Get("label.result.notAnswered");
        NotAsked = texts.Get("label.result.notAsked");
        CareAdvice = texts.Get("label.result.careAdvice");
        SafetyNet = texts.Get("label.result.safetyNet");
        Warnings = texts.Get("label.result.warnings");
        RuleSet = texts.Get("label.result.ruleSet");
        SettledNotAsked = texts.Get("result.settledNotAsked");
        SettledDoNotKnow = texts.Get("result.settledDoNotKnow");
    }

    /// <summary>Gets the English labels.</summary>
    public static ResultLabels English { get; } = new(TextRegistry.For(TextLanguages.English));

    /// <summary>Gets the Spanish labels (translation to be reviewed by a qualified medical translator before clinical use).</summary>
    public static ResultLabels Spanish { get; } = new(TextRegistry.For(TextLanguages.Spanish));

    /// <summary>Gets the registry the labels are read from.</summary>
    public TextRegistry Texts { get; }

    /// <summary>Gets the word before the urgency's code in the headline.</summary>
    public string Code { get; }

    /// <summary>Gets the first line of the details without a report id; <c>{days}</c> is the day count.</summary>
    public string DaysSinceSurgery { get; }

    /// <summary>Gets the first line of the details with a report id: <c>{reportId}</c> and <c>{days}</c>.</summary>
    public string Report { get; }

    /// <summary>Gets the heading of the findings.</summary>
    public string Why { get; }

    /// <summary>Gets the word before a rule id.</summary>
    public string Rule { get; }

    /// <summary>Gets the label of a finding's evidence.</summary>
    public string Evidence { get; }

    /// <summary>Gets the label of the clinician rationale.</summary>
    public string ForTheClinician { get; }

    /// <summary>Gets the label of a finding's source.</summary>
    public string Source { get; }

    /// <summary>Gets the heading of the red flags not answered.</summary>
    public string NotAnswered { get; }

    /// <summary>Gets the heading of the red flags not asked.</summary>
    public string NotAsked { get; }

    /// <summary>Gets the heading of the care advice.</summary>
    public string CareAdvice { get; }

    /// <summary>Gets the heading of the safety net.</summary>
    public string SafetyNet { get; }

    /// <summary>Gets the heading of the warnings.</summary>
    public string Warnings { get; }

    /// <summary>Gets the words before the rule set's version and hash.</summary>
    public string RuleSet { get; }

    /// <summary>Gets the explanation of <c>unresolved-red-flag</c> in a settled result where every unanswered red flag was not asked.</summary>
    public string SettledNotAsked { get; }

    /// <summary>Gets the explanation of <c>unresolved-red-flag</c> in a settled result where a red flag was answered "don't know".</summary>
    public string SettledDoNotKnow { get; }

    /// <summary>Gets the labels of a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The labels.</returns>
    public static ResultLabels For(ConsoleLanguage language) => language == ConsoleLanguage.Spanish ? Spanish : English;

    /// <summary>Gets the name of an urgency in capitals (the registry's name, upper-cased).</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The name.</returns>
    public string Name(Urgency urgency) => Texts.UrgencyName(urgency).ToUpperInvariant();

    /// <summary>Gets the timeframe of an urgency.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The timeframe.</returns>
    public string Timeframe(Urgency urgency) => Texts.Timeframe(urgency);
}
