using Microsoft.Extensions.Options;
using SpineTriage.Engine;

namespace SpineTriage.Extensions.DependencyInjection.Internal;

/// <summary>
/// Makes <see cref="TriageEngineOptions"/>, an immutable record: the <c>AddSpineTriage(configure)</c> functions make the
/// instance (in registration order, from the defaults), then the usual configure steps (configuration binding sets its
/// init-only properties), post-configure steps and validation run on it.
/// </summary>
internal sealed class TriageEngineOptionsFactory(
    IEnumerable<OptionsStep> steps,
    IEnumerable<IConfigureOptions<TriageEngineOptions>> setups,
    IEnumerable<IPostConfigureOptions<TriageEngineOptions>> postConfigures,
    IEnumerable<IValidateOptions<TriageEngineOptions>> validations)
    : OptionsFactory<TriageEngineOptions>(setups, postConfigures, validations)
{
    protected override TriageEngineOptions CreateInstance(string name) =>
        steps.Aggregate(new TriageEngineOptions(), (options, step) => step.Apply(options));
}
