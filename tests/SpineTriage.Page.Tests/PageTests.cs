using FluentAssertions;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// The patient page (docs/page.md, issue 14) in a real browser against the real server: the six scenarios of the issue,
/// with axe, the heading rules, 360 px reflow and a screenshot on every kind of screen (PageSession.CheckScreenAsync).
/// </summary>
public sealed class PageTests(PageServer server) : IClassFixture<PageServer>
{
    [ChromiumFact]
    public async Task a_Bladder_control_lost_at_the_first_question_gives_Emergency_after_one_question_with_the_instruction_first()
    {
        await using var session = await PageSession.OpenAsync(server, "a-emergency", 360);
        await session.StartAsync();
        await session.ClickAsync("Neck included");
        (await session.Main.GetAttributeAsync("data-item")).Should().Be("bladderOrBowelControlLoss");
        (await session.Heading.InnerTextAsync()).Should().StartWith("Question 1", "the question number is read with the question");
        (await session.MainTextAsync()).Should().Contain("Warning sign");
        await session.ClickAsync("Yes");

        (await session.ScreenAsync()).Should().Be("result");
        (await session.Main.GetAttributeAsync("data-answered")).Should().Be("1", "the emergency is settled after one question");
        (await session.Heading.InnerTextAsync()).Should().Be(PageSession.ResultHeading("en", "emergency"));
        var order = await session.Page.EvaluateAsync<string[]>("[...document.querySelectorAll('main h1, main .disposition, main h2')].map(e => e.tagName)");
        order.Take(2).Should().Equal(["H1", "P"], "the instruction comes first, before any explanation");
        await session.ShouldShowTheWholeResultAsync();
        (await session.MainTextAsync()).Should().Contain(PageSession.Texts("en")["rule.cauda-equina.patientExplanation"]!.GetValue<string>()[..60]);
        session.ShouldHaveNoProblems();
        Copy(session, "result-en-emergency", "page-result-360.png");
    }

    [ChromiumFact]
    public async Task b_Neck_not_included_every_answer_no_pain_2_and_no_temperature_gives_self_care_and_stores_nothing()
    {
        await using var session = await PageSession.OpenAsync(server, "b-self-care", 1280);
        var document = await session.Page.APIRequest.GetAsync(server.Address.ToString());
        document.Headers["content-security-policy"].Should().Contain("default-src 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe-inline");
        await session.StartAsync();
        await session.ClickAsync("Neck not included");
        (await session.ScreenAsync()).Should().Be("back");
        await session.ClickAsync("Lower back");
        var asked = new List<string>();
        var steps = await session.AnswerUntilResultAsync(item =>
        {
            asked.Add(item);
            return "No";
        });

        steps.Should().BeGreaterThan(20, "every question that applies is asked when everything is no");
        asked.Should().NotContain(["neckSwellingOrAirway", "newSwallowingDifficulty"], "the neck questions do not apply after lower-back surgery");
        (await session.Heading.InnerTextAsync()).Should().Be(PageSession.ResultHeading("en", "selfCare"));
        await session.ShouldShowTheWholeResultAsync();
        (await session.Page.EvaluateAsync<int>("localStorage.length + sessionStorage.length + document.cookie.length")).Should().Be(0);
        (await session.Page.Context.CookiesAsync()).Should().BeEmpty();
        session.ShouldHaveNoProblems();
        Copy(session, "question-en", "page-question-1280.png");
        Copy(session, "result-en-selfCare", "page-result-1280.png");
    }

    [ChromiumFact]
    public async Task c_Dont_know_to_a_red_flag_gives_Urgent_and_names_the_unanswered_question()
    {
        await using var session = await PageSession.OpenAsync(server, "c-dont-know", 360);
        await session.StartAsync();
        await session.ClickAsync("Not sure");
        var first = session.LastStep!["next"]!["lead"]!.GetValue<string>();
        await session.ClickAsync("Don't know");
        await session.AnswerUntilResultAsync(_ => "No");

        (await session.Heading.InnerTextAsync()).Should().StartWith("Urgent: ");
        var unanswered = session.Page.GetByRole(AriaRole.Region, new() { Name = "Questions you did not answer" });
        (await unanswered.InnerTextAsync()).Should().Contain(first);
        await session.ShouldShowTheWholeResultAsync();
        session.ShouldHaveNoProblems();
        Copy(session, "question-en-redflag", "page-question-360.png");
    }

    [ChromiumFact]
    public async Task d_Back_changes_an_earlier_answer_and_the_outcome()
    {
        await using var session = await PageSession.OpenAsync(server, "d-back", 1280);
        await session.StartAsync();
        await session.ClickAsync("Neck included");
        await session.ClickAsync("Yes");
        (await session.Heading.InnerTextAsync()).Should().StartWith("Emergency: ");

        await session.ClickAsync("Back");
        (await session.Main.GetAttributeAsync("data-item")).Should().Be("bladderOrBowelControlLoss");
        (await session.MainTextAsync()).Should().Contain("Your earlier answer: Yes");
        await session.ClickAsync("No");
        (await session.Main.GetAttributeAsync("data-item")).Should().NotBe("bladderOrBowelControlLoss");
        await session.ClickAsync("Back");
        await session.ClickAsync("Back");
        (await session.ScreenAsync()).Should().Be("neck", "Back from the first question returns to the neck question");
        await session.ClickAsync("Neck included");
        await session.ClickAsync("No");
        await session.AnswerUntilResultAsync(_ => "No");

        (await session.Heading.InnerTextAsync()).Should().Be(PageSession.ResultHeading("en", "selfCare"));
        session.LastStep!["result"]!["urgency"]!.GetValue<string>().Should().Be("selfCare");
        session.ShouldHaveNoProblems();
    }

    [ChromiumFact]
    public async Task e_The_whole_interview_works_with_the_keyboard_alone()
    {
        await using var session = await PageSession.OpenAsync(server, "e-keyboard", 360);
        var keyboard = session.Page.Keyboard;
        var date = DateTime.Now.Date.AddDays(-20);
        await TabToAsync(session, "input");
        await keyboard.TypeAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await PressOnAsync(session, "Start");
        await PressOnAsync(session, "Not sure");
        for (var screen = await session.ScreenAsync(); screen != "result"; screen = await session.ScreenAsync())
        {
            (await session.Page.EvaluateAsync<string>("document.activeElement.tagName")).Should().Be("H1", "each new screen starts at its heading");
            if (screen == "temperature")
            {
                await TabToAsync(session, "input");
                await keyboard.TypeAsync("98.6"); // the en-US page proposes Fahrenheit
                var before = await session.RenderCountAsync();
                await keyboard.PressAsync("Enter");
                await session.NextScreenAsync(before);
            }
            else
            {
                await PressOnAsync(session, screen == "painScore" ? "3" : "No");
            }
        }

        (await session.Heading.InnerTextAsync()).Should().Be(PageSession.ResultHeading("en", "selfCare"));
        session.LastStep!["result"]!["urgency"]!.GetValue<string>().Should().Be("selfCare");
        await session.ShouldShowTheWholeResultAsync();
        session.ShouldHaveNoProblems();
    }

    [ChromiumFact]
    public async Task f_The_page_and_the_interview_are_in_Spanish_after_the_language_switch()
    {
        var texts = PageSession.Texts("es");
        await using var session = await PageSession.OpenAsync(server, "f-spanish", 1280);
        var before = await session.RenderCountAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await session.NextScreenAsync(before);
        (await session.Page.EvaluateAsync<string>("document.documentElement.lang")).Should().Be("es");
        await session.StartAsync("Fecha de su operación", "Empezar");
        await session.ClickAsync("Incluyó el cuello");
        (await session.Heading.Locator(".question-text").InnerTextAsync()).Should().Be(texts["question.bladderOrBowelControlLoss.text"]!.GetValue<string>());
        (await session.Heading.InnerTextAsync()).Should().StartWith("Pregunta 1");
        (await session.MainTextAsync()).Should().Contain("Señal de alarma");
        await session.ClickAsync("Sí");

        (await session.Heading.InnerTextAsync()).Should().StartWith("Emergencia: ");
        (await session.MainTextAsync()).Should().Contain(texts["disposition.emergency"]!.GetValue<string>().Replace("{emergencyNumber}", "911", StringComparison.Ordinal));
        await session.ShouldShowTheWholeResultAsync();
        session.LastStep!["result"]!["textSet"]!["language"]!.GetValue<string>().Should().Be("es");

        before = await session.RenderCountAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await session.NextScreenAsync(before);
        (await session.Heading.InnerTextAsync()).Should().Be(PageSession.ResultHeading("en", "emergency"), "switching back words the same result in English");
        session.ShouldHaveNoProblems();
    }

    [ChromiumFact]
    public async Task g_At_200_percent_text_on_a_320_px_phone_every_screen_fits_and_the_answers_are_grouped_with_their_question()
    {
        // PageSession checks on every kind of screen, at 100 % and 200 % text: no sideways scrolling, axe, 44 × 44 px targets.
        await using var session = await PageSession.OpenAsync(server, "g-320", 320);
        await session.StartAsync();
        (await session.Page.GetByRole(AriaRole.Group, new() { Name = "Did your operation include any part of your neck?" }).GetByRole(AriaRole.Button).CountAsync())
            .Should().Be(3, "the three choices are a group named by the question");
        await session.ClickAsync("Neck not included");
        await session.ClickAsync("Lower back");
        var question = await session.Heading.Locator(".question-text").InnerTextAsync();
        var heading = session.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Question 1 {question}" });
        (await heading.CountAsync()).Should().Be(1, "the question number is part of the heading's accessible name");
        var answers = session.Page.GetByRole(AriaRole.Group, new() { Name = question });
        (await answers.GetByRole(AriaRole.Button).AllInnerTextsAsync()).Should().Equal(["Yes", "No", "Don't know"]);
        await session.AnswerUntilResultAsync(_ => "No");
        session.ShouldHaveNoProblems();
    }

    /// <summary>Presses Tab until the focused element is a button named <paramref name="name"/> (or the element <c>input</c>), at most 40 times.</summary>
    private static async Task TabToAsync(PageSession session, string name)
    {
        for (var i = 0; i < 40; i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            var focused = await session.Page.EvaluateAsync<string>("(document.activeElement.tagName === 'INPUT' && document.activeElement.type !== 'radio') ? 'input' : document.activeElement.textContent.trim()");
            if (focused == name)
            {
                return;
            }
        }

        throw new InvalidOperationException($"'{name}' cannot be reached with the Tab key.");
    }

    private static async Task PressOnAsync(PageSession session, string name)
    {
        await TabToAsync(session, name);
        var before = await session.RenderCountAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await session.NextScreenAsync(before);
    }

    /// <summary>With UPDATE_DOCS=1, copies a screenshot of this run into docs/images.</summary>
    private static void Copy(PageSession session, string key, string target)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            var folder = Path.Combine(Repository.Root, "docs", "images");
            Directory.CreateDirectory(folder);
            File.Copy(session.ScreenshotPath(key), Path.Combine(folder, target), overwrite: true);
        }
    }
}
