using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using SpineTriage.Reports;
using SpineTriage.Texts.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Rules.Internal;

/// <summary>
/// The checks of a rule-set document that need no engine (docs/rule-sets.md): ids unique and of their grammar, every
/// question, fact and rule a condition names defined, every question read by a rule, every text in every language, and
/// the shipped name kept for the shipped documents. Each error at its JSON path with a stable code of <see cref="ErrorCodes"/>.
/// </summary>
internal sealed class RuleSetDocumentValidator : AbstractValidator<RuleSetDocument>
{
    public RuleSetDocumentValidator()
    {
        RuleFor(d => d).Custom((document, context) =>
        {
            Name(document, context);
            Duplicates(document.Questions.Select(q => (q.Id, q.Path)), "question", context);
            Duplicates(document.Facts.Select(f => (f.Id, f.Path)), "fact", context);
            Duplicates(document.Rules.Select(r => (r.Id, r.Path)), "rule", context);
            Duplicates(document.Signs.Select(s => (s.Id, s.Path)), "safety-net sign", context);
            Duplicates(document.ConditionalAdvice.Select(a => (a.Id, a.Path)), "advice line", context);
            foreach (var question in document.Questions.Where(q => !QuestionId.IsValid(q.Id)))
            {
                Add(context, question.Path + ".id", ErrorCodes.SchemaViolation, $"'{RuleSetLoader.Cut(question.Id)}' is not a question id: a lowercase letter, then up to 63 letters and digits.");
            }

            var read = new HashSet<string>(StringComparer.Ordinal);
            var questions = document.Questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var facts = document.Facts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var rules = document.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in document.Rules)
            {
                Names(rule.When, rule.Path + ".when", questions, facts, rules, read, context);
            }

            foreach (var fact in document.Facts)
            {
                Names(fact.When, fact.Path + ".when", questions, facts, rules, read, context);
            }

            foreach (var question in document.Questions)
            {
                Names(question.AppliesWhen, question.Path + ".appliesWhen", questions, facts, rules, null, context);
                Names(question.RedFlagWhen, question.Path + ".redFlagWhen", questions, facts, rules, null, context);
            }

            foreach (var sign in document.Signs)
            {
                Names(sign.PresentWhen, sign.Path + ".presentWhen", questions, facts, rules, null, context);
                Names(sign.ListedWhen, sign.Path + ".listedWhen", questions, facts, rules, null, context);
            }

            foreach (var advice in document.ConditionalAdvice)
            {
                Names(advice.When, advice.Path + ".when", questions, facts, rules, null, context);
            }

            var readsFever = document.Rules.Any(r => Mentions(r.When, "fever")) || document.Facts.Any(f => Mentions(f.When, "fever"));
            foreach (var question in document.Questions)
            {
                // A red flag is read by the completeness rule (redFlagUnresolved); the fever question by the fever fact.
                var isRead = read.Contains(question.Id) || question.RedFlag || (question.Id == QuestionId.Fever.Id && readsFever);
                if (!isRead)
                {
                    Add(context, question.Path + ".id", ErrorCodes.QuestionNotRead, $"question '{RuleSetLoader.Cut(question.Id)}' is read by no rule: its answer could never change a result. Remove it, or make a rule read it.");
                }
            }

            Texts(document, context);
        });
    }

    private static void Name(RuleSetDocument document, ValidationContext<RuleSetDocument> context)
    {
        if (string.Equals(document.Name, LoadedRuleSet.ShippedName, StringComparison.Ordinal))
        {
            // A document equal to a shipped one is read as that one before these checks; any other is an edition of its own.
            Add(context, "$.name", ErrorCodes.ShippedNameReused, $"the name '{LoadedRuleSet.ShippedName}' is the shipped rule sets' and this document differs from the shipped {document.Version}: give a local edition its own name (for example 'st-marys-spine').");
        }
    }

    private static void Duplicates(IEnumerable<(string Id, string Path)> items, string kind, ValidationContext<RuleSetDocument> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, path) in items)
        {
            if (!seen.Add(id))
            {
                Add(context, path + ".id", ErrorCodes.DuplicateId, $"the {kind} id '{RuleSetLoader.Cut(id)}' is listed twice; each id may appear once.");
            }
        }
    }

    /// <summary>Checks the questions, facts and rules a condition names; collects the questions it reads (with those of the facts it names).</summary>
    private static void Names(JsonNode? node, string path, HashSet<string> questions, HashSet<string> facts, HashSet<string> rules, HashSet<string>? read, ValidationContext<RuleSetDocument> context)
    {
        if (node is not JsonObject o || o.Count != 1)
        {
            return; // the reader reports a condition that is not of the vocabulary
        }

        var (kind, value) = o.First();
        var at = $"{path}.{kind}";
        switch (kind)
        {
            case "all" or "any" when value is JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    Names(items[i], $"{at}[{i}]", questions, facts, rules, read, context);
                }

                break;
            case "not":
                Names(value, at, questions, facts, rules, read, context);
                break;
            case "yes" or "no" or "unknown" when Text(value) is { } question:
                if (!questions.Contains(question))
                {
                    Add(context, at, ErrorCodes.UnknownQuestion, $"unknown question '{RuleSetLoader.Cut(question)}': not a question of the document.");
                }

                read?.Add(question);
                break;
            case "fact" when Text(value) is { } fact:
                if (!facts.Contains(fact))
                {
                    Add(context, at, ErrorCodes.UnknownFact, $"unknown fact '{RuleSetLoader.Cut(fact)}': not a fact of the document.");
                }

                break;
            case "fired" when Text(value) is { } rule:
                if (!rules.Contains(rule))
                {
                    Add(context, at, ErrorCodes.UnknownRule, $"unknown rule '{RuleSetLoader.Cut(rule)}': not a rule of the document.");
                }

                break;
            default:
                break;
        }
    }

    private static bool Mentions(JsonNode? node, string kind) => node switch
    {
        JsonObject o => o.Any(p => p.Key == kind || Mentions(p.Value, kind)),
        JsonArray a => a.Any(n => Mentions(n, kind)),
        _ => false,
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Every text key the document names must be in every language's catalogue.</summary>
    private static void Texts(RuleSetDocument document, ValidationContext<RuleSetDocument> context)
    {
        var keys = new List<(string Key, string Path)>();
        foreach (var question in document.Questions)
        {
            keys.Add((question.Lead, question.Path + ".text.lead"));
            keys.AddRange(question.Signs.Select((s, i) => (s, $"{question.Path}.text.signs[{i}]")));
        }

        foreach (var rule in document.Rules)
        {
            keys.Add((rule.TitleKey, rule.Path + ".text.title"));
            keys.Add((rule.ExplanationKey, rule.Path + ".text.patientExplanation"));
        }

        keys.AddRange(document.Signs.Select(s => (s.TextKey, s.Path + ".text")));
        keys.AddRange(document.ConditionalAdvice.Select(a => (a.TextKey, a.Path + ".text")));
        keys.Add((document.SafetyNetLead, "$.safetyNet.lead"));
        keys.Add((document.SafetyNetCallBack, "$.safetyNet.callBack"));
        keys.AddRange(document.SelfCareAdvice.Select((s, i) => (s, $"$.advice.selfCare[{i}]")));

        foreach (var language in TextCatalogue.Languages)
        {
            var known = TextCatalogue.FindLanguage(language)!.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var (key, path) in keys)
            {
                if (!known.Contains(key))
                {
                    Add(context, path, ErrorCodes.TextMissing, $"the text '{RuleSetLoader.Cut(key)}' is missing in language '{language}': every text a document names must be in every language's catalogue (docs/texts.md).");
                }
            }
        }
    }

    private static void Add(ValidationContext<RuleSetDocument> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(path, message) { ErrorCode = code });
}
