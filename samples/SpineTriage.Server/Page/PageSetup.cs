using System.Globalization;
using System.Text.Json;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Texts;

namespace SpineTriage.Server.Page;

/// <summary>
/// <c>GET /page-settings.json</c>, what the patient page needs besides the texts (docs/page.md): the deployment's telephone
/// numbers (<see cref="PageSettings"/>), the languages of the registry and the service's own, whether the interview asks
/// the spine region under the service's rule set, and the limits of each input as the library validates them, so that
/// the page keeps no list, rule set or limit of its own.
/// </summary>
internal static class PageSetup
{
    /// <summary>The days since surgery probed to tell whether a question's applicability depends on the region (as the console does).</summary>
    private static readonly int[] ProbeDays = [0, 100_000];

    /// <summary>
    /// The lowest and highest body temperature the library accepts in each unit, and the most decimal places, as its
    /// report validation has them (docs/contract.md). Until the interview step carries the validated limits of each
    /// input (issue 27 item 2), the server states them here once; <c>PageSetupTests</c> holds them equal to what the
    /// library accepts and refuses.
    /// </summary>
    internal static readonly (decimal Min, decimal Max) Celsius = (30.0m, 45.0m);

    /// <summary>The Fahrenheit range the library accepts (see <see cref="Celsius"/>).</summary>
    internal static readonly (decimal Min, decimal Max) Fahrenheit = (86.0m, 113.0m);

    /// <summary>The most decimal places of a temperature the library accepts.</summary>
    internal const int TemperatureDecimals = 2;

    /// <summary>The earliest surgery date the library accepts.</summary>
    internal static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>The lowest and highest pain score the library accepts.</summary>
    internal static readonly (int Min, int Max) PainScore = (0, 10);

    /// <summary>
    /// Whether any question of the rule set applies for some surgery regions and not for others (none in rule set 1.0):
    /// only then does the interview ask the region, and the console decides the same way.
    /// </summary>
    /// <param name="ruleSet">The service's rule set.</param>
    /// <returns><see langword="true"/> when the region can change which questions are asked.</returns>
    public static bool AsksRegion(RuleSet ruleSet) =>
        ruleSet.Questions.Any(q => ProbeDays.Any(day =>
            Enum.GetValues<SurgeryRegion>().Any(region => ruleSet.Applicability(q.Id, region, day).Applies != ruleSet.Applicability(q.Id, null, day).Applies)));

    /// <summary>
    /// <c>{"emergencyNumber","careTeamNumber","language","languages","ruleSet","asksRegion","limits":{…}}</c>.
    /// </summary>
    /// <param name="settings">The page's telephone numbers.</param>
    /// <param name="engine">The service's engine.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Document(PageSettings settings, TriageEngine engine)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("emergencyNumber", settings.EmergencyNumber.Trim());
            if (string.IsNullOrWhiteSpace(settings.CareTeamNumber))
            {
                json.WriteNull("careTeamNumber");
            }
            else
            {
                json.WriteString("careTeamNumber", settings.CareTeamNumber.Trim());
            }

            json.WriteString("language", engine.Options.Language);
            json.WriteStartArray("languages");
            foreach (var language in TextLanguages.All)
            {
                json.WriteStringValue(language);
            }

            json.WriteEndArray();
            json.WriteString("ruleSet", engine.RuleSet.Version);
            json.WriteBoolean("asksRegion", AsksRegion(engine.RuleSet));
            json.WriteStartObject("limits");
            json.WriteStartObject("temperature");
            json.WriteStartObject("celsius");
            json.WriteNumber("min", Celsius.Min);
            json.WriteNumber("max", Celsius.Max);
            json.WriteEndObject();
            json.WriteStartObject("fahrenheit");
            json.WriteNumber("min", Fahrenheit.Min);
            json.WriteNumber("max", Fahrenheit.Max);
            json.WriteEndObject();
            json.WriteNumber("decimals", TemperatureDecimals);
            json.WriteEndObject();
            json.WriteStartObject("surgeryDate");
            json.WriteString("earliest", EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("painScore");
            json.WriteNumber("min", PainScore.Min);
            json.WriteNumber("max", PainScore.Max);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
