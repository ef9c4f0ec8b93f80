using System.Buffers;
using SpineTriage.Interview;
using SpineTriage.Serialization;

namespace SpineTriage.Server.Api;

/// <summary>The JSON API of contract.md: <c>/api/triage</c>, <c>/api/interview/next</c>, <c>/api/questions</c>, <c>/api/rules</c>, and the load-test floor (<see cref="MapFloor"/>).</summary>
internal static class JsonApi
{
    /// <summary>The media type of the API's answers.</summary>
    public const string Json = "application/json";

    /// <summary>The fixed answer of the floor endpoint.</summary>
    public static readonly byte[] FloorBody = """{"status":"ok"}"""u8.ToArray();


    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("JSON API");
        api.MapPost("/triage", TriageAsync)
            .WithName("triage")
            .WithSummary("Triages a symptom report (contract.md); invalid input is 400 problem+json listing every error.");
        api.MapPost("/interview/next", NextAsync)
            .WithName("interviewNext")
            .WithSummary("Says what to ask next about a partial report, with the provisional result, or the result when settled.");
        api.MapGet("/questions", (TriageService service) => TypedResults.Text(TriageJson.SerializeQuestions(service.Engine.RuleSet), Json))
            .WithName("questions")
            .WithSummary("The question catalogue of the service's rule set, in asking order.");
        api.MapGet("/rules", (TriageService service) => TypedResults.Text(TriageJson.SerializeRuleSet(service.Engine.RuleSet), Json))
            .WithName("rules")
            .WithSummary("The rule catalogue of the service's rule set, with its selector, version and hash.");
    }

    /// <summary>
    /// Maps <c>POST /api/floor</c>, for load tests only: only in Development or with <c>LoadTest:EnableFloor</c> (off by default).
    /// </summary>
    public static void MapFloor(IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api").WithTags("JSON API").MapPost("/floor", FloorAsync)
            .WithName("floor")
            .WithSummary("For load tests only (Development, or LoadTest:EnableFloor): reads the body like /api/triage and answers a fixed small JSON, the floor to compare with.");

    private static async Task TriageAsync(HttpContext context, TriageService service)
    {
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await RequestBody.TooLargeAsync(context);
            return;
        }

        var outcome = await service.TriageJsonAsync("api/triage", body);
        if (!outcome.TryGetValue(out var result))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The report is not valid.", outcome.Errors);
            return;
        }

        using var output = new PooledBufferWriter(4096);
        TriageJson.WriteResult(result, output);
        await WriteJsonAsync(context, output);
    }

    private static async Task NextAsync(HttpContext context, TriageService service)
    {
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await RequestBody.TooLargeAsync(context);
            return;
        }

        var outcome = await service.NextAsync("api/interview/next", body);
        if (!outcome.TryGetValue(out var step))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The partial report is not valid.", outcome.Errors);
            return;
        }

        using var output = new PooledBufferWriter(4096);
        WriteStep(step, output);
        await WriteJsonAsync(context, output);
    }

    /// <summary>Writes the library's interview step JSON (<see cref="TriageJson.WriteStep(InterviewStep, IBufferWriter{byte}, bool)"/>, docs/contract.md).</summary>
    public static void WriteStep(InterviewStep step, IBufferWriter<byte> output) => TriageJson.WriteStep(step, output);

    private static async Task FloorAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await RequestBody.TooLargeAsync(context);
            return;
        }

        context.Response.ContentType = Json;
        await context.Response.Body.WriteAsync(FloorBody, context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, PooledBufferWriter output)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = Json;
        context.Response.ContentLength = output.WrittenCount;
        await context.Response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted);
    }
}
