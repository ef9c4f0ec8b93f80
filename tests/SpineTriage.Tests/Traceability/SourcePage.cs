namespace SpineTriage.Tests.Traceability;

/// <summary>The source page (docs/source/spinal-hardware-problems.txt) split into its sections.</summary>
internal sealed class SourcePage
{
    public const string RelativePath = "docs/source/spinal-hardware-problems.txt";

    private static readonly string[] Headings =
    [
        "Quick Facts", "Overview", "Symptoms", "Causes", "Risk Factors", "Diagnosis", "Treatment", "Prevention",
        "When to See a Doctor", "Frequently Asked Questions", "References",
    ];

    private readonly Dictionary<string, string[]> _sections;

    private SourcePage(Dictionary<string, string[]> sections) => _sections = sections;

    public static SourcePage Load() => Parse(File.ReadAllText(Repository.PathOf(RelativePath)));

    public static SourcePage Parse(string text)
    {
        var sections = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? current = null;
        var lines = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Headings.Contains(line, StringComparer.Ordinal))
            {
                Close();
                current = line;
                continue;
            }

            lines.Add(line);
        }

        Close();
        return new SourcePage(sections);

        void Close()
        {
            if (current is not null)
            {
                sections[current] = [.. lines];
            }

            lines.Clear();
        }
    }

    /// <summary>The lines of a section (without its heading).</summary>
    public IReadOnlyList<string> Section(string heading) => _sections.TryGetValue(heading, out var lines) ? lines : [];

    /// <summary>The bullet items ("- …") of a section, without the dash.</summary>
    public IEnumerable<string> Bullets(string heading) => Section(heading).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]);

    /// <summary>The FAQ questions (lines ending in '?') and the answer paragraph after each.</summary>
    public IReadOnlyDictionary<string, string> FaqAnswers()
    {
        var faq = Section(SourceStatements.Faq);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < faq.Count; i++)
        {
            if (faq[i].EndsWith('?'))
            {
                answers[faq[i]] = faq[i + 1];
            }
        }

        return answers;
    }
}
