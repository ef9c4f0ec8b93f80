using System.Text;
using System.Text.Unicode;
using SpineTriage.Audit;
using SpineTriage.ConsoleHost;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.Testing;
using SpineTriage.Validation;

namespace SpineTriage.Fuzz;

/// <summary>
/// The fuzzing targets and their invariants, in one place for the harness (<c>Program</c>, run by
/// <c>scripts/fuzz.sh</c>) and for the replay of the committed corpus in the normal test run. Each target reads
/// a stranger's bytes through one reader and returns normally when the invariant holds: either a result or
/// errors, never an exception. A violation is thrown as a <see cref="FuzzInvariantException"/>; any other exception
/// escaping a reader is a violation too. Hangs and memory blow-ups are caught by the fuzzer's time-out and by
/// the GC heap limit that <c>scripts/fuzz.sh</c> sets.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets, as named on the command line of the harness and in <c>scripts/fuzz.sh</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["report-string", "report-utf8", "case-file", "audit-line", "reply", "result"];

    // The engine is built on the first input, not when the harness starts: SharpFuzz's instrumented code may run
    // only once Fuzzer.OutOfProcess.Run has set up AFL's shared memory (before that it is an access violation).
    private static TriageEngine Engine => Shared.Engine;

    /// <summary>Runs one target on one input.</summary>
    /// <param name="target">One of <see cref="Names"/>.</param>
    /// <param name="input">The bytes.</param>
    /// <exception cref="FuzzInvariantException">The invariant does not hold.</exception>
    public static void Check(string target, ReadOnlySpan<byte> input)
    {
        switch (target)
        {
            case "report-string":
                CheckReportString(input);
                break;
            case "report-utf8":
                CheckReportUtf8(input);
                break;
            case "case-file":
                CheckCaseFile(input);
                break;
            case "audit-line":
                CheckAuditLine(input);
                break;
            case "reply":
                CheckReply(input);
                break;
            case "result":
                CheckResult(input);
                break;
            default:
                throw new ArgumentException($"Unknown fuzz target '{target}'; expected one of: {string.Join(", ", Names)}.", nameof(target));
        }
    }

    private static void CheckReportUtf8(ReadOnlySpan<byte> input)
    {
        var outcome = Engine.TriageJson(input);
        CheckReportOutcome(outcome, TriageJson.ParseReport(input));

        // Valid UTF-8 must read the same as the string of it.
        if (Utf8.IsValid(input))
        {
            var text = Encoding.UTF8.GetString(input);
            Agree(outcome, Engine.TriageJson(text), "TriageJson(ReadOnlySpan<byte>) and TriageJson(string)");
        }
    }

    private static void CheckReportString(ReadOnlySpan<byte> input)
    {
        // Invalid UTF-8 becomes U+FFFD; the string reader sees any text a caller could pass.
        var text = Encoding.UTF8.GetString(input);
        var outcome = Engine.TriageJson(text);
        CheckReportOutcome(outcome, TriageJson.ParseReport(text));
    }

    private static void CheckReportOutcome(Outcome<TriageResult> outcome, Outcome<SymptomReport> parsed)
    {
        CheckErrors(outcome, Engine.Options.MaxErrors);
        if (!outcome.TryGetValue(out var result))
        {
            return;
        }

        if (!parsed.TryGetValue(out var report))
        {
            throw new FuzzInvariantException("The engine triaged a report that TriageJson.ParseReport refuses.");
        }

        // Valid ⇒ the urgency is at least that of the same report with every unknown answered no.
        var unknownAsNo = report with
        {
            Answers = AnswerSet.From(report.Answers.Select(a => a.Value == Answer.Unknown ? KeyValuePair.Create(a.Key, Answer.No) : a)),
        };
        var lower = Engine.Triage(unknownAsNo);
        if (!lower.TryGetValue(out var lowerResult))
        {
            throw new FuzzInvariantException("A valid report became invalid when its unknown answers were answered no: " + Codes(lower));
        }

        if (result.Urgency < lowerResult.Urgency)
        {
            throw new FuzzInvariantException($"Urgency {result.Urgency} is below {lowerResult.Urgency}, the urgency with every unknown answered no.");
        }

        if (!Enum.IsDefined(result.Urgency))
        {
            throw new FuzzInvariantException($"Undefined urgency {(int)result.Urgency}.");
        }

        // The result's JSON reads back.
        var back = TriageJson.ParseResult(TriageJson.SerializeResult(result));
        if (!back.TryGetValue(out var backResult) || backResult.Urgency != result.Urgency)
        {
            throw new FuzzInvariantException("The result's JSON does not read back to the same urgency: " + Codes(back));
        }
    }

    private static void CheckCaseFile(ReadOnlySpan<byte> input)
    {
        var outcome = TriageCase.Parse(Encoding.UTF8.GetString(input));
        CheckErrors(outcome, 100);
        if (outcome.TryGetValue(out var triageCase))
        {
            // A case that reads runs: passed or failed, never an exception.
            var check = triageCase.Check(Engine);
            CheckErrors(check.Outcome, Engine.Options.MaxErrors);
        }
    }

    private static void CheckAuditLine(ReadOnlySpan<byte> input)
    {
        var outcome = AuditRecord.ParseJsonLine(input);
        CheckErrors(outcome, int.MaxValue);
        if (Utf8.IsValid(input))
        {
            var fromText = AuditRecord.ParseJsonLine(Encoding.UTF8.GetString(input));
            CheckErrors(fromText, int.MaxValue);
            if (outcome.IsSuccess != fromText.IsSuccess || !outcome.Errors.Select(e => e.Code).SequenceEqual(fromText.Errors.Select(e => e.Code)))
            {
                throw new FuzzInvariantException($"ParseJsonLine(ReadOnlySpan<byte>) and ParseJsonLine(string) disagree: {Codes(outcome)} / {Codes(fromText)}.");
            }
        }
    }

    private static void CheckResult(ReadOnlySpan<byte> input)
    {
        var outcome = TriageJson.ParseResult(Encoding.UTF8.GetString(input));
        CheckErrors(outcome, int.MaxValue);
        if (outcome.TryGetValue(out var result) && !Enum.IsDefined(result.Urgency))
        {
            throw new FuzzInvariantException($"Undefined urgency {(int)result.Urgency}.");
        }
    }

    private static void CheckReply(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        foreach (var language in (ReadOnlySpan<ConsoleLanguage>)[ConsoleLanguage.English, ConsoleLanguage.Spanish])
        {
            CheckReplyIn(text, language);
        }

        if (ReplyParser.TryDate(text, out var date) && date.Year is < 1 or > 9999)
        {
            throw new FuzzInvariantException("Impossible date.");
        }

        if (ReplyParser.TryPainScore(text, out var score) && score is < 0 or > 10)
        {
            throw new FuzzInvariantException($"Pain score {score} out of 0 to 10.");
        }
    }

    // The replies whose reading depends on the language (issue 11: Spanish words and the decimal comma).
    private static void CheckReplyIn(string text, ConsoleLanguage language)
    {
        if (ReplyParser.TryAnswer(text, language, out var answer) && !Enum.IsDefined(answer))
        {
            throw new FuzzInvariantException($"Undefined answer {(int)answer}.");
        }

        _ = ReplyParser.IsNotMeasured(text, language);
        if (ReplyParser.TryTemperature(text, language, out var temperature))
        {
            if (temperature.Value is < 0m or >= 1000m || temperature.Value.Scale > 2 || !Enum.IsDefined(temperature.Unit))
            {
                throw new FuzzInvariantException("A temperature reply read as a value the prompt does not allow.");
            }

            _ = temperature.ToCelsius();
        }
    }

    private static void Agree(Outcome<TriageResult> bytes, Outcome<TriageResult> text, string what)
    {
        var same = bytes.IsSuccess == text.IsSuccess
            && (bytes.IsSuccess
                ? bytes.Value!.Urgency == text.Value!.Urgency
                : bytes.Errors.Select(e => (e.Path, e.Code)).SequenceEqual(text.Errors.Select(e => (e.Path, e.Code))));
        if (!same)
        {
            throw new FuzzInvariantException($"{what} disagree: {Codes(bytes)} / {Codes(text)}.");
        }
    }

    private static void CheckErrors<T>(Outcome<T> outcome, int maxErrors)
        where T : notnull
    {
        if (outcome.IsSuccess)
        {
            if (outcome.Value is null || outcome.Errors.Count != 0)
            {
                throw new FuzzInvariantException("A success without a value, or with errors.");
            }

            return;
        }

        if (outcome.Errors.Count == 0)
        {
            throw new FuzzInvariantException("A failure without errors.");
        }

        if (maxErrors != int.MaxValue && outcome.Errors.Count > maxErrors + 1)
        {
            throw new FuzzInvariantException($"{outcome.Errors.Count} errors, over the limit of {maxErrors} and one tooManyErrors.");
        }

        foreach (var error in outcome.Errors)
        {
            if (string.IsNullOrEmpty(error.Path) || string.IsNullOrEmpty(error.Code) || string.IsNullOrEmpty(error.Message))
            {
                throw new FuzzInvariantException("An error without a path, a code or a message.");
            }
        }
    }

    // Codes only: never the values of a report (patient data).
    private static string Codes<T>(Outcome<T> outcome)
        where T : notnull =>
        outcome.IsSuccess ? "success" : string.Join(",", outcome.Errors.Select(e => $"{e.Path}:{e.Code}"));

    private static class Shared
    {
        // A fixed day, so that a report's dates give the same answer on every run (a case found today replays tomorrow).
        public static readonly TriageEngine Engine = new(timeProvider: new FixedClock(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>A fuzzing invariant does not hold for an input.</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzInvariantException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What does not hold.</param>
    public FuzzInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What does not hold.</param>
    /// <param name="innerException">The cause.</param>
    public FuzzInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
