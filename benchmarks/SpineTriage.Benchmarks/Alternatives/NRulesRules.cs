using NRules.Fluent.Dsl;
using SpineTriage.Reports;
using SpineTriage.Results;

// Rule sets 1.0 and 2.0 in NRules' fluent DSL: every public class of this namespace is a rule or a fact of them. A rule
// tagged "1.0" or "2.0" belongs to that rule set only (NRulesTriage loads one); the untagged rules belong to both. The
// rules only 2.0 has are in NRulesRulesTwo.cs.
namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>
/// Agenda priorities order the work: the derived facts first, then the rules of the criteria table, then
/// the rules that depend on other rules not having fired.
/// </summary>
internal static class Agenda
{
    public const int DerivedFacts = 100;
    public const int Findings = 0;
    public const int AfterOtherFindings = -10;
    public const int Last = -20;
}

/// <summary>The tags of the rules that belong to one rule set only.</summary>
internal static class RuleSetTag
{
    public const string OneZero = "1.0";
    public const string TwoZero = "2.0";
}

/// <summary>A rule of the table that fired.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Urgency">The rule's urgency.</param>
public sealed record FiredRule(string RuleId, Urgency Urgency);

/// <summary>Fever is present.</summary>
public sealed class FeverPresent;

/// <summary>Fever is absent.</summary>
public sealed class FeverAbsent;

/// <summary>A wound sign is present.</summary>
public sealed class WoundSignPresent;

/// <summary>A hardware symptom is present.</summary>
public sealed class HardwareSymptomPresent;

/// <summary>A red-flag question is unknown (fever counts as answered when present or absent).</summary>
public sealed class RedFlagUnresolved;

/// <summary>Derives fever present.</summary>
[Priority(Agenda.DerivedFacts + 3)]
public sealed class DeriveFeverPresent : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.Fever == Answer.Yes || (r.TemperatureCelsius != null && r.TemperatureCelsius >= r.FeverThresholdCelsius));
        Then().Do(ctx => ctx.Insert(new FeverPresent()));
    }
}

/// <summary>Derives fever absent: not present, and answered no or a temperature was measured.</summary>
[Priority(Agenda.DerivedFacts + 2)]
public sealed class DeriveFeverAbsent : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.Fever == Answer.No || r.TemperatureCelsius != null).Not<FeverPresent>();
        Then().Do(ctx => ctx.Insert(new FeverAbsent()));
    }
}

/// <summary>Derives wound sign present.</summary>
[Priority(Agenda.DerivedFacts)]
public sealed class DeriveWoundSign : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.WoundDischarge == Answer.Yes || r.WoundRednessOrSwelling == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new WoundSignPresent()));
    }
}

/// <summary>Derives hardware symptom present (rule set 1.0).</summary>
[Priority(Agenda.DerivedFacts)]
[Tag(RuleSetTag.OneZero)]
public sealed class DeriveHardwareSymptom : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.NewOrWorseningPain == Answer.Yes || r.PainReturnedAfterImprovement == Answer.Yes
            || r.InstabilityOrMovement == Answer.Yes || r.RadiatingLimbPain == Answer.Yes || r.LocalizedTenderness == Answer.Yes
            || r.PainWorseWithMovement == Answer.Yes || r.LumpOverHardware == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new HardwareSymptomPresent()));
    }
}

/// <summary>Derives an unresolved red flag from the red-flag answers other than fever (rule set 1.0).</summary>
[Priority(Agenda.DerivedFacts)]
[Tag(RuleSetTag.OneZero)]
public sealed class DeriveRedFlagUnknown : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.BladderOrBowelControlLoss == Answer.Unknown || r.SaddleNumbness == Answer.Unknown
            || r.NewOrWorseningLimbWeakness == Answer.Unknown || r.SuddenSeverePainAfterFallOrInjury == Answer.Unknown
            || r.WoundDischarge == Answer.Unknown || r.WoundRednessOrSwelling == Answer.Unknown || r.ChestPainOrBreathlessness == Answer.Unknown
            || r.NewOrWorseningLimbNumbness == Answer.Unknown || r.CalfPainOrSwelling == Answer.Unknown);
        Then().Do(ctx => ctx.Insert(new RedFlagUnresolved()));
    }
}

/// <summary>Derives an unresolved red flag when fever is neither present nor absent.</summary>
[Priority(Agenda.DerivedFacts)]
public sealed class DeriveFeverUnresolved : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>().Not<FeverPresent>().Not<FeverAbsent>();
        Then().Do(ctx => ctx.Insert(new RedFlagUnresolved()));
    }
}

/// <summary>cauda-equina.</summary>
[Priority(Agenda.Findings)]
public sealed class CaudaEquina : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.BladderOrBowelControlLoss == Answer.Yes || r.SaddleNumbness == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("cauda-equina", Urgency.Emergency)));
    }
}

/// <summary>motor-deficit.</summary>
[Priority(Agenda.Findings)]
public sealed class MotorDeficit : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.NewOrWorseningLimbWeakness == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("motor-deficit", Urgency.Emergency)));
    }
}

/// <summary>infection-with-fever.</summary>
[Priority(Agenda.Findings)]
public sealed class InfectionWithFever : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Exists<FeverPresent>().Exists<WoundSignPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("infection-with-fever", Urgency.Emergency)));
    }
}

/// <summary>fall-or-injury.</summary>
[Priority(Agenda.Findings)]
public sealed class FallOrInjury : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.SuddenSeverePainAfterFallOrInjury == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("fall-or-injury", Urgency.Emergency)));
    }
}

/// <summary>possible-pulmonary-embolism.</summary>
[Priority(Agenda.Findings)]
public sealed class PossiblePulmonaryEmbolism : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.ChestPainOrBreathlessness == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("possible-pulmonary-embolism", Urgency.Emergency)));
    }
}

/// <summary>sensory-deficit.</summary>
[Priority(Agenda.Findings)]
public sealed class SensoryDeficit : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.NewOrWorseningLimbNumbness == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("sensory-deficit", Urgency.Urgent)));
    }
}

/// <summary>wound-signs.</summary>
[Priority(Agenda.Findings)]
public sealed class WoundSigns : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Exists<WoundSignPresent>().Not<FeverPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("wound-signs", Urgency.Urgent)));
    }
}

/// <summary>fever.</summary>
[Priority(Agenda.Findings)]
public sealed class Fever : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Exists<FeverPresent>().Not<WoundSignPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("fever", Urgency.Urgent)));
    }
}

/// <summary>possible-deep-vein-thrombosis.</summary>
[Priority(Agenda.Findings)]
public sealed class PossibleDeepVeinThrombosis : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.CalfPainOrSwelling == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("possible-deep-vein-thrombosis", Urgency.Urgent)));
    }
}

/// <summary>unresolved-red-flag.</summary>
[Priority(Agenda.Findings)]
public sealed class UnresolvedRedFlag : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Exists<RedFlagUnresolved>();
        Then().Do(ctx => ctx.Insert(new FiredRule("unresolved-red-flag", Urgency.Urgent)));
    }
}

/// <summary>severe-escalating-pain.</summary>
[Priority(Agenda.Findings)]
public sealed class SevereEscalatingPain : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.PainScore >= r.SeverePainScore
            && (r.NewOrWorseningPain == Answer.Yes || r.PainReturnedAfterImprovement == Answer.Yes));
        Then().Do(ctx => ctx.Insert(new FiredRule("severe-escalating-pain", Urgency.Urgent)));
    }
}

/// <summary>pain-after-improvement.</summary>
[Priority(Agenda.Findings)]
public sealed class PainAfterImprovement : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.PainReturnedAfterImprovement == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("pain-after-improvement", Urgency.Soon)));
    }
}

/// <summary>new-or-worsening-pain.</summary>
[Priority(Agenda.Findings)]
public sealed class NewOrWorseningPain : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.NewOrWorseningPain == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("new-or-worsening-pain", Urgency.Soon)));
    }
}

/// <summary>instability.</summary>
[Priority(Agenda.Findings)]
public sealed class Instability : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.InstabilityOrMovement == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("instability", Urgency.Soon)));
    }
}

/// <summary>radicular-pain.</summary>
[Priority(Agenda.Findings)]
public sealed class RadicularPain : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.RadiatingLimbPain == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("radicular-pain", Urgency.Soon)));
    }
}

/// <summary>severe-pain: after severe-escalating-pain has had its chance to fire.</summary>
[Priority(Agenda.AfterOtherFindings)]
public sealed class SeverePain : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.PainScore >= r.SeverePainScore)
            .Not<FiredRule>(f => f.RuleId == "severe-escalating-pain");
        Then().Do(ctx => ctx.Insert(new FiredRule("severe-pain", Urgency.Soon)));
    }
}

/// <summary>symptomatic-imaging-finding.</summary>
[Priority(Agenda.Findings)]
public sealed class SymptomaticImagingFinding : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.ImagingShowsHardwareProblem == Answer.Yes).Exists<HardwareSymptomPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("symptomatic-imaging-finding", Urgency.Soon)));
    }
}

/// <summary>hardware-irritation.</summary>
[Priority(Agenda.Findings)]
public sealed class HardwareIrritation : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.LocalizedTenderness == Answer.Yes || r.LumpOverHardware == Answer.Yes || r.PainWorseWithMovement == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("hardware-irritation", Urgency.Routine)));
    }
}

/// <summary>asymptomatic-imaging-finding.</summary>
[Priority(Agenda.Findings)]
public sealed class AsymptomaticImagingFinding : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.ImagingShowsHardwareProblem == Answer.Yes).Not<HardwareSymptomPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("asymptomatic-imaging-finding", Urgency.Routine)));
    }
}

/// <summary>expected-recovery: last, when no finding was inserted.</summary>
[Priority(Agenda.Last)]
public sealed class ExpectedRecovery : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>().Not<FiredRule>();
        Then().Do(ctx => ctx.Insert(new FiredRule("expected-recovery", Urgency.SelfCare)));
    }
}
