using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SpineTriage.Server.Api;

namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// Fetches a patient's QuestionnaireResponses from an EHR's FHIR server for a CDS Hooks call that has no prefetch: a FHIR
/// search with the call's bearer token, bounded in time (<see cref="CdsHooksSettings.FhirFetchTimeoutSeconds"/>) and
/// size (<see cref="RequestBody.MaxBytes"/>), never following redirects. Which server may be called is decided by the
/// caller (<see cref="CdsHooksApi"/>): only the one configured for the token's issuer.
/// </summary>
public sealed class CdsFhirClient : IDisposable
{
    private readonly HttpClient _client;

    /// <summary>Creates the client.</summary>
    public CdsFhirClient(IOptions<CdsHooksSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(1, settings.Value.FhirFetchTimeoutSeconds)),
            MaxResponseContentBufferSize = RequestBody.MaxBytes,
        };
    }

    /// <summary>The search: completed responses of the patient to the questionnaire (in any language), the most recent first.</summary>
    public static string Query(string patientId, IEnumerable<string> questionnaires) =>
        $"QuestionnaireResponse?subject=Patient/{Uri.EscapeDataString(patientId)}&questionnaire={AnyOf(questionnaires)}&status=completed&_sort=-authored&_count=10";

    /// <summary>A search value matching any of the canonicals: each escaped, joined by a comma (FHIR search's "or").</summary>
    public static string AnyOf(IEnumerable<string> canonicals) => string.Join(",", canonicals.Select(Uri.EscapeDataString));

    /// <summary>Runs the search on <paramref name="fhirServer"/>; <see langword="null"/> when it fails, times out or answers more than the limit.</summary>
    public async Task<byte[]?> SearchAsync(Uri fhirServer, string accessToken, string patientId, IEnumerable<string> questionnaires, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fhirServer);
        var baseUrl = fhirServer.AbsoluteUri.EndsWith('/') ? fhirServer.AbsoluteUri : fhirServer.AbsoluteUri + "/";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(baseUrl), Query(patientId, questionnaires)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the timeout
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();
}
