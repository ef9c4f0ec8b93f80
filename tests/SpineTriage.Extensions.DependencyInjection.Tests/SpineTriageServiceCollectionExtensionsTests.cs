using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Extensions.DependencyInjection.Tests;

public sealed class SpineTriageServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Action<IServiceCollection> register, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    // What a host does when it starts (ValidateOnStart registers the options with it).
    private static void Start(ServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void A_test_double_registered_as_the_engine_interface_is_the_engine_the_registered_interview_asks()
    {
        var like = ReportBuilder.EngineV2();
        var fake = new TestSupport.Doubles.EngineDouble(like, report => TestSupport.Doubles.EngineDouble.Result(like, Urgency.Soon, report));
        using var provider = Build(services =>
        {
            services.AddSingleton<ITriageEngine>(fake);
            services.AddSpineTriage();
        });

        var interview = provider.GetRequiredService<Interview.TriageInterview>();

        interview.Engine.Should().BeSameAs(fake);
        interview.Next(ReportBuilder.AllRedFlagsDeniedV2()).GetValueOrThrow().Result.Urgency.Should().Be(Urgency.Soon);
        fake.Evaluations.Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_engine_is_one_singleton_behind_both_service_types()
    {
        using var provider = Build(services => services.AddSpineTriage());

        var engine = provider.GetRequiredService<TriageEngine>();

        provider.GetRequiredService<ITriageEngine>().Should().BeSameAs(engine);
        provider.GetRequiredService<TriageEngine>().Should().BeSameAs(engine);
        engine.Options.Should().Be(TriageEngineOptions.Default);
    }

    [Fact]
    public void The_interview_is_registered_on_the_registered_engine_in_its_language()
    {
        using var provider = Build(services => services.AddSpineTriage(options => options with { Language = "es" }));

        var interview = provider.GetRequiredService<Interview.TriageInterview>();

        interview.Engine.Should().BeSameAs(provider.GetRequiredService<TriageEngine>());
        interview.Language.Should().Be("es");
        provider.GetRequiredService<Interview.TriageInterview>().Should().BeSameAs(interview);
    }

    [Fact]
    public void The_engine_uses_the_hosts_time_provider_for_today()
    {
        var clock = TestClock.At(new DateOnly(2031, 5, 17));
        using var provider = Build(services => services.AddSpineTriage(), clock);

        var engine = provider.GetRequiredService<TriageEngine>();

        engine.TimeProvider.Should().BeSameAs(clock);
        engine.Today.Should().Be(new DateOnly(2031, 5, 17));
        provider.GetRequiredService<TriageEngines>().TimeProvider.Should().BeSameAs(clock);
    }

    [Fact]
    public void Without_a_registered_time_provider_the_system_clock_is_used()
    {
        using var provider = Build(services => services.AddSpineTriage());

        provider.GetRequiredService<TriageEngine>().TimeProvider.Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void Options_made_in_code_reach_the_engine_in_registration_order()
    {
        using var provider = Build(services =>
        {
            services.AddSpineTriage(options => options with { SeverePainScore = 7, RuleSet = RuleSets.V1 });
            services.AddSpineTriage(options => options with { FeverThresholdCelsius = options.SeverePainScore == 7 ? 38.5m : 37.5m });
        });
        Start(provider);

        var engine = provider.GetRequiredService<ITriageEngine>();

        engine.Options.SeverePainScore.Should().Be(7);
        engine.Options.FeverThresholdCelsius.Should().Be(38.5m);
        engine.RuleSet.Identity.Version.Should().StartWith("1.");
        provider.GetRequiredService<TriageEngines>().Options.Should().Be(engine.Options);
    }

    [Fact]
    public void Options_bound_from_configuration_reach_the_engine_and_win_over_code()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SpineTriage:SeverePainScore"] = "9",
            ["SpineTriage:Language"] = "es",
            ["SpineTriage:MaxErrors"] = "20",
        }).Build();
        using var provider = Build(services => services
            .AddSpineTriage(options => options with { SeverePainScore = 6, MaxReportBytes = 8192 })
            .Bind(configuration.GetSection("SpineTriage")));
        Start(provider);

        var options = provider.GetRequiredService<TriageEngine>().Options;

        options.SeverePainScore.Should().Be(9);
        options.Language.Should().Be("es");
        options.MaxErrors.Should().Be(20);
        options.MaxReportBytes.Should().Be(8192);
    }

    [Fact]
    public void Invalid_options_stop_the_start_with_every_error_of_the_engines_validator()
    {
        var invalid = TriageEngineOptions.Default with { SeverePainScore = 3, RuleSet = "9.9" };
        using var provider = Build(services => services.AddSpineTriage(_ => invalid));

        var start = () => Start(provider);

        var failures = start.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        var expected = invalid.Validate();
        expected.Should().HaveCount(2);
        failures.Should().HaveCount(expected.Count);
        foreach (var error in expected)
        {
            failures.Should().ContainSingle(f => f.Contains(error.Path, StringComparison.Ordinal) && f.Contains(error.Code, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Invalid_options_from_configuration_are_refused_with_the_option_path()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SpineTriage:FeverThresholdCelsius"] = "42",
        }).Build();
        using var provider = Build(services => services.AddSpineTriage().Bind(configuration.GetSection("SpineTriage")));

        var resolve = () => provider.GetRequiredService<ITriageEngine>();

        resolve.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Contain(nameof(TriageEngineOptions.FeverThresholdCelsius)).And.Contain(ErrorCodes.OutOfRange);
    }

    [Fact]
    public void A_configure_function_returning_null_is_refused_clearly()
    {
        using var provider = Build(services => services.AddSpineTriage(_ => null!));

        var resolve = () => provider.GetRequiredService<TriageEngine>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*AddSpineTriage returned null*");
    }

    [Fact]
    public void Registering_twice_registers_each_service_once()
    {
        var services = new ServiceCollection();
        services.AddSpineTriage();
        services.AddSpineTriage();

        services.Count(d => d.ServiceType == typeof(TriageEngine)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(ITriageEngine)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(TriageEngines)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<TriageEngineOptions>)).Should().Be(1);
        services.Single(d => d.ServiceType == typeof(TriageEngine)).Lifetime.Should().Be(ServiceLifetime.Singleton);
    }

    [Fact]
    public void A_report_is_triaged_through_the_container()
    {
        using var provider = Build(services => services.AddSpineTriage(), TestClock.At(ReportBuilder.Today));
        var report = ReportBuilder.AllRedFlagsDeniedV2().Yes(QuestionId.BladderOrBowelControlLoss);

        var outcome = provider.GetRequiredService<ITriageEngine>().Triage(report);

        outcome.IsSuccess.Should().BeTrue();
        outcome.GetValueOrThrow().Urgency.Should().Be(Urgency.Emergency);
    }

    [Fact]
    public void The_arguments_are_checked()
    {
        var noServices = () => SpineTriageServiceCollectionExtensions.AddSpineTriage(null!);
        var noFunction = () => new ServiceCollection().AddSpineTriage(null!);

        noServices.Should().Throw<ArgumentNullException>();
        noFunction.Should().Throw<ArgumentNullException>();
    }
}
