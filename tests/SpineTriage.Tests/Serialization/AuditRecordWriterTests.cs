using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Serialization;

/// <summary>The audit-record writer embeds the report token by token, compactly, whatever JSON values it holds.</summary>
public class AuditRecordWriterTests
{
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Fact]
    public void Every_kind_of_json_value_in_the_embedded_report_is_copied_compactly_and_exactly()
    {
        var validated = Engine.Validate(ReportBuilder.AllRedFlagsDenied()).Value!;
        var created = AuditRecord.Create(Engine, validated, Engine.Evaluate(validated), new AuditRecordOptions { IncludeReport = true });
        var record = created with { ReportJson = "{ \"a\" : [ true, false, null, 1.50, -2e3, \"x\\u00e9\" ],\n \"b\" : { \"c\" : [ ] , \"d\" : { } } }" };

        var line = record.ToJsonLine();

        line.Should().Contain("\"report\":{\"a\":[true,false,null,1.50,-2e3,\"xé\"],\"b\":{\"c\":[],\"d\":{}}}");
    }

    [Fact]
    public void A_record_whose_embedded_report_is_not_json_cannot_be_written()
    {
        var validated = Engine.Validate(ReportBuilder.AllRedFlagsDenied()).Value!;
        var record = AuditRecord.Create(Engine, validated, Engine.Evaluate(validated)) with { ReportJson = "{ not json" };

        var write = () => record.ToJsonLine();

        write.Should().Throw<System.Text.Json.JsonException>();
    }
}
