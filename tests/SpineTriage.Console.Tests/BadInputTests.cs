using System.Text;
using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>No input makes the host fail with a stack trace: each bad input exits 2 with one clear message.</summary>
public sealed class BadInputTests : IDisposable
{
    private const int OneMiB = 1024 * 1024;
    private const string ValidReport = """{"surgeryDate":"2026-10-01","assessedOn":"2026-11-01"}""";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Empty_file_is_refused()
    {
        var file = _folder.Write("empty.json", "");

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("is empty");
    }

    [Fact]
    public void Truncated_json_is_refused()
    {
        var file = _folder.Write("truncated.json", """{"surgeryDate": "2026-10-01", "answers": {"fever": "ye""");

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("not well-formed JSON");
    }

    [Fact]
    public void Binary_bytes_are_refused()
    {
        var bytes = new byte[4096];
        new Random(20261125).NextBytes(bytes);
        bytes[0] = 0xFF;
        var file = _folder.Write("binary.json", bytes);

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("not well-formed JSON");
    }

    [Fact]
    public void Json_array_is_refused()
    {
        var file = _folder.Write("array.json", $"[{ValidReport}]");

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("a report must be a JSON object");
    }

    [Fact]
    public void Nesting_100000_deep_is_refused()
    {
        var file = _folder.Write("deep.json", new string('[', 100_000) + new string(']', 100_000));

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("nested deeper than");
    }

    [Fact]
    public void File_of_30_MB_is_refused_without_being_read()
    {
        var file = _folder.Write("huge.json", Encoding.UTF8.GetBytes("{\"reportId\":\"" + new string('x', 30 * OneMiB) + "\"}"));

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("larger than 1 MiB");
    }

    [Fact]
    public void Standard_input_of_30_MB_is_refused()
    {
        var run = RunProcess(["triage", "--input", "-"], new byte[30 * OneMiB]);

        run.ShouldBeRefusedWithOneMessage("standard input is larger than 1 MiB");
    }

    [Fact]
    public void Report_padded_to_exactly_1_MiB_is_read()
    {
        var file = _folder.Write("padded.json", ValidReport + new string(' ', OneMiB - ValidReport.Length));

        var run = Run("triage", "--input", file);

        run.ExitCode.Should().Be(0);
        new FileInfo(file).Length.Should().Be(OneMiB);
    }

    [Fact]
    public void Report_one_byte_over_1_MiB_is_refused()
    {
        var file = _folder.Write("padded.json", ValidReport + new string(' ', OneMiB + 1 - ValidReport.Length));

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("larger than 1 MiB");
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        var file = _folder.Write("duplicate.json", """{"surgeryDate":"2026-10-01","answers":{"fever":"no","fever":"yes"}}""");

        Run("triage", "--input", file).ShouldBeRefusedWithOneMessage("$.answers.fever: ");
    }

    [Fact]
    public void Missing_file_is_refused()
    {
        Run("triage", "--input", Path.Combine(_folder.Path, "missing.json")).ShouldBeRefusedWithOneMessage("no such file");
    }

    [Fact]
    public void Directory_instead_of_a_file_is_refused()
    {
        Run("triage", "--input", _folder.Path).ShouldBeRefusedWithOneMessage("is a directory, not a file");
    }
}
