namespace SpineTriage.ConsoleHost;

/// <summary>
/// Standard input, output and error of one run of the host, and whether each is a terminal. Every command
/// reads and writes only through this object, so the whole command line can run in-process with strings.
/// </summary>
/// <remarks>Only <see cref="FromSystemConsole"/> and <c>Program.cs</c> touch <see cref="Console"/>.</remarks>
internal sealed class ConsoleIO
{
    private readonly Func<Stream> _openInput;
    private readonly Lazy<TextReader> _in;

    /// <summary>Creates the streams of one run.</summary>
    /// <param name="openInput">Opens standard input as bytes (for <c>--input -</c>, read with a size bound).</param>
    /// <param name="openInputReader">Opens standard input as lines of text (for the interview and <c>replay -</c>); called at most once.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="inputIsTerminal">Whether standard input is a terminal, not a file or a pipe.</param>
    /// <param name="outputIsTerminal">Whether standard output is a terminal.</param>
    /// <param name="errorIsTerminal">Whether standard error is a terminal.</param>
    public ConsoleIO(
        Func<Stream> openInput,
        Func<TextReader> openInputReader,
        TextWriter output,
        TextWriter error,
        bool inputIsTerminal,
        bool outputIsTerminal,
        bool errorIsTerminal)
    {
        _openInput = openInput;
        _in = new Lazy<TextReader>(openInputReader);
        Out = output;
        Error = error;
        InputIsTerminal = inputIsTerminal;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Gets standard input as text.</summary>
    public TextReader In => _in.Value;

    /// <summary>Gets standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets whether standard input is a terminal.</summary>
    public bool InputIsTerminal { get; }

    /// <summary>Gets whether standard output is a terminal.</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>Gets whether standard error is a terminal.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>Gets how long to wait for an input file to open: only a named pipe (FIFO) without a writer waits (default 5 seconds).</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets the function that reads one key at a terminal without echoing it, or returns <see langword="null"/> when no
    /// more keys can come; used only when input and output are terminals.
    /// </summary>
    public Func<ConsoleKeyInfo?> ReadKey { get; init; } = static () => null;

    /// <summary>The process's standard streams.</summary>
    /// <returns>The streams of <see cref="Console"/>; standard input is opened only when a command reads it.</returns>
    public static ConsoleIO FromSystemConsole() => new(
        Console.OpenStandardInput,
        () => Console.In,
        Console.Out,
        Console.Error,
        inputIsTerminal: !Console.IsInputRedirected,
        outputIsTerminal: !Console.IsOutputRedirected,
        errorIsTerminal: !Console.IsErrorRedirected)
    {
        ReadKey = ReadConsoleKey,
    };

    /// <summary>Reads a key from the console; <see langword="null"/> (the end of the input) when the console cannot read keys.</summary>
    private static ConsoleKeyInfo? ReadConsoleKey()
    {
        try
        {
            return Console.ReadKey(intercept: true);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Streams that are not terminals: standard input from bytes, output and error to the given writers.</summary>
    /// <param name="input">The bytes of standard input (UTF-8 when read as text).</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="openTimeout">How long to wait for an input file to open (default 5 seconds).</param>
    /// <returns>The streams; as for a host whose streams are all redirected.</returns>
    public static ConsoleIO Redirected(byte[] input, TextWriter output, TextWriter error, TimeSpan? openTimeout = null)
    {
        var stream = new MemoryStream(input, writable: false);
        return new(() => stream, () => new StreamReader(stream), output, error, inputIsTerminal: false, outputIsTerminal: false, errorIsTerminal: false)
        {
            OpenTimeout = openTimeout ?? TimeSpan.FromSeconds(5),
        };
    }

    /// <summary>Opens standard input as bytes. The stream belongs to the host: do not dispose it.</summary>
    /// <returns>The stream.</returns>
    public Stream OpenInput() => _openInput();
}
