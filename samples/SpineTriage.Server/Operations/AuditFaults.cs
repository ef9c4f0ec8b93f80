using SpineTriage.Server.Api;
using SpineTriage.Server.Fhir;
using SpineTriage.Validation;

namespace SpineTriage.Server.Operations;

/// <summary>
/// Answers a decision the audit store could not record with 503: problem+json (an OperationOutcome on FHIR), with
/// <c>Retry-After</c>, never the decision. The store's fault is logged once by the audit log, not per request.
/// </summary>
internal static class AuditFaults
{
    /// <summary>The message of the 503 answer.</summary>
    public const string Message = "The decision could not be recorded in the audit store, so it is not answered; try again shortly.";

    /// <summary>Adds the middleware (inside the exception handler, so a 503 is never logged as a failure).</summary>
    public static void Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (AuditUnavailableException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "1";
            if (FhirApi.IsFhir(context.Request))
            {
                await FhirApi.WriteErrorsAsync(context, StatusCodes.Status503ServiceUnavailable, [new ValidationError("$", AuditUnavailableException.Code, Message)]);
                return;
            }

            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The audit store is unavailable.", AuditUnavailableException.Code, Message);
        }
    });
}
