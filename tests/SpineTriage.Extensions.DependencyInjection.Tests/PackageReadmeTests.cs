using System.Xml.Linq;
using FluentAssertions;
using SpineTriage.TestSupport;

namespace SpineTriage.Extensions.DependencyInjection.Tests;

/// <summary>
/// Every package has its own README beside its project (its nuget.org page, packed by Directory.Build.props), written
/// for someone who installed the package, not for someone with the repository: no "from the repository root".
/// </summary>
public class PackageReadmeTests
{
    public static TheoryData<string> PackedProjects() => new(Packed());

    private static string[] Packed() =>
        Directory.GetFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => XDocument.Load(p).Descendants("IsPackable").Any(e => e.Value == "true"))
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void The_four_packages_are_found()
    {
        Packed().Select(Path.GetFileNameWithoutExtension).Should().BeEquivalentTo(
            "SpineTriage", "SpineTriage.Extensions.DependencyInjection", "SpineTriage.Fhir", "SpineTriage.Console");
    }

    [Theory]
    [MemberData(nameof(PackedProjects))]
    public void Each_package_has_its_own_readme_that_does_not_send_the_reader_to_the_repository_root(string project)
    {
        var readme = Path.Combine(Path.GetDirectoryName(RepositoryPaths.PathOf(project))!, "README.md");

        File.Exists(readme).Should().BeTrue("{0} is packed with the README beside it", project);
        var text = File.ReadAllText(readme);
        text.Should().NotContainEquivalentOf("repository root").And.Contain("dotnet ").And.Contain("Decision support, not a diagnosis");
    }

    [Fact]
    public void The_dependency_injection_readme_shows_AddSpineTriage()
    {
        File.ReadAllText(RepositoryPaths.PathOf("src/SpineTriage.Extensions.DependencyInjection/README.md")).Should().Contain("AddSpineTriage(");
    }
}
