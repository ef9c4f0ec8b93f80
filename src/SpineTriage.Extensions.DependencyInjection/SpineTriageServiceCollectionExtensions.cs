using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpineTriage.Engine;
using SpineTriage.Extensions.DependencyInjection.Internal;
using SpineTriage.Interview;

namespace SpineTriage.Extensions.DependencyInjection;

/// <summary>
/// Registers SpineTriage in a <see cref="IServiceCollection"/>: the engine as a singleton (<see cref="TriageEngine"/>,
/// <see cref="ITriageEngine"/>), the interview on it (<see cref="TriageInterview"/>) and the engines of every rule-set line (<see cref="TriageEngines"/>), with the host's
/// <see cref="TimeProvider"/> and options validated at start-up by the engine's own validator
/// (<see cref="TriageEngineOptions.Validate"/>).
/// </summary>
public static class SpineTriageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine with options made in code, for example
    /// <c>services.AddSpineTriage(options =&gt; options with { SeverePainScore = 7 })</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">
    /// Makes the options from the current ones (<see cref="TriageEngineOptions"/> is immutable: return a copy made with
    /// <c>with</c>). Called once, when the options are first needed, after any earlier <c>configure</c> and before options
    /// bound from configuration (<c>.Bind(section)</c> on the returned builder), which therefore win.
    /// </param>
    /// <returns>The options builder, to bind configuration (<c>.Bind(configuration.GetSection("SpineTriage"))</c> with
    /// Microsoft.Extensions.Options.ConfigurationExtensions) or add validation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static OptionsBuilder<TriageEngineOptions> AddSpineTriage(this IServiceCollection services, Func<TriageEngineOptions, TriageEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddSpineTriage();
        services.AddSingleton(new OptionsStep(configure));
        return builder;
    }

    /// <summary>
    /// Registers the engine with the default options (<see cref="TriageEngineOptions.Default"/>), or those bound from
    /// configuration through the returned builder:
    /// <c>services.AddSpineTriage().Bind(configuration.GetSection("SpineTriage"))</c>.
    /// </summary>
    /// <remarks>
    /// Registers, each once however often this is called: <see cref="TriageEngine"/> and <see cref="ITriageEngine"/> (the
    /// same singleton), <see cref="TriageInterview"/> on the registered <see cref="ITriageEngine"/> (in its language; a test that
    /// registers a test double of <see cref="ITriageEngine"/> first gets an interview over the double), <see cref="TriageEngines"/>, and <see cref="TriageEngineOptions"/> as options checked by
    /// <see cref="TriageEngineOptions.Validate"/> when the host starts (<c>ValidateOnStart</c>): invalid options stop the
    /// host with an <see cref="OptionsValidationException"/> listing every error with its code and path. The clock is
    /// the <see cref="TimeProvider"/> registered in the container, else <see cref="TimeProvider.System"/>.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <returns>The options builder, to bind configuration or add validation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static OptionsBuilder<TriageEngineOptions> AddSpineTriage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<TriageEngineOptions>();
        builder.ValidateOnStart();
        services.TryAddTransient<IOptionsFactory<TriageEngineOptions>, TriageEngineOptionsFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TriageEngineOptions>, TriageEngineOptionsValidation>());
        services.TryAddSingleton(static provider => new TriageEngine(
            provider.GetRequiredService<IOptions<TriageEngineOptions>>().Value,
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<ITriageEngine>(static provider => provider.GetRequiredService<TriageEngine>());
        services.TryAddSingleton(static provider => new TriageInterview(provider.GetRequiredService<ITriageEngine>()));
        services.TryAddSingleton(static provider => new TriageEngines(
            provider.GetRequiredService<IOptions<TriageEngineOptions>>().Value,
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
