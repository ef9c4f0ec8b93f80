using System.CommandLine;
using System.Globalization;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage questions [--format text|json] [--rule-set 1.0|2.0]</c>: prints the question catalogue of a rule set
/// in asking order, with the red flags and when each question applies.
/// </summary>
internal static class QuestionsCommand
{
    /// <summary>The applicability of a question that always applies.</summary>
    public const string Always = "always";

    /// <summary>The applicability of a question that applies only when neck surgery is possible.</summary>
    public const string Neck = "neck";

    /// <summary>The applicability of a question that applies only in the early period.</summary>
    public const string Early = "early";

    // Far past any early period, and the first day after surgery: the two ends of the day count.
    private const int LateDay = 100_000;

    public static Command Create(RuleSetEngines engines, ConsoleIO io)
    {
        var format = OutputFormats.Option("questions", "a numbered list with RF marking the red flags and when each applies", "the question catalogue JSON");
        var selector = RuleSetEngines.Option(RuleSetEngines.OptionName, "The rule set whose questions to print: 2.0 (the default) or 1.0.");
        var ruleSetFile = RuleSetEngines.FileOption();
        var language = ConsoleLanguages.Option("The language of the patient texts: en (English, the default) or es (Spanish, translation to be reviewed before clinical use).");
        var command = new Command("questions", "Prints the questions of a rule set in asking order; RF marks a red-flag question, 'applies' when it is asked.")
        {
            format,
            selector,
            ruleSetFile,
            language,
        };
        command.SetAction(parsed =>
        {
            var chosen = ConsoleLanguages.Of(parsed, language);
            var engine = engines.Choose(parsed.GetValue(ruleSetFile), parsed.GetValue(selector)!, chosen, io, parsed.GetRequiredValue(format));
            if (engine is null)
            {
                return ExitCodes.InvalidInput;
            }

            var ruleSet = engine.RuleSet;
            if (OutputFormats.IsJson(parsed.GetRequiredValue(format)))
            {
                io.Out.WriteLine(TriageJson.SerializeQuestions(ruleSet));
            }
            else
            {
                WriteText(io.Out, ruleSet, chosen);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// When a question applies, in one word or two, read from the rule set itself: <c>always</c>; <c>neck</c> when it
    /// applies after surgery that may have included the neck (region cervical or not given) and not after other surgery;
    /// <c>early</c> when it applies early after surgery and not late; <c>neck, early</c> for both.
    /// </summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="question">A question of the rule set.</param>
    /// <returns>The short applicability.</returns>
    internal static string ShortApplicability(RuleSet ruleSet, QuestionId question)
    {
        var neck = ruleSet.Applicability(question, null, 0).Applies && !ruleSet.Applicability(question, SurgeryRegion.Lumbar, 0).Applies;
        var early = ruleSet.Applicability(question, null, 0).Applies && !ruleSet.Applicability(question, null, LateDay).Applies;
        return (neck, early) switch
        {
            (true, true) => $"{Neck}, {Early}",
            (true, false) => Neck,
            (false, true) => Early,
            _ => Always,
        };
    }

    private static void WriteText(TextWriter output, RuleSet ruleSet, ConsoleLanguage language)
    {
        var spanish = language == ConsoleLanguage.Spanish;
        var count = ruleSet.Questions.Count.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(spanish
            ? $"Reglas {ruleSet.Selector} (versión {ruleSet.Version}): {count} preguntas en el orden en que se hacen (RF = pregunta de alarma; primero las que pueden llevar a la mayor urgencia):"
            : $"Rule set {ruleSet.Selector} (version {ruleSet.Version}): {count} questions in asking order (RF = red flag; the questions that can reach the highest urgency come first):");
        output.WriteLine();
        var width = ruleSet.Questions.Max(q => q.JsonId.Length);
        var applies = ruleSet.Questions.Select(q => ShortApplicability(ruleSet, q.Id)).ToArray();
        var appliesWidth = applies.Max(a => a.Length);
        foreach (var (question, when) in ruleSet.Questions.Zip(applies))
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{question.Order,2}. {(question.IsRedFlag ? "RF" : "  ")}  {question.JsonId.PadRight(width)}  applies: {when.PadRight(appliesWidth)}  {question.Text}"));
        }

        // The legend states each kind of applicability in the library's own words.
        var legend = ruleSet.Questions.Zip(applies).Where(p => p.Second != Always).DistinctBy(p => p.Second).ToList();
        if (legend.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(spanish
                ? "Una pregunta se hace solo cuando aplica. Si no aplica, no responderla deja el informe completo, y un sí a ella sigue contando. Cuándo aplica (applies), en inglés:"
                : "A question is asked only where it applies; where it does not, its being unknown leaves the report complete, and a yes to it still counts.");
            foreach (var (question, when) in legend)
            {
                output.WriteLine($"  {when}: {question.Applicability}");
            }
        }
    }
}
