using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpineTriage.Server.Tests.CdsHooks;
using SpineTriage.Server.Tests.Fhir;

namespace SpineTriage.Server.Tests.Api;

/// <summary>Every client error is a clean 4xx with a body in the endpoint's surface, never a 500 or an error-level log line.</summary>
public sealed class ClientErrorTests : IDisposable
{
    private const string Call = "/cds-services/spinetriage-post-op-spine";
    private const string Feedback = Call + "/feedback";
    private readonly Tokens _tokens = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));

    public ClientErrorTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _tokens.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ServerFactory Trusting() => new(_tokens.Settings(_folder));

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(path.StartsWith("/fhir", StringComparison.Ordinal) ? "application/fhir+json" : "application/json");
        if (path.StartsWith("/cds-services", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Es384());
        }

        return await client.SendAsync(request);
    }

    // A CDS Hooks call prefetching the response; with the patient in context it is one the service answers 200 (the
    // prefetched response is triaged or skipped by its subject), without it one refused for its shape.
    private static string CdsCall(string questionnaireResponse, bool withPatient = false) =>
        "{\"hook\":\"patient-view\",\"hookInstance\":\"" + Guid.NewGuid() + "\","
        + (withPatient ? "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"example\"}," : "")
        + "\"prefetch\":{\"questionnaireResponse\":" + questionnaireResponse + "}}";

    private static string MediaTypeOf(string path) => path.StartsWith("/fhir", StringComparison.Ordinal) ? "application/fhir+json" : "application/problem+json";

    private static void NoErrorLogged(ServerFactory factory) =>
        factory.Logs.Should().NotContain(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));

    private static readonly string[] Endpoints = ["/api/triage", "/api/interview/next", "/fhir/QuestionnaireResponse/$triage", "/fhir/Questionnaire/$next-question", Call, Feedback];

    public static TheoryData<string, string> WrongShapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var body in new[] { "[]", "[{}]", "\"x\"", "1", "null", "true", "{}", "{\"a\":" })
            {
                data.Add(endpoint, body);
            }
        }

        const string ContainedObject = """{"resourceType":"QuestionnaireResponse","contained":{}}""";
        const string NestedArray = """{"resourceType":"QuestionnaireResponse","item":[[]]}""";
        foreach (var fhir in new[] { "/fhir/QuestionnaireResponse/$triage", "/fhir/Questionnaire/$next-question" })
        {
            data.Add(fhir, ContainedObject);
            data.Add(fhir, NestedArray);
            data.Add(fhir, """{"resourceType":"Parameters","parameter":[{"name":"questionnaire-response","resource":[]}]}""");
            data.Add(fhir, """{"resourceType":"Parameters","parameter":{}}""");
        }

        data.Add(Call, CdsCall(ContainedObject));
        data.Add(Call, CdsCall(NestedArray));
        data.Add(Call, """{"hook":[],"hookInstance":{}}""");
        data.Add(Feedback, """{"feedback":{}}""");
        data.Add(Feedback, """{"feedback":[1,"x",null,[]]}""");
        data.Add(Feedback, """{"feedback":[{"card":[],"outcome":{},"outcomeTimestamp":1,"overrideReason":[]}]}""");
        data.Add("/api/triage", """{"answers":[],"temperature":[],"riskFactors":{}}""");
        data.Add("/api/interview/next", """{"answers":[],"skipped":{}}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_wrong_JSON_shape_on_any_endpoint_is_a_400_in_the_endpoint_s_error_format_and_no_error_log(string endpoint, string body)
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, endpoint, Encoding.UTF8.GetBytes(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be(MediaTypeOf(endpoint));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        NoErrorLogged(factory);
    }

    public static TheoryData<string, string> LongEchoes()
    {
        var name = new string('q', 200_000);
        var unknownElement = $$"""{"resourceType":"QuestionnaireResponse","status":"completed","{{name}}":1}""";
        var unknownLinkId = $$"""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"{{name}}","answer":[{"valueBoolean":true}]}]}""";
        var badDate = $$"""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"surgeryDate","answer":[{"valueDate":"{{name}}"}]}]}""";
        var data = new TheoryData<string, string>
        {
            { "/api/triage", $$"""{"{{name}}":1,"surgeryDate":"{{name}}"}""" },
            { "/api/interview/next", $$$"""{"answers":{"{{{name}}}":"yes"}}""" },
        };
        foreach (var fhir in new[] { "/fhir/QuestionnaireResponse/$triage", "/fhir/Questionnaire/$next-question" })
        {
            data.Add(fhir, unknownElement);
            data.Add(fhir, unknownLinkId);
            data.Add(fhir, badDate);
        }

        foreach (var resource in new[] { unknownElement, unknownLinkId, badDate })
        {
            data.Add(Call, CdsCall(resource));
        }

        data.Add(Call, $$"""{"hook":"{{name}}","hookInstance":"{{name}}"}""");
        data.Add(Feedback, $$"""{"feedback":[{"card":"{{name}}","outcome":"{{name}}","outcomeTimestamp":"{{name}}"}]}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(LongEchoes))]
    public async Task A_value_echoed_in_an_error_is_cut_to_40_characters_on_every_surface(string endpoint, string body)
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, endpoint, Encoding.UTF8.GetBytes(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var answer = await response.Content.ReadAsStringAsync();
        answer.Should().NotContain(new string('q', 41));
        answer.Length.Should().BeLessThan(4000, "a few bounded errors, whatever the input's size");
    }

    public static TheoryData<string> EveryPostEndpoint() => [.. Endpoints];

    [Theory]
    [MemberData(nameof(EveryPostEndpoint))]
    public async Task A_UTF8_byte_order_mark_is_accepted_on_every_endpoint_alike(string endpoint)
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();
        var body = endpoint switch
        {
            _ when endpoint.StartsWith("/api", StringComparison.Ordinal) => File.ReadAllText(Repository.PathOf("samples", "reports", "urgent-wound-bleeding.json")),
            _ when endpoint.StartsWith("/fhir", StringComparison.Ordinal) => FhirResources.BladderControlLoss(),
            Call => CdsCall(FhirResources.BladderControlLoss(), withPatient: true),
            _ => $$"""{"feedback":[{"card":"{{Guid.NewGuid()}}","outcome":"accepted","outcomeTimestamp":"2026-11-29T10:00:00Z"}]}""",
        };

        using var plain = await PostAsync(client, endpoint, Encoding.UTF8.GetBytes(body));
        using var marked = await PostAsync(client, endpoint, [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(body)]);

        plain.StatusCode.Should().Be(HttpStatusCode.OK);
        marked.StatusCode.Should().Be(HttpStatusCode.OK, "a leading byte-order mark is dropped by the one body reader of every endpoint");
    }

    [Fact]
    public async Task The_framework_s_404_and_405_have_a_problem_body_and_under_fhir_an_OperationOutcome()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var missing = await client.GetAsync("/no/such/endpoint");
        using var missingFhir = await client.GetAsync("/fhir/Patient");
        using var method = await client.DeleteAsync("/api/triage");
        using var methodFhir = await client.PutAsync("/fhir/QuestionnaireResponse/$triage", new StringContent("{}"));

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await missing.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"notFound\"");
        missingFhir.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missingFhir.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        (await missingFhir.Content.ReadAsStringAsync()).Should().Contain("\"resourceType\":\"OperationOutcome\"").And.Contain("\"code\":\"not-found\"").And.Contain("notFound");
        method.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        method.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        method.Content.Headers.Allow.Should().Contain("POST");
        (await method.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"methodNotAllowed\"");
        methodFhir.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await methodFhir.Content.ReadAsStringAsync()).Should().Contain("\"resourceType\":\"OperationOutcome\"").And.Contain("methodNotAllowed");
    }

    [Fact]
    public async Task A_token_or_other_value_in_the_query_string_reaches_no_log_line_and_each_request_is_logged_by_its_route()
    {
        var marker = Marker.New();
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var questions = await client.GetAsync($"/api/questions?access_token={marker}");
        using var triage = await client.PostAsync($"/api/triage?access_token={marker}&code={marker}", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var metadata = await client.GetAsync($"/fhir/metadata?_format={marker}");
        using var resource = await client.GetAsync($"/fhir/Questionnaire/spinetriage?id_token={marker}");
        using var call = await PostAsync(client, $"{Call}?access_token={marker}", Encoding.UTF8.GetBytes("{}"));
        using var missing = await client.GetAsync($"/nothing?access_token={marker}");

        questions.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Logs.Should().NotContain(l => l.Contains(marker, StringComparison.Ordinal));
        factory.Logs.Should().Contain(l => l.StartsWith("Information SpineTriage.Server.Api.ClientErrors: HTTP GET /api/questions answered 200 in ", StringComparison.Ordinal));
        factory.Logs.Should().Contain(l => l.StartsWith("Information SpineTriage.Server.Api.ClientErrors: HTTP GET /fhir/Questionnaire/{id} answered 200 in ", StringComparison.Ordinal));
        factory.Logs.Should().Contain(l => l.StartsWith("Information SpineTriage.Server.Api.ClientErrors: HTTP GET (no endpoint) answered 404 in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_real_Kestrel_a_bad_chunk_is_400_a_slow_body_408_a_long_URL_414_large_headers_431_and_an_aborted_upload_is_logged_at_debug()
    {
        var logs = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Audit:Path", Path.Combine(_folder, "a.jsonl"), "--Audit:FeedbackPath", Path.Combine(_folder, "f.jsonl")]);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(new ServerFactory.CapturingProvider(logs));
        ServerApp.Configure(builder);
        var app = builder.Build();
        ServerApp.Configure(app);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            const string Chunked = "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";

            var badChunk = await ExchangeAsync(address, "POST /api/triage HTTP/1.1\r\nHost: localhost\r\n" + Chunked + "zz\r\n{}\r\n0\r\n\r\n");
            var badChunkFhir = await ExchangeAsync(address, "POST /fhir/QuestionnaireResponse/$triage HTTP/1.1\r\nHost: localhost\r\n" + Chunked + "5\r\n{}xxxxxxxxxx\r\n0\r\n\r\n");
            var longUrl = await ExchangeAsync(address, $"GET /api/questions?q={new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            var largeHeaders = await ExchangeAsync(address, $"GET /fhir/metadata HTTP/1.1\r\nHost: localhost\r\nX-Large: {new string('a', 40_000)}\r\nConnection: close\r\n\r\n");
            await AbortAsync(address, "POST /api/triage HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\nContent-Type: application/json\r\n\r\n{\"a\":");
            // Kestrel's minimum body rate (240 bytes/s after a 5 s grace): 5 bytes of 1000 never get there.
            var slow = await ExchangeAsync(address, "POST /api/triage HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"a\":");

            badChunk.Should().StartWith("HTTP/1.1 400 ").And.Contain("application/problem+json").And.Contain("\"code\":\"malformedRequest\"");
            badChunkFhir.Should().StartWith("HTTP/1.1 400 ").And.Contain("application/fhir+json").And.Contain("OperationOutcome").And.Contain("malformedRequest");
            longUrl.Should().StartWith("HTTP/1.1 414 ").And.Contain("application/problem+json").And.Contain("\"code\":\"uriTooLong\"");
            largeHeaders.Should().StartWith("HTTP/1.1 431 ").And.Contain("application/fhir+json").And.Contain("headersTooLarge");
            slow.Should().StartWith("HTTP/1.1 408 ").And.Contain("application/problem+json").And.Contain("\"code\":\"requestTimeout\"");
            (await LoggedAsync(logs, l => l.StartsWith("Debug SpineTriage.Server.Api.ClientErrors: The client aborted its request on /api/triage", StringComparison.Ordinal))).Should().BeTrue();
            logs.Should().NotContain(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Sends a raw HTTP/1.1 request and reads the answer until the server closes the connection.</summary>
    private static async Task<string> ExchangeAsync(Uri address, string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(address.Host, address.Port, cancel.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, cancel.Token);
        var answer = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token)) > 0)
        {
            answer.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }

    /// <summary>Sends the start of a request and closes the connection (the client gives up mid-upload).</summary>
    private static async Task AbortAsync(Uri address, string start)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(start), SocketFlags.None);
    }

    /// <summary>Waits (at most a minute) until a log line matches: the service logs the aborted request on its own thread.</summary>
    private static async Task<bool> LoggedAsync(ConcurrentQueue<string> logs, Func<string, bool> match)
    {
        for (var i = 0; i < 600 && !logs.Any(match); i++)
        {
            await Task.Delay(100);
        }

        return logs.Any(match);
    }
}
