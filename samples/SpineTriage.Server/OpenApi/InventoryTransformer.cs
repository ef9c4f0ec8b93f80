using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SpineTriage.Server.CdsHooks;

namespace SpineTriage.Server.OpenApi;

/// <summary>
/// Makes the OpenAPI document the service's whole inventory and says how to call it: every endpoint the service maps is
/// listed (the health checks, the document itself, the patient page's files and the load-test floor when it is on, which
/// the generator leaves out), the CDS Hooks service call and feedback require the <see cref="BearerScheme"/> JWT, and
/// the one server is <see cref="CdsHooksSettings.PublicBaseUrl"/>: never the request's <c>Host</c> header (none is named
/// without it).
/// </summary>
internal sealed class InventoryTransformer(EndpointDataSource endpoints, CdsJwtValidator jwt) : IOpenApiDocumentTransformer
{
    /// <summary>The name of the CDS Hooks bearer scheme in <c>components.securitySchemes</c>.</summary>
    public const string BearerScheme = "cdsHooksJwt";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = jwt.PublicBaseUrl is { } baseUrl
            ? [new OpenApiServer { Url = baseUrl, Description = "CdsHooks:PublicBaseUrl" }]
            : [];
        document.Paths ??= [];
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var path = PathOf(endpoint);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            foreach (var method in methods)
            {
                Add(document, endpoint, path, HttpMethod.Parse(method));
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "CDS Hooks 2.0: a JWT signed with ES384 or RS384 by a trusted issuer's key (kid), aud exactly the endpoint's URL "
                + "(CdsHooks:PublicBaseUrl + the path), numeric iat and exp at most CdsHooks:MaxTokenLifetimeSeconds apart, a jti used once. "
                + "Any refusal is 401 invalidToken.",
        };
        foreach (var path in new[] { "/cds-services/{id}", "/cds-services/{id}/feedback" })
        {
            if (document.Paths.TryGetValue(path, out var item) && item.Operations is not null && item.Operations.TryGetValue(HttpMethod.Post, out var operation))
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                operation.Responses ??= [];
                operation.Responses["401"] = new OpenApiResponse { Description = "No valid token: problem details with the one code invalidToken." };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The OpenAPI path of an endpoint: its route pattern with one leading slash and no trailing one (a group's "" is the group's path).</summary>
    public static string PathOf(RouteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
    }

    private static void Add(OpenApiDocument document, RouteEndpoint endpoint, string path, HttpMethod method)
    {
        if (!document.Paths.TryGetValue(path, out var found))
        {
            found = new OpenApiPathItem();
            document.Paths[path] = found;
        }

        if (found is not OpenApiPathItem item || (item.Operations?.ContainsKey(method) ?? false))
        {
            return;
        }

        var operation = new OpenApiOperation
        {
            OperationId = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            Summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? $"{method} {path}",
            Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "The answer." } },
        };
        if (endpoint.Metadata.GetMetadata<ITagsMetadata>() is { Tags.Count: > 0 } tags)
        {
            operation.Tags = new HashSet<OpenApiTagReference>(tags.Tags.Select(tag => new OpenApiTagReference(tag, document)));
        }

        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter { Name = parameter.Name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }

        item.Operations ??= [];
        item.Operations[method] = operation;
    }
}
