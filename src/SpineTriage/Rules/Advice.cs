using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization.Internal;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// The keys of care advice and of the safety net in the text catalogue (clinical-criteria.md sections 5 and 6,
/// clinical-criteria-2.0.md section 6); <see cref="AdviceTables"/> combines their texts for a rule set and a language.
/// </summary>
internal static class Advice
{
    public const string SelfCare = "advice.selfCare";

    public const string FollowUp = "advice.followUp";

    public const string SafetyNetCallBack = "safetyNet.callBack";

    /// <summary>The care advice of the early period in rule set 2.0 (clinical-criteria-2.0.md section 6).</summary>
    public const string EarlyPeriod = "advice.earlyPeriod";

    /// <summary>The line that opens the safety net's list of emergency signs, one sign a line after it.</summary>
    public const string SeekEmergency = "safetyNet.seekEmergency";

    /// <summary>The key of the advice line of a risk factor, with its context (<c>advice.riskFactor.{factor}</c>).</summary>
    public static string For(RiskFactor riskFactor) => Enum.IsDefined(riskFactor)
        ? $"advice.riskFactor.{JsonNames.Of(riskFactor)}"
        : throw new ArgumentOutOfRangeException(nameof(riskFactor), riskFactor, "Not a defined risk factor.");

    /// <summary>Whether a key is one of the texts the advice tables hold (so an override of it needs tables of its own).</summary>
    public static bool IsAdviceKey(string key) =>
        key.StartsWith("advice.", StringComparison.Ordinal) || key.StartsWith("safetyNet.", StringComparison.Ordinal);
}

/// <summary>
/// The safety net and care advice of one rule set, precomputed for every combination so that evaluation only looks
/// them up, in one language: the safety net by the signs to list (bit <c>i</c>: <see cref="SafetyNetSign"/> <c>i</c> of the rule set),
/// the care advice by the risk factors, the conditional advice that holds and the self-care advice. The keys are the
/// rule-set document's.
/// </summary>
internal sealed class AdviceTables
{
    /// <summary>The most conditional advice lines a rule set may have (the tables hold every combination).</summary>
    public const int MaxConditionalAdvice = 4;

    /// <summary>The most safety-net signs a rule set may have (the tables hold every combination).</summary>
    public const int MaxSigns = 16;

    private readonly (ValueList<string> Lines, SafetyNetParts Parts)[] _safetyNets;
    private readonly (ValueList<string> Lines, ValueList<string> Keys)[] _careAdvices;
    private readonly int _conditionalCount;

    public AdviceTables(TextCatalogue texts, RuleSetEdition edition)
    {
        var signs = edition.EmergencySigns;
        if (signs.Count > MaxSigns)
        {
            throw new InvalidOperationException("The safety net is precomputed for every combination of its signs; keep them few.");
        }

        var document = edition.Document;
        Language = texts.Language;
        _conditionalCount = edition.ConditionalAdvice.Count;
        _safetyNets = Enumerable.Range(0, 1 << signs.Count).Select(mask => BuildSafetyNet(texts, document, signs, mask)).ToArray();
        _careAdvices = Enumerable.Range(0, 2 << (RiskFactorCount + _conditionalCount)).Select(key => BuildCareAdvice(texts, document, edition.ConditionalAdvice, key)).ToArray();
    }

    /// <summary>Gets the language of the texts.</summary>
    public string Language { get; }

    private static int RiskFactorCount => Enum.GetValues<RiskFactor>().Length;

    /// <summary>The safety net for the emergency signs to list (bit per sign of the rule set).</summary>
    public IReadOnlyList<string> SafetyNet(int signsToList) => _safetyNets[signsToList].Lines;

    /// <summary>The safety net in its parts, with their keys, for the emergency signs to list (bit per sign of the rule set).</summary>
    public SafetyNetParts SafetyNetParts(int signsToList) => _safetyNets[signsToList].Parts;

    /// <summary>The care advice for a risk-factor mask (bit <c>factor - 1</c>), the conditional advice that holds (bit per line) and the self-care advice when asked.</summary>
    public IReadOnlyList<string> CareAdvice(int riskFactorMask, bool selfCare, int conditionalMask = 0) =>
        _careAdvices[CareAdviceIndex(riskFactorMask, selfCare, conditionalMask)].Lines;

    /// <summary>The registry keys of <see cref="CareAdvice"/>, in the same order.</summary>
    public IReadOnlyList<string> CareAdviceKeys(int riskFactorMask, bool selfCare, int conditionalMask = 0) =>
        _careAdvices[CareAdviceIndex(riskFactorMask, selfCare, conditionalMask)].Keys;

    private int CareAdviceIndex(int riskFactorMask, bool selfCare, int conditionalMask) =>
        (riskFactorMask << (_conditionalCount + 1)) | (conditionalMask << 1) | (selfCare ? 1 : 0);

    private static (ValueList<string>, SafetyNetParts) BuildSafetyNet(TextCatalogue texts, RuleSetDocument document, IReadOnlyList<SafetyNetSign> all, int mask)
    {
        // Only duplicate lines are removed; a sign keeps the key of its first line.
        var signs = all.Where((_, i) => (mask & (1 << i)) != 0)
            .Select(s => (Key: s.TextKey, Text: texts.Get(s.TextKey)))
            .DistinctBy(s => s.Text, StringComparer.Ordinal)
            .ToArray();
        var closing = texts.Get(document.SafetyNetCallBack);
        var parts = new SafetyNetParts
        {
            Intro = signs.Length == 0 ? null : texts.Get(document.SafetyNetLead),
            IntroKey = signs.Length == 0 ? null : document.SafetyNetLead,
            Signs = [.. signs.Select(s => s.Text)],
            SignKeys = [.. signs.Select(s => s.Key)],
            Closing = closing,
            ClosingKey = document.SafetyNetCallBack,
        };
        return (ValueList<string>.Own([.. parts.Lines]), parts);
    }

    private static (ValueList<string>, ValueList<string>) BuildCareAdvice(TextCatalogue texts, RuleSetDocument document, IReadOnlyList<ConditionalAdvice> conditional, int key)
    {
        var risks = key >> (conditional.Count + 1);
        var keys = Enum.GetValues<RiskFactor>().Where(f => (risks & (1 << ((int)f - 1))) != 0).Select(f => document.RiskFactorAdvice[(int)f - 1]).ToList();
        for (var i = 0; i < conditional.Count; i++)
        {
            if ((key & (2 << i)) != 0)
            {
                keys.Add(conditional[i].TextKey);
            }
        }

        if ((key & 1) != 0)
        {
            keys.AddRange(document.SelfCareAdvice);
        }

        return (ValueList<string>.Own([.. keys.Select(texts.Get)]), ValueList<string>.Own([.. keys]));
    }
}

/// <summary>
/// An emergency warning sign of the safety net: listed whole while it is not present and its condition of listing
/// holds (a 2.0 sign after neck surgery only, say); only duplicate lines are removed.
/// </summary>
/// <param name="Key">The sign's id in the document.</param>
/// <param name="TextKey">The key of the sign's text in the text catalogue, for example <c>safetyNet.sign.{Key}</c>.</param>
/// <param name="Present">When the sign is present, given the engine's fever threshold.</param>
/// <param name="ListedWhen">When the sign is listed at all (<see cref="When.Always"/> for every sign of rule set 1.0).</param>
internal sealed record SafetyNetSign(string Key, string TextKey, Func<decimal, Condition> Present, Condition ListedWhen)
{
    /// <summary>Gets the sign as the safety net lists it in English.</summary>
    public string Text { get; } = TextCatalogue.English.Get(TextKey);
}
