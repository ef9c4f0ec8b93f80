using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Rules;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// <c>--language es</c> end to end (issue 11 point 4): the Spanish interview, triage, questions and rules print the
/// library's Spanish texts and the console's Spanish words, and every decision is the English one.
/// </summary>
public class SpanishConsoleTests
{
    private static readonly DateOnly Today = SpineTriageHost.Today;

    private static readonly string SurgeryDate = Today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly TriageEngine English2 = new(new TriageEngineOptions { RuleSet = RuleSets.V2 });

    private static readonly TriageEngine Spanish2 = new(new TriageEngineOptions { RuleSet = RuleSets.V2, Language = "es" });

    private static readonly TriageEngine Spanish1 = new(new TriageEngineOptions { RuleSet = RuleSets.V1, Language = "es" });

    public static TheoryData<string> SpanishTemperatures => ["38,5 C", "38,5 ºC", "38,5 grados centígrados"];

    [Theory]
    [MemberData(nameof(SpanishTemperatures))]
    public void A_whole_spanish_interview_with_a_decimal_comma_temperature_reaches_the_english_urgency_and_rules(string temperature)
    {
        // Rule set 2.0: not the neck, lower back; the first six red flags denied, a fever measured (so the fever question is
        // settled and not asked), then a yes to the headache with a stiff neck: emergency, with fever among the findings.
        string[] english = [SurgeryDate, "", "n", "l", "n", "n", "n", "n", "n", "n", "38.5 C", "y", .. Enumerable.Repeat("n", 10), "3", .. Enumerable.Repeat("n", 10)];
        string[] spanish = [SurgeryDate, "", "n", "b", "n", "n", "n", "n", "n", "n", temperature, "s", .. Enumerable.Repeat("n", 10), "3", .. Enumerable.Repeat("n", 10)];

        var inEnglish = Interview(["interactive", "--rule-set", "2.0"], english);
        var inSpanish = Interview(["interactive", "--rule-set", "2.0", "--language", "es"], spanish);

        inEnglish.ExitCode.Should().Be(0, inEnglish.Error);
        inSpanish.ExitCode.Should().Be(0, inSpanish.Error);
        inSpanish.Output.Should().NotContain("No se entendió").And.NotContain("Not understood");
        Headline(inSpanish).Should().Be(SpanishHeadlineOf(Headline(inEnglish)));
        RuleIds(inSpanish, "regla").Should().NotBeEmpty().And.Equal(RuleIds(inEnglish, "rule"));
        Prompts(inSpanish).Should().HaveSameCount(Prompts(inEnglish));
        Prompts(inSpanish).Select(Number).Should().Equal(Prompts(inEnglish).Select(Number), "the same questions are asked, with the same numbers and red-flag marks");
        inSpanish.Output.Should().ContainAll(
            "¿Le operaron alguna parte del cuello? (s = sí, n = no, en blanco = no lo sé)",
            Spanish2.RuleSet.Questions[0].Lead,
            "Datos: temperature: 38.5 °C",
            "Por qué (cada hallazgo, primero el más urgente):",
            "Señales de alarma:");
        inSpanish.Output.Should().NotContain("Why (every finding").And.NotContain(English2.RuleSet.Questions[0].Lead);
    }

    [Fact]
    public void A_spanish_interview_on_rule_set_1_0_reads_si_and_ns_and_gives_the_english_result()
    {
        var inEnglish = Interview(["interactive", "--rule-set", "1.0"], SurgeryDate, "", "n", "n", "d", "y");
        var inSpanish = Interview(["interactive", "--rule-set", "1.0", "--language", "es"], SurgeryDate, "", "no", "n", "no sé", "sí");

        inSpanish.ExitCode.Should().Be(0, inSpanish.Error);
        inSpanish.Output.Should().Contain("EMERGENCIA (código 5): ya");
        inEnglish.Output.Should().Contain("EMERGENCY (code 5): now");
        RuleIds(inSpanish, "regla").Should().Equal(RuleIds(inEnglish, "rule"));
        inSpanish.Output.Should().Contain(Spanish1.RuleSet.Questions[0].Lead);
    }

    [Fact]
    public void A_spanish_reply_not_understood_is_explained_in_spanish()
    {
        var run = Interview(["interactive", "--rule-set", "1.0", "--language", "es"], SurgeryDate, "", "y", "s");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("No se entendió: Responda s = sí, n = no, ns = no sé.");
    }

    [Fact]
    public void The_end_of_input_in_a_spanish_interview_is_reported_in_spanish_with_exit_2()
    {
        var run = Interview(["interactive", "--language", "es"], SurgeryDate, "");

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("La entrada terminó antes de acabar las preguntas");
    }

    public static TheoryData<string, string> Reports()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "samples", "reports"), "*.json").Where(f => !Path.GetFileName(f).StartsWith("invalid", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(RuleSets.V2, file);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "samples", "reports", "rule-set-1.0"), "*.json").Where(f => !Path.GetFileName(f).StartsWith("invalid", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(RuleSets.V1, file);
        }

        foreach (var (folder, selector) in new[] { ("cases", RuleSets.V1), ("cases-2.0", RuleSets.V2) })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "SpineTriage.Tests", "TestData", folder), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(selector, file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Spanish_triage_of_every_sample_report_and_case_gives_the_english_decision_with_spanish_texts(string selector, string file)
    {
        // A case file holds its report under "report"; a sample is the report itself. Both go through standard input.
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var report = (json["report"] ?? json).ToJsonString();

        var english = Run(["triage", "--input", "-", "--format", "json", "--rule-set", selector], report);
        var spanish = Run(["triage", "--input", "-", "--format", "json", "--rule-set", selector, "--language", "es"], report);

        spanish.ExitCode.Should().Be(english.ExitCode);
        if (english.ExitCode != 0)
        {
            Codes(spanish.Error).Should().Equal(Codes(english.Error));
            return;
        }

        var (inEnglish, inSpanish) = (JsonNode.Parse(english.Output)!, JsonNode.Parse(spanish.Output)!);
        foreach (var decision in new[] { "urgency", "urgencyCode", "isComplete", "isSettled", "daysSinceSurgery", "unansweredQuestions", "notAskedQuestions" })
        {
            JsonNode.DeepEquals(inSpanish[decision], inEnglish[decision]).Should().BeTrue(decision);
        }

        Ids(inSpanish["findings"]!).Should().Equal(Ids(inEnglish["findings"]!));
        JsonNode.DeepEquals(inSpanish["ruleSet"], inEnglish["ruleSet"]).Should().BeTrue("the rule set (version and hash) does not depend on the language");
        inSpanish["disposition"]!.GetValue<string>().Should().Be(SpanishDisposition(inSpanish["urgency"]!.GetValue<string>()));
        inSpanish["disposition"]!.GetValue<string>().Should().NotBe(inEnglish["disposition"]!.GetValue<string>());
    }

    [Fact]
    public void Spanish_triage_as_text_prints_the_spanish_headline_headings_and_library_texts()
    {
        var run = Run("triage", "--input", SampleReport("urgent-wound-bleeding.json"), "--language", "es", "--rule-set", "2.0");

        run.ExitCode.Should().Be(0);
        run.OutputLines[0].Should().Be("URGENTE (código 4): hoy, en las próximas horas");
        run.OutputLines[1].Should().Be(SpanishDisposition("urgent"));
        run.Output.Should().ContainAll(
            "Informe sample-2-urgent-wound-bleeding: han pasado 12 días desde que le operaron.",
            "Por qué (cada hallazgo, primero el más urgente):",
            "La herida sangra [urgent, regla wound-bleeding]",
            "Datos: woundBleeding: yes",
            "Consejos de cuidado:",
            "Señales de alarma:",
            "Reglas 2.");
        run.Output.Should().NotContain("Why (every finding").And.NotContain("Care advice:");
    }

    [Fact]
    public void A_report_that_names_spanish_gets_spanish_console_words_without_the_option()
    {
        var report = JsonNode.Parse(File.ReadAllText(SampleReport("urgent-wound-bleeding.json")))!.AsObject();
        report["language"] = "es";

        var run = Run(["triage", "--input", "-"], report.ToJsonString());

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines[0].Should().Be("URGENTE (código 4): hoy, en las próximas horas");
        run.OutputLines[1].Should().Be(SpanishDisposition("urgent"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void Spanish_questions_list_every_question_in_spanish_in_the_english_order(string selector)
    {
        var spanish = new TriageEngine(new TriageEngineOptions { RuleSet = selector, Language = "es" }).RuleSet;
        var english = new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;

        var text = Run("questions", "--rule-set", selector, "--language", "es");
        var json = Run("questions", "--rule-set", selector, "--language", "es", "--format", "json");

        text.ExitCode.Should().Be(0);
        text.OutputLines[0].Should().StartWith($"Reglas {selector} (versión {spanish.Version}): {spanish.Questions.Count} preguntas");
        text.Output.Should().ContainAll(spanish.Questions.Select(q => q.Text));
        english.Questions.Select(q => q.Text).Should().OnlyContain(t => !text.Output.Contains(t, StringComparison.Ordinal));
        using var document = JsonDocument.Parse(json.Output);
        var questions = document.RootElement.GetProperty("questions").EnumerateArray().ToList();
        questions.Select(q => q.GetProperty("id").GetString()).Should().Equal(english.Questions.Select(q => q.JsonId));
        questions.Select(q => q.GetProperty("text").GetString()).Should().Equal(spanish.Questions.Select(q => q.Text));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void Spanish_rules_give_spanish_titles_and_explanations_with_the_english_ids_urgencies_and_hash(string selector)
    {
        var spanish = new TriageEngine(new TriageEngineOptions { RuleSet = selector, Language = "es" }).RuleSet;

        var json = Run("rules", "--rule-set", selector, "--language", "es", "--format", "json");
        var english = Run("rules", "--rule-set", selector, "--format", "json");
        var markdown = Run("rules", "--rule-set", selector, "--language", "es");

        json.ExitCode.Should().Be(0);
        var (inSpanish, inEnglish) = (JsonNode.Parse(json.Output)!, JsonNode.Parse(english.Output)!);
        inSpanish["hash"]!.GetValue<string>().Should().Be(inEnglish["hash"]!.GetValue<string>());
        inSpanish["ruleSet"]!.GetValue<string>().Should().Be(selector);
        var rules = inSpanish["rules"]!.AsArray();
        rules.Select(r => (r!["id"]!.GetValue<string>(), r["urgency"]!.GetValue<string>()))
            .Should().Equal(inEnglish["rules"]!.AsArray().Select(r => (r!["id"]!.GetValue<string>(), r["urgency"]!.GetValue<string>())));
        rules.Select(r => r!["title"]!.GetValue<string>()).Should().Equal(spanish.Rules.Select(r => r.Title));
        rules.Select(r => r!["patientExplanation"]!.GetValue<string>()).Should().Equal(spanish.Rules.Select(r => r.PatientExplanation));
        markdown.Output.Should().Contain("## Textos para el paciente (es)")
            .And.ContainAll(spanish.Rules.Select(r => $"| `{r.Id}` | {r.Title.Replace("|", "\\|", StringComparison.Ordinal)} |"))
            .And.ContainAll(spanish.Questions.Select(q => q.Text.Replace("|", "\\|", StringComparison.Ordinal)));
    }

    private static HostRun Interview(string[] args, params string[] replies) =>
        Run(args, string.Concat(replies.Select(r => r + "\n")));

    private static string Number(string prompt) => prompt[..(prompt.IndexOf(']', StringComparison.Ordinal) + 1)];

    private static List<string> Prompts(HostRun run) => run.OutputLines.Where(l => l.StartsWith('[')).ToList();

    /// <summary>The result's first line: the level, its code and the timeframe.</summary>
    private static string Headline(HostRun run) => run.OutputLines.First(l => l.Contains("(code ", StringComparison.Ordinal) || l.Contains("(código ", StringComparison.Ordinal));

    /// <summary>The Spanish headline of an English one, by its code (the names and timeframes are the console's).</summary>
    private static string SpanishHeadlineOf(string english)
    {
        var code = int.Parse(english[(english.IndexOf("(code ", StringComparison.Ordinal) + "(code ".Length)..].Split(')')[0], CultureInfo.InvariantCulture);
        var urgency = (SpineTriage.Results.Urgency)code;
        var spanish = SpineTriage.Texts.TextRegistry.For(SpineTriage.Texts.TextLanguages.Spanish);
        return $"{SpineTriage.Serialization.TriageText.UrgencyName(spanish, urgency)} (código {code}): {spanish.Timeframe(urgency)}";
    }

    /// <summary>The rule ids of the findings, from lines like <c>1. Title [urgent, rule wound-bleeding]</c>.</summary>
    private static List<string> RuleIds(HostRun run, string word) =>
        run.OutputLines.Where(l => l.EndsWith(']') && l.Contains($", {word} ", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf($", {word} ", StringComparison.Ordinal) + word.Length + 3)..^1]).ToList();

    private static List<string> Ids(JsonNode findings) => [.. findings.AsArray().Select(f => f!["ruleId"]!.GetValue<string>())];

    private static List<string> Codes(string errorJson) =>
        [.. JsonNode.Parse(errorJson)!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    private static string SpanishDisposition(string urgency) =>
        SpanishCatalogue.Value.RootElement.GetProperty("texts").GetProperty($"disposition.{urgency}").GetString()!
            .Replace("{emergencyNumber}", "911", StringComparison.Ordinal); // the engine's default number

    private static readonly Lazy<JsonDocument> SpanishCatalogue = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "src", "SpineTriage", "Texts", "es.json"))));
}
