using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 27 item 4, the page's side: when the interview step gives a question's <c>lead</c>, <c>signs</c> and answer
/// <c>hint</c>, the page shows the lead in the heading and each sign as an item of a list under it, with the hint, and
/// the answers stay a group named by the lead and the signs. The service's steps are given these fields here by the
/// test (the step contract adds them, issue 27 item 2); a step without them shows its <c>text</c>, as every other test does.
/// </summary>
public sealed class SignsTests(PageServer server) : IClassFixture<PageServer>
{
    [ChromiumFact]
    public async Task A_question_with_signs_shows_its_lead_and_each_sign_as_a_list_item_with_the_answer_hint()
    {
        var words = Words.Of("en");
        await using var session = await PageSession.OpenAsync(server, "signs", 390);
        await session.Page.RouteAsync("**/page/interview/next", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!.AsObject();
            if (body["next"] is JsonObject next && next["kind"]!.GetValue<string>() == "question")
            {
                next["lead"] = "Do you have any of these signs?";
                next["signs"] = new JsonArray("The first sign.", "The second sign.");
                next["hint"] = "Answer yes if any of these is true.";
            }

            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });

        await session.StartAsync(words.DateLabel, words.Start);
        if (await session.ScreenAsync() == "neck")
        {
            await session.ClickAsync(words.NeckIncluded);
        }

        (await session.ScreenAsync()).Should().Be("question");
        (await session.Heading.Locator(".question-text").InnerTextAsync()).Should().Be("Do you have any of these signs?");
        (await session.Main.Locator("ul#question-signs > li").AllInnerTextsAsync()).Should().Equal("The first sign.", "The second sign.");
        (await session.Main.Locator("#question-hint").InnerTextAsync()).Should().Be("Answer yes if any of these is true.");
        var answers = session.Page.GetByRole(AriaRole.Group, new() { Name = "Do you have any of these signs? The first sign. The second sign." });
        (await answers.GetByRole(AriaRole.Button).CountAsync()).Should().Be(3, "the answers are a group named by the lead and its signs");
        session.ShouldHaveNoProblems();
    }
}
