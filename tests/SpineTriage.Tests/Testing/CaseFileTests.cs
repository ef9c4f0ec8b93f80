using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Testing;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Testing;

public class CaseFileTests
{
    // Case files carry their own assessedOn; the clock only needs to be later than all of them.
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Case_file_gives_its_expected_result(string file)
    {
        var parsed = TriageCase.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "cases", file)));
        parsed.Errors.Should().BeEmpty();

        var check = parsed.Value!.Check(Engine);

        check.Failures.Should().BeEmpty();
    }

    [Fact]
    public void The_shared_case_files_are_all_present()
    {
        CaseFiles().Should().HaveCountGreaterThanOrEqualTo(8);
    }
}
