using System.Text;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// Reads one line at a terminal key by key, as a shell does: Enter ends the line, Backspace erases, and Ctrl-D (Ctrl-Z
/// on Windows) on an empty line ends the input. Spectre.Console's own prompt ignores control keys, so Ctrl-D followed by
/// Enter was read as an empty reply.
/// </summary>
internal static class TerminalLine
{
    /// <summary>Reads a line.</summary>
    /// <param name="readKey">Reads one key without echoing it; <see langword="null"/> when no more keys can come.</param>
    /// <param name="echo">Writes what the user should see: the characters typed, a new line, or <c>"\b \b"</c> to erase one.</param>
    /// <returns>The line, or <see langword="null"/> at the end of the input.</returns>
    /// <param name="keep">How many characters to keep; further characters of a longer line are not kept or shown, except one, so the caller can tell it was too long.</param>
    public static string? Read(Func<ConsoleKeyInfo?> readKey, Action<string> echo, int keep = Conversation.MaxReplyLength)
    {
        var text = new StringBuilder();
        while (true)
        {
            if (readKey() is not { } key)
            {
                echo(Environment.NewLine);
                return null;
            }

            if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
            {
                echo(Environment.NewLine);
                return text.ToString();
            }

            if (IsEndOfInput(key))
            {
                if (text.Length == 0)
                {
                    echo(Environment.NewLine);
                    return null;
                }

                continue;
            }

            if (key.Key == ConsoleKey.Backspace || key.KeyChar == '\b')
            {
                if (text.Length > 0)
                {
                    text.Length--;
                    echo("\b \b");
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar) && text.Length <= keep)
            {
                text.Append(key.KeyChar);
                echo(key.KeyChar.ToString());
            }
        }
    }

    private static bool IsEndOfInput(ConsoleKeyInfo key) =>
        key.KeyChar is '\u0004' or '\u001a'
        || ((key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key is ConsoleKey.D or ConsoleKey.Z);
}
