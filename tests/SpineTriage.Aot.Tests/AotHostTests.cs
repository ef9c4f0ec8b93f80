using System.Diagnostics;
using System.Text;
using FluentAssertions;
using SpineTriage.ConsoleHost;

namespace SpineTriage.Aot.Tests;

/// <summary>
/// The Native AOT binary of the console host (SPINETRIAGE_AOT_BINARY) against the same host run in-process on the JIT:
/// each command line must give the same exit code, output and error, and the right answer on its own.
/// </summary>
public sealed class AotHostTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string Root = FindRepositoryRoot();

    private static string V1(string name) => Path.Combine(Root, "samples", "reports", "rule-set-1.0", name);

    private static string V2(string name) => Path.Combine(Root, "samples", "reports", name);

    [AotFact]
    public void Triage_as_JSON_gives_the_urgency_and_what_the_JIT_host_prints()
    {
        string[] args = ["triage", "--input", V1("emergency-cauda-equina.json"), "--format", "json", "--rule-set", "1.0"];

        var aot = RunAot(args);

        aot.ExitCode.Should().Be(0, aot.Error);
        aot.Output.Should().Contain("\"urgency\": \"emergency\"").And.Contain("\"ruleId\": \"cauda-equina\"");
        aot.Should().Be(RunJit(args));
    }

    [AotFact]
    public void Triage_as_text_of_every_rule_set_2_sample_prints_what_the_JIT_host_prints()
    {
        foreach (var report in Directory.GetFiles(Path.Combine(Root, "samples", "reports"), "*.json"))
        {
            string[] args = ["triage", "--input", report];

            RunAot(args).Should().Be(RunJit(args), Path.GetFileName(report));
        }
    }

    [AotFact]
    public void Triage_of_an_invalid_report_exits_2_with_the_errors_as_the_JIT_host()
    {
        string[] args = ["triage", "--input", V2("invalid-misspelt-red-flag.json"), "--format", "json"];

        var aot = RunAot(args);

        aot.ExitCode.Should().Be(2);
        aot.Should().Be(RunJit(args));
    }

    [AotFact]
    public void Triage_from_standard_input_reads_the_pipe()
    {
        var json = File.ReadAllText(V2("urgent-wound-bleeding.json"));

        var aot = RunAot(["triage", "--input", "-", "--format", "json"], json);

        aot.ExitCode.Should().Be(0, aot.Error);
        aot.Output.Should().Contain("\"urgency\": \"urgent\"");
    }

    [AotFact]
    public void Check_runs_the_repository_case_files_and_all_pass()
    {
        string[] args = ["check", Path.Combine(Root, "tests", "SpineTriage.Tests", "TestData", "cases")];

        var aot = RunAot(args);

        aot.ExitCode.Should().Be(0, aot.Output + aot.Error);
        aot.Output.Should().MatchRegex(@"[1-9][0-9]* passed, 0 failed");
        aot.Should().Be(RunJit(args));
    }

    [AotFact]
    public void Rules_of_each_rule_set_and_format_print_what_the_JIT_host_prints()
    {
        foreach (var ruleSet in new[] { "1.0", "2.0" })
        {
            foreach (var format in new[] { "text", "json" })
            {
                string[] args = ["rules", "--rule-set", ruleSet, "--format", format];

                var aot = RunAot(args);

                aot.ExitCode.Should().Be(0);
                aot.Output.Should().Contain("cauda", "rule set {0} as {1} lists the cauda equina rule", ruleSet, format);
                aot.Should().Be(RunJit(args));
            }
        }
    }

    [AotFact]
    public void Questions_of_each_rule_set_and_format_print_what_the_JIT_host_prints()
    {
        foreach (var ruleSet in new[] { "1.0", "2.0" })
        {
            foreach (var format in new[] { "text", "json" })
            {
                string[] args = ["questions", "--rule-set", ruleSet, "--format", format];

                var aot = RunAot(args);

                aot.ExitCode.Should().Be(0);
                aot.Output.Should().Contain("saddle", "rule set {0} as {1} asks about saddle numbness", ruleSet, format);
                aot.Should().Be(RunJit(args));
            }
        }
    }

    [AotFact]
    public void An_unknown_command_is_refused_as_the_JIT_host_refuses_it()
    {
        string[] args = ["no-such-command"];

        var aot = RunAot(args);

        aot.ExitCode.Should().NotBe(0);
        aot.Should().Be(RunJit(args));
    }

    private static HostRun RunJit(string[] args, string stdin = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = SpineTriageCli.Run(args, ConsoleIO.Redirected(Encoding.UTF8.GetBytes(stdin), output, error));
        return new HostRun(exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static HostRun RunAot(string[] args, string stdin = "")
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(AotFactAttribute.Variable)!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The AOT binary did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"spinetriage {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        return new HostRun(process.ExitCode, output.Result.ReplaceLineEndings("\n"), error.Result.ReplaceLineEndings("\n"));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpineTriage.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SpineTriage.sln not found above {AppContext.BaseDirectory}.");
    }

    private sealed record HostRun(int ExitCode, string Output, string Error);
}
