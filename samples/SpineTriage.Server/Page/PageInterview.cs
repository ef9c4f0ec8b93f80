using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpineTriage.Server.Api;
using SpineTriage.Texts;

namespace SpineTriage.Server.Page;

/// <summary>
/// <c>POST /page/interview/next</c>, the patient page's interview (docs/page.md): <c>/api/interview/next</c> with one
/// addition. A settled interview is triaged and audited once, by <see cref="TriageService.NextAsync"/>, and its answer also
/// holds that result worded in every language of the library (<c>results</c>) with the questions' texts
/// (<c>questions</c>), so that a language switch on the result re-words it on the page without another triage.
/// </summary>
internal static class PageInterview
{
    /// <summary>The path of the endpoint.</summary>
    public const string Path = "/page/interview/next";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maps the endpoint (not in the OpenAPI document: it is the page's, not the API's).</summary>
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(Path, NextAsync).ExcludeFromDescription();

    private static async Task NextAsync(HttpContext context, TriageService service)
    {
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await RequestBody.TooLargeAsync(context);
            return;
        }

        var outcome = await service.NextAsync("page/interview/next", body);
        if (!outcome.TryGetValue(out var step))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The partial report is not valid.", outcome.Errors);
            return;
        }

        var output = new ArrayBufferWriter<byte>(16384);
        if (!step.IsSettled)
        {
            JsonApi.WriteStep(step, output);
        }
        else
        {
            WriteSettled(service, Serialization.TriageJson.ParseReport(SurgeryPeriod.Split(body).Report.Span, service.Engine.RuleSet).Value!, step, output);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonApi.Json;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = output.WrittenCount;
        await context.Response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted);
    }

    /// <summary>
    /// <c>{ "done": true, "stoppedEarly", "surgeryDateApproximate" (only when true), "result", "results": { language: result }, "questions": { language: { id: text } } }</c>.
    /// The other languages' results are the audited result's decision worded again (the engine's decisions never depend
    /// on the language); a rewording that differs in urgency or findings fails the request instead of showing it.
    /// </summary>
    private static void WriteSettled(TriageService service, Reports.SymptomReport report, Interview.InterviewStep step, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, Writer);
        json.WriteStartObject();
        json.WriteBoolean("done", true);
        json.WriteBoolean("stoppedEarly", step.StoppedEarly);
        if (step.IsSurgeryDateApproximate)
        {
            json.WriteBoolean("surgeryDateApproximate", true);
        }

        json.WritePropertyName("result");
        Serialization.TriageJson.WriteResult(step.Result, json);
        var audited = report.Language ?? service.Engine.Options.Language;
        json.WriteStartObject("results");
        foreach (var language in TextLanguages.All)
        {
            var result = step.Result;
            if (!string.Equals(language, audited, StringComparison.Ordinal))
            {
                result = service.Engine.Evaluate(service.Engine.Validate(report with { Language = language }).Value!);
                if (result.Urgency != step.Result.Urgency
                    || !result.Findings.Select(f => f.RuleId).SequenceEqual(step.Result.Findings.Select(f => f.RuleId), StringComparer.Ordinal))
                {
                    throw new InvalidOperationException("A result worded in another language differs from the audited result.");
                }
            }

            json.WritePropertyName(language);
            Serialization.TriageJson.WriteResult(result, json);
        }

        json.WriteEndObject();
        json.WriteStartObject("questions");
        foreach (var language in TextLanguages.All)
        {
            json.WriteStartObject(language);
            foreach (var question in service.Engine.RuleSet.QuestionsIn(language))
            {
                json.WriteString(question.JsonId, question.Text);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
