using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;
using Json.Schema;

namespace SpineTriage.Fhir.Tests;

/// <summary>
/// Checks of FHIR JSON independent of the project's own mapping and of Firely's validator: the official R4 JSON Schema
/// (TestData/fhir.schema.json, see TestData/README.md) evaluated with JsonSchema.Net, and every FHIRPath invariant of the
/// HL7 R4 StructureDefinitions (read from Hl7.Fhir.Specification.Data.R4's specification.zip, never typed here) that
/// applies to an element of the resource, evaluated with Firely's FHIRPath engine. Built once per test run (the schema and
/// the invariants are parsed once); thread-safe.
/// </summary>
public sealed class R4Checks
{
    private static readonly Lazy<R4Checks> Instance = new(() => new R4Checks(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _schemaText;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementInfo> _elements = new(StringComparer.Ordinal);
    private readonly FhirPathCompiler _compiler = new(new SymbolTable().AddStandardFP().AddFhirExtensions());
    private readonly ConcurrentDictionary<string, CompiledExpression> _compiled = new(StringComparer.Ordinal);

    private readonly ZipSource _source = ZipSource.CreateValidationSource();
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Lazy<IReadOnlyList<string>> _fhirVersions;

    private R4Checks()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "fhir.schema.json");
        _schemaText = File.ReadAllText(path);
        _fhirVersions = new(LoadFhirVersions, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The schema with its root's <c>oneOf</c> (every resource type) narrowed to the resource's own definition, which is what
    /// the schema's own <c>discriminator</c> maps its <c>resourceType</c> to; every definition is the official one. Without
    /// it each contained resource is checked against every resource type once per root branch (146 × 146), which takes minutes.
    /// </summary>
    private JsonSchema SchemaFor(string resourceType) => _schemas.GetOrAdd(resourceType, type =>
    {
        var root = JsonNode.Parse(_schemaText)!.AsObject();
        root["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/" + type });
        WithFhirVersions(root);
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    });

    /// <summary>
    /// The published R4 schema's <c>fhirVersion</c> enums (CapabilityStatement, StructureDefinition, ImplementationGuide) stop
    /// at 4.0.0: they were generated before the 4.0.1 technical correction, whose own FHIRVersion code system has 4.0.1 (the
    /// version of R4 every R4 server declares). Each such enum is replaced by the codes of HL7's FHIR-version CodeSystem read
    /// from specification.zip (not typed here), so the check stays HL7's.
    /// </summary>
    private void WithFhirVersions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["enum"] is JsonArray values && values.Any(v => v?.GetValue<string>() == "4.0.0") && values.Any(v => v?.GetValue<string>() == "0.01"))
                {
                    obj["enum"] = new JsonArray([.. _fhirVersions.Value.Select(v => (JsonNode)JsonValue.Create(v)!)]);
                }

                foreach (var (_, child) in obj.ToList())
                {
                    WithFhirVersions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    WithFhirVersions(child);
                }

                break;
        }
    }

    private IReadOnlyList<string> LoadFhirVersions()
    {
        CodeSystem codeSystem;
        lock (_gate)
        {
            codeSystem = _source.ResolveByCanonicalUri("http://hl7.org/fhir/FHIR-version") as CodeSystem
                ?? throw new InvalidOperationException("specification.zip has no FHIR-version CodeSystem.");
        }

        static IEnumerable<string> Codes(IEnumerable<CodeSystem.ConceptDefinitionComponent> concepts) =>
            concepts.SelectMany(c => Codes(c.Concept).Prepend(c.Code!));
        return [.. Codes(codeSystem.Concept)];
    }

    /// <summary>The element definitions of a type's core StructureDefinition, read from specification.zip on first use.</summary>
    private ElementInfo? Element(string path)
    {
        var type = path.Split('.')[0];
        lock (_gate)
        {
            if (_loaded.Add(type)
                && _source.ResolveByCanonicalUri("http://hl7.org/fhir/StructureDefinition/" + type) is StructureDefinition { Snapshot: { } snapshot })
            {
                foreach (var element in snapshot.Element.Where(e => e.Path is not null))
                {
                    _elements[element.Path!] = new ElementInfo(
                        [.. element.Type.Select(t => t.Code ?? string.Empty)],
                        element.ContentReference is { Length: > 1 } reference ? reference[(reference.IndexOf('#', StringComparison.Ordinal) + 1)..] : null,
                        [.. element.Constraint.Where(c => !string.IsNullOrEmpty(c.Expression) && c.Key is not null).Select(c => new Invariant(c.Key!, c.Severity == ConstraintSeverity.Error, c.Expression!))]);
                }
            }

            return _elements.GetValueOrDefault(path);
        }
    }

    private bool SchemaDefines(string type) => _schemaText.Contains("\"#/definitions/" + type + "\"", StringComparison.Ordinal);

    /// <summary>The checks, built on first use.</summary>
    public static R4Checks Shared => Instance.Value;

    /// <summary>The distinct invariant keys read from the specification so far.</summary>
    public IReadOnlyCollection<string> Invariants
    {
        get
        {
            lock (_gate)
            {
                return [.. _elements.Values.SelectMany(e => e.Invariants).Select(i => i.Key).Distinct(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The errors of the JSON against the R4 JSON Schema (none when it is valid).</summary>
    public IReadOnlyList<string> SchemaErrors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var type = document.RootElement.TryGetProperty("resourceType", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString()! : "Resource";
        var schema = document.RootElement.TryGetProperty("resourceType", out _) && SchemaDefines(type) ? SchemaFor(type) : SchemaFor("ResourceList");
        if (schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }

        // Only an invalid resource is evaluated again for the details (the flag evaluation stops early; this one does not).
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => !d.IsValid && d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")).Take(20)];
    }

    /// <summary>
    /// Evaluates every error-severity invariant of every element of the resource, and of each resource it holds (contained,
    /// a Bundle entry, a parameter); returns the broken ones and counts the evaluations. An invariant holds when Firely's
    /// <c>Predicate</c> is true (its validator's rule); one that cannot be evaluated is reported as broken.
    /// </summary>
    public (IReadOnlyList<string> Broken, int Evaluations) BrokenInvariants(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var broken = new List<string>();
        var evaluations = 0;
        var root = resource.ToPocoNode(ModelInfo.ModelInspector);
        Walk(root, resource.TypeName, new Scope(root, root), broken, ref evaluations);
        return (broken, evaluations);
    }

    private void Walk(PocoNode node, string definitionPath, Scope scope, List<string> broken, ref int evaluations)
    {
        Evaluate(node, definitionPath, scope, broken, ref evaluations);
        foreach (var children in node.Children())
        {
            foreach (var child in children)
            {
                var path = definitionPath + "." + children.Name;
                var element = Element(path);
                if (element is null && Element(path + "[x]") is { } choice)
                {
                    element = choice;
                    path += "[x]";
                }

                if (element is null)
                {
                    broken.Add($"no definition for {path} at {child.GetLocation()}");
                    continue;
                }

                var type = child.Poco.TypeName;
                if (element.ContentReference is { } reference)
                {
                    Walk(child, reference, scope, broken, ref evaluations);
                }
                else if (child.Poco is Resource)
                {
                    // A contained resource keeps its container as %rootResource; a Bundle entry or a parameter is its own root.
                    Walk(child, type, new Scope(child, children.Name == "contained" ? scope.Root : child), broken, ref evaluations);
                }
                else if (element.Types is ["BackboneElement"] or ["Element"])
                {
                    Walk(child, path, scope, broken, ref evaluations);
                }
                else
                {
                    // A datatype: the element's own invariants where it is used, then its type's definition (root and children).
                    Evaluate(child, path, scope, broken, ref evaluations);
                    if (Element(type) is not null)
                    {
                        Walk(child, type, scope, broken, ref evaluations);
                    }
                }
            }
        }
    }

    private void Evaluate(PocoNode node, string definitionPath, Scope scope, List<string> broken, ref int evaluations)
    {
        if (Element(definitionPath) is not { } info)
        {
            return;
        }

        foreach (var invariant in info.Invariants.Where(i => i.IsError))
        {
            evaluations++;
            var expression = _compiled.GetOrAdd(invariant.Expression, text => _compiler.Compile(text));
            var context = new FhirEvaluationContext { Resource = scope.Resource, RootResource = scope.Root };
            bool holds;
            try
            {
                holds = expression.Predicate(node, context);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                broken.Add($"{invariant.Key} at {node.GetLocation()} could not be evaluated: {exception.Message}");
                continue;
            }

            if (!holds)
            {
                broken.Add($"{invariant.Key} at {node.GetLocation()}: {invariant.Expression}");
            }
        }
    }

    /// <summary>The JSON of a resource as the Firely SDK writes it.</summary>
    public static string Json(Resource resource) => JsonSerializer.Serialize(resource, SerializerOptions);

    /// <summary>A copy of a resource's JSON changed by <paramref name="change"/> (for the controls).</summary>
    public static string Changed(Resource resource, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Json(resource))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static readonly JsonSerializerOptions SerializerOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private sealed record ElementInfo(IReadOnlyList<string> Types, string? ContentReference, IReadOnlyList<Invariant> Invariants);

    private sealed record Scope(PocoNode Resource, PocoNode Root);

    private sealed record Invariant(string Key, bool IsError, string Expression);
}
