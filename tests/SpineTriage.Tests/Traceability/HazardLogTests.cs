using System.Text.RegularExpressions;
using FluentAssertions;

namespace SpineTriage.Tests.Traceability;

/// <summary>
/// The hazard log names the tests that verify each control (<c>ClassTests.Method_name</c>): every one it names must be a
/// test method of that class somewhere under <c>tests/</c>, so a renamed or deleted test cannot leave a control unverified
/// while the log still claims it.
/// </summary>
public sealed partial class HazardLogTests
{
    [Fact]
    public void Every_test_the_hazard_log_names_is_a_test_method_of_that_class()
    {
        var log = File.ReadAllText(Repository.PathOf("docs/hazard-log.md"));
        var named = TestReference().Matches(log).Select(m => (Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).Distinct().ToList();
        var sources = Directory
            .EnumerateFiles(Repository.PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        named.Should().HaveCountGreaterThan(40, "the log names the tests of every hazard");
        var missing = named
            .Where(n => !sources.Any(source => source.Contains($"class {n.Class}", StringComparison.Ordinal) && Regex.IsMatch(source, $@"\b(void|Task) {n.Method}\(")))
            .Select(n => $"{n.Class}.{n.Method}")
            .ToList();

        missing.Should().BeEmpty("every test named in docs/hazard-log.md must exist in its class");
    }

    [GeneratedRegex(@"`(?<class>[A-Z][A-Za-z]*Tests)\.(?<method>[A-Z][A-Za-z0-9_]+)`")]
    private static partial Regex TestReference();
}
