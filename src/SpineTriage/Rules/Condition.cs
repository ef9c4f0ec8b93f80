using System.Globalization;
using System.Runtime.CompilerServices;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// When a rule fires. One object serves evaluation (<see cref="Clauses"/>, <see cref="Unless"/>), the
/// catalogue and its hash (<see cref="Description"/>) and the explanation (<see cref="Space"/>,
/// <see cref="AddEvidence"/>), so a condition exists once.
/// </summary>
internal abstract class Condition
{
    /// <summary>Gets the condition in words, as in clinical-criteria.md section 4.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Gets the condition as clauses over the report's facts (<see cref="Facts.Bits"/>): it holds when the
    /// report has at least one fact of every clause, and no rule of <see cref="Unless"/> fired.
    /// </summary>
    public abstract IReadOnlyList<ulong> Clauses { get; }

    /// <summary>Gets the rules (bit <c>i</c>: the rule at catalogue index <c>i</c>) that must not have fired.</summary>
    public virtual ulong Unless => 0;

    /// <summary>Gets the facts the condition cites as its evidence when it holds.</summary>
    public virtual EvidenceSpace Space => default;

    /// <summary>Adds the lines of this condition's part of the evidence, in the contract's form (<c>fever: yes</c>).</summary>
    public virtual void AddEvidence(in Evidence evidence, ref EvidenceWriter lines)
    {
    }

    public Condition And(Condition other) => new AllOf(this, other);
}

/// <summary>Room for the evidence of one finding, on the stack.</summary>
[InlineArray(Capacity)]
internal struct EvidenceBuffer
{
    public const int Capacity = 24;
    private string _element;
}

/// <summary>Collects evidence without allocating until the finding's list is made.</summary>
internal ref struct EvidenceWriter
{
    private EvidenceBuffer _buffer;
    private int _count;

    /// <summary>Adds a line; a finding has at most 10, so more than <see cref="EvidenceBuffer.Capacity"/> is a bug and throws.</summary>
    public void Add(string item) => _buffer[_count++] = item;

    public readonly string[] ToArray() => ((ReadOnlySpan<string>)_buffer)[.._count].ToArray();
}

/// <summary>Conditions that make the rule catalogue read like the table of the clinical criteria.</summary>
internal static class When
{
    /// <summary>Any of the questions answered yes.</summary>
    public static Condition AnyYes(params QuestionId[] questions) => new AnswerIsYes(questions);

    public static Condition FeverPresent(decimal thresholdCelsius) => new FeverIsPresent(thresholdCelsius, negate: false);

    public static Condition FeverNotPresent(decimal thresholdCelsius) => new FeverIsPresent(thresholdCelsius, negate: true);

    public static Condition WoundSignPresent { get; } = new WoundSignIsPresent(negate: false);

    public static Condition WoundSignNotPresent { get; } = new WoundSignIsPresent(negate: true);

    public static Condition HardwareSymptomPresent { get; } = new HardwareSymptomIsPresent(negate: false);

    public static Condition NoHardwareSymptom { get; } = new HardwareSymptomIsPresent(negate: true);

    public static Condition AnyRedFlagUnresolved { get; } = new RedFlagUnresolved();

    public static Condition PainScoreAtLeast(int score) => new PainAtLeast(score);

    public static Condition NoRuleAboveFired { get; } = new NothingFired();

    /// <summary>The evidence text of a yes answer, for example <c>saddleNumbness: yes</c>.</summary>
    public static string YesEvidence(QuestionId question) => YesTexts[(int)question];

    public static string UnknownEvidence(QuestionId question) => UnknownTexts[(int)question];

    private static readonly string[] YesTexts = QuestionCatalogue.All.Select(q => $"{q.JsonId}: yes").ToArray();

    private static readonly string[] UnknownTexts = QuestionCatalogue.All.Select(q => $"{q.JsonId}: unknown").ToArray();

    /// <summary>Adds a yes evidence line for each question of <paramref name="questions"/>, in asking order.</summary>
    public static void AddYes(uint questions, ref EvidenceWriter lines)
    {
        for (var bits = questions; bits != 0; bits &= bits - 1)
        {
            lines.Add(YesTexts[System.Numerics.BitOperations.TrailingZeroCount(bits)]);
        }
    }

    public static uint MaskOf(IEnumerable<QuestionId> questions) => questions.Aggregate(0u, (mask, q) => mask | (1u << (int)q));

    public static string Format(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

internal sealed class AllOf(Condition left, Condition right) : Condition
{
    public override string Description { get; } = $"{Wrap(left)} and {Wrap(right)}";

    public override IReadOnlyList<ulong> Clauses { get; } = [.. left.Clauses, .. right.Clauses];

    public override ulong Unless { get; } = left.Unless | right.Unless;

    public override EvidenceSpace Space { get; } = left.Space.With(right.Space);

    public override void AddEvidence(in Evidence evidence, ref EvidenceWriter lines)
    {
        left.AddEvidence(evidence, ref lines);
        right.AddEvidence(evidence, ref lines);
    }

    // "a or b" inside "and" needs brackets so the description reads unambiguously.
    private static string Wrap(Condition condition) =>
        condition is AnswerIsYes { Count: > 1 } ? $"({condition.Description})" : condition.Description;
}

internal sealed class AnswerIsYes : Condition
{
    private readonly uint _mask;

    public AnswerIsYes(QuestionId[] questions)
    {
        _mask = When.MaskOf(questions);
        Count = questions.Length;
        Description = string.Join(" or ", questions.Select(q => $"{JsonNames.Of(q)} yes"));
    }

    public int Count { get; }

    public override string Description { get; }

    // Yes answers are the low bits of the facts word (FactBit.Yes is 0).
    public override IReadOnlyList<ulong> Clauses => [(ulong)_mask];

    public override EvidenceSpace Space => new(_mask, 0, PainScore: false, Temperature: false);

    public override void AddEvidence(in Evidence evidence, ref EvidenceWriter lines) => When.AddYes(evidence.Yes & _mask, ref lines);
}

internal sealed class FeverIsPresent(decimal thresholdCelsius, bool negate) : Condition
{
    public override string Description { get; } = negate
        ? "fever not present"
        : $"fever present (fever yes, or a measured temperature at or above {When.Format(thresholdCelsius)} °C)";

    private const uint FeverBit = 1u << (int)QuestionId.Fever;

    public override IReadOnlyList<ulong> Clauses => [FactBit.Of(negate ? FactBit.FeverNotPresent : FactBit.FeverPresent)];

    public override EvidenceSpace Space => negate ? default : new(FeverBit, 0, PainScore: false, Temperature: true);

    public override void AddEvidence(in Evidence evidence, ref EvidenceWriter lines)
    {
        if (negate)
        {
            return;
        }

        When.AddYes(evidence.Yes & FeverBit, ref lines);
        if (evidence.Temperature is { } temperature)
        {
            lines.Add($"temperature: {temperature}");
        }
    }
}

internal sealed class WoundSignIsPresent(bool negate) : Condition
{
    public override string Description { get; } = negate
        ? "wound sign not present"
        : "wound sign present (woundDischarge yes or woundRednessOrSwelling yes)";

    public override IReadOnlyList<ulong> Clauses => [FactBit.Of(negate ? FactBit.WoundSignNotPresent : FactBit.WoundSignPresent)];

    public override EvidenceSpace Space => negate ? default : new(Facts.WoundSignMask, 0, PainScore: false, Temperature: false);

    public override void AddEvidence(in Evidence evidence, ref EvidenceWriter lines)
    {
        if (!negate)
        {
            When.AddYes(evidence.Yes & Facts.WoundSignMask, ref lines);
        }
    }
}

internal sealed class HardwareSymptomIsPresent(bool negate) : Condition
{
    public override string Description { get; } = negate
        ? "no hardware symptom present"
        : "a hardware symptom present (newOrWorseningPain, painReturnedAfterImprovement, instabilityOrMovement, radiatingLimbPain, localizedTenderness, painWorseWithMovement or lumpOverHardware yes)";

    public override IReadOnlyList<ulong> Clauses => [FactBit.Of(negate ? FactBit.NoHardwareSymptom : FactBit.HardwareSymptom)];

    public override EvidenceSpace Space => negate ? default : new(Facts.HardwareSymptomMask, 0, PainScore: false, Temperature: false);

    public override void AddEvidence(in Evidence evidence, ref EvidenceWriter lines)
    {
        if (!negate)
        {
            When.AddYes(evidence.Yes & Facts.HardwareSymptomMask, ref lines);
        }
    }
}

internal sealed class RedFlagUnresolved : Condition
{
    public override string Description => "any red-flag question unknown (fever counts as answered when fever is present or absent)";

    public override IReadOnlyList<ulong> Clauses => [(ulong)Facts.RedFlagMask << FactBit.Unknown];

    public override EvidenceSpace Space => new(0, Facts.RedFlagMask, PainScore: false, Temperature: false);

    public override void AddEvidence(in Evidence evidence, ref EvidenceWriter lines)
    {
        for (var bits = evidence.Unknown; bits != 0; bits &= bits - 1)
        {
            lines.Add(When.UnknownEvidence((QuestionId)System.Numerics.BitOperations.TrailingZeroCount(bits)));
        }
    }
}

internal sealed class PainAtLeast(int score) : Condition
{
    private static readonly string[] Texts = Enumerable.Range(0, 11).Select(s => $"painScore: {s}").ToArray();

    public override string Description { get; } = $"painScore ≥ {score}";

    public override IReadOnlyList<ulong> Clauses => [FactBit.Of(FactBit.PainAtLeast + score)];

    public override EvidenceSpace Space => new(0, 0, PainScore: true, Temperature: false);

    public override void AddEvidence(in Evidence evidence, ref EvidenceWriter lines) => lines.Add(Texts[evidence.PainScore]);
}

/// <summary>A rule earlier in the catalogue did not fire; its bit is resolved when the catalogue is built.</summary>
internal sealed class NotFired(string ruleId, ulong ruleBit) : Condition
{
    public override string Description => $"{ruleId} did not fire";

    public override IReadOnlyList<ulong> Clauses => [];

    public override ulong Unless => ruleBit;
}

internal sealed class NothingFired : Condition
{
    public override string Description => "no rule above fired";

    public override IReadOnlyList<ulong> Clauses => [];

    // Rules are evaluated in catalogue order, so every rule that fired so far is above this one.
    public override ulong Unless => ulong.MaxValue;
}
