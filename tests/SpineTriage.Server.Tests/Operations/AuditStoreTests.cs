using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Server.Operations;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// Recorded, then answered: a decision is answered only once its audit record is durable; a full, read-only or stalled
/// store gives 503 and readiness not ready, and both come back by themselves when the store works again.
/// </summary>
public class AuditStoreTests
{
    private static readonly string Report = File.ReadAllText(Repository.PathOf("samples", "reports", "urgent-wound-bleeding.json"));

    [Theory]
    [InlineData(StoreFault.Full)]
    [InlineData(StoreFault.ReadOnly)]
    [InlineData(StoreFault.Stalled)]
    public async Task A_store_fault_answers_503_and_not_ready_and_both_recover_when_the_store_works_again(StoreFault fault)
    {
        var files = new FaultyFileSystem();
        using var factory = new ServerFactory(
            new Dictionary<string, string?> { ["Audit:WriteTimeoutMilliseconds"] = "300", ["Audit:IncludeReportId"] = "true" },
            services: s => s.AddSingleton<AuditFileSystem>(files));
        using var client = factory.CreateClient();
        (await TriageAsync(client, "before")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        files.Fault = fault;
        using var refused = await TriageAsync(client, "during");
        using var fhir = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", new StringContent(FhirResponse(), Encoding.UTF8, "application/fhir+json"));

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).Should().Contain(AuditUnavailableException.Code).And.NotContain("urgency");
        fhir.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await fhir.Content.ReadAsStringAsync()).Should().Contain("OperationOutcome").And.Contain(AuditUnavailableException.Code);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the health endpoints keep answering");

        files.Fault = StoreFault.None;
        (await ReadyAsync(client)).Should().BeTrue("the writer's probe finds the store working again without any request");
        (await TriageAsync(client, "after")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The file holds whole lines only, one chain, and every decision answered 200.
        var lines = ReadLines(factory.Folder);
        var replay = AuditReplay.ReplayJsonLines(new TriageEngine(), lines, key: null);
        replay.Malformed.Should().Be(0, "no line holds a torn record or two records");
        replay.IntegrityFailures.Should().Be(0);
        var ids = lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow().ReportId).ToList();
        ids.Should().Contain(["before", "after"]);
        if (fault != StoreFault.Stalled)
        {
            ids.Should().NotContain("during", "a batch that failed is cut off again");
        }

        factory.Logs.Should().Contain(l => l.Contains("audit store cannot be written", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("takes records again", StringComparison.Ordinal));
    }

    [TmpfsFact]
    public async Task A_real_tmpfs_that_fills_answers_503_and_not_ready_and_recovers_when_space_returns()
    {
        var mount = TmpfsFactAttribute.Mount("512");
        try
        {
            using var factory = new ServerFactory(new Dictionary<string, string?>
            {
                ["Audit:Path"] = Path.Combine(mount, "triage-audit.jsonl"),
                ["Audit:FeedbackPath"] = Path.Combine(mount, "cds-feedback.jsonl"),
                ["Audit:IncludeReportId"] = "true",
            });
            using var client = factory.CreateClient();
            (await TriageAsync(client, "before")).StatusCode.Should().Be(HttpStatusCode.OK);

            var filler = Path.Combine(mount, "filler");
            using (var fill = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                var chunk = new byte[1024];
                try
                {
                    while (true)
                    {
                        fill.Write(chunk);
                    }
                }
                catch (IOException)
                {
                    // the disk is full
                }
            }

            // The log's last page may still take a record or a few; bounded: a 4 KiB page holds about five.
            var answered = new List<string>();
            var refused = new List<string>();
            for (var n = 0; n < 64 && refused.Count == 0; n++)
            {
                using var response = await TriageAsync(client, "during-" + n);
                (response.StatusCode == HttpStatusCode.OK ? answered : refused).Add("during-" + n);
            }

            refused.Should().ContainSingle("a full disk answers 503");
            (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

            File.Delete(filler);
            (await ReadyAsync(client)).Should().BeTrue("the writer's probe finds space again");
            (await TriageAsync(client, "after")).StatusCode.Should().Be(HttpStatusCode.OK);

            var lines = File.ReadAllLines(Path.Combine(mount, "triage-audit.jsonl"));
            var replay = AuditReplay.ReplayJsonLines(new TriageEngine(), lines, key: null);
            replay.Malformed.Should().Be(0);
            replay.IntegrityFailures.Should().Be(0);
            lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow().ReportId).Should().Equal(["before", .. answered, "after"], "every 200 is recorded, the 503 is not");
        }
        finally
        {
            TmpfsFactAttribute.Unmount(mount);
        }
    }

    [Theory]
    [InlineData(StoreFault.Full)]
    [InlineData(StoreFault.Stalled)]
    public async Task Feedback_fails_like_triage_on_a_store_fault_and_is_chained(StoreFault fault)
    {
        using var tokens = new CdsHooks.Tokens();
        var files = new FaultyFileSystem();
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-feedback-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>(tokens.Settings(folder)) { ["Audit:WriteTimeoutMilliseconds"] = "300" };
        using var factory = new ServerFactory(settings, services: s => s.AddSingleton<AuditFileSystem>(files));
        using var client = factory.CreateClient();

        (await FeedbackAsync(client, tokens, "already-assessed")).StatusCode.Should().Be(HttpStatusCode.OK);
        files.Fault = fault;
        (await FeedbackAsync(client, tokens, "already-assessed")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        files.Fault = StoreFault.None;
        (await ReadyAsync(client)).Should().BeTrue();
        (await FeedbackAsync(client, tokens, "Jane Doe 1950-01-01 " + new string('x', 10_000))).StatusCode.Should().Be(HttpStatusCode.OK);

        var lines = factory.FeedbackLines;
        var chain = ChainedLines.Verify(lines, key: null);
        chain.IsIntact.Should().BeTrue("every feedback line links to the one before it");
        chain.NotChained.Should().Be(0);
        lines[0].Should().Contain("\"overrideReasonCode\":\"already-assessed\"");
        lines[^1].Should().Contain("\"overrideReasonCode\":\"other\"").And.NotContain("Jane").And.NotContain("xxxx");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_torn_last_line_is_cut_off_into_a_side_file_and_the_service_starts_and_continues_the_chain()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-torn-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["Audit:Path"] = Path.Combine(folder, "triage-audit.jsonl"),
            ["Audit:FeedbackPath"] = Path.Combine(folder, "cds-feedback.jsonl"),
            ["Audit:IncludeReportId"] = "true",
        };
        string head;
        using (var first = new ServerFactory(settings))
        {
            using var client = first.CreateClient();
            (await TriageAsync(client, "one")).EnsureSuccessStatusCode();
            (await TriageAsync(client, "two")).EnsureSuccessStatusCode();
            head = first.Services.GetRequiredService<AuditLog>().Head;
        }

        // A crash in the middle of a write: half a record, no line break.
        var whole = File.ReadAllLines(settings["Audit:Path"]!)[^1];
        var torn = whole[..(whole.Length / 2)];
        File.AppendAllText(settings["Audit:Path"]!, torn);

        using (var second = new ServerFactory(settings))
        {
            using var client = second.CreateClient();
            (await TriageAsync(client, "three")).EnsureSuccessStatusCode();
            second.Logs.Should().Contain(l => l.Contains("torn line", StringComparison.Ordinal) && l.Contains(head, StringComparison.Ordinal));
        }

        var lines = File.ReadAllLines(settings["Audit:Path"]!);
        lines.Should().HaveCount(3);
        AuditReplay.ReplayJsonLines(new TriageEngine(), lines, key: null).IntegrityFailures.Should().Be(0);
        var side = Directory.GetFiles(folder, "triage-audit.jsonl.torn-*").Should().ContainSingle().Subject;
        File.ReadAllText(side).Should().Be(torn);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Without_an_audit_key_a_record_holds_no_digest_of_the_report_and_with_one_a_keyed_digest()
    {
        using (var unkeyed = new ServerFactory())
        {
            using var client = unkeyed.CreateClient();
            (await TriageAsync(client, "plain")).EnsureSuccessStatusCode();
            unkeyed.AuditLines.Should().ContainSingle().Which.Should().NotContain("reportHash");
        }

        // A text key (base64 of random bytes), as docs/audit-guide.md says to make one.
        var bytes = Encoding.UTF8.GetBytes(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(33)));
        var keyFile = Path.Combine(Path.GetTempPath(), "spinetriage-key-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(keyFile, bytes);
        try
        {
            using var keyed = new ServerFactory(new Dictionary<string, string?> { ["Audit:KeyFile"] = keyFile });
            using var client = keyed.CreateClient();
            (await TriageAsync(client, "keyed")).EnsureSuccessStatusCode();
            var record = AuditRecord.ParseJsonLine(keyed.AuditLines.Should().ContainSingle().Subject).GetValueOrThrow();
            var report = Serialization.TriageJson.ParseReport(WithId("keyed")).GetValueOrThrow();
            record.ReportHash.Should().Be(AuditRecord.HashReport(report, AuditKey.FromBytes(bytes))).And.StartWith("hmac-sha256:");
            record.RecordHash.Should().StartWith("hmac-sha256:");
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task A_key_file_with_a_trailing_line_break_keys_records_with_the_key_without_it_as_replay_reads_it()
    {
        const string Key = "one rule for the audit key in the service and in replay";
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-keyrule-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var plain = Path.Combine(folder, "plain.key");
        var withLineBreak = Path.Combine(folder, "line-break.key");
        await File.WriteAllTextAsync(plain, Key);
        await File.WriteAllTextAsync(withLineBreak, Key + "\n");
        try
        {
            var records = new List<AuditRecord>();
            foreach (var keyFile in new[] { plain, withLineBreak })
            {
                using var factory = new ServerFactory(new Dictionary<string, string?> { ["Audit:KeyFile"] = keyFile });
                using var client = factory.CreateClient();
                (await TriageAsync(client, "keyed")).EnsureSuccessStatusCode();
                var lines = factory.AuditLines;
                var replay = AuditReplay.ReplayJsonLines(new TriageEngine(), lines, AuditKey.FromKeyText(Encoding.UTF8.GetBytes(Key + "\r\n")));
                replay.IntegrityFailures.Should().Be(0, "replay reads the key file by the same rule");
                replay.Keyed.Should().BeTrue();
                records.Add(AuditRecord.ParseJsonLine(lines.Should().ContainSingle().Subject).GetValueOrThrow());
            }

            records[1].ReportHash.Should().Be(records[0].ReportHash, "the line break is not part of the key").And.StartWith("hmac-sha256:");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_key_file_shorter_than_32_bytes_without_its_whitespace_stops_the_start()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), "spinetriage-short-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(keyFile, "  short key  \n\n" + new string(' ', 40));
        try
        {
            using var factory = new ServerFactory(new Dictionary<string, string?> { ["Audit:KeyFile"] = keyFile });
            var start = () => factory.CreateClient();
            start.Should().Throw<InvalidOperationException>().WithMessage("*holds a key of 9 bytes*");
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    internal static Task<HttpResponseMessage> TriageAsync(HttpClient client, string reportId) =>
        client.PostAsync("/api/triage", new StringContent(WithId(reportId), Encoding.UTF8, "application/json"));

    internal static Task<HttpResponseMessage> TriageAsync(HttpClient client, Uri server, string reportId) =>
        client.PostAsync(new Uri(server, "/api/triage"), new StringContent(WithId(reportId), Encoding.UTF8, "application/json"));

    internal static string WithId(string reportId) =>
        Report.Replace("\"sample-2-urgent-wound-bleeding\"", JsonSerializer.Serialize(reportId), StringComparison.Ordinal);

    internal static async Task<bool> ReadyAsync(HttpClient client)
    {
        // Bounded: the writer probes a failed store every 250 ms.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var ready = await client.GetAsync("/health/ready");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static Task<HttpResponseMessage> FeedbackAsync(HttpClient client, CdsHooks.Tokens tokens, string code)
    {
        var body = JsonSerializer.Serialize(new
        {
            feedback = new[]
            {
                new
                {
                    card = Guid.NewGuid().ToString(),
                    outcome = "overridden",
                    outcomeTimestamp = "2026-11-29T10:00:00Z",
                    overrideReason = new { reason = new { code, system = "http://example.org/fhir/spinetriage/CodeSystem/override-reason" } },
                },
            },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/spinetriage-post-op-spine/feedback") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.Es384());
        return client.SendAsync(request);
    }

    private static string FhirResponse() => Fhir.FhirResources.BladderControlLoss();

    private static List<string> ReadLines(string folder)
    {
        using var stream = new FileStream(Path.Combine(folder, "triage-audit.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
