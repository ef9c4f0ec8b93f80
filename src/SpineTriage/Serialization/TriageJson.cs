using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;
using SpineTriage.Validation;
using SpineTriage.Validation.Internal;

namespace SpineTriage.Serialization;

/// <summary>
/// Reads and writes the JSON shapes of contract.md: symptom reports (strictly), triage results and error lists.
/// </summary>
/// <remarks>
/// Thread-safe. Reading never throws for bad input: every problem comes back as a <see cref="ValidationError"/>
/// with its JSON path. Output keeps characters such as ° and ' unescaped for readability; escape it
/// before embedding it in HTML.
/// </remarks>
public static class TriageJson
{
    private static readonly SpineTriageJsonContext Compact = new(Options(indented: false));

    private static readonly SpineTriageJsonContext Indented = new(Options(indented: true));

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions IndentedWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>
    /// Reads a symptom report from JSON, strictly. Range rules (a pain score of 12, say) are checked by <see cref="TriageEngine.Validate"/>.
    /// At most 1 MiB of UTF-8 is read (<see cref="ErrorCodes.TooLarge"/> beyond) and at most 100 errors are listed, then
    /// one <see cref="ErrorCodes.TooManyErrors"/>; <see cref="TriageEngine.TriageJson(string)"/> takes both limits from its options.
    /// </summary>
    /// <param name="json">The report JSON (a leading byte-order mark character, U+FEFF, is allowed, as in the UTF-8 form).</param>
    /// <returns>The report, or every structural error (unknown or duplicate property, wrong type, unknown value, malformed date).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static Outcome<SymptomReport> ParseReport(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var outcome = ReportReader.Read(json);
        return new Outcome<SymptomReport>(outcome.Partial, outcome.AllErrors(ErrorLimit.DefaultMax));
    }

    /// <summary>Reads a symptom report from UTF-8 JSON, strictly (a leading byte-order mark is allowed), with the limits of <see cref="ParseReport(string)"/>.</summary>
    /// <param name="utf8Json">The report JSON as UTF-8.</param>
    /// <returns>The report, or every structural error.</returns>
    public static Outcome<SymptomReport> ParseReport(ReadOnlySpan<byte> utf8Json)
    {
        var outcome = ReportReader.Read(utf8Json);
        return new Outcome<SymptomReport>(outcome.Partial, outcome.AllErrors(ErrorLimit.DefaultMax));
    }

    /// <summary>
    /// Reads a symptom report from JSON strictly, as <see cref="ParseReport(string)"/>, whose answers may also name the
    /// questions a rule set adds to the shipped ones (a local edition's, docs/rule-sets.md): read a report for an engine
    /// of such a rule set with its <see cref="TriageEngine.RuleSet"/>. Any other question id is still
    /// <see cref="ErrorCodes.UnknownQuestion"/>.
    /// </summary>
    /// <param name="json">The report JSON.</param>
    /// <param name="ruleSet">The rule set whose questions the answers may name, besides the shipped ones.</param>
    /// <returns>The report, or every structural error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public static Outcome<SymptomReport> ParseReport(string json, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var outcome = ReportReader.Read(json, reading: ruleSet.Edition.ReportReading);
        return new Outcome<SymptomReport>(outcome.Partial, outcome.AllErrors(ErrorLimit.DefaultMax));
    }

    /// <summary>Reads a symptom report from UTF-8 JSON strictly, as <see cref="ParseReport(string, RuleSet)"/>.</summary>
    /// <param name="utf8Json">The report JSON as UTF-8.</param>
    /// <param name="ruleSet">The rule set whose questions the answers may name, besides the shipped ones.</param>
    /// <returns>The report, or every structural error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public static Outcome<SymptomReport> ParseReport(ReadOnlySpan<byte> utf8Json, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var outcome = ReportReader.Read(utf8Json, reading: ruleSet.Edition.ReportReading);
        return new Outcome<SymptomReport>(outcome.Partial, outcome.AllErrors(ErrorLimit.DefaultMax));
    }

    /// <summary>Writes a report as contract JSON; reading it back gives an equal report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent. Unindented output is canonical: fixed property order, no whitespace.</param>
    /// <returns>The JSON.</returns>
    public static string SerializeReport(SymptomReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new ReportDocument
        {
            ReportId = report.ReportId,
            SurgeryDate = Iso(report.SurgeryDate),
            AssessedOn = report.AssessedOn is { } assessedOn ? Iso(assessedOn) : null,
            SurgeryRegion = report.SurgeryRegion is { } region ? JsonNames.Of(region) : null,
            Hardware = report.Hardware.Count == 0 ? null : report.Hardware.Select(JsonNames.Of).ToList(),
            FusionLevels = report.FusionLevels,
            RiskFactors = report.RiskFactors.Count == 0 ? null : report.RiskFactors.Select(JsonNames.Of).ToList(),
            PainScore = report.PainScore,
            Temperature = report.Temperature is { } t ? new TemperatureDocument { Value = t.Value, Unit = JsonNames.Of(t.Unit) } : null,
            Answers = report.Answers.Count == 0 ? null : report.Answers.ToDictionary(a => JsonNames.Of(a.Key), a => JsonNames.Of(a.Value)),
            Skipped = report.Skipped.Count == 0 ? null : report.Skipped.Select(JsonNames.Of).ToList(),
            Language = report.Language,
        };
        return JsonSerializer.Serialize(document, (indented ? Indented : Compact).ReportDocument);
    }

    /// <summary>Writes a triage result as contract JSON.</summary>
    /// <param name="result">The result.</param>
    /// <param name="indented">Whether to indent (default) or write one line.</param>
    /// <returns>The JSON.</returns>
    public static string SerializeResult(TriageResult result, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        var output = new ArrayBufferWriter<byte>(4096);
        WriteResult(result, output, indented);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>
    /// Writes a triage result as contract JSON, UTF-8, to a buffer: the same bytes as <see cref="SerializeResult"/>
    /// encodes, without a string. With a reused buffer (an <see cref="ArrayBufferWriter{T}"/> after
    /// <see cref="ArrayBufferWriter{T}.ResetWrittenCount"/>, or a pipe) the only allocation is the JSON writer.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write the JSON.</param>
    /// <param name="indented">Whether to indent or write one line (default, the form for services).</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    public static void WriteResult(TriageResult result, IBufferWriter<byte> output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, indented ? IndentedWriter : CompactWriter);
        ResultWriter.Write(writer, result);
    }

    /// <summary>Writes a triage result as a contract JSON object to a JSON writer, for example as a value inside the caller's own document.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer; it is not flushed. Its encoder decides how characters such as ° are escaped.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    public static void WriteResult(TriageResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        ResultWriter.Write(writer, result);
    }

    /// <summary>
    /// Writes an interview step as the step JSON of docs/contract.md (interview step): <c>{ "done": false, "next": item,
    /// "provisional": result }</c>, or <c>{ "done": true, "stoppedEarly": bool, "result": result }</c> when the interview is
    /// settled; <c>"surgeryDateApproximate": true</c> follows <c>done</c> when the surgery date is approximate. An item has
    /// <c>id</c>, <c>kind</c>, <c>text</c> (joined), <c>redFlag</c>, <c>order</c>, <c>remaining</c>, <c>lead</c>,
    /// <c>signs</c> and <c>answerHint</c> with their registry keys, and <c>input</c>: what the reply may be, with the
    /// limits the engine validates it against (<see cref="Interview.InputLimits"/>).
    /// </summary>
    /// <param name="step">The step, from <see cref="Interview.TriageInterview.Next(SymptomReport)"/>.</param>
    /// <param name="indented">Whether to indent or write one line (default).</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is <see langword="null"/>.</exception>
    public static string SerializeStep(Interview.InterviewStep step, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(step);
        var output = new ArrayBufferWriter<byte>(8192);
        WriteStep(step, output, indented);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes an interview step as <see cref="SerializeStep"/> does, UTF-8, to a buffer.</summary>
    /// <param name="step">The step.</param>
    /// <param name="output">Where to write the JSON.</param>
    /// <param name="indented">Whether to indent or write one line (default).</param>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    public static void WriteStep(Interview.InterviewStep step, IBufferWriter<byte> output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, indented ? IndentedWriter : CompactWriter);
        StepWriter.Write(writer, step);
    }

    /// <summary>Writes an interview step as a JSON object to a JSON writer, for example inside the caller's own document.</summary>
    /// <param name="step">The step.</param>
    /// <param name="writer">The writer; it is not flushed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    public static void WriteStep(Interview.InterviewStep step, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(writer);
        StepWriter.Write(writer, step);
    }

    /// <summary>
    /// Reads a triage result written by <see cref="SerializeResult"/> (for example from an audit store), strictly:
    /// unknown or duplicate properties, wrong types, missing fields, unknown urgencies or question ids and an
    /// <c>urgencyCode</c> that disagrees with the urgency are errors with their JSON paths, all reported together.
    /// </summary>
    /// <param name="json">The result JSON (a leading byte-order mark character, U+FEFF, is allowed).</param>
    /// <returns>The result, or every error that prevents reading it. Never throws for bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static Outcome<TriageResult> ParseResult(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ResultReader.Read(json);
    }

    /// <summary>Writes errors as <c>{ "errors": [ { "path": …, "code": …, "message": … } ] }</c>.</summary>
    /// <param name="errors">The errors.</param>
    /// <param name="indented">Whether to indent (default) or write one line.</param>
    /// <returns>The JSON.</returns>
    public static string SerializeErrors(IEnumerable<ValidationError> errors, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var document = new ErrorsDocument { Errors = errors.Select(e => new ErrorDocument { Path = e.Path, Code = e.Code, Message = e.Message }).ToList() };
        return JsonSerializer.Serialize(document, (indented ? Indented : Compact).ErrorsDocument);
    }

    /// <summary>
    /// Writes the rule catalogue: version, the selector of its line (<c>ruleSet</c>, as in the question catalogue), hash,
    /// thresholds and every rule in evaluation order.
    /// </summary>
    /// <param name="ruleSet">The rule set, from <see cref="TriageEngine.RuleSet"/>.</param>
    /// <param name="indented">Whether to indent (default) or write one line.</param>
    /// <returns>The JSON.</returns>
    public static string SerializeRuleSet(RuleSet ruleSet, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return SerializeRuleSet(ruleSet, ruleSet.Language, indented);
    }

    /// <summary>Writes the rule catalogue as <see cref="SerializeRuleSet(RuleSet, bool)"/> does, with the rules' titles and patient explanations in a language.</summary>
    /// <param name="ruleSet">The rule set, from <see cref="TriageEngine.RuleSet"/>: its engine's overrides apply.</param>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>.</param>
    /// <param name="indented">Whether to indent (default) or write one line.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public static string SerializeRuleSet(RuleSet ruleSet, string language, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var rules = ruleSet.RulesIn(language);
        var document = new RuleCatalogueDocument
        {
            Version = ruleSet.Version,
            RuleSet = ruleSet.Selector,
            Hash = ruleSet.Hash,
            FeverThresholdCelsius = ruleSet.FeverThresholdCelsius,
            SeverePainScore = ruleSet.SeverePainScore,
            Rules = rules.Select(r => new RuleDocument
            {
                Id = r.Id,
                Urgency = r.Urgency.JsonName(),
                UrgencyCode = r.Urgency.Code(),
                Title = r.Title,
                Condition = r.Condition,
                Consideration = r.Consideration,
                Source = r.Source,
                PatientExplanation = r.PatientExplanation,
                ClinicianRationale = r.ClinicianRationale,
            }).ToList(),
        };
        return JsonSerializer.Serialize(document, (indented ? Indented : Compact).RuleCatalogueDocument);
    }

    /// <summary>Writes the question catalogue of rule set 1.0 in asking order: id, order, whether it is a red flag, and the question text.</summary>
    /// <param name="indented">Whether to indent (default) or write one line.</param>
    /// <returns>The JSON.</returns>
    public static string SerializeQuestions(bool indented = true) =>
        Questions(RuleSetEdition.One.Version, null, QuestionCatalogue.All, indented);

    /// <summary>
    /// Writes the question catalogue of a rule set in its asking order: the rule set's version and selector, and for each
    /// question its id, order, whether it is a red flag, the question text and, for a question that applies only in some
    /// reports, when it applies (<see cref="Question.Applicability"/>).
    /// </summary>
    /// <param name="ruleSet">The rule set, for example <see cref="Engine.TriageEngine.RuleSet"/>.</param>
    /// <param name="indented">Whether to indent (default) or write one line.</param>
    /// <returns>The JSON.</returns>
    public static string SerializeQuestions(RuleSet ruleSet, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Questions(ruleSet.Version, ruleSet.Selector, ruleSet.Questions, indented);
    }

    /// <summary>Writes the question catalogue of a rule set as <see cref="SerializeQuestions(RuleSet, bool)"/> does, with the question texts in a language.</summary>
    /// <param name="ruleSet">The rule set, for example <see cref="Engine.TriageEngine.RuleSet"/>: its engine's overrides apply.</param>
    /// <param name="language">One of <see cref="Texts.TextLanguages.All"/>.</param>
    /// <param name="indented">Whether to indent (default) or write one line.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a supported language.</exception>
    public static string SerializeQuestions(RuleSet ruleSet, string language, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Questions(ruleSet.Version, ruleSet.Selector, ruleSet.QuestionsIn(language), indented);
    }

    private static string Questions(string version, string? selector, IReadOnlyList<Question> questions, bool indented)
    {
        var document = new QuestionCatalogueDocument
        {
            Version = version,
            RuleSet = selector,
            Questions = questions.Select(q => new QuestionDocument
            {
                Id = q.JsonId,
                Order = q.Order,
                RedFlag = q.IsRedFlag,
                Text = q.Text,
                Applies = q.Applicability == "always" ? null : q.Applicability,
                Lead = q.Lead,
                LeadKey = q.LeadKey,
                Signs = [.. q.Signs],
                SignKeys = [.. q.SignKeys],
                AnswerHint = q.AnswerHint,
                AnswerHintKey = q.AnswerHintKey,
            }).ToList(),
        };
        return JsonSerializer.Serialize(document, (indented ? Indented : Compact).QuestionCatalogueDocument);
    }

    // Options given to a context replace those of its attribute, so the contract's naming is restated here.
    private static JsonSerializerOptions Options(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
