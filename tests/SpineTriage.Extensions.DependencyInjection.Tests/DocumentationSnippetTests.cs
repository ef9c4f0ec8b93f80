using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpineTriage.TestSupport;

namespace SpineTriage.Extensions.DependencyInjection.Tests;

/// <summary>
/// The C# of the integrator's first pages compiles as written: each <c>```csharp</c> block of docs/getting-started.md and
/// of the SpineTriage and SpineTriage.Fhir packages' READMEs is the Program.cs of a new console app, each of docs/integration.md and of the DI
/// package's README the Program.cs of a new minimal API, with the
/// global usings those templates add (ImplicitUsings) and nothing else, against the SpineTriage packages.
/// </summary>
public sealed partial class DocumentationSnippetTests
{
    /// <summary>The global usings of <c>dotnet new console</c> (Microsoft.NET.Sdk).</summary>
    private static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The global usings of <c>dotnet new web</c> (Microsoft.NET.Sdk.Web).</summary>
    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
        "Microsoft.Extensions.Logging",
    ];

    public static TheoryData<string, string> Snippets()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, template) in new[]
        {
            ("docs/getting-started.md", "console"), ("docs/integration.md", "web"),
            ("src/SpineTriage/README.md", "console"), ("src/SpineTriage.Extensions.DependencyInjection/README.md", "web"),
            ("src/SpineTriage.Fhir/README.md", "console"),
            ("docs/migration-2.md", "console"),
        })
        {
            var blocks = CSharpBlock().Matches(File.ReadAllText(RepositoryPaths.PathOf(file)));
            for (var i = 0; i < blocks.Count; i++)
            {
                data.Add($"{file} block {i + 1}", template);
            }
        }

        return data;
    }

    [Fact]
    public void Both_pages_show_code_to_compile()
    {
        Snippets().Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void The_snippet_compiles_as_the_program_of_a_new_app_without_warnings(string snippet, string template)
    {
        var (file, index) = (snippet[..snippet.IndexOf(" block ", StringComparison.Ordinal)], int.Parse(snippet[(snippet.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var code = CSharpBlock().Matches(File.ReadAllText(RepositoryPaths.PathOf(file)))[index - 1].Groups["code"].Value;
        var usings = string.Concat((template == "web" ? WebUsings : ConsoleUsings).Select(u => $"global using global::{u};\n"));

        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(usings, path: "GlobalUsings.g.cs"), CSharpSyntaxTree.ParseText(code, path: "Program.cs")],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var diagnostics = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS8019") // CS8019: a global using the snippet does not need
            .Select(d => d.ToString());

        diagnostics.Should().BeEmpty("{0} must compile as written", snippet);
    }

    // The assemblies of this test: the .NET and ASP.NET Core shared frameworks (trusted platform assemblies), the
    // SpineTriage packages (with the Firely SDK of SpineTriage.Fhir) and Microsoft.Extensions.
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName)
            .Select(path => MetadataReference.CreateFromFile(path));

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
