using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpineTriage.Reports;

/// <summary>
/// The id of a question, as report JSON and rule-set documents write it: a camelCase word such as
/// <c>bladderOrBowelControlLoss</c>. The questions of the shipped rule sets are the well-known members (<see cref="Fever"/>,
/// <see cref="SaddleNumbness"/>, …): those of rule set 1.0 first, in its asking order (clinical-criteria.md section 3), then
/// the nine rule set 2.0 adds (clinical-criteria-2.0.md section 4), then the five rule set 3.0 adds (clinical-criteria-3.0.md section 4). A local edition of a rule set (docs/rule-sets.md) may
/// add questions of its own: make their ids with <see cref="Of(string)"/>. A rule set asks its questions in its own order
/// (<see cref="Rules.RuleSet.Questions"/>) and an engine rejects answers to questions its rule set does not have.
/// </summary>
/// <remarks>
/// Immutable. Two ids are equal when their texts are equal, ordinal and case-sensitive. Ids order the well-known
/// questions first, in the order above, then the others by their text. <see cref="ToString"/> is the id: an id is not
/// patient data. <c>default(QuestionId)</c> is no question: every API that takes a question refuses it.
/// </remarks>
[JsonConverter(typeof(QuestionIdJsonConverter))]
public readonly struct QuestionId : IEquatable<QuestionId>, IComparable<QuestionId>
{
    /// <summary>The longest id, in characters (the grammar of docs/schemas/rule-set.schema.json).</summary>
    public const int MaxLength = 64;

    /// <summary>Loss of bladder or bowel control, or inability to pass urine (red flag).</summary>
    public static readonly QuestionId BladderOrBowelControlLoss = new("bladderOrBowelControlLoss", 0);

    /// <summary>New numbness around the genitals, buttocks or inner thighs (red flag).</summary>
    public static readonly QuestionId SaddleNumbness = new("saddleNumbness", 1);

    /// <summary>New or worsening weakness in an arm or a leg (red flag).</summary>
    public static readonly QuestionId NewOrWorseningLimbWeakness = new("newOrWorseningLimbWeakness", 2);

    /// <summary>Sudden, severe pain that started after a fall or an injury (red flag).</summary>
    public static readonly QuestionId SuddenSeverePainAfterFallOrInjury = new("suddenSeverePainAfterFallOrInjury", 3);

    /// <summary>Fever of 38.0 °C / 100.4 °F or higher, or shivering and chills (red flag).</summary>
    public static readonly QuestionId Fever = new("fever", 4);

    /// <summary>Discharge or fluid from the wound (red flag).</summary>
    public static readonly QuestionId WoundDischarge = new("woundDischarge", 5);

    /// <summary>Increasing redness or swelling around the wound (red flag).</summary>
    public static readonly QuestionId WoundRednessOrSwelling = new("woundRednessOrSwelling", 6);

    /// <summary>New chest pain or sudden shortness of breath (red flag).</summary>
    public static readonly QuestionId ChestPainOrBreathlessness = new("chestPainOrBreathlessness", 7);

    /// <summary>New or worsening numbness in an arm or a leg (red flag).</summary>
    public static readonly QuestionId NewOrWorseningLimbNumbness = new("newOrWorseningLimbNumbness", 8);

    /// <summary>A calf that is painful, swollen, warm or red (red flag).</summary>
    public static readonly QuestionId CalfPainOrSwelling = new("calfPainOrSwelling", 9);

    /// <summary>Back or neck pain that came back or got worse after a period of improvement.</summary>
    public static readonly QuestionId PainReturnedAfterImprovement = new("painReturnedAfterImprovement", 10);

    /// <summary>Back or neck pain that is new or getting worse.</summary>
    public static readonly QuestionId NewOrWorseningPain = new("newOrWorseningPain", 11);

    /// <summary>A feeling of instability, or of something moving or clicking at the surgery site.</summary>
    public static readonly QuestionId InstabilityOrMovement = new("instabilityOrMovement", 12);

    /// <summary>Pain spreading into an arm or a leg.</summary>
    public static readonly QuestionId RadiatingLimbPain = new("radiatingLimbPain", 13);

    /// <summary>Skin over the surgery site tender to touch.</summary>
    public static readonly QuestionId LocalizedTenderness = new("localizedTenderness", 14);

    /// <summary>Pain worse with movement or in certain positions.</summary>
    public static readonly QuestionId PainWorseWithMovement = new("painWorseWithMovement", 15);

    /// <summary>A hard lump or bump under the skin where the implant is.</summary>
    public static readonly QuestionId LumpOverHardware = new("lumpOverHardware", 16);

    /// <summary>(Clinician) imaging has shown loosening, breakage or shifting of hardware, or a fusion that has not healed.</summary>
    public static readonly QuestionId ImagingShowsHardwareProblem = new("imagingShowsHardwareProblem", 17);

    /// <summary>(Rule set 2.0) Neck swelling getting bigger quickly, new trouble or noisy breathing, or unable to swallow saliva or sips (red flag; applies when neck surgery is possible).</summary>
    public static readonly QuestionId NeckSwellingOrAirway = new("neckSwellingOrAirway", 18);

    /// <summary>(Rule set 2.0) Very sleepy and hard to wake, confused, breathing much more slowly than usual, or fainted (red flag).</summary>
    public static readonly QuestionId DrowsyConfusedOrSlowBreathing = new("drowsyConfusedOrSlowBreathing", 19);

    /// <summary>(Rule set 2.0) A fall, or another injury to the back or neck, in the last 2 weeks (red flag).</summary>
    public static readonly QuestionId RecentFallOrInjury = new("recentFallOrInjury", 20);

    /// <summary>(Rule set 2.0) A bad headache with a stiff neck, or with light hurting the eyes (red flag; applies in the early period).</summary>
    public static readonly QuestionId HeadacheWithStiffNeck = new("headacheWithStiffNeck", 21);

    /// <summary>(Rule set 2.0) Clear, watery fluid still leaking from the wound, or a headache worse sitting or standing and better lying down (red flag; applies in the early period).</summary>
    public static readonly QuestionId SpinalFluidLeakSigns = new("spinalFluidLeakSigns", 22);

    /// <summary>(Rule set 2.0) A wound bleeding enough to soak a dressing or clothes, or still bleeding after 10 minutes of firm pressure (red flag; applies in the early period).</summary>
    public static readonly QuestionId WoundBleeding = new("woundBleeding", 23);

    /// <summary>(Rule set 2.0) A wound that has opened, or through which something under the skin can be seen (red flag; applies in the early period).</summary>
    public static readonly QuestionId WoundOpening = new("woundOpening", 24);

    /// <summary>(Rule set 2.0) Pain still severe after taking the pain medicine as prescribed (red flag; applies in the early period).</summary>
    public static readonly QuestionId PainNotControlled = new("painNotControlled", 25);

    /// <summary>(Rule set 2.0) Swallowing getting worse day by day, choking or coughing when drinking, or unable to swallow tablets (red flag; applies when neck surgery is possible).</summary>
    public static readonly QuestionId NewSwallowingDifficulty = new("newSwallowingDifficulty", 26);

    /// <summary>(Rule set 3.0) Since the operation, a drooping face, slurred or muddled speech, sudden loss of sight, or a fit (seizure) (red flag).</summary>
    public static readonly QuestionId StrokeOrSeizureSigns = new("strokeOrSeizureSigns", 27);

    /// <summary>(Rule set 3.0) A new, severe headache, the worst ever had (red flag; applies within 90 days).</summary>
    public static readonly QuestionId NewSevereHeadache = new("newSevereHeadache", 28);

    /// <summary>(Rule set 3.0) A swollen, hard or painful belly, or vomiting that keeps on (red flag; applies in the early period).</summary>
    public static readonly QuestionId BellySwollenOrVomiting = new("bellySwollenOrVomiting", 29);

    /// <summary>(Rule set 3.0) No bowel movement for 4 days or more (applies in the early period).</summary>
    public static readonly QuestionId NoBowelMovementFourDays = new("noBowelMovementFourDays", 30);

    /// <summary>(Rule set 3.0) A voice hoarse or weak for more than 2 weeks (applies when neck surgery is possible).</summary>
    public static readonly QuestionId HoarseVoiceTwoWeeks = new("hoarseVoiceTwoWeeks", 31);

    // Every well-known member, each at the place its rank (the number it was made with) names: a new one is added at the
    // end of the members and here, with the next rank (QuestionIdTests checks both).
    private static readonly QuestionId[] WellKnownIds =
    [
        BladderOrBowelControlLoss,
        SaddleNumbness,
        NewOrWorseningLimbWeakness,
        SuddenSeverePainAfterFallOrInjury,
        Fever,
        WoundDischarge,
        WoundRednessOrSwelling,
        ChestPainOrBreathlessness,
        NewOrWorseningLimbNumbness,
        CalfPainOrSwelling,
        PainReturnedAfterImprovement,
        NewOrWorseningPain,
        InstabilityOrMovement,
        RadiatingLimbPain,
        LocalizedTenderness,
        PainWorseWithMovement,
        LumpOverHardware,
        ImagingShowsHardwareProblem,
        NeckSwellingOrAirway,
        DrowsyConfusedOrSlowBreathing,
        RecentFallOrInjury,
        HeadacheWithStiffNeck,
        SpinalFluidLeakSigns,
        WoundBleeding,
        WoundOpening,
        PainNotControlled,
        NewSwallowingDifficulty,
        StrokeOrSeizureSigns,
        NewSevereHeadache,
        BellySwollenOrVomiting,
        NoBowelMovementFourDays,
        HoarseVoiceTwoWeeks,
    ];

    // The well-known ids by their id, so that an id read from text is the well-known value with its rank.
    private static readonly FrozenDictionary<string, QuestionId> ById = WellKnownIds.ToFrozenDictionary(q => q._id!, StringComparer.Ordinal);

    private readonly string? _id;

    // The place of a well-known id in WellKnownIds, or -1: it orders and hashes ids without reading their text.
    private readonly int _rank;

    private QuestionId(string id, int rank)
    {
        _id = id;
        _rank = rank;
    }

    /// <summary>Gets the well-known questions: those of the shipped rule sets, in the order of their members.</summary>
    public static IReadOnlyList<QuestionId> WellKnown { get; } = Array.AsReadOnly(WellKnownIds);

    /// <summary>Gets the id as report JSON and rule-set documents write it, for example <c>saddleNumbness</c> (empty for <c>default</c>).</summary>
    public string Id => _id ?? string.Empty;

    /// <summary>Gets whether this is one of the <see cref="WellKnown"/> questions of the shipped rule sets.</summary>
    public bool IsWellKnown => _rank >= 0 && _id is not null;

    /// <summary>Gets whether this is <c>default(QuestionId)</c>, no question.</summary>
    internal bool IsDefault => _id is null;

    /// <summary>Gets the place of a well-known id among <see cref="WellKnown"/>, or -1 for another id.</summary>
    internal int Rank => _id is null ? -1 : _rank;

    /// <summary>Makes the id of a question from its text: a well-known question, or one a local edition adds.</summary>
    /// <param name="id">The id: a lowercase ASCII letter, then up to 63 ASCII letters and digits (<c>^[a-z][A-Za-z0-9]{0,63}$</c>).</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not of the grammar of a question id.</exception>
    public static QuestionId Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryParse(id, out var question)
            ? question
            : throw new ArgumentException(
                $"'{(id.Length <= 40 ? id : id[..40] + "…")}' is not a question id: a lowercase letter, then up to {MaxLength - 1} letters and digits (for example woundDischarge).",
                nameof(id));
    }

    /// <summary>Reads the id of a question from its text, without throwing.</summary>
    /// <param name="id">The text; see <see cref="Of(string)"/> for the grammar.</param>
    /// <param name="question">The id, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> is of the grammar of a question id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? id, out QuestionId question)
    {
        if (id is null)
        {
            question = default;
            return false;
        }

        if (ById.TryGetValue(id, out question))
        {
            return true;
        }

        question = IsValid(id) ? new QuestionId(id, -1) : default;
        return !question.IsDefault;
    }

    /// <summary>Whether a text is of the grammar of a question id: <c>^[a-z][A-Za-z0-9]{0,63}$</c>.</summary>
    internal static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > MaxLength || !char.IsAsciiLetterLower(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The well-known question with an id, without making another.</summary>
    internal static bool TryGetWellKnown(string id, out QuestionId question) => ById.TryGetValue(id, out question);

    /// <inheritdoc />
    public bool Equals(QuestionId other) =>
        _rank >= 0 && other._rank >= 0 && _id is not null && other._id is not null ? _rank == other._rank : string.Equals(_id, other._id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QuestionId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Rank >= 0 ? Rank : StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>Orders the well-known questions first, in the order of their members, then the others by their id (ordinal).</summary>
    /// <param name="other">Another id.</param>
    /// <returns>Less than zero when this comes first, zero when equal, more than zero when it comes after.</returns>
    public int CompareTo(QuestionId other) => (Rank, other.Rank) switch
    {
        ( >= 0, >= 0) => Rank.CompareTo(other.Rank),
        ( >= 0, _) => -1,
        (_, >= 0) => 1,
        _ => string.CompareOrdinal(_id, other._id),
    };

    /// <summary>Gets the id, for example <c>fever</c>: an id is not patient data.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;

    /// <summary>Whether two ids are equal.</summary>
    /// <param name="left">An id.</param>
    /// <param name="right">Another.</param>
    /// <returns><see langword="true"/> when their texts are equal.</returns>
    public static bool operator ==(QuestionId left, QuestionId right) => left.Equals(right);

    /// <summary>Whether two ids differ.</summary>
    /// <param name="left">An id.</param>
    /// <param name="right">Another.</param>
    /// <returns><see langword="true"/> when their texts differ.</returns>
    public static bool operator !=(QuestionId left, QuestionId right) => !left.Equals(right);

    /// <summary>Whether an id comes before another (<see cref="CompareTo"/>).</summary>
    /// <param name="left">An id.</param>
    /// <param name="right">Another.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes first.</returns>
    public static bool operator <(QuestionId left, QuestionId right) => left.CompareTo(right) < 0;

    /// <summary>Whether an id comes after another (<see cref="CompareTo"/>).</summary>
    /// <param name="left">An id.</param>
    /// <param name="right">Another.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes after.</returns>
    public static bool operator >(QuestionId left, QuestionId right) => left.CompareTo(right) > 0;

    /// <summary>Whether an id comes before another or is equal to it.</summary>
    /// <param name="left">An id.</param>
    /// <param name="right">Another.</param>
    /// <returns><see langword="true"/> unless <paramref name="left"/> comes after.</returns>
    public static bool operator <=(QuestionId left, QuestionId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether an id comes after another or is equal to it.</summary>
    /// <param name="left">An id.</param>
    /// <param name="right">Another.</param>
    /// <returns><see langword="true"/> unless <paramref name="left"/> comes first.</returns>
    public static bool operator >=(QuestionId left, QuestionId right) => left.CompareTo(right) >= 0;
}

/// <summary>Writes a question id as its JSON string, and reads one back (as a value or as a property name), refusing a text that is not an id.</summary>
internal sealed class QuestionIdJsonConverter : JsonConverter<QuestionId>
{
    public override QuestionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && QuestionId.TryParse(reader.GetString(), out var question)
            ? question
            : throw new JsonException("Expected a question id: a string such as \"fever\".");

    public override void Write(Utf8JsonWriter writer, QuestionId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Id);

    public override QuestionId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QuestionId.TryParse(reader.GetString(), out var question) ? question : throw new JsonException("Expected a question id as the property name.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, QuestionId value, JsonSerializerOptions options) => writer.WritePropertyName(value.Id);
}
