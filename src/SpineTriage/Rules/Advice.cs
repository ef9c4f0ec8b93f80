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
/// the care advice by the risk factors, the self-care advice and the early-period advice.
/// </summary>
internal sealed class AdviceTables
{
    private readonly IReadOnlyList<string>[] _safetyNets;
    private readonly IReadOnlyList<string>[] _careAdvices;

    public AdviceTables(TextCatalogue texts, IReadOnlyList<SafetyNetSign> signs, bool earlyPeriodAdvice)
    {
        if (signs.Count > 16)
        {
            throw new InvalidOperationException("The safety net is precomputed for every combination of its signs; keep them few.");
        }

        Language = texts.Language;
        _safetyNets = Enumerable.Range(0, 1 << signs.Count).Select(mask => BuildSafetyNet(texts, signs, mask)).ToArray();
        _careAdvices = Enumerable.Range(0, 4 << RiskFactorCount).Select(key => BuildCareAdvice(texts, key, earlyPeriodAdvice)).ToArray();
    }

    /// <summary>Gets the language of the texts.</summary>
    public string Language { get; }

    private static int RiskFactorCount => Enum.GetValues<RiskFactor>().Length;

    /// <summary>The safety net for the emergency signs to list (bit per sign of the rule set).</summary>
    public IReadOnlyList<string> SafetyNet(int signsToList) => _safetyNets[signsToList];

    /// <summary>The care advice for a risk-factor mask (bit <c>factor - 1</c>), with the self-care and the early-period advice when asked.</summary>
    public IReadOnlyList<string> CareAdvice(int riskFactorMask, bool selfCare, bool earlyPeriod = false) =>
        _careAdvices[(riskFactorMask << 2) | (earlyPeriod ? 2 : 0) | (selfCare ? 1 : 0)];

    private static ValueList<string> BuildSafetyNet(TextCatalogue texts, IReadOnlyList<SafetyNetSign> all, int mask)
    {
        var signs = all.Where((_, i) => (mask & (1 << i)) != 0).Select(s => texts.Get(s.TextKey)).Distinct(StringComparer.Ordinal).ToArray();
        return signs.Length == 0
            ? ValueList<string>.Own([texts.Get(Advice.SafetyNetCallBack)])
            : ValueList<string>.Own([texts.Get(Advice.SeekEmergency), .. signs, texts.Get(Advice.SafetyNetCallBack)]);
    }

    private static ValueList<string> BuildCareAdvice(TextCatalogue texts, int key, bool earlyPeriodAdvice)
    {
        var lines = Enum.GetValues<RiskFactor>().Where(f => ((key >> 2) & (1 << ((int)f - 1))) != 0).Select(f => texts.Get(Advice.For(f))).ToList();
        if ((key & 2) != 0 && earlyPeriodAdvice)
        {
            lines.Add(texts.Get(Advice.EarlyPeriod));
        }

        if ((key & 1) != 0)
        {
            lines.Add(texts.Get(Advice.SelfCare));
            lines.Add(texts.Get(Advice.FollowUp));
        }

        return ValueList<string>.Own([.. lines]);
    }
}

/// <summary>
/// An emergency warning sign of the safety net: listed whole while it is not present and its condition of listing
/// holds (a 2.0 sign after neck surgery only, say); only duplicate lines are removed.
/// </summary>
/// <param name="Key">The sign's key in the text catalogue: its text is <c>safetyNet.sign.{Key}</c>.</param>
/// <param name="Present">When the sign is present, given the engine's fever threshold.</param>
/// <param name="ListedWhen">When the sign is listed at all (<see cref="When.Always"/> for every sign of rule set 1.0).</param>
internal sealed record SafetyNetSign(string Key, Func<decimal, Condition> Present, Condition ListedWhen)
{
    /// <summary>Gets the key of the sign's text in the catalogue: <c>safetyNet.sign.{Key}</c>.</summary>
    public string TextKey => $"safetyNet.sign.{Key}";

    /// <summary>Gets the sign as the safety net lists it in English.</summary>
    public string Text { get; } = TextCatalogue.English.Get($"safetyNet.sign.{Key}");
}
