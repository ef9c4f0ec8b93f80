using Microsoft.Extensions.Options;
using SpineTriage.Engine;

namespace SpineTriage.Extensions.DependencyInjection.Internal;

/// <summary>Checks the options with the engine's own validator (<see cref="TriageEngineOptions.Validate"/>).</summary>
internal sealed class TriageEngineOptionsValidation : IValidateOptions<TriageEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"SpineTriage option {e.Path}: {e.Code}: {e.Message}"));
    }
}
