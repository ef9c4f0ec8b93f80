using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Engine;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// <c>kill -9</c> of a real server process under load, then a restart and a replay of the log: every decision a client
/// got 200 for is in the log (compared by report id), and the chain verifies.
/// </summary>
public class KillTests
{
    /// <summary>Concurrent clients of the load (a bounded loop on loopback).</summary>
    public const int Clients = 16;

    /// <summary>Acknowledged decisions each round waits for before the kill.</summary>
    public const int AcknowledgedBeforeKill = 300;

    [Fact]
    public async Task Kill_9_under_load_loses_no_acknowledged_decision_and_the_restarted_log_replays_intact()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string>
        {
            ["Audit:Path"] = Path.Combine(folder, "triage-audit.jsonl"),
            ["Audit:FeedbackPath"] = Path.Combine(folder, "cds-feedback.jsonl"),
            ["Audit:IncludeReportId"] = "true",
        };
        try
        {
            var acknowledged = await LoadAndKillAsync(() => RealServer.Start(settings, folder), rounds: 2);

            // Restart on the same log (a torn last line is cut off, never a refusal to start), then replay it.
            using (var restarted = RealServer.Start(settings, folder))
            using (var client = new HttpClient())
            {
                (await restarted.ReadyAsync(client)).Should().BeTrue();
            }

            var lines = File.ReadAllLines(settings["Audit:Path"]);
            var replay = AuditReplay.ReplayJsonLines(new TriageEngine(), lines, key: null);
            replay.Malformed.Should().Be(0);
            replay.IntegrityFailures.Should().Be(0, "the chain verifies across both kills");
            var recorded = lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow().ReportId).ToHashSet(StringComparer.Ordinal);
            acknowledged.Should().HaveCountGreaterThanOrEqualTo(2 * AcknowledgedBeforeKill);
            acknowledged.Where(id => !recorded.Contains(id)).Should().BeEmpty("every decision answered 200 was recorded before it was answered");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the load against a started server, kills it with SIGKILL mid-load, and returns the report ids answered 200.</summary>
    internal static async Task<List<string>> LoadAndKillAsync(Func<RealServer> start, int rounds)
    {
        var acknowledged = new ConcurrentBag<string>();
        for (var round = 0; round < rounds; round++)
        {
            using var server = start();
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var target = acknowledged.Count + AcknowledgedBeforeKill;
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                for (var n = 0; n < 100_000 && !stop.IsCancellationRequested; n++)
                {
                    var id = $"{server.Address.Port}-{c}-{n}";
                    try
                    {
                        using var response = await client.PostAsync(new Uri(server.Address, "/api/triage"), new StringContent(AuditStoreTests.WithId(id), Encoding.UTF8, "application/json"));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // Bounded: at most 60 s for the acknowledgements, then kill -9 while requests are in flight.
            for (var waited = 0; acknowledged.Count < target && waited < 1200; waited++)
            {
                await Task.Delay(50);
            }

            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        return [.. acknowledged];
    }
}
