using SharpFuzz;
using SpineTriage.Fuzz;

// The harness run by scripts/fuzz.sh under afl-fuzz: `SpineTriage.Fuzz TARGET` runs one target in SharpFuzz's
// out-of-process loop; `SpineTriage.Fuzz TARGET FILE…` runs files once each (to replay a crash by hand).
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: SpineTriage.Fuzz TARGET [FILE...]; TARGET is one of: {string.Join(", ", FuzzTargets.Names)}");
    return 64;
}

var target = args[0];
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        FuzzTargets.Check(target, File.ReadAllBytes(file));
        Console.WriteLine($"{file}: ok");
    }

    return 0;
}

// AFL++ writes at most 1 MiB per input by default; the buffer is reused between runs.
var buffer = new byte[2 * 1024 * 1024];
Fuzzer.OutOfProcess.Run(stream =>
{
    var length = 0;
    int read;
    while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
    {
        length += read;
    }

    FuzzTargets.Check(target, buffer.AsSpan(0, length));
});
return 0;
