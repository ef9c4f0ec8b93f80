using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Audit;

/// <summary>
/// Every public entry point of the audit log refuses a null argument by name, before doing anything: an integrator's
/// mistake is an <see cref="ArgumentNullException"/> naming the parameter, never a record made from nothing or a
/// <see cref="NullReferenceException"/> from deep inside (mutation run of Audit/**, 2026-11-29: these guards survived).
/// </summary>
public class AuditArgumentTests
{
    private static readonly TriageEngine Engine = ReportBuilder.EngineV1();
    private static readonly TriageEngines Engines = new();

    public static TheoryData<string, Action> NullArguments()
    {
        var validated = Engine.Validate(ReportBuilder.AllRedFlagsDenied()).Value!;
        var result = Engine.Evaluate(validated);
        var record = AuditRecord.Create(Engine, validated, result, new AuditRecordOptions { IncludeReport = true });
        return new TheoryData<string, Action>
        {
            { "engine", () => AuditRecord.Create(null!, validated, result) },
            { "report", () => AuditRecord.Create(Engine, null!, result) },
            { "result", () => AuditRecord.Create(Engine, validated, null!) },
            { "report", () => AuditRecord.HashReport(null!) },
            { "line", () => AuditRecord.ParseJsonLine((string)null!) },
            { "engine", () => AuditReplay.Replay((TriageEngine)null!, record) },
            { "engines", () => AuditReplay.Replay((TriageEngines)null!, record) },
            { "record", () => AuditReplay.Replay(Engine, null!) },
            { "record", () => AuditReplay.Replay(Engines, null!) },
            { "engine", () => AuditReplay.ReplayJsonLines((TriageEngine)null!, [], null) },
            { "lines", () => AuditReplay.ReplayJsonLines(Engine, (IEnumerable<string>)null!, null) },
            { "engine", () => AuditReplay.ReplayJsonLines((TriageEngine)null!, new MemoryStream(), null, _ => { }) },
            { "log", () => AuditReplay.ReplayJsonLines(Engine, (Stream)null!, null, _ => { }) },
            { "onLine", () => AuditReplay.ReplayJsonLines(Engine, new MemoryStream(), null, null!) },
            { "engines", () => AuditReplay.ReplayJsonLines((TriageEngines)null!, [], null, null) },
            { "engines", () => AuditReplay.ReplayJsonLines((TriageEngines)null!, new MemoryStream(), null, null, _ => { }) },
            { "log", () => AuditReplay.ReplayJsonLines(Engines, (Stream)null!, null, null, _ => { }) },
        };
    }

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void A_null_argument_is_refused_by_name(string parameter, Action call)
    {
        call.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be(parameter);
    }
}
