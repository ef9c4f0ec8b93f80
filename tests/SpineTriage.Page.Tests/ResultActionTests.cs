using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 23, item 5: a result the patient can act on and show: a tap-to-call link (911 by default on an emergency, the
/// surgeon's team's number when configured on urgent and soon), no lower finding's words under "call now", a clean
/// high-contrast printed summary with every answer, and the same summary copied as text.
/// </summary>
public sealed class ResultActionTests(PageServer server) : IClassFixture<PageServer>
{
    public static TheoryData<string> Languages() => new() { "en", "es" };

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task An_emergency_offers_a_call_link_to_911_and_no_lower_finding_and_prints_a_clean_summary(string language)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"emergency-call-{language}", 390, language);
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckIncluded);
        var question = await session.Heading.Locator(".question-text").InnerTextAsync();
        await session.ClickAsync(language == "es" ? "Sí" : "Yes");

        var call = session.Main.GetByRole(AriaRole.Link, new() { Name = language == "es" ? "Llame ya al 911" : "Call 911 now" });
        (await call.GetAttributeAsync("href")).Should().Be("tel:911");
        var box = (await call.BoundingBoxAsync())!;
        box.Height.Should().BeGreaterThanOrEqualTo(44);
        var result = session.LastStep!["result"]!;
        var lower = result["findings"]!.AsArray().Where(f => f!["urgency"]!.GetValue<string>() != "emergency").ToList();
        lower.Should().NotBeEmpty("the settled emergency also has a lower finding (an unasked warning sign)");
        var text = PageSession.Normalize(await session.MainTextAsync());
        foreach (var finding in lower)
        {
            text.Should().NotContain(PageSession.Normalize(finding!["patientExplanation"]!.GetValue<string>()), "an emergency shows no words that ask for more answers");
        }

        await session.ShouldShowTheWholeResultAsync();

        await session.Page.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = language == "es" ? "Imprimir o guardar" : "Print or save" }));
        (await session.Page.EvaluateAsync<int>("window.printed")).Should().Be(1);
        var level = await session.Heading.InnerTextAsync();
        await session.Page.EmulateMediaAsync(new() { Media = Media.Print });
        var summary = session.Page.Locator(".print-summary");
        (await summary.IsVisibleAsync()).Should().BeTrue();
        (await session.Page.Locator(".verdict").IsVisibleAsync()).Should().BeFalse("only the summary is printed");
        var printed = await summary.InnerTextAsync();
        printed.Should().Contain(level).And.Contain(question).And.Contain(language == "es" ? "Sí" : "Yes")
            .And.Contain(DateTime.Now.Date.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain(result["disposition"]!.GetValue<string>())
            .And.Contain(language == "es" ? "Revisado el " : "Checked on ", "the summary says when the check was made")
            .And.Contain(result["findings"]!.AsArray().First(f => f!["urgency"]!.GetValue<string>() == "emergency")!["patientExplanation"]!.GetValue<string>());
        foreach (var line in result["safetyNet"]!.AsArray())
        {
            PageSession.Normalize(printed).Should().Contain(PageSession.Normalize(line!.GetValue<string>()), "the printed summary holds the safety net");
        }

        (await session.Page.Locator(".print-level").EvaluateAsync<string>("e => getComputedStyle(e).color")).Should().Be("rgb(0, 0, 0)", "the printed urgency is black on white");
        (await session.Page.Locator(".print-level").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).Should().Be("rgb(255, 255, 255)");
        await session.Page.EmulateMediaAsync(new() { Media = Media.Screen });
        session.ShouldHaveNoProblems();
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task An_urgent_result_offers_the_care_teams_number_and_copies_the_summary_as_text(string language)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"urgent-call-{language}", 390, language);
        await session.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckIncluded);
        await session.ClickAsync(PageSession.Text(language, "label.answer.unknown"));
        await session.AnswerUntilResultAsync(_ => words.No, words.NotMeasured);
        session.LastStep!["result"]!["urgency"]!.GetValue<string>().Should().Be("urgent");

        var call = session.Main.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"\+1 555 0100$") });
        (await call.GetAttributeAsync("href")).Should().Be("tel:+15550100");

        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = language == "es" ? "Copiar como texto" : "Copy as text" }));
        await session.Page.Locator("#copy-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(".+") }).WaitForAsync();
        var copied = await session.Page.EvaluateAsync<string>("navigator.clipboard.readText()");
        copied.Should().Contain(await session.Heading.InnerTextAsync()).And.Contain(PageServer.CareTeamNumber)
            .And.Contain(PageSession.Text(language, "label.answer.unknown"));
        session.ShouldHaveNoProblems();
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task A_routine_result_offers_no_call_and_a_soon_result_the_care_teams_number_both_checked_by_axe_at_200_percent(string language)
    {
        // At 320 px, where PageSession checks each result level with axe at 100 % and 200 % text, with no sideways scrolling.
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"soon-routine-{language}", 320, language);
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckNotIncluded);
        await session.ClickAsync(words.LowerBack);
        Func<string, string> replies = item => item == "localizedTenderness" ? words.Yes : words.No;
        await session.AnswerUntilResultAsync(replies, words.NotMeasured);
        (await session.Main.GetAttributeAsync("data-level")).Should().Be("routine");
        (await session.Heading.InnerTextAsync()).Should().Be(PageSession.ResultHeading(language, "routine"));
        (await session.Main.GetByRole(AriaRole.Link).CountAsync()).Should().Be(0, "a routine result asks for no call");
        await session.ShouldShowTheWholeResultAsync();

        // Back to the pain score, now 9: severe pain, soon.
        for (var i = 0; i < 40 && await session.ScreenAsync() != "painScore"; i++)
        {
            await session.ClickAsync(words.Back);
        }

        await session.ClickAsync("9");
        await session.AnswerUntilResultAsync(replies, words.NotMeasured);
        (await session.Main.GetAttributeAsync("data-level")).Should().Be("soon");
        (await session.Heading.InnerTextAsync()).Should().StartWith(language == "es" ? "Pronto: " : "Soon: ");
        var call = session.Main.GetByRole(AriaRole.Link);
        (await call.GetAttributeAsync("href")).Should().Be("tel:+15550100", "a soon result offers the surgeon's team's number when the deployment gives one");
        (await call.InnerTextAsync()).Should().EndWith(PageServer.CareTeamNumber);
        await session.ShouldShowTheWholeResultAsync();
        session.ShouldHaveNoProblems();
    }

    [ChromiumFact]
    public async Task A_language_switch_on_a_result_rewords_it_and_its_unanswered_question_without_a_second_audit_record()
    {
        var spanish = PageSession.Texts("es");
        await using var session = await PageSession.OpenInAsync(server, "audit-once", 390, "en");
        await session.StartAsync();
        await session.ClickAsync("Neck included");
        await session.ClickAsync("Don't know");
        await session.AnswerUntilResultAsync(_ => "No");
        (await session.Heading.InnerTextAsync()).Should().StartWith("Urgent: ");
        var records = AuditRecords();
        var sent = session.ReportsSent.Count;

        var before = await session.RenderCountAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await session.NextScreenAsync(before);
        (await session.Heading.InnerTextAsync()).Should().StartWith("Urgente: ");
        var unanswered = session.Main.Locator(".unanswered li");
        (await unanswered.InnerTextAsync()).Should().StartWith(spanish["question.bladderOrBowelControlLoss.text"]!.GetValue<string>(), "the unanswered question is worded in Spanish too (its lead, then its signs)");
        (await unanswered.GetAttributeAsync("lang")).Should().BeNull();
        await session.ShouldShowTheWholeResultInAsync("es");

        before = await session.RenderCountAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await session.NextScreenAsync(before);
        (await session.Heading.InnerTextAsync()).Should().StartWith("Urgent: ");
        session.ReportsSent.Should().HaveCount(sent, "a language switch on a result asks the service nothing");
        AuditRecords().Should().Be(records, "one triage, one audit record, whatever the language switches");
        session.ShouldHaveNoProblems();
    }

    private int AuditRecords()
    {
        server.Services.GetRequiredService<SpineTriage.Server.Operations.AuditLog>().WaitForWrites(TimeSpan.FromSeconds(30)).Should().BeTrue();
        return File.Exists(server.AuditPath) ? File.ReadAllLines(server.AuditPath).Length : 0;
    }
}
