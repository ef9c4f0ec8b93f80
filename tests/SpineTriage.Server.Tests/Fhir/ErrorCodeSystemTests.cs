using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Fhir;
using SpineTriage.Server.Api;
using SpineTriage.TestSupport;
using SpineTriage.Validation;
using static SpineTriage.Server.Tests.Fhir.FhirResources;
using Task = System.Threading.Tasks.Task;

namespace SpineTriage.Server.Tests.Fhir;

/// <summary>
/// Every error code any endpoint (FHIR, CDS Hooks, /api, the HTTP layer) can emit is a concept of the served error-code
/// CodeSystem. The codes are read from the code, not listed here: the constants of the error-code classes, every constant
/// named <c>Code</c> or <c>…Code</c> of the server, and the codes the HTTP layer gives each status; and the server's sources
/// are checked to pass no error code as a literal, so a new code can only come from those constants.
/// </summary>
public sealed class ErrorCodeSystemTests
{
    private static readonly Type[] CodeClasses = [typeof(ErrorCodes), typeof(FhirErrorCodes), typeof(ServiceErrorCodes)];

    /// <summary>Every code an endpoint can emit, each with where it was read from.</summary>
    private static IEnumerable<(string Code, string From)> EmittableCodes()
    {
        foreach (var type in CodeClasses)
        {
            foreach (var field in Constants(type))
            {
                yield return ((string)field.GetRawConstantValue()!, type.Name + "." + field.Name);
            }
        }

        foreach (var type in typeof(Problems).Assembly.GetTypes())
        {
            foreach (var field in Constants(type).Where(f => f.Name == "Code" || f.Name.EndsWith("Code", StringComparison.Ordinal)))
            {
                yield return ((string)field.GetRawConstantValue()!, type.Name + "." + field.Name);
            }
        }

        for (var status = 400; status < 600; status++)
        {
            yield return (ClientErrors.Describe(status).Code, "ClientErrors.Describe(" + status + ")");
        }
    }

    private static IEnumerable<FieldInfo> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string));

    [Fact]
    public async Task Every_code_any_endpoint_can_emit_is_a_concept_of_the_served_error_code_CodeSystem()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var system = Parse<CodeSystem>(await client.GetStringAsync("/fhir/CodeSystem/error-code"));
        var concepts = system.Concept.Select(c => c.Code!).ToList();

        var codes = EmittableCodes().ToList();

        codes.Select(c => c.Code).Should().Contain(["notFound", "methodNotAllowed", "requestTimeout", "uriTooLong", "headersTooLarge", "malformedRequest", "httpError", "auditUnavailable", "invalidToken", "prefetchRequired", "untrustedFhirServer", "fhirServerFailed", "unknownService", "internalError", "tooManyRequests", "unknownResource", "invalidResource"], "the reflection finds the server's codes (a control)");
        codes.Where(c => !concepts.Contains(c.Code)).Select(c => c.From + " = " + c.Code).Should().BeEmpty();
        concepts.Should().OnlyHaveUniqueItems();
        system.Content.Should().Be(CodeSystemContentMode.Complete);
        system.Concept.Should().OnlyContain(c => !string.IsNullOrEmpty(c.Display));
    }

    [Fact]
    public void No_server_source_passes_an_error_code_as_a_string_literal()
    {
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.PathOf("samples/SpineTriage.Server"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryPaths.PathOf("src/SpineTriage.Fhir"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            foreach (Match call in Regex.Matches(source, @"new ValidationError\(|Problems\.Write(?:ForRequest)?Async\("))
            {
                var arguments = Arguments(source, call.Index + call.Length);
                // ValidationError(path, code, message); Problems.WriteAsync(context, status, title, code, message).
                var index = call.Value.StartsWith("new", StringComparison.Ordinal) ? 1 : 3;
                if (arguments.Count > index + 1 && arguments[index].TrimStart().StartsWith('"'))
                {
                    offences.Add(Path.GetFileName(file) + ": " + arguments[index].Trim());
                }
            }
        }

        offences.Should().BeEmpty("an error code is a constant of ErrorCodes, FhirErrorCodes or ServiceErrorCodes (or a server constant named …Code), so the CodeSystem test sees it");
    }

    [Fact]
    public void The_literal_check_finds_a_literal_code_a_control()
    {
        const string source = "await Problems.WriteAsync(context, 404, \"Title, with a comma.\", \"newCode\", Message(a, b));";
        var arguments = Arguments(source, source.IndexOf('(', StringComparison.Ordinal) + 1);

        arguments.Should().HaveCount(5);
        arguments[3].Trim().Should().Be("\"newCode\"");
    }

    /// <summary>The top-level arguments of a call whose opening parenthesis ends just before <paramref name="start"/>.</summary>
    private static List<string> Arguments(string source, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var begin = start;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                i++;
                while (i < source.Length && source[i] != '"')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    arguments.Add(source[begin..i]);
                    return arguments;
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(source[begin..i]);
                begin = i + 1;
            }
        }

        return arguments;
    }
}
