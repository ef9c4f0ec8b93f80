using FluentAssertions;
using SpineTriage.Fuzz;

namespace SpineTriage.Tests.Fuzz;

/// <summary>
/// Replays the minimized corpus that <c>scripts/fuzz.sh TARGET --minimize</c> committed under TestData/fuzz/TARGET/
/// (and every crash or hang the fuzzer found, as a regression) through the harness's own invariants
/// (<see cref="FuzzTargets.Check"/>): a result or errors, never an exception.
/// </summary>
public class FuzzCorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "fuzz");

    public static TheoryData<string> Targets() => new(FuzzTargets.Names.Where(t => Directory.Exists(Path.Combine(Root, t))));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_corpus_input_gives_a_result_or_errors_and_keeps_the_invariant(string target)
    {
        var files = Directory.GetFiles(Path.Combine(Root, target)).Order(StringComparer.Ordinal).ToList();
        files.Should().NotBeEmpty();

        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                FuzzTargets.Check(target, File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Every exception is a failure of the invariant, named with its input file.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public void The_fuzzed_readers_all_have_a_committed_corpus()
    {
        FuzzTargets.Names.Where(t => Directory.Exists(Path.Combine(Root, t))).Should().Contain(["report-utf8", "report-string", "audit-line", "case-file", "reply", "result"]);
    }

    [Fact]
    public void An_unknown_target_is_refused_by_name()
    {
        var act = () => FuzzTargets.Check("reports", "{}"u8);

        act.Should().Throw<ArgumentException>().WithMessage("*report-utf8*");
    }
}
