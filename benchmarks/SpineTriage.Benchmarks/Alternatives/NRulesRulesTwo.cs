using NRules.Fluent.Dsl;
using SpineTriage.Reports;
using SpineTriage.Results;

// The rules of rule set 2.0 that 1.0 does not have (clinical-criteria-2.0.md), tagged "2.0"; with the untagged rules of
// NRulesRules.cs they make rule set 2.0.
namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>Derives hardware symptom present: 1.0's symptoms, pain not controlled or new swallowing difficulty (2.0, section 2).</summary>
[Priority(Agenda.DerivedFacts)]
[Tag(RuleSetTag.TwoZero)]
public sealed class DeriveHardwareSymptomTwo : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.NewOrWorseningPain == Answer.Yes || r.PainReturnedAfterImprovement == Answer.Yes
            || r.InstabilityOrMovement == Answer.Yes || r.RadiatingLimbPain == Answer.Yes || r.LocalizedTenderness == Answer.Yes
            || r.PainWorseWithMovement == Answer.Yes || r.LumpOverHardware == Answer.Yes
            || r.PainNotControlled == Answer.Yes || r.NewSwallowingDifficulty == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new HardwareSymptomPresent()));
    }
}

/// <summary>
/// Derives an unresolved red flag from the applicable red-flag answers other than fever (2.0, sections 3 to 5): the neck
/// questions when neck surgery is possible, the early ones up to day 42, the fall question within 90 days.
/// </summary>
[Priority(Agenda.DerivedFacts)]
[Tag(RuleSetTag.TwoZero)]
public sealed class DeriveRedFlagUnknownTwo : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.BladderOrBowelControlLoss == Answer.Unknown || r.SaddleNumbness == Answer.Unknown
            || r.NewOrWorseningLimbWeakness == Answer.Unknown || r.DrowsyConfusedOrSlowBreathing == Answer.Unknown
            || r.SuddenSeverePainAfterFallOrInjury == Answer.Unknown
            || r.WoundDischarge == Answer.Unknown || r.WoundRednessOrSwelling == Answer.Unknown || r.ChestPainOrBreathlessness == Answer.Unknown
            || r.NewOrWorseningLimbNumbness == Answer.Unknown || r.CalfPainOrSwelling == Answer.Unknown
            || ((r.SurgeryRegion == null || r.SurgeryRegion == SurgeryRegion.Cervical)
                && (r.NeckSwellingOrAirway == Answer.Unknown || r.NewSwallowingDifficulty == Answer.Unknown))
            || (r.DaysSinceSurgery <= 42
                && (r.HeadacheWithStiffNeck == Answer.Unknown || r.SpinalFluidLeakSigns == Answer.Unknown || r.WoundBleeding == Answer.Unknown
                    || r.WoundOpening == Answer.Unknown || r.PainNotControlled == Answer.Unknown))
            || (r.DaysSinceSurgery <= 90 && r.RecentFallOrInjury == Answer.Unknown));
        Then().Do(ctx => ctx.Insert(new RedFlagUnresolved()));
    }
}

/// <summary>neck-swelling-or-airway.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class NeckSwellingOrAirway : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.NeckSwellingOrAirway == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("neck-swelling-or-airway", Urgency.Emergency)));
    }
}

/// <summary>reduced-alertness.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class ReducedAlertness : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.DrowsyConfusedOrSlowBreathing == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("reduced-alertness", Urgency.Emergency)));
    }
}

/// <summary>possible-meningitis: fever present with spinal-fluid signs or a headache with a stiff neck.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class PossibleMeningitis : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.SpinalFluidLeakSigns == Answer.Yes || r.HeadacheWithStiffNeck == Answer.Yes).Exists<FeverPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("possible-meningitis", Urgency.Emergency)));
    }
}

/// <summary>wound-bleeding.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class WoundBleeding : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.WoundBleeding == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("wound-bleeding", Urgency.Urgent)));
    }
}

/// <summary>wound-opening.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class WoundOpening : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.WoundOpening == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("wound-opening", Urgency.Urgent)));
    }
}

/// <summary>possible-spinal-fluid-leak: the signs without fever present.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class PossibleSpinalFluidLeak : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.SpinalFluidLeakSigns == Answer.Yes).Not<FeverPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("possible-spinal-fluid-leak", Urgency.Urgent)));
    }
}

/// <summary>headache-with-stiff-neck: without fever present.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class HeadacheWithStiffNeck : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.HeadacheWithStiffNeck == Answer.Yes).Not<FeverPresent>();
        Then().Do(ctx => ctx.Insert(new FiredRule("headache-with-stiff-neck", Urgency.Urgent)));
    }
}

/// <summary>uncontrolled-pain.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class UncontrolledPain : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.PainNotControlled == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("uncontrolled-pain", Urgency.Urgent)));
    }
}

/// <summary>new-swallowing-difficulty.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class NewSwallowingDifficulty : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.NewSwallowingDifficulty == Answer.Yes);
        Then().Do(ctx => ctx.Insert(new FiredRule("new-swallowing-difficulty", Urgency.Urgent)));
    }
}

/// <summary>fall-within-90-days: a fall without sudden severe pain, up to day 90.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class FallWithin90Days : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.RecentFallOrInjury == Answer.Yes && r.SuddenSeverePainAfterFallOrInjury != Answer.Yes && r.DaysSinceSurgery <= 90);
        Then().Do(ctx => ctx.Insert(new FiredRule("fall-within-90-days", Urgency.Urgent)));
    }
}

/// <summary>recent-fall: a fall without sudden severe pain, after day 90.</summary>
[Priority(Agenda.Findings)]
[Tag(RuleSetTag.TwoZero)]
public sealed class RecentFall : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        When().Match<TriageInput>(r => r.RecentFallOrInjury == Answer.Yes && r.SuddenSeverePainAfterFallOrInjury != Answer.Yes && r.DaysSinceSurgery > 90);
        Then().Do(ctx => ctx.Insert(new FiredRule("recent-fall", Urgency.Soon)));
    }
}
