using FluentAssertions;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 23, item 2: nothing is lost silently. Every screen is a browser history entry: the browser's Back and Forward
/// go from question to question with the answers kept in memory; a reload asks first; the result stays until Start again.
/// </summary>
public sealed class HistoryTests(PageServer server) : IClassFixture<PageServer>
{
    public static TheoryData<string> Languages() => new() { "en", "es" };

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task Browser_back_and_forward_go_from_question_to_question_with_the_answers_kept_and_a_reload_asks_first(string language)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"history-{language}", 360, language);
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckIncluded);
        var first = await session.Main.GetAttributeAsync("data-item");
        await session.ClickAsync(words.No);
        var second = await session.Main.GetAttributeAsync("data-item");
        await session.ClickAsync(words.No);
        var third = await session.Main.GetAttributeAsync("data-item");

        await HistoryAsync(session, "back");
        (await session.Main.GetAttributeAsync("data-item")).Should().Be(second, "the browser's Back goes to the previous question");
        (await session.MainTextAsync()).Should().Contain(language == "es" ? "Su respuesta anterior: No" : "Your earlier answer: No");
        await HistoryAsync(session, "back");
        (await session.Main.GetAttributeAsync("data-item")).Should().Be(first);
        await HistoryAsync(session, "back");
        (await session.ScreenAsync()).Should().Be("neck");
        await HistoryAsync(session, "forward");
        await HistoryAsync(session, "forward");
        await HistoryAsync(session, "forward");
        (await session.Main.GetAttributeAsync("data-item")).Should().Be(third, "Forward returns with the answers kept");
        await session.ClickAsync(words.No);
        session.ReportsSent.Last()["answers"]!.AsObject().Select(a => a.Key).Should().Equal(first, second, third);

        var dialogs = new List<string>();
        session.Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };
        var item = await session.Main.GetAttributeAsync("data-item");
        var reload = async () => await session.Page.ReloadAsync(new() { Timeout = 3000 });
        await reload.Should().ThrowAsync<TimeoutException>("the patient chose to stay");
        dialogs.Should().Equal(["beforeunload"], "a reload mid-interview asks for confirmation");
        (await session.Main.GetAttributeAsync("data-item")).Should().Be(item, "the interview is still there");
        (await session.Page.EvaluateAsync<string>("JSON.stringify(history.state)")).Should().NotContain(item!, "no patient data in the history entry");
        session.Page.Url.Should().Be(server.Address.ToString(), "no patient data in the address");
        session.ShouldHaveNoProblems();
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task The_result_stays_until_start_again_and_back_from_it_shows_the_last_question(string language)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"history-result-{language}", 360, language);
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckIncluded);
        await session.ClickAsync(language == "es" ? "Sí" : "Yes");
        (await session.ScreenAsync()).Should().Be("result");
        var heading = await session.Heading.InnerTextAsync();

        await HistoryAsync(session, "back");
        (await session.Main.GetAttributeAsync("data-item")).Should().Be("bladderOrBowelControlLoss");
        await HistoryAsync(session, "forward");
        (await session.ScreenAsync()).Should().Be("result");
        (await session.Heading.InnerTextAsync()).Should().Be(heading, "the result comes back as it was");

        await session.ClickAsync(language == "es" ? "Volver a empezar" : "Start again");
        (await session.ScreenAsync()).Should().Be("date");
        (await session.Page.GetByLabel(words.DateLabel).InputValueAsync()).Should().BeEmpty("Start again forgets the last patient");
        session.ShouldHaveNoProblems();
    }

    private static async Task HistoryAsync(PageSession session, string direction)
    {
        var before = await session.RenderCountAsync();
        await session.Page.EvaluateAsync($"() => history.{direction}()");
        await session.NextScreenAsync(before);
    }
}
