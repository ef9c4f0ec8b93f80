using System.Text.RegularExpressions;

namespace SpineTriage.Server.Page;

/// <summary>
/// The <c>Page</c> configuration section of the patient page (docs/page.md): the telephone numbers its results offer
/// as tap-to-call links. A number that is not a plain telephone number stops the start (fail closed).
/// </summary>
public sealed partial class PageSettings
{
    /// <summary>The emergency number shown on an emergency result, <c>911</c> by default; set your country's (112, 999, …).</summary>
    public string EmergencyNumber { get; set; } = "911";

    /// <summary>The surgeon's team's number shown on urgent and soon results, or empty (the default) for none.</summary>
    public string? CareTeamNumber { get; set; }

    /// <summary>Reads and checks the section; throws on a number that is not 1 to 20 digits, spaces, dashes and an optional leading +.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException">A number is not a plain telephone number.</exception>
    public static PageSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection("Page").Get<PageSettings>() ?? new PageSettings();
        if (!Telephone().IsMatch(settings.EmergencyNumber ?? ""))
        {
            throw new InvalidOperationException("Page:EmergencyNumber must be a telephone number: digits, spaces and dashes, an optional leading +, at most 20 characters.");
        }

        if (!string.IsNullOrWhiteSpace(settings.CareTeamNumber) && !Telephone().IsMatch(settings.CareTeamNumber))
        {
            throw new InvalidOperationException("Page:CareTeamNumber must be empty or a telephone number: digits, spaces and dashes, an optional leading +, at most 20 characters.");
        }

        return settings;
    }

    [GeneratedRegex(@"^\+?[0-9]([0-9 \-]{0,17}[0-9])?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Telephone();
}
