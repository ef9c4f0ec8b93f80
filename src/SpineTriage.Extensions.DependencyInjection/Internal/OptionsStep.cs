using SpineTriage.Engine;

namespace SpineTriage.Extensions.DependencyInjection.Internal;

/// <summary>One <c>AddSpineTriage(configure)</c>: makes the options from the current ones.</summary>
internal sealed class OptionsStep(Func<TriageEngineOptions, TriageEngineOptions> configure)
{
    public TriageEngineOptions Apply(TriageEngineOptions options) =>
        configure(options) ?? throw new InvalidOperationException("The function given to AddSpineTriage returned null instead of options.");
}
