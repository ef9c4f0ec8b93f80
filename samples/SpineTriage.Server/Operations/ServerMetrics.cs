using System.Diagnostics.Metrics;
using SpineTriage.Results;

namespace SpineTriage.Server.Operations;

/// <summary>
/// The service's metrics (meter <c>SpineTriage.Server</c>): triages by urgency, triage latency, errors by code.
/// No tag ever holds patient data: urgencies, error codes and endpoint names only.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>The meter's name, for exporters (OpenTelemetry <c>AddMeter</c>, <c>dotnet-counters</c>).</summary>
    public const string MeterName = "SpineTriage.Server";

    private readonly Counter<long> _triages;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    /// <summary>Creates the instruments on a meter of the factory.</summary>
    public ServerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _triages = meter.CreateCounter<long>("spinetriage.triages", "{triage}", "Triages completed, by urgency and endpoint.");
        _duration = meter.CreateHistogram<double>("spinetriage.triage.duration", "ms", "Time to read, validate and evaluate a report, by endpoint.");
        _errors = meter.CreateCounter<long>("spinetriage.errors", "{error}", "Errors answered, by error code and endpoint.");
    }

    /// <summary>Counts one triage.</summary>
    public void Triaged(string endpoint, Urgency urgency, TimeSpan elapsed)
    {
        var urgencyTag = new KeyValuePair<string, object?>("urgency", urgency.JsonName());
        var endpointTag = new KeyValuePair<string, object?>("endpoint", endpoint);
        _triages.Add(1, urgencyTag, endpointTag);
        _duration.Record(elapsed.TotalMilliseconds, endpointTag);
    }

    /// <summary>Counts the errors of one answer, one per error code.</summary>
    public void Errors(string endpoint, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes)
        {
            _errors.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("endpoint", endpoint));
        }
    }
}
