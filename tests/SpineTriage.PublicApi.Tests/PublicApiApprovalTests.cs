using System.Reflection;
using FluentAssertions;
using PublicApiGenerator;
using SpineTriage.Engine;
using SpineTriage.Extensions.DependencyInjection;
using SpineTriage.Fhir;
using SpineTriage.TestSupport;

namespace SpineTriage.PublicApi.Tests;

/// <summary>
/// The public surface of each package, compared with its checked-in text (Approved/*.approved.txt): any difference
/// fails and writes the new surface beside it as *.received.txt. docs/public-api.md says how to approve a change.
/// </summary>
public sealed class PublicApiApprovalTests
{
    private static readonly string[] PackageNames = ["SpineTriage", "SpineTriage.Fhir", "SpineTriage.Extensions.DependencyInjection"];

    public static TheoryData<string> Packages => new(PackageNames);

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_API_of_each_package_is_the_approved_one(string package)
    {
        var assembly = AssemblyOf(package);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The attributes the compiler adds to every assembly say nothing about the API and change with the SDK.
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");

        var approvedPath = Path.Combine(ApprovedFolder(), $"{package}.approved.txt");
        var receivedPath = Path.Combine(ApprovedFolder(), $"{package}.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (api == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, api);
        api.Should().Be(approved, $"the public API of {package} changed: review {receivedPath} and, if the change is intended, copy it over {approvedPath} (docs/public-api.md)");
    }

    [Fact]
    public void Every_package_has_an_approved_file_and_no_other_file_is_there()
    {
        var files = Directory.GetFiles(ApprovedFolder(), "*.approved.txt").Select(Path.GetFileName);

        files.Should().BeEquivalentTo(PackageNames.Select(p => $"{p}.approved.txt"));
    }

    private static Assembly AssemblyOf(string package) => package switch
    {
        "SpineTriage" => typeof(TriageEngine).Assembly,
        "SpineTriage.Fhir" => typeof(TriageFhir).Assembly,
        "SpineTriage.Extensions.DependencyInjection" => typeof(SpineTriageServiceCollectionExtensions).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(package), package, "Not a package of the repository."),
    };

    private static string ApprovedFolder() => RepositoryPaths.PathOf("tests/SpineTriage.PublicApi.Tests/Approved");
}
