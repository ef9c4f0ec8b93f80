using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using SpineTriage.Fhir;

namespace SpineTriage.Server.Api;

/// <summary>
/// The outermost middleware of the service (inside the exception handler): every client error becomes a clean 4xx with a
/// body in the request's surface (problem+json, or an OperationOutcome under <c>/fhir</c>), and every request is logged in
/// one line without its query string. Every answer carries <c>Cache-Control: no-store</c> and
/// <c>X-Content-Type-Options: nosniff</c>.
/// <list type="bullet">
/// <item>A request target over <see cref="MaxRequestTarget"/> characters is 414 and headers over <see cref="MaxHeaderBytes"/>
/// bytes 431 (Kestrel's own limits are set above these, so only a request beyond them gets Kestrel's bare answer).</item>
/// <item>A body the server cannot read (a bad chunk: 400; too slow: 408) is answered with its status; an upload the
/// client aborted is logged at debug level, not as a failure.</item>
/// <item>An answer the framework left empty (404, 405, a 400 of parameter binding…) gets a body.</item>
/// </list>
/// </summary>
internal sealed partial class ClientErrors(RequestDelegate next, ILogger<ClientErrors> logger)
{
    /// <summary>The longest request target (path and query) answered; longer is 414.</summary>
    public const int MaxRequestTarget = 8 * 1024;

    /// <summary>The most header bytes (names and values) answered; more is 431.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Kestrel's own request-line limit: above <see cref="MaxRequestTarget"/>, so the service answers first.</summary>
    public const int KestrelMaxRequestLine = 2 * MaxRequestTarget;

    /// <summary>Kestrel's own header limit: above <see cref="MaxHeaderBytes"/>, so the service answers first.</summary>
    public const int KestrelMaxHeaderBytes = 2 * MaxHeaderBytes;

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(NoStore, context.Response);
        var failed = false;
        try
        {
            if (RequestTargetLength(context) > MaxRequestTarget)
            {
                await AnswerAsync(context, StatusCodes.Status414UriTooLong);
            }
            else if (HeaderBytes(context.Request.Headers) > MaxHeaderBytes)
            {
                await AnswerAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge);
            }
            else
            {
                await next(context);
                if (!context.Response.HasStarted && context.Response.StatusCode is >= 400 and < 500
                    && context.Response.ContentType is null && context.Response.ContentLength is null or 0)
                {
                    await AnswerAsync(context, context.Response.StatusCode);
                }
            }
        }
        catch (Exception exception) when (Aborted(context, exception))
        {
            var route = Route(context);
            LogAborted(logger, route);

            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = 499; // "client closed request", for the request line below; nothing is sent
            }
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // The body could not be read (bad chunked encoding, too slow, cut short): the client's fault, not the service's.
            var route = Route(context);
            var status = exception.StatusCode;
            LogBadBody(logger, route, status);

            await AnswerAsync(context, exception.StatusCode);
        }
        catch
        {
            failed = true; // a fault of the service: the exception handler answers 500 and logs it
            throw;
        }
        finally
        {
            var method = context.Request.Method;
            var route = Route(context);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            LogRequest(logger, method, route, status, elapsed);
        }
    }

    // Every answer (API, FHIR, CDS Hooks, errors, health, the document): never stored by a cache, never sniffed as another type.
    private static Task NoStore(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        return Task.CompletedTask;
    }

    /// <summary>The error code, title and message of a status the service answers on the framework's behalf.</summary>
    public static (string Code, string Title, string Message) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (ServiceErrorCodes.MalformedRequest, "The request is not valid.", "The request could not be read (for example a bad chunked encoding or a malformed parameter)."),
        StatusCodes.Status404NotFound => (ServiceErrorCodes.NotFound, "There is no such endpoint.", "No endpoint answers this path; the endpoints are listed at /openapi/v1.json."),
        StatusCodes.Status405MethodNotAllowed => (ServiceErrorCodes.MethodNotAllowed, "The method is not allowed.", "This endpoint does not answer this method; the Allow header lists those it answers."),
        StatusCodes.Status408RequestTimeout => (ServiceErrorCodes.RequestTimeout, "The request body came too slowly.", "The request body arrived more slowly than the server accepts; send it at once."),
        StatusCodes.Status413PayloadTooLarge => (Problems.TooLarge, "The request body is too large.", $"The request body is larger than {RequestBody.MaxBytes} bytes (1 MiB); a symptom report is a few kilobytes."),
        StatusCodes.Status414UriTooLong => (ServiceErrorCodes.UriTooLong, "The URL is too long.", $"The request target is longer than {MaxRequestTarget} characters; no endpoint takes data in the URL."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => (ServiceErrorCodes.HeadersTooLarge, "The request headers are too large.", $"The request headers are larger than {MaxHeaderBytes} bytes."),
        _ => (ServiceErrorCodes.HttpError, "The request was refused.", "The request was refused; see the HTTP status."),
    };

    private static Task AnswerAsync(HttpContext context, int status)
    {
        var (code, title, message) = Describe(status);
        return Problems.WriteForRequestAsync(context, status, title, code, message);
    }

    // The client went away: its request was cancelled, the connection was reset while the body was read, or it closed
    // before the body was complete (Kestrel's "Unexpected end of request content", a 400 raised before RequestAborted fires).
    private static bool Aborted(HttpContext context, Exception exception) =>
        (context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException or BadHttpRequestException)
        || (exception is BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad
            && bad.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal));

    private static int RequestTargetLength(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget?.Length
        ?? (context.Request.PathBase.Value?.Length ?? 0) + (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);

    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                total += name.Length + (value?.Length ?? 0) + 4; // "name: value\r\n"
            }
        }

        return total;
    }

    // The route pattern, never the path or query the client sent (they may hold a token or patient data).
    private static string Route(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)";

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:F3} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 31, Level = LogLevel.Debug, Message = "The client aborted its request on {Route}")]
    private static partial void LogAborted(ILogger logger, string route);

    [LoggerMessage(EventId = 32, Level = LogLevel.Debug, Message = "The request body on {Route} could not be read: {StatusCode}")]
    private static partial void LogBadBody(ILogger logger, string route, int statusCode);
}
