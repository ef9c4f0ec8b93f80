using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.Rules;

/// <summary>
/// The texts of care advice and of the safety net (clinical-criteria.md sections 5 and 6, clinical-criteria-2.0.md
/// section 6); <see cref="AdviceTables"/> combines them for a rule set.
/// </summary>
internal static class Advice
{
    public const string SelfCare = "Mild discomfort during recovery is normal: use the pain relief your team advised, keep up your physiotherapy and adjust activities that bring on pain (Spinal Hardware Problems: Treatment, conservative care).";

    public const string FollowUp = "Keep your follow-up appointments so that any changes are caught early, and report new or worsening pain promptly.";

    public const string SafetyNetCallBack = "If your symptoms change, get worse or you are worried, contact your surgeon's team or the nurse line again.";

    /// <summary>The care advice of the early period in rule set 2.0 (clinical-criteria-2.0.md section 6).</summary>
    public const string EarlyPeriod = "Call your surgeon's team if you have not had a bowel movement for 4 days, if your belly is swollen or painful, or if you keep vomiting (these problems are outside this triage).";

    /// <summary>The advice line of a risk factor, with its context.</summary>
    public static string For(RiskFactor riskFactor) => riskFactor switch
    {
        RiskFactor.Smoking => "Smoking makes hardware problems more likely. Stop smoking: it impairs bone healing and makes a solid fusion less likely.",
        RiskFactor.Osteoporosis => "Osteoporosis makes hardware problems more likely. Keep treating and monitoring osteoporosis to strengthen bone.",
        RiskFactor.Diabetes => "Diabetes makes hardware problems more likely. Keep diabetes well controlled: it slows healing.",
        RiskFactor.Obesity => "Obesity makes hardware problems more likely. Work towards a healthy weight to reduce mechanical stress on the spine.",
        RiskFactor.MultiLevelSurgery => "Multiple-level surgery makes hardware problems more likely. Multiple-level or complex surgery: keep every follow-up appointment.",
        RiskFactor.EarlyHeavyActivity => "Early heavy activity makes hardware problems more likely. Follow your activity and rehabilitation advice; avoid heavy strain too soon.",
        RiskFactor.PreviousInfection => "A previous infection makes hardware problems more likely. A previous infection raises the risk: report wound changes or fever promptly.",
        _ => throw new ArgumentOutOfRangeException(nameof(riskFactor), riskFactor, "Not a defined risk factor."),
    };
}

/// <summary>
/// The safety net and care advice of one rule set, precomputed for every combination so that evaluation only looks
/// them up: the safety net by the signs to list (bit <c>i</c>: <see cref="SafetyNetSign"/> <c>i</c> of the rule set),
/// the care advice by the risk factors, the self-care advice and the early-period advice.
/// </summary>
internal sealed class AdviceTables
{
    private readonly IReadOnlyList<string>[] _safetyNets;
    private readonly IReadOnlyList<string>[] _careAdvices;

    public AdviceTables(IReadOnlyList<SafetyNetSign> signs, bool earlyPeriodAdvice)
    {
        if (signs.Count > 16)
        {
            throw new InvalidOperationException("The safety net is precomputed for every combination of its signs; keep them few.");
        }

        _safetyNets = Enumerable.Range(0, 1 << signs.Count).Select(mask => BuildSafetyNet(signs, mask)).ToArray();
        _careAdvices = Enumerable.Range(0, 4 << RiskFactorCount).Select(key => BuildCareAdvice(key, earlyPeriodAdvice)).ToArray();
    }

    private static int RiskFactorCount => Enum.GetValues<RiskFactor>().Length;

    /// <summary>The safety net for the emergency signs to list (bit per sign of the rule set).</summary>
    public IReadOnlyList<string> SafetyNet(int signsToList) => _safetyNets[signsToList];

    /// <summary>The care advice for a risk-factor mask (bit <c>factor - 1</c>), with the self-care and the early-period advice when asked.</summary>
    public IReadOnlyList<string> CareAdvice(int riskFactorMask, bool selfCare, bool earlyPeriod = false) =>
        _careAdvices[(riskFactorMask << 2) | (earlyPeriod ? 2 : 0) | (selfCare ? 1 : 0)];

    private static ValueList<string> BuildSafetyNet(IReadOnlyList<SafetyNetSign> all, int mask)
    {
        var signs = all.Where((_, i) => (mask & (1 << i)) != 0).Select(s => s.Text).Distinct(StringComparer.Ordinal).ToArray();
        return signs.Length == 0
            ? ValueList<string>.Own([Advice.SafetyNetCallBack])
            : ValueList<string>.Own([$"Seek emergency care at once if you develop: {string.Join("; ", signs)}.", Advice.SafetyNetCallBack]);
    }

    private static ValueList<string> BuildCareAdvice(int key, bool earlyPeriodAdvice)
    {
        var lines = Enum.GetValues<RiskFactor>().Where(f => ((key >> 2) & (1 << ((int)f - 1))) != 0).Select(Advice.For).ToList();
        if ((key & 2) != 0 && earlyPeriodAdvice)
        {
            lines.Add(Advice.EarlyPeriod);
        }

        if ((key & 1) != 0)
        {
            lines.Add(Advice.SelfCare);
            lines.Add(Advice.FollowUp);
        }

        return ValueList<string>.Own([.. lines]);
    }
}

/// <summary>
/// An emergency warning sign of the safety net: listed whole while it is not present and its condition of listing
/// holds (a 2.0 sign after neck surgery only, say); only duplicate lines are removed.
/// </summary>
/// <param name="Text">The sign as the safety net lists it.</param>
/// <param name="Present">When the sign is present, given the engine's fever threshold.</param>
/// <param name="ListedWhen">When the sign is listed at all (<see cref="When.Always"/> for every sign of rule set 1.0).</param>
internal sealed record SafetyNetSign(string Text, Func<decimal, Condition> Present, Condition ListedWhen);
