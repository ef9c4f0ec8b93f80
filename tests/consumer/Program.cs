// Triages one report through the DI package, as a host does, and prints the urgency and the rule set.
// Usage: Consumer REPORT.json
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpineTriage.Engine;
using SpineTriage.Extensions.DependencyInjection;
using SpineTriage.Fhir;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Consumer REPORT.json");
    return 2;
}

var services = new ServiceCollection();
services.AddSpineTriage(options => options with { RuleSet = "2.0" });
using var provider = services.BuildServiceProvider(validateScopes: true);
provider.GetRequiredService<IStartupValidator>().Validate(); // what a host does at start

var engine = provider.GetRequiredService<ITriageEngine>();
var outcome = engine.TriageJson(File.ReadAllText(args[0]));
if (!outcome.TryGetValue(out var result))
{
    foreach (var error in outcome.Errors)
    {
        Console.Error.WriteLine($"{error.Path}: {error.Code}");
    }

    return 1;
}

// The FHIR package loads and describes the same engine's questionnaire.
var fhir = new TriageFhir(engine);
Console.WriteLine($"urgency={result.Urgency} ruleSet={result.RuleSet.Version} fhirItems={fhir.LinkIds.Count}");
return 0;
