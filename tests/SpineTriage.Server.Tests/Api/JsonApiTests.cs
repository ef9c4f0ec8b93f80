using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Server.Operations;
using SpineTriage.Testing;
using SpineTriage.TestSupport;

namespace SpineTriage.Server.Tests.Api;

public sealed class JsonApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Triage_returns_the_library_urgency_for_every_shared_case_file()
    {
        var cases = Directory.GetFiles(Repository.PathOf("tests", "SpineTriage.Tests", "TestData", "cases"), "*.json")
            .Concat(Directory.GetFiles(Repository.PathOf("tests", "SpineTriage.Tests", "TestData", "cases-2.0"), "*.json"))
            .Select(f => TriageCase.Parse(File.ReadAllText(f)).GetValueOrThrow())
            .ToList();
        cases.Select(c => c.RuleSet).Distinct().Should().BeEquivalentTo([RuleSets.V1, RuleSets.V2]);
        foreach (var selector in RuleSets.Selectors)
        {
            using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSet"] = selector });
            using var client = factory.CreateClient();
            var engine = new TriageEngine(TriageEngineOptions.Default with { RuleSet = selector });
            foreach (var triageCase in cases.Where(c => c.RuleSet == selector))
            {
                var expected = engine.TriageJson(triageCase.ReportJson);
                using var response = await client.PostAsync("/api/triage", Json(triageCase.ReportJson));
                var body = await response.Content.ReadAsStringAsync();
                if (expected.IsSuccess)
                {
                    response.StatusCode.Should().Be(HttpStatusCode.OK, triageCase.Name);
                    var result = TriageJson.ParseResult(body).GetValueOrThrow();
                    result.Urgency.Should().Be(expected.Value!.Urgency, triageCase.Name);
                    result.RuleSet.Should().Be(engine.RuleSet.Identity, triageCase.Name);
                }
                else
                {
                    response.StatusCode.Should().Be(HttpStatusCode.BadRequest, triageCase.Name);
                }
            }
        }
    }

    [Fact]
    public async Task An_invalid_report_is_a_400_problem_listing_every_error_of_the_library()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var json = File.ReadAllText(Repository.PathOf("samples", "reports", "invalid-misspelt-red-flag.json"));

        using var response = await client.PostAsync("/api/triage", Json(json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(400);
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("code").GetString(), e.GetProperty("message").GetString()))
            .ToList();
        var expected = new TriageEngine().TriageJson(json).Errors.Select(e => ((string?)e.Path, (string?)e.Code, (string?)e.Message)).ToList();
        expected.Count.Should().BeGreaterThan(3);
        errors.Should().Equal(expected);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_with_the_library_code()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/triage", Json("{\"surgeryDate\": "));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"malformedJson\"");
    }

    [Theory]
    [InlineData("/api/triage")]
    [InlineData("/api/interview/next")]
    [InlineData("/api/floor")]
    [InlineData("/cds-services/spinetriage-post-op-spine/feedback")]
    public async Task A_body_over_1_MiB_is_refused_with_413(string path)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["CdsHooks:RequireJwt"] = "false" }, environment: "Development");
        using var client = factory.CreateClient();
        var big = "{\"reportId\":\"" + new string('x', 1024 * 1024) + "\"}";

        using var response = await client.PostAsync(path, Json(big));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"tooLarge\"");
    }

    [Fact]
    public async Task A_chunked_body_over_1_MiB_is_refused_with_413()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var content = new StreamContent(new MemoryStream(new byte[(1024 * 1024) + 10]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/triage") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_interview_asks_the_first_red_flag_then_settles_on_a_loss_of_bladder_control()
    {
        // The service's clock is fixed: the dates of the test are the clock's, never the machine's.
        var clock = TestClock.At(ReportBuilder.Today);
        using var factory = new ServerFactory(services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = factory.CreateClient();
        var today = ReportBuilder.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var surgery = ReportBuilder.Today.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var first = await client.PostAsync("/api/interview/next", Json($$"""{"surgeryDate":"{{surgery}}","assessedOn":"{{today}}"}"""));
        using var second = await client.PostAsync("/api/interview/next", Json($$$"""{"surgeryDate":"{{{surgery}}}","assessedOn":"{{{today}}}","answers":{"bladderOrBowelControlLoss":"yes"}}"""));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        using var step = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        step.RootElement.GetProperty("done").GetBoolean().Should().BeFalse();
        var next = step.RootElement.GetProperty("next");
        var expected = new SpineTriage.Interview.TriageInterview(new TriageEngine()).Items[0];
        next.GetProperty("id").GetString().Should().Be(expected.JsonName).And.Be("bladderOrBowelControlLoss");
        next.GetProperty("text").GetString().Should().Be(expected.Text);
        next.GetProperty("redFlag").GetBoolean().Should().BeTrue();
        next.GetProperty("order").GetInt32().Should().Be(1);
        next.GetProperty("remaining").GetInt32().Should().Be(
            new SpineTriage.Interview.TriageInterview(new TriageEngine()).Items.Count - 3,
            "at day 20 with no region every item may be asked but, under rule set 3.0, the two questions asked after day 42 and the clinician question");
        step.RootElement.GetProperty("provisional").GetProperty("urgency").GetString().Should().Be("urgent");

        using var settled = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        settled.RootElement.GetProperty("done").GetBoolean().Should().BeTrue();
        settled.RootElement.GetProperty("result").GetProperty("urgency").GetString().Should().Be("emergency");
        factory.AuditLines.Should().HaveCount(1, "a settled interview is a triage and is audited");
    }

    [Fact]
    public async Task An_interview_with_an_earliest_surgery_date_says_the_date_was_approximate_and_refuses_an_earliest_date_after_the_surgery_date()
    {
        var clock = TestClock.At(ReportBuilder.Today);
        using var factory = new ServerFactory(services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = factory.CreateClient();
        var now = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var latest = Iso(now.AddDays(-14));

        using var exact = await client.PostAsync("/api/interview/next", Json($$"""{"surgeryDate":"{{latest}}","assessedOn":"{{Iso(now)}}"}"""));
        using var period = await client.PostAsync("/api/interview/next", Json($$"""{"surgeryDate":"{{latest}}","assessedOn":"{{Iso(now)}}","earliestSurgeryDate":"{{Iso(now.AddDays(-42))}}"}"""));
        using var settled = await client.PostAsync("/api/interview/next", Json($$$"""{"surgeryDate":"{{{latest}}}","assessedOn":"{{{Iso(now)}}}","earliestSurgeryDate":"1900-01-01","answers":{"bladderOrBowelControlLoss":"yes"}}"""));
        using var wrong = await client.PostAsync("/api/interview/next", Json($$"""{"surgeryDate":"{{latest}}","assessedOn":"{{Iso(now)}}","earliestSurgeryDate":"{{Iso(now)}}"}"""));

        using var exactStep = JsonDocument.Parse(await exact.Content.ReadAsStringAsync());
        using var periodStep = JsonDocument.Parse(await period.Content.ReadAsStringAsync());
        exactStep.RootElement.TryGetProperty("surgeryDateApproximate", out _).Should().BeFalse();
        periodStep.RootElement.GetProperty("surgeryDateApproximate").GetBoolean().Should().BeTrue();
        periodStep.RootElement.GetProperty("next").GetProperty("remaining").GetInt32()
            .Should().Be(exactStep.RootElement.GetProperty("next").GetProperty("remaining").GetInt32(), "in rule set 2.0 no question starts applying later than day 14");
        using var settledStep = JsonDocument.Parse(await settled.Content.ReadAsStringAsync());
        settledStep.RootElement.GetProperty("done").GetBoolean().Should().BeTrue();
        settledStep.RootElement.GetProperty("surgeryDateApproximate").GetBoolean().Should().BeTrue();
        settledStep.RootElement.GetProperty("result").GetProperty("urgency").GetString().Should().Be("emergency");
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("\"path\":\"$.earliestSurgeryDate\"").And.Contain("\"code\":\"dateOrder\"");
    }

    [Fact]
    public async Task An_invalid_partial_report_is_a_400_problem()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/interview/next", Json("""{"surgeryDate":"2026-02-30","painScore":11}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("\"path\":\"$.surgeryDate\"").And.Contain("\"code\":\"invalidDate\"");
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task Questions_and_rules_are_those_of_the_configured_rule_set(string selector)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSet"] = selector });
        using var client = factory.CreateClient();
        var ruleSet = new TriageEngine(TriageEngineOptions.Default with { RuleSet = selector }).RuleSet;

        var questions = await client.GetStringAsync("/api/questions");
        using var rules = JsonDocument.Parse(await client.GetStringAsync("/api/rules"));

        questions.Should().Be(TriageJson.SerializeQuestions(ruleSet));
        rules.RootElement.GetProperty("version").GetString().Should().Be(ruleSet.Version);
        rules.RootElement.GetProperty("hash").GetString().Should().Be(ruleSet.Hash);
        rules.RootElement.GetProperty("ruleSet").GetString().Should().Be(selector);
    }

    [Fact]
    public async Task The_service_runs_rule_set_3_by_default_and_refuses_an_unknown_rule_set_at_start()
    {
        using (var factory = new ServerFactory())
        {
            using var client = factory.CreateClient();
            using var rules = JsonDocument.Parse(await client.GetStringAsync("/api/rules"));
            rules.RootElement.GetProperty("ruleSet").GetString().Should().Be("3.0");
        }

        using var bad = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSet"] = "4.0" });
        var start = () => bad.CreateClient();
        start.Should().Throw<OptionsValidationException>().WithMessage("*RuleSet*");
    }

    [Fact]
    public async Task Concurrent_triages_are_all_written_by_the_audit_writer_as_one_unbroken_chain()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var json = File.ReadAllText(Repository.PathOf("samples", "reports", "urgent-wound-bleeding.json"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.PostAsync("/api/triage", Json(json))));
        responses.Should().OnlyContain(r => r.IsSuccessStatusCode);

        // Every record handed to the writer thread is in the file, each linked to the one before it, none twice.
        var records = factory.AuditLines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow()).ToList();
        records.Should().HaveCount(200);
        records[0].PreviousHash.Should().Be(AuditChain.Genesis);
        for (var n = 1; n < records.Count; n++)
        {
            records[n].PreviousHash.Should().Be(records[n - 1].RecordHash, "record {0} links to record {1}", n, n - 1);
        }

        records.Select(r => r.RecordHash).Should().OnlyHaveUniqueItems();
        factory.Services.GetRequiredService<AuditLog>().Head.Should().Be(records[^1].RecordHash);
    }

    [Fact]
    public async Task Each_triage_writes_one_chained_audit_record_without_patient_data()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var json = File.ReadAllText(Repository.PathOf("samples", "reports", "urgent-wound-bleeding.json"));

        (await client.PostAsync("/api/triage", Json(json))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/triage", Json(json))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/triage", Json("{}"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var lines = factory.AuditLines;
        lines.Should().HaveCount(2);
        var records = lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow()).ToList();
        records.Should().OnlyContain(r => r.ReportId == null && r.ReportJson == null && r.Urgency == Results.Urgency.Urgent);
        records[0].PreviousHash.Should().Be(AuditChain.Genesis);
        records[1].PreviousHash.Should().Be(records[0].RecordHash);
        lines.Should().NotContain(l => l.Contains("sample-2-urgent-wound-bleeding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_floor_answers_a_fixed_small_JSON()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["LoadTest:EnableFloor"] = "true" });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/floor", Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"status":"ok"}""");
        factory.AuditLines.Should().BeEmpty();
    }
}
