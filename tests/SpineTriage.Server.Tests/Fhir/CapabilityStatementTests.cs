using System.Reflection;
using FluentAssertions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static SpineTriage.Server.Tests.Fhir.FhirResources;
using Task = System.Threading.Tasks.Task;

namespace SpineTriage.Server.Tests.Fhir;

/// <summary>
/// The CapabilityStatement says exactly what is served under <c>/fhir</c>, both ways: every interaction, operation and
/// search parameter an endpoint serves is declared, and every declared one is served. The served set is read from the
/// host's own endpoint data source (route patterns, HTTP methods, the query parameters a handler binds), not from a list.
/// </summary>
public sealed class CapabilityStatementTests
{
    /// <summary>What an endpoint serves, as a CapabilityStatement names it: (resource type, interaction or <c>$operation</c> or <c>?parameter</c>).</summary>
    private static List<(string Type, string Capability)> Served(IServiceProvider services, List<string> unclassified)
    {
        var served = new List<(string, string)>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "/fhir" || raw.StartsWith("/fhir/", StringComparison.Ordinal)));
        foreach (var endpoint in endpoints)
        {
            var segments = endpoint.RoutePattern.PathSegments.Skip(1).Select(Text).ToList();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var get = methods.Contains(HttpMethods.Get);
            var post = methods.Contains(HttpMethods.Post);
            switch (segments)
            {
                case ["metadata"] when get && !post:
                    served.Add(("", "capabilities"));
                    break;
                case [var type, "{id}"] when get && !post && ModelInfo.IsKnownResource(type):
                    served.Add((type, "read"));
                    break;
                case [var type] when get && !post && ModelInfo.IsKnownResource(type):
                    served.Add((type, "search-type"));
                    served.AddRange(endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                        .Where(p => p.ParameterInfo.GetCustomAttribute<FromQueryAttribute>() is not null)
                        .Select(p => (type, "?" + (p.ParameterInfo.GetCustomAttribute<FromQueryAttribute>()!.Name ?? p.Name))));
                    break;
                case [var type, var operation] when post && !get && ModelInfo.IsKnownResource(type) && operation.StartsWith('$'):
                    served.Add((type, operation));
                    break;
                default:
                    unclassified.Add(endpoint.RoutePattern.RawText + " " + string.Join(",", methods));
                    break;
            }
        }

        return served;
    }

    private static string Text(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(part => part switch
    {
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "?",
    }));

    /// <summary>What the CapabilityStatement declares, in the same form as <see cref="Served"/>.</summary>
    private static List<(string Type, string Capability)> Declared(CapabilityStatement capability)
    {
        var rest = capability.Rest.Should().ContainSingle().Subject;
        rest.Mode.Should().Be(CapabilityStatement.RestfulCapabilityMode.Server);
        rest.Interaction.Should().BeEmpty("no system-level interaction (transaction, batch, history, search-system) is served");
        rest.Operation.Should().BeEmpty("no system-level operation is served");
        var declared = new List<(string, string)> { ("", "capabilities") }; // /metadata: what every FHIR server serves, and what declares the rest
        foreach (var resource in rest.Resource)
        {
            declared.AddRange(resource.Interaction.Select(i => (resource.Type!, i.Code!.Value.GetLiteral()!)));
            declared.AddRange(resource.Operation.Select(o => (resource.Type!, "$" + o.Name)));
            declared.AddRange(resource.SearchParam.Select(p => (resource.Type!, "?" + p.Name)));
        }

        return declared;
    }

    [Fact]
    public async Task Every_interaction_operation_and_search_parameter_served_under_fhir_is_declared_and_every_declared_one_is_served()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var capability = Parse<CapabilityStatement>(await client.GetStringAsync("/fhir/metadata"));
        var unclassified = new List<string>();

        var served = Served(factory.Services, unclassified);
        var declared = Declared(capability);

        unclassified.Should().BeEmpty("every endpoint under /fhir is a FHIR interaction or operation the test can name");
        served.Should().OnlyHaveUniqueItems();
        declared.Should().OnlyHaveUniqueItems();
        served.Except(declared).Should().BeEmpty("served but not declared");
        declared.Except(served).Should().BeEmpty("declared but not served");

        // The served set is not empty by accident: reads, a search with its parameters, and both operations.
        served.Should().Contain([("Questionnaire", "read"), ("Questionnaire", "search-type"), ("Questionnaire", "?url"), ("Questionnaire", "?version"), ("Questionnaire", "$next-question"), ("QuestionnaireResponse", "$triage"), ("CodeSystem", "read")]);
    }

    [Fact]
    public async Task Every_declared_operation_names_the_definition_served_for_it()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var capability = Parse<CapabilityStatement>(await client.GetStringAsync("/fhir/metadata"));

        foreach (var resource in capability.Rest.Single().Resource)
        {
            foreach (var operation in resource.Operation)
            {
                var id = operation.Definition![(operation.Definition!.LastIndexOf('/') + 1)..];
                var definition = Parse<OperationDefinition>(await client.GetStringAsync("/fhir/OperationDefinition/" + id));
                definition.Url.Should().Be(operation.Definition);
                definition.Code.Should().Be(operation.Name);
                definition.Resource.Select(r => r.GetLiteral()).Should().Equal(resource.Type);
                definition.Type.Should().BeTrue("each is served at the type level, /fhir/{type}/${code}");
            }
        }
    }
}
