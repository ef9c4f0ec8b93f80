using System.Text;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// Reads one line of text keeping at most a bounded number of characters: the rest of a longer line is read and
/// dropped, so a reply of hundreds of megabytes without a line break takes no more memory than a short one.
/// </summary>
internal static class BoundedLine
{
    /// <summary>Reads a line (ended by <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as <see cref="TextReader.ReadLine"/> ends it).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="keep">How many characters to keep; a longer line comes back cut to <paramref name="keep"/> + 1 characters, so the caller can tell it was too long.</param>
    /// <returns>The line, or <see langword="null"/> at the end of the input.</returns>
    public static string? Read(TextReader reader, int keep)
    {
        var text = new StringBuilder();
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (c == '\n')
            {
                return text.ToString();
            }

            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    reader.Read();
                }

                return text.ToString();
            }

            if (text.Length <= keep)
            {
                text.Append((char)c);
            }
        }

        return any ? text.ToString() : null;
    }
}
