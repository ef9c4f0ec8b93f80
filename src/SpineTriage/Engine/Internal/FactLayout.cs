using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// Where each fact of a report lies in its <see cref="FactWord"/>, derived from the question catalogue and the
/// conditions the engine compiles: one segment after the other, each as long as what it holds (a bit per
/// question, per pain score, per region, per risk factor, per day bound a condition names). Nothing is
/// numbered by hand, so adding a question moves the later segments; <c>FactLayoutTests</c> fails if two facts
/// share a bit or the layout overflows the word. The layout also reads a report's facts (<see cref="Read"/>).
/// </summary>
internal sealed class FactLayout
{
    /// <summary>The highest pain score; <see cref="PainAtLeast"/> has a bit for each score from 0 to it.</summary>
    public const int MaxPainScore = 10;

    // The widest span of day bounds whose facts are tabled (64 KB).
    private const int MaxDayTable = 4096;

    private static readonly SurgeryRegion[] Regions = Enum.GetValues<SurgeryRegion>();
    private static readonly RiskFactor[] RiskFactors = Enum.GetValues<RiskFactor>();

    private readonly List<Segment> _segments = [];
    private readonly int[] _daysAtLeast;
    private readonly int[] _daysAtMost;
    private readonly (FactTest Test, uint Questions)[] _applicability;
    private readonly (FactTest Test, uint Questions)[] _redFlagWhen;
    private readonly int _questionCount;
    private readonly int[] _regionBits; // by the region's value
    private readonly long _feverThresholdMicroCelsius; // or ReportFacts.NoExactMicroCelsius

    // The day facts of every day count from _daysFrom on (DayFacts), made once: a count outside the table has the facts of
    // the nearer end, which lies beyond every bound. Null when the bounds lie too far apart; DayFacts is then called.
    private readonly FactWord[]? _dayFacts;
    private readonly int _daysFrom;

    public FactLayout(IReadOnlyList<Question> questions, IEnumerable<Condition> conditions, decimal feverThresholdCelsius)
    {
        if (questions.Count > 32)
        {
            throw new InvalidOperationException($"Answers are kept in 32-bit masks; the catalogue has {questions.Count} questions.");
        }

        if (questions.Select((q, i) => (int)q.Id != i).Any(wrong => wrong))
        {
            throw new InvalidOperationException("The question catalogue must list the questions in the order of their ids.");
        }

        _questionCount = questions.Count;
        FeverThresholdCelsius = feverThresholdCelsius;
        _feverThresholdMicroCelsius = ReportFacts.MicroCelsius(feverThresholdCelsius);
        var applicability = questions.Select(q => q.AppliesWhen).ToArray();
        var redFlagWhen = questions.Select(q => q.CountsAsRedFlagWhen).ToArray();
        var all = conditions.Concat(applicability).Concat(redFlagWhen).ToArray();
        _daysAtLeast = [.. all.SelectMany(DayBounds).Where(b => b.Min).Select(b => b.Days).Distinct().Order()];
        _daysAtMost = [.. all.SelectMany(DayBounds).Where(b => !b.Min).Select(b => b.Days).Distinct().Order()];

        // Facts the rules of rule set 1.0 test lie in the low bits, so the engine reads few groups of them.
        Yes = Add("question yes", questions.Count);
        FeverPresent = Add("fever present", 1);
        FeverAbsent = Add("fever absent", 1);
        PainAtLeast = Add("pain score at least", MaxPainScore + 1);
        RedFlagUnresolved = Add("red flag unresolved", 1);
        DaysAtLeast = Add("days since surgery at least", _daysAtLeast.Length);
        DaysAtMost = Add("days since surgery at most", _daysAtMost.Length);
        Region = Add("surgery region", Regions.Length);
        RegionNotGiven = Add("surgery region not given", 1);
        RiskFactor = Add("risk factor", RiskFactors.Length);
        No = Add("question no", questions.Count);

        // The yes answers, fever and pain facts and "red flag unresolved" take at most 32 + 2 + 11 + 1 = 46 bits, so
        // they always lie in the low word, which Complete, Changeable and Word rely on.
        Size = _segments[^1].Start + _segments[^1].Length;
        if (Size > FactWord.Bits)
        {
            throw new InvalidOperationException($"The facts take {Size} bits; the facts word holds {FactWord.Bits}.");
        }

        _regionBits = new int[Regions.Max(r => (int)r) + 1];
        foreach (var region in Regions)
        {
            _regionBits[(int)region] = Region + Array.IndexOf(Regions, region);
        }

        var bounds = _daysAtLeast.Concat(_daysAtMost).ToArray();
        if (bounds.Length == 0)
        {
            _dayFacts = [FactWord.Empty];
        }
        else if ((long)bounds.Max() - bounds.Min() <= MaxDayTable && bounds.Min() > int.MinValue + 1 && bounds.Max() < int.MaxValue - 2)
        {
            _daysFrom = bounds.Min() - 1;
            _dayFacts = [.. Enumerable.Range(_daysFrom, bounds.Max() - bounds.Min() + 3).Select(DayFacts)];
        }

        RedFlags = questions.Where(q => q.IsRedFlag).Aggregate(0u, (mask, q) => mask | (1u << (int)q.Id));
        AllQuestions = _questionCount == 32 ? uint.MaxValue : (1u << _questionCount) - 1;
        _applicability = Tests(applicability);
        _redFlagWhen = Tests(redFlagWhen);
    }

    public decimal FeverThresholdCelsius { get; }

    /// <summary>Gets the segments in bit order, for the tests and the docs.</summary>
    public IReadOnlyList<Segment> Segments => _segments;

    /// <summary>Gets the number of bits the facts take.</summary>
    public int Size { get; }

    /// <summary>Gets the red-flag questions (bit <c>q</c>: question <c>q</c>).</summary>
    public uint RedFlags { get; }

    public uint AllQuestions { get; }

    public int Yes { get; }

    public int No { get; }

    public int FeverPresent { get; }

    public int FeverAbsent { get; }

    /// <summary>Gets the first of the bits "pain score at least k", k from 0 (a pain score was given) to <see cref="MaxPainScore"/>.</summary>
    public int PainAtLeast { get; }

    public int RedFlagUnresolved { get; }

    public int DaysAtLeast { get; }

    public int DaysAtMost { get; }

    /// <summary>Gets the first of the bits "surgery region is r", in the order of <see cref="SurgeryRegion"/>.</summary>
    public int Region { get; }

    public int RegionNotGiven { get; }

    /// <summary>Gets the first of the bits "risk factor r present", in the order of <see cref="Reports.RiskFactor"/>.</summary>
    public int RiskFactor { get; }

    public int YesBit(QuestionId question) => Yes + Question(question);

    public int NoBit(QuestionId question) => No + Question(question);

    public int RegionBit(SurgeryRegion region) => Region + Array.IndexOf(Regions, region);

    public int RiskFactorBit(RiskFactor factor) => RiskFactor + Array.IndexOf(RiskFactors, factor);

    /// <summary>The bit "days since surgery ≥ <paramref name="days"/>"; the bound must be one a compiled condition names.</summary>
    public int DaysAtLeastBit(int days) => DaysAtLeast + IndexOf(_daysAtLeast, days);

    /// <summary>The bit "days since surgery ≤ <paramref name="days"/>"; the bound must be one a compiled condition names.</summary>
    public int DaysAtMostBit(int days) => DaysAtMost + IndexOf(_daysAtMost, days);

    /// <summary>Reads the facts of a validated report.</summary>
    public Facts Read(ReportFacts report, int daysSinceSurgery, SurgeryRegion? region, int riskFactorMask)
    {
        // A decimal comparison costs more than the rest of the word: whole millionths of a degree compare the same when both are exact.
        var temperatureIsFever = report.Temperature.HasValue
            && (report.TemperatureMicroCelsius != ReportFacts.NoExactMicroCelsius && _feverThresholdMicroCelsius != ReportFacts.NoExactMicroCelsius
                ? report.TemperatureMicroCelsius >= _feverThresholdMicroCelsius
                : report.TemperatureCelsius >= FeverThresholdCelsius);
        var word = Word(
            report.Yes, report.No, report.PainScore, report.Temperature.HasValue, temperatureIsFever, daysSinceSurgery, region, riskFactorMask,
            out var fever, out var unresolved, out var feverAnswer);
        return new Facts(
            word,
            report,
            fever,
            temperatureIsFever,
            unresolved,
            feverAnswer,
            daysSinceSurgery,
            region,
            riskFactorMask);
    }

    /// <summary>
    /// The facts word of the same report with the questions of <paramref name="notGiven"/> (absent from it) answered
    /// yes or no, its measurements as they stand: the bounds of <see cref="Results.TriageResult.IsSettled"/>, patched
    /// into the report's own word instead of read again. Answering an absent question only sets its yes or no bit,
    /// settles fever when the fever question was the absent one, and removes it from the unresolved red flags
    /// (applicability depends on the region and the days since surgery, which do not change).
    /// <c>SettledTests</c> holds this equal to reading the completed report from scratch.
    /// </summary>
    public FactWord Complete(in Facts facts, uint notGiven, bool asYes)
    {
        const uint FeverQuestion = 1u << (int)QuestionId.Fever;
        ulong low = facts.Word.Low, high = facts.Word.High;
        if (asYes)
        {
            low |= (ulong)notGiven << Yes; // the yes facts lie in the low word (see the constructor)
        }
        else
        {
            Put(ref low, ref high, notGiven, No);
        }

        if ((notGiven & FeverQuestion) != 0)
        {
            var present = asYes || facts.TemperatureIsFever;
            low &= ~((1UL << FeverPresent) | (1UL << FeverAbsent));
            low |= 1UL << (present ? FeverPresent : FeverAbsent);
        }

        // A red flag still unresolved was unresolved before, so its bit is set already; it is cleared when none is left.
        if ((facts.UnresolvedRedFlags & ~notGiven) == 0)
        {
            low &= ~(1UL << RedFlagUnresolved);
        }

        return new FactWord(low, high);
    }

    /// <summary>
    /// Every bit of the facts word that <see cref="Complete"/> may change when it answers the questions of
    /// <paramref name="notGiven"/>, yes or no: their yes and no bits, fever present and absent when the fever question
    /// is among them, and "red flag unresolved" when one of them is an unresolved red flag. <c>SettledTests</c> holds
    /// it a superset of what either completion changes.
    /// </summary>
    public FactWord Changeable(in Facts facts, uint notGiven)
    {
        const uint FeverQuestion = 1u << (int)QuestionId.Fever;
        ulong low = (ulong)notGiven << Yes, high = 0;
        Put(ref low, ref high, notGiven, No);
        low |= (notGiven & FeverQuestion) != 0 ? (1UL << FeverPresent) | (1UL << FeverAbsent) : 0;
        low |= (facts.UnresolvedRedFlags & notGiven) != 0 ? 1UL << RedFlagUnresolved : 0;
        return new FactWord(low, high);
    }

    /// <summary>
    /// The facts word alone of a report given by its parts, without allocating: for the urgency bounds of the
    /// interview, which complete a report's answers and measurements in several ways.
    /// </summary>
    public FactWord ReadWord(
        uint yes, uint no, int painScore, bool hasTemperature, decimal temperatureCelsius, int daysSinceSurgery, SurgeryRegion? region, int riskFactorMask) =>
        Word(yes, no, painScore, hasTemperature, hasTemperature && temperatureCelsius >= FeverThresholdCelsius, daysSinceSurgery, region, riskFactorMask, out _, out _, out _);

    private FactWord Word(
        uint yes,
        uint no,
        int painScore,
        bool hasTemperature,
        bool temperatureIsFever,
        int daysSinceSurgery,
        SurgeryRegion? region,
        int riskFactorMask,
        out Presence fever,
        out uint unresolved,
        out Answer feverAnswer)
    {
        const uint FeverQuestion = 1u << (int)QuestionId.Fever;
        feverAnswer = (yes & FeverQuestion) != 0 ? Answer.Yes : (no & FeverQuestion) != 0 ? Answer.No : Answer.Unknown;
        fever = feverAnswer == Answer.Yes || temperatureIsFever ? Presence.Present
            : feverAnswer == Answer.No || hasTemperature ? Presence.Absent
            : Presence.Unknown;

        ulong low = (ulong)yes << Yes, high = 0; // the yes, fever and pain facts lie in the low word (see the constructor)
        low |= fever == Presence.Present ? 1UL << FeverPresent : fever == Presence.Absent ? 1UL << FeverAbsent : 0;
        low |= painScore >= 0 ? ((2UL << painScore) - 1) << PainAtLeast : 0;
        Put(ref low, ref high, no, No);
        Put(ref low, ref high, (uint)riskFactorMask, RiskFactor);
        Put(ref low, ref high, 1, region is { } r ? _regionBits[(int)r] : RegionNotGiven);
        var days = _dayFacts is { } table ? table[(int)Math.Clamp((long)daysSinceSurgery - _daysFrom, 0, table.Length - 1)] : DayFacts(daysSinceSurgery);
        low |= days.Low;
        high |= days.High;

        var word = new FactWord(low, high);
        var unknownRedFlags = ~(yes | no) & RedFlagsFor(word) & Applicable(word);
        unresolved = fever == Presence.Unknown ? unknownRedFlags : unknownRedFlags & ~FeverQuestion;
        low |= unresolved != 0 ? 1UL << RedFlagUnresolved : 0;
        return new FactWord(low, high);
    }

    /// <summary>The facts "days since surgery at least" and "at most" of every bound a condition names, for a day count.</summary>
    private FactWord DayFacts(int daysSinceSurgery)
    {
        ulong low = 0, high = 0;
        for (var i = 0; i < _daysAtLeast.Length; i++)
        {
            Put(ref low, ref high, daysSinceSurgery >= _daysAtLeast[i] ? 1u : 0u, DaysAtLeast + i);
        }

        for (var i = 0; i < _daysAtMost.Length; i++)
        {
            Put(ref low, ref high, daysSinceSurgery <= _daysAtMost[i] ? 1u : 0u, DaysAtMost + i);
        }

        return new FactWord(low, high);
    }

    /// <summary>The questions that apply to a report (bit <c>q</c>: question <c>q</c>), from the region and day facts of its word.</summary>
    public uint Applicable(in FactWord word)
    {
        var applicable = AllQuestions;
        foreach (var (test, questions) in _applicability)
        {
            applicable &= test.Holds(word) ? uint.MaxValue : ~questions;
        }

        return applicable;
    }

    /// <summary>The red flags that count as red flags for a report (bit <c>q</c>: question <c>q</c>), from the day facts of its word.</summary>
    public uint RedFlagsFor(in FactWord word)
    {
        var redFlags = RedFlags;
        foreach (var (test, questions) in _redFlagWhen)
        {
            redFlags &= test.Holds(word) ? uint.MaxValue : ~questions;
        }

        return redFlags;
    }

    // The questions' conditions compiled once per distinct condition, with the questions each one governs.
    private (FactTest Test, uint Questions)[] Tests(Condition[] byQuestion) => byQuestion
        .Select((condition, question) => (condition, question))
        .Where(a => !ReferenceEquals(a.condition, When.Always))
        .GroupBy(a => a.condition)
        .Select(g => (FactTest.Of(ConditionCompiler.CompileFacts(g.Key, this)), g.Aggregate(0u, (mask, a) => mask | (1u << a.question))))
        .ToArray();

    // Places up to 32 bits at a bit of the facts word; a run may cross from the low word into the high one.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Put(ref ulong low, ref ulong high, uint bits, int at)
    {
        if (at >= 64)
        {
            high |= (ulong)bits << (at - 64);
        }
        else
        {
            low |= (ulong)bits << at;
            high |= at > 32 ? (ulong)bits >> (64 - at) : 0;
        }
    }

    private static int IndexOf(int[] bounds, int days)
    {
        var index = Array.IndexOf(bounds, days);
        return index >= 0 ? index : throw new InvalidOperationException($"No compiled condition names the day bound {days}.");
    }

    private static IEnumerable<(bool Min, int Days)> DayBounds(Condition condition) => condition switch
    {
        DaysSinceSurgeryWithin days => new[] { (true, days.Min), (false, days.Max) }.Where(b => b.Item2.HasValue).Select(b => (b.Item1, b.Item2!.Value)),
        AllOf all => all.Conditions.SelectMany(DayBounds),
        AnyOf any => any.Conditions.SelectMany(DayBounds),
        NotOf not => DayBounds(not.Condition),
        NamedFact fact => DayBounds(fact.Definition),
        _ => [],
    };

    private int Question(QuestionId question) =>
        (uint)question < (uint)_questionCount ? (int)question : throw new InvalidOperationException($"Question {question} is not in the catalogue.");

    private int Add(string name, int length)
    {
        var start = _segments.Count == 0 ? 0 : _segments[^1].Start + _segments[^1].Length;
        _segments.Add(new Segment(name, start, length));
        return start;
    }

    /// <summary>A run of bits of the facts word that holds one kind of fact.</summary>
    internal readonly record struct Segment(string Name, int Start, int Length);
}
