using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.Rules;

/// <summary>
/// Care advice (clinical-criteria.md section 5 and 6) and the safety net, precomputed for every
/// combination so that evaluation only looks them up.
/// </summary>
internal static class Advice
{
    public const string SelfCare = "Mild discomfort during recovery is normal: use the pain relief your team advised, keep up your physiotherapy and adjust activities that bring on pain (Spinal Hardware Problems: Treatment, conservative care).";

    public const string FollowUp = "Keep your follow-up appointments so that any changes are caught early, and report new or worsening pain promptly.";

    public const string SafetyNetCallBack = "If your symptoms change, get worse or you are worried, contact your surgeon's team or the nurse line again.";

    /// <summary>The emergency warning signs of the safety net, in asking order.</summary>
    public static IReadOnlyList<(EmergencySign Sign, string Text)> EmergencySigns { get; } =
    [
        (EmergencySign.BladderOrBowel, "loss of bladder or bowel control, or being unable to pass urine"),
        (EmergencySign.SaddleNumbness, "new numbness around your genitals, buttocks or inner thighs"),
        (EmergencySign.LimbWeakness, "new or worsening weakness in an arm or a leg"),
        (EmergencySign.FallOrInjury, "sudden, severe pain after a fall or an injury"),
        (EmergencySign.FeverWithWoundSigns, "a fever together with discharge, redness or swelling at your wound"),
        (EmergencySign.ChestPainOrBreathlessness, "new chest pain or sudden shortness of breath"),
    ];

    private static readonly IReadOnlyList<string>[] SafetyNets = Enumerable.Range(0, 1 << EmergencySigns.Count).Select(BuildSafetyNet).ToArray();

    private static readonly IReadOnlyList<string>[] CareAdvices = Enumerable.Range(0, 2 << RiskFactorCount).Select(BuildCareAdvice).ToArray();

    private static int RiskFactorCount => Enum.GetValues<RiskFactor>().Length;

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

    /// <summary>The safety net for the emergency signs that are not present (bit per <see cref="EmergencySign"/>).</summary>
    public static IReadOnlyList<string> SafetyNet(int signsNotPresent) => SafetyNets[signsNotPresent];

    /// <summary>The care advice for a risk-factor mask (bit <c>factor - 1</c>), with the self-care advice when asked.</summary>
    public static IReadOnlyList<string> CareAdvice(int riskFactorMask, bool selfCare) => CareAdvices[(riskFactorMask << 1) | (selfCare ? 1 : 0)];

    private static IReadOnlyList<string> BuildSafetyNet(int mask)
    {
        var signs = EmergencySigns.Where(s => (mask & (1 << (int)s.Sign)) != 0).Select(s => s.Text).ToArray();
        return signs.Length == 0
            ? ValueList<string>.Own([SafetyNetCallBack])
            : ValueList<string>.Own([$"Seek emergency care at once if you develop: {string.Join("; ", signs)}.", SafetyNetCallBack]);
    }

    private static IReadOnlyList<string> BuildCareAdvice(int key)
    {
        var lines = Enum.GetValues<RiskFactor>().Where(f => ((key / 2) & (1 << ((int)f - 1))) != 0).Select(For).ToList();
        if ((key & 1) != 0)
        {
            lines.Add(SelfCare);
            lines.Add(FollowUp);
        }

        return ValueList<string>.Own([.. lines]);
    }
}

/// <summary>The emergency warning signs listed by the safety net.</summary>
internal enum EmergencySign
{
    BladderOrBowel,
    SaddleNumbness,
    LimbWeakness,
    FallOrInjury,
    FeverWithWoundSigns,
    ChestPainOrBreathlessness,
}
