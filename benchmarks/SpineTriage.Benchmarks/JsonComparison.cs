using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using SpineTriage.Engine;
using SpineTriage.Serialization;

namespace SpineTriage.Benchmarks;

/// <summary>
/// The full path a service runs, on the UTF-8 bytes of <see cref="ReferenceReport.Report"/> under rule set 2.0: SpineTriage's strict
/// read, validation, evaluation and result JSON, against the floor of System.Text.Json source-generated
/// deserialization into a plain report DTO and serialization of a plain result DTO of the same shape (no
/// strictness, no validation, no rules). Both write into the same kind of reused buffer: an
/// <see cref="ArrayBufferWriter{T}"/> reset before each operation and a <see cref="Utf8JsonWriter"/> reset
/// onto it, so neither pays for the output JSON itself.
/// </summary>
[MemoryDiagnoser]
public class JsonComparison : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TriageEngine _engine = ReferenceReport.Engine(ReferenceReport.TwoZero());
    private readonly byte[] _utf8 = System.Text.Encoding.UTF8.GetBytes(ReferenceReport.Json);
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly FloorResult _floorResult;

    public JsonComparison()
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        // The floor writes a result of the same shape and content, made once: it evaluates no rules.
        var result = _engine.TriageJson(_utf8).GetValueOrThrow();
        _floorResult = JsonSerializer.Deserialize(TriageJson.SerializeResult(result, indented: false), FloorJsonContext.Default.FloorResult)!;
    }

    /// <summary>Gets the output of the last operation, for the agreement check.</summary>
    public ReadOnlySpan<byte> Output => _buffer.WrittenSpan;

    /// <summary>Releases the JSON writer.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>SpineTriage: UTF-8 report bytes, strict read, validation, evaluation, result JSON bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark(Baseline = true)]
    public int SpineTriage()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var outcome = _engine.TriageJson(_utf8);
        TriageJson.WriteResult(outcome.Value!, _writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The floor: System.Text.Json source-generated deserialization and serialization of plain DTOs.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public int Floor()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var report = JsonSerializer.Deserialize(_utf8, FloorJsonContext.Default.FloorReport);
        GC.KeepAlive(report);
        JsonSerializer.Serialize(_writer, _floorResult, FloorJsonContext.Default.FloorResult);
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}

#pragma warning disable SA1402, CA1002, CA2227 // plain DTOs, the floor's own shapes
public sealed class FloorReport
{
    public string? ReportId { get; set; }

    public string? SurgeryDate { get; set; }

    public string? AssessedOn { get; set; }

    public string? SurgeryRegion { get; set; }

    public List<string>? Hardware { get; set; }

    public int? FusionLevels { get; set; }

    public List<string>? RiskFactors { get; set; }

    public int? PainScore { get; set; }

    public FloorTemperature? Temperature { get; set; }

    // Every question id of either rule set (1.0's and the nine 2.0 adds) is a key here, so the floor reads every answer.
    public Dictionary<string, string>? Answers { get; set; }
}

public sealed class FloorTemperature
{
    public decimal Value { get; set; }

    public string? Unit { get; set; }
}

public sealed class FloorResult
{
    public string? ReportId { get; set; }

    public string? Urgency { get; set; }

    public int UrgencyCode { get; set; }

    public string? Disposition { get; set; }

    public string? DispositionKey { get; set; }

    public bool IsComplete { get; set; }

    public int DaysSinceSurgery { get; set; }

    public List<FloorFinding>? Findings { get; set; }

    public List<string>? UnansweredQuestions { get; set; }

    public List<string>? NotAskedQuestions { get; set; }

    public bool IsSettled { get; set; }

    public List<string>? CareAdvice { get; set; }

    public List<string>? CareAdviceKeys { get; set; }

    public List<string>? SafetyNet { get; set; }

    public FloorSafetyNetParts? SafetyNetParts { get; set; }

    public List<string>? Warnings { get; set; }

    public List<string>? WarningKeys { get; set; }

    public FloorRuleSet? RuleSet { get; set; }

    public FloorTextSet? TextSet { get; set; }
}

public sealed class FloorFinding
{
    public string? RuleId { get; set; }

    public string? Urgency { get; set; }

    public string? Title { get; set; }

    public string? PatientExplanation { get; set; }

    public string? TitleKey { get; set; }

    public string? PatientExplanationKey { get; set; }

    public string? ClinicianRationale { get; set; }

    public List<string>? Evidence { get; set; }

    public string? Source { get; set; }
}

public sealed class FloorSafetyNetParts
{
    public string? Intro { get; set; }

    public string? IntroKey { get; set; }

    public List<string>? Signs { get; set; }

    public List<string>? SignKeys { get; set; }

    public string? Closing { get; set; }

    public string? ClosingKey { get; set; }
}

public sealed class FloorRuleSet
{
    public string? Version { get; set; }

    public string? Hash { get; set; }
}

public sealed class FloorTextSet
{
    public string? Language { get; set; }

    public string? Hash { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorReport))]
[JsonSerializable(typeof(FloorResult))]
public sealed partial class FloorJsonContext : JsonSerializerContext;
#pragma warning restore SA1402, CA1002, CA2227
