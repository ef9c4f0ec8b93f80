using System.Net;
using FluentAssertions;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using SpineTriage.Engine;
using SpineTriage.Fhir;
using SpineTriage.Interview;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Testing;
using SpineTriage.Texts;
using static SpineTriage.Server.Tests.Fhir.FhirResources;
using Task = System.Threading.Tasks.Task;

namespace SpineTriage.Server.Tests.Fhir;

public sealed class FhirApiTests
{
    private const string FhirJson = "application/fhir+json";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_CapabilityStatement_declares_its_security_with_CORS_on_exactly_when_an_origin_is_configured(bool originConfigured)
    {
        var settings = new Dictionary<string, string?>();
        if (originConfigured)
        {
            settings["Cors:AllowedOrigins:0"] = "https://ehr.example.org";
        }

        using var factory = new ServerFactory(settings);
        using var client = factory.CreateClient();

        var capability = Parse<CapabilityStatement>(await client.GetStringAsync("/fhir/metadata"));
        var byId = Parse<CapabilityStatement>(await client.GetStringAsync("/fhir/CapabilityStatement/spinetriage-server"));

        var security = capability.Rest.Single().Security;
        security.Should().NotBeNull();
        security.Cors.Should().Be(originConfigured);
        security.Description.Should().Contain("gateway").And.Contain("Cors:AllowedOrigins");
        byId.Rest.Single().Security!.Cors.Should().Be(originConfigured);
    }

    [Fact]
    public async Task Metadata_is_a_CapabilityStatement_listing_the_resources_and_operations_whose_definitions_are_published()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/fhir/metadata");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(FhirJson);
        var capability = Parse<CapabilityStatement>(await response.Content.ReadAsStringAsync());
        capability.FhirVersion.Should().Be(FHIRVersion.N4_0_1);
        var resources = capability.Rest.Single().Resource;
        resources.Select(r => r.Type).Should().BeEquivalentTo(["Questionnaire", "QuestionnaireResponse", "CodeSystem", "ConceptMap", "PlanDefinition", "NamingSystem", "CapabilityStatement", "OperationDefinition"]);
        var operations = resources.SelectMany(r => r.Operation).ToList();
        operations.Select(o => o.Name).Should().BeEquivalentTo(["next-question", "triage"]);
        foreach (var operation in operations)
        {
            var definitionUrl = operation.Definition!;
            var id = definitionUrl[(definitionUrl.LastIndexOf('/') + 1)..];
            using var definition = await client.GetAsync("/fhir/OperationDefinition/" + id);
            definition.StatusCode.Should().Be(HttpStatusCode.OK);
            var published = Parse<OperationDefinition>(await definition.Content.ReadAsStringAsync());
            published.Url.Should().Be(operation.Definition);
            published.Code.Should().Be(operation.Name);
            published.Parameter.Should().Contain(p => p.Name == "questionnaire-response" && p.Use == OperationParameterUse.In);
        }
    }

    [Fact]
    public async Task The_Questionnaire_is_the_mapping_of_the_service_rule_set_and_an_unknown_id_is_a_404_OperationOutcome()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSet"] = RuleSets.V1 });
        using var client = factory.CreateClient();
        var mapping = new TriageFhir(new TriageEngine(TriageEngineOptions.Default with { RuleSet = RuleSets.V1 }));

        using var response = await client.GetAsync("/fhir/Questionnaire/spinetriage");
        using var unknown = await client.GetAsync("/fhir/Questionnaire/other");
        using var codeSystem = await client.GetAsync("/fhir/CodeSystem/urgency");
        using var unknownDefinition = await client.GetAsync("/fhir/OperationDefinition/other");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var questionnaire = Parse<Questionnaire>(await response.Content.ReadAsStringAsync());
        questionnaire.Version.Should().Be(mapping.Engine.RuleSet.Version);
        questionnaire.Item.Select(i => i.LinkId).Should().Equal(mapping.LinkIds);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.Should().Be(FhirJson);
        Issues(await unknown.Content.ReadAsStringAsync()).Should().Equal([((string?)null, "unknownResource")]);
        Parse<CodeSystem>(await codeSystem.Content.ReadAsStringAsync()).Concept.Should().HaveCount(5);
        unknownDefinition.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Triage_of_a_response_reporting_loss_of_bladder_control_is_a_GuidanceResponse_with_a_stat_ServiceRequest_and_the_text_set_hash()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(BladderControlLoss()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(FhirJson);
        var guidance = Parse<GuidanceResponse>(await response.Content.ReadAsStringAsync());
        Urgency(guidance).Should().Be("emergency");
        guidance.Contained.OfType<ServiceRequest>().Single().Priority.Should().Be(RequestPriority.Stat);
        guidance.Subject!.Reference.Should().Be("Patient/example");
        var engine = new TriageEngine();
        guidance.Contained.OfType<Parameters>().Single().GetSingleValue<FhirString>("textSetHash")!.Value.Should().Be(engine.TextSet.Hash);
        factory.AuditLines.Should().ContainSingle("a FHIR triage is audited like every triage");
    }

    [Fact]
    public async Task Triage_accepts_the_response_inside_Parameters_and_refuses_Parameters_without_it()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var wrapped = new Parameters();
        wrapped.Add("questionnaire-response", Parse<QuestionnaireResponse>(BladderControlLoss()));

        using var accepted = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(wrapped));
        using var refused = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content("""{"resourceType":"Parameters","parameter":[{"name":"other","valueString":"x"}]}"""));

        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        Urgency(Parse<GuidanceResponse>(await accepted.Content.ReadAsStringAsync())).Should().Be("emergency");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Issues(await refused.Content.ReadAsStringAsync()).Should().Equal([("Parameters.parameter.where(name='questionnaire-response')", "required")]);
    }

    public static TheoryData<string, string?, string> BadInput => new()
    {
        { "{\"resourceType\":", null, "malformedJson" },
        { """{"resourceType":"Patient","active":true}""", "Patient", "wrongResourceType" },
        { """{"resourceType":"QuestionnaireResponse"}""", null, "invalidResource" },
        { """{"resourceType":"QuestionnaireResponse","status":"finished-maybe"}""", "QuestionnaireResponse.status", "invalidResource" },
        { BladderControlLoss(""",{"linkId":"noSuchQuestion","answer":[{"valueBoolean":true}]}"""), "QuestionnaireResponse.item.where(linkId='noSuchQuestion')", "unknownQuestion" },
        { BladderControlLoss(""",{"linkId":"it's \\ odd","answer":[{"valueBoolean":true}]}"""), "QuestionnaireResponse.item.where(linkId='it\\'s \\\\ odd')", "unknownQuestion" },
        { """{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"fever","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA33-6"}}]}]}""", "QuestionnaireResponse.item.where(linkId='surgeryDate')", "required" },
        { BladderControlLoss(""",{"linkId":"painScore","answer":[{"valueString":"seven"}]}"""), "QuestionnaireResponse.item.where(linkId='painScore')", "wrongType" },
        // The same input rules as /api: a temperature never rounded into a fever, dates, a key never given twice.
        { BladderControlLoss(""",{"linkId":"temperature","answer":[{"valueQuantity":{"value":37.99999999999999999999999999999,"system":"http://unitsofmeasure.org","code":"Cel"}}]}"""), "QuestionnaireResponse.item.where(linkId='temperature')", "tooPrecise" },
        { BladderControlLoss(""",{"linkId":"temperature","answer":[{"valueQuantity":{"value":3799999999999999999999999999999e-29,"system":"http://unitsofmeasure.org","code":"Cel"}}]}"""), "QuestionnaireResponse.item.where(linkId='temperature')", "tooPrecise" },
        { BladderControlLoss().Replace(Today(-10), "1899-12-31", StringComparison.Ordinal), "QuestionnaireResponse.item.where(linkId='surgeryDate')", "outOfRange" },
        { BladderControlLoss().Replace(Today(-10), "2026-02-30", StringComparison.Ordinal), "QuestionnaireResponse.item[0].answer[0].value", "invalidResource" }, // refused by the FHIR parser
        { BladderControlLoss().Replace(Today(-10), Today(3), StringComparison.Ordinal), "QuestionnaireResponse.item.where(linkId='surgeryDate')", "dateOrder" },
        { BladderControlLoss().Replace("\"status\":\"completed\"", "\"status\":\"completed\",\"status\":\"entered-in-error\"", StringComparison.Ordinal), "QuestionnaireResponse.status", "duplicateKey" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Every_error_of_a_triage_request_is_a_400_OperationOutcome_naming_its_FHIRPath_and_code(string body, string? path, string code)
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be(FhirJson);
        var outcome = Parse<OperationOutcome>(await response.Content.ReadAsStringAsync());
        outcome.Issue.Should().OnlyContain(i => i.Severity == OperationOutcome.IssueSeverity.Error && i.Details!.Coding.Single().System == FhirOptions.DefaultCanonicalBase + "/CodeSystem/error-code");
        Issues(await response.Content.ReadAsStringAsync()).Should().Contain((path, code));
        if (path is not null)
        {
            new Hl7.FhirPath.FhirPathCompiler().Invoking(c => c.Compile(path)).Should().NotThrow("the expression is FHIRPath");
        }

        factory.AuditLines.Should().BeEmpty();
    }

    [Fact]
    public async Task The_expression_of_an_error_in_a_response_inside_Parameters_is_FHIRPath_from_the_Parameters_that_selects_the_item()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var wrapped = new Parameters();
        wrapped.Add("questionnaire-response", Parse<QuestionnaireResponse>(BladderControlLoss(""",{"linkId":"painScore","answer":[{"valueString":"seven"}]}""")));

        using var response = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(wrapped));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var expression = Issues(await response.Content.ReadAsStringAsync()).Single().Path!;
        expression.Should().Be("Parameters.parameter.where(name='questionnaire-response').resource.item.where(linkId='painScore')");
        var selected = wrapped.Select(expression).Should().ContainSingle().Which;
        selected.Should().BeOfType<QuestionnaireResponse.ItemComponent>().Which.LinkId.Should().Be("painScore");
    }

    [Fact]
    public async Task Every_canonical_URL_the_service_emits_under_its_canonical_base_resolves_on_the_service_to_the_resource_it_names()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var canonicalBase = FhirOptions.DefaultCanonicalBase;
        var identified = Parse<QuestionnaireResponse>(BladderControlLoss());
        identified.Identifier = new Identifier(canonicalBase + "/NamingSystem/report-id", "report-1");

        var emitted = new List<string>();
        foreach (var path in ServedPaths)
        {
            emitted.Add(await client.GetStringAsync("/fhir/" + path));
        }

        using (var triage = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(identified)))
        {
            emitted.Add(await triage.Content.ReadAsStringAsync());
        }

        using (var next = await client.PostAsync("/fhir/Questionnaire/$next-question", Content("""{"resourceType":"QuestionnaireResponse","status":"in-progress"}""")))
        {
            emitted.Add(await next.Content.ReadAsStringAsync());
        }

        var canonicals = emitted.SelectMany(json => Strings(System.Text.Json.JsonDocument.Parse(json).RootElement))
            .Where(s => s.StartsWith(canonicalBase + "/", StringComparison.Ordinal))
            .Select(s => s.Split('|', '#')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();

        canonicals.Should().Contain([canonicalBase + "/PlanDefinition/spinetriage-rule-set", canonicalBase + "/NamingSystem/report-id", canonicalBase + "/Questionnaire/spinetriage", canonicalBase + "/CodeSystem/urgency"]);
        foreach (var canonical in canonicals)
        {
            using var resolved = await client.GetAsync("/fhir" + canonical[canonicalBase.Length..]);
            resolved.StatusCode.Should().Be(HttpStatusCode.OK, canonical);
            var resource = Parse<Resource>(await resolved.Content.ReadAsStringAsync());
            resource.Select("url | uniqueId.value").OfType<PrimitiveType>().Select(p => p.ToString()).Should().Contain(canonical);
        }
    }

    [Fact]
    public async Task Every_resource_the_service_serves_has_a_generated_narrative_in_an_xhtml_div()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var served = new List<Resource>();
        foreach (var path in ServedPaths.Append("Questionnaire?url=" + Uri.EscapeDataString(FhirOptions.DefaultCanonicalBase + "/Questionnaire/spinetriage")).Append("Questionnaire/other"))
        {
            using var read = await client.GetAsync("/fhir/" + path);
            served.Add(Parse<Resource>(await read.Content.ReadAsStringAsync()));
        }

        foreach (var (operation, body) in new[] { ("QuestionnaireResponse/$triage", BladderControlLoss()), ("Questionnaire/$next-question", """{"resourceType":"QuestionnaireResponse","status":"in-progress"}"""), ("QuestionnaireResponse/$triage", "{}") })
        {
            using var posted = await client.PostAsync("/fhir/" + operation, Content(body));
            served.Add(Parse<Resource>(await posted.Content.ReadAsStringAsync()));
        }

        var resources = served.SelectMany(r => r is Bundle bundle ? bundle.Entry.Select(e => e.Resource).OfType<Resource>() : [r]).ToList();
        resources.Select(r => r.TypeName).Should().Contain(["CapabilityStatement", "Questionnaire", "CodeSystem", "ConceptMap", "PlanDefinition", "NamingSystem", "OperationDefinition", "GuidanceResponse", "QuestionnaireResponse", "OperationOutcome"]);
        foreach (var resource in resources.Cast<DomainResource>())
        {
            resource.Text.Should().NotBeNull(resource.TypeName);
            resource.Text!.Status.Should().Be(Narrative.NarrativeStatus.Generated, resource.TypeName);
            var div = System.Xml.Linq.XElement.Parse(resource.Text.Div!);
            div.Name.Should().Be(System.Xml.Linq.XName.Get("div", "http://www.w3.org/1999/xhtml"));
            div.Value.Trim().Should().NotBeEmpty(resource.TypeName);
        }
    }

    /// <summary>The path under /fhir of every resource the service serves by id.</summary>
    public static IReadOnlyList<string> ServedPaths { get; } =
    [
        "metadata", "CapabilityStatement/spinetriage-server", "Questionnaire/spinetriage", "Questionnaire/spinetriage-es", "ConceptMap/urgency-to-request-priority",
        "PlanDefinition/spinetriage-rule-set", "NamingSystem/report-id", "OperationDefinition/Questionnaire-next-question",
        "OperationDefinition/QuestionnaireResponse-triage", "CodeSystem/surgery-region", "CodeSystem/hardware", "CodeSystem/risk-factor",
        "CodeSystem/urgency", "CodeSystem/override-reason", "CodeSystem/error-code",
    ];

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task Questionnaire_search_by_url_and_version_finds_each_language_s_Questionnaire_only_when_both_match()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var english = Parse<Questionnaire>(await client.GetStringAsync("/fhir/Questionnaire/spinetriage"));
        var spanish = Parse<Questionnaire>(await client.GetStringAsync("/fhir/Questionnaire/spinetriage-es"));

        async Task<Bundle> SearchAsync(string query) => Parse<Bundle>(await client.GetStringAsync("/fhir/Questionnaire?" + query));

        var all = await SearchAsync("");
        var match = await SearchAsync($"url={Uri.EscapeDataString(english.Url!)}&version={english.Version}");
        var spanishMatch = await SearchAsync($"url={Uri.EscapeDataString(spanish.Url!)}");
        var byVersion = await SearchAsync("version=" + english.Version);
        var otherVersion = await SearchAsync($"url={Uri.EscapeDataString(english.Url!)}&version=0.0.1");
        var otherUrl = await SearchAsync("url=" + Uri.EscapeDataString("http://example.org/fhir/Questionnaire/other"));

        (english.Language, spanish.Language).Should().Be(("en", "es"));
        spanish.Url.Should().NotBe(english.Url, "one canonical per language");
        spanish.Version.Should().Be(english.Version);
        all.Type.Should().Be(Bundle.BundleType.Searchset);
        all.Entry.Select(e => ((Questionnaire)e.Resource!).Url).Should().Equal(english.Url, spanish.Url);
        all.Total.Should().Be(2);
        match.Entry.Should().ContainSingle().Which.Resource.Should().BeOfType<Questionnaire>().Which.Language.Should().Be("en");
        spanishMatch.Entry.Should().ContainSingle().Which.Resource.Should().BeOfType<Questionnaire>().Which.Language.Should().Be("es");
        spanishMatch.Entry[0].FullUrl.Should().Be(spanish.Url, "the entry's full URL is the canonical, which resolves on the server");
        byVersion.Entry.Should().HaveCount(2);
        otherVersion.Entry.Should().BeEmpty();
        otherVersion.Total.Should().Be(0);
        otherUrl.Entry.Should().BeEmpty();
        var capability = Parse<CapabilityStatement>(await client.GetStringAsync("/fhir/metadata"));
        var declared = capability.Rest.Single().Resource.Single(r => r.Type == "Questionnaire");
        declared.SearchParam.Select(p => p.Name).Should().Equal("url", "version");
        declared.Documentation.Should().Contain(english.Url).And.Contain(spanish.Url);
    }

    [Fact]
    public async Task A_response_to_the_spanish_questionnaire_without_a_language_is_triaged_in_spanish()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var spanish = BladderControlLoss().Replace("/Questionnaire/spinetriage\"", "/Questionnaire/spinetriage-es\"", StringComparison.Ordinal);
        spanish.Should().Contain("spinetriage-es");

        using var triage = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(spanish));
        using var english = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(BladderControlLoss()));

        triage.StatusCode.Should().Be(HttpStatusCode.OK);
        var guidance = Parse<GuidanceResponse>(await triage.Content.ReadAsStringAsync());
        guidance.Language.Should().Be("es");
        Urgency(guidance).Should().Be("emergency");
        Parse<GuidanceResponse>(await english.Content.ReadAsStringAsync()).Language.Should().Be("en");
    }

    [Fact]
    public async Task Every_kind_of_FHIR_error_carries_a_code_of_the_published_error_code_system()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "12", ["RateLimit:WindowSeconds"] = "600" });
        using var client = factory.CreateClient();
        var codeSystem = Parse<CodeSystem>(await client.GetStringAsync("/fhir/CodeSystem/error-code"));
        var triage = "/fhir/QuestionnaireResponse/$triage";

        var responses = new List<HttpResponseMessage>
        {
            await client.GetAsync("/fhir/Questionnaire/other"), // unknownResource
            await client.PostAsync(triage, Content("{\"resourceType\":")), // malformedJson
            await client.PostAsync(triage, Content("""{"resourceType":"Patient","active":true}""")), // wrongResourceType
            await client.PostAsync(triage, Content("""{"resourceType":"QuestionnaireResponse","status":"maybe"}""")), // invalidResource
            await client.PostAsync(triage, Content(new string(' ', (1024 * 1024) + 1))), // tooLarge
            await client.PostAsync(triage, Content(BladderControlLoss().Replace("\"status\":\"completed\"", "\"status\":\"completed\",\"status\":\"completed\"", StringComparison.Ordinal))), // duplicateKey
            await client.PostAsync(triage, Content(BladderControlLoss(""",{"linkId":"temperature","answer":[{"valueQuantity":{"value":38.001,"system":"http://unitsofmeasure.org","code":"Cel"}}]}"""))), // tooPrecise
            await client.PostAsync(triage, Content("""{"resourceType":"QuestionnaireResponse","status":"entered-in-error"}""")), // enteredInError, required
            await client.PostAsync(triage, Content(BladderControlLoss(""",{"linkId":"noSuchQuestion","answer":[{"valueBoolean":true}]},{"linkId":"painScore","answer":[{"valueInteger":11}]}"""))), // unknownQuestion
            await client.PostAsync(triage, Content(BladderControlLoss(""",{"linkId":"painScore","answer":[{"valueInteger":11}]}"""))), // outOfRange
        };
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await client.GetAsync("/fhir/metadata")); // the last is tooManyRequests
        }

        var codes = new List<string>();
        foreach (var response in responses.Where(r => !r.IsSuccessStatusCode))
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be(FhirJson);
            var codings = Parse<OperationOutcome>(await response.Content.ReadAsStringAsync()).Issue.Select(i => i.Details!.Coding.Single()).ToList();
            codings.Should().OnlyContain(c => c.System == codeSystem.Url && codeSystem.Concept.Any(concept => concept.Code == c.Code), string.Join(", ", codings.Select(c => c.Code)));
            codes.AddRange(codings.Select(c => c.Code!));
            response.Dispose();
        }

        codes.Should().Contain(["unknownResource", "malformedJson", "wrongResourceType", "invalidResource", "tooLarge", "duplicateKey", "tooPrecise", "enteredInError", "unknownQuestion", "outOfRange", "tooManyRequests"]);
    }

    [Fact]
    public async Task The_codes_of_an_OperationOutcome_are_concepts_of_the_error_code_system_the_server_publishes()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var codeSystemResponse = await client.GetAsync("/fhir/CodeSystem/error-code");
        using var bad = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(BladderControlLoss(""",{"linkId":"noSuchQuestion","answer":[{"valueBoolean":true}]}""")));

        codeSystemResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        var codeSystem = Parse<CodeSystem>(await codeSystemResponse.Content.ReadAsStringAsync());
        var codings = Parse<OperationOutcome>(await bad.Content.ReadAsStringAsync()).Issue.Select(i => i.Details!.Coding.Single()).ToList();
        codings.Should().NotBeEmpty();
        codings.Should().OnlyContain(c => c.System == codeSystem.Url && codeSystem.Concept.Any(concept => concept.Code == c.Code));
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_a_413_OperationOutcome_on_both_operations()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var big = new string(' ', (1024 * 1024) + 1);

        foreach (var path in new[] { "/fhir/QuestionnaireResponse/$triage", "/fhir/Questionnaire/$next-question" })
        {
            using var response = await client.PostAsync(path, Content(big));
            response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
            Issues(await response.Content.ReadAsStringAsync()).Should().Equal([((string?)null, "tooLarge")]);
        }
    }

    [Fact]
    public async Task The_rate_limit_covers_the_FHIR_endpoints_and_answers_a_429_OperationOutcome()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "1", ["RateLimit:WindowSeconds"] = "600" });
        using var client = factory.CreateClient();

        using var first = await client.GetAsync("/fhir/metadata");
        using var second = await client.GetAsync("/fhir/metadata");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter.Should().NotBeNull();
        Issues(await second.Content.ReadAsStringAsync()).Should().Equal([((string?)null, "tooManyRequests")]);
    }

    [Fact]
    public async Task Next_question_from_an_empty_response_asks_the_first_red_flag_and_followed_to_the_end_gives_the_library_urgency()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var engine = new TriageEngine();
        var interview = new TriageInterview(engine);
        var response = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress };

        var asked = new List<string>();
        for (var step = 0; step < 200; step++)
        {
            using var answer = await client.PostAsync("/fhir/Questionnaire/$next-question", Content(response));
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            response = Parse<QuestionnaireResponse>(await answer.Content.ReadAsStringAsync());
            if (response.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed)
            {
                break;
            }

            var next = response.Contained.OfType<Questionnaire>().Single().Item.Last().LinkId!;
            asked.Add(next);
            response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = next, Answer = [new QuestionnaireResponse.AnswerComponent { Value = AnswerFor(next) }] });
        }

        asked[0].Should().Be(interview.Items[0].JsonName);
        interview.Items[0].IsRedFlag.Should().BeTrue();
        response.Status.Should().Be(QuestionnaireResponse.QuestionnaireResponseStatus.Completed);
        var expected = engine.Triage(new TriageFhir(engine).ReadResponse(response).GetValueOrThrow()).GetValueOrThrow();
        using var triage = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(response));
        Urgency(Parse<GuidanceResponse>(await triage.Content.ReadAsStringAsync())).Should().Be(expected.Urgency.JsonName());
    }

    private static DataType AnswerFor(string linkId) => linkId switch
    {
        "surgeryDate" => new Date(Today(-30)),
        "painScore" => new Integer(3),
        "temperature" => new Quantity(37.1m, "Cel", "http://unitsofmeasure.org"),
        "woundDrainage" => new Coding("http://loinc.org", "LA33-6", "Yes"),
        _ => new Coding("http://loinc.org", "LA32-8", "No"),
    };

    [Fact]
    public async Task Next_question_refuses_a_response_with_an_unknown_linkId_with_a_400_OperationOutcome()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/fhir/Questionnaire/$next-question", Content("""{"resourceType":"QuestionnaireResponse","status":"in-progress","item":[{"linkId":"noSuchQuestion","answer":[{"valueBoolean":true}]}]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Issues(await response.Content.ReadAsStringAsync()).Should().Contain(("QuestionnaireResponse.item.where(linkId='noSuchQuestion')", "unknownQuestion"));
    }

    [Fact]
    public async Task FHIR_triage_returns_the_library_urgency_for_every_shared_case_file_under_its_rule_set()
    {
        var cases = Directory.GetFiles(Repository.PathOf("tests", "SpineTriage.Tests", "TestData", "cases"), "*.json")
            .Concat(Directory.GetFiles(Repository.PathOf("tests", "SpineTriage.Tests", "TestData", "cases-2.0"), "*.json"))
            .Select(f => TriageCase.Parse(File.ReadAllText(f)).GetValueOrThrow())
            .ToList();
        var compared = 0;
        foreach (var selector in RuleSets.Selectors)
        {
            using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSet"] = selector });
            using var client = factory.CreateClient();
            var engine = new TriageEngine(TriageEngineOptions.Default with { RuleSet = selector });
            var mapping = new TriageFhir(engine);
            foreach (var triageCase in cases.Where(c => c.RuleSet == selector))
            {
                // A report that is not even JSON-readable has no QuestionnaireResponse: the JSON API test covers it.
                if (!TriageJson.ParseReport(triageCase.ReportJson).TryGetValue(out var report) || report.ReportId is { Length: 0 })
                {
                    continue;
                }

                var expected = engine.Triage(report);
                using var response = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(mapping.CreateResponse(report)));
                var body = await response.Content.ReadAsStringAsync();
                if (expected.TryGetValue(out var result))
                {
                    response.StatusCode.Should().Be(HttpStatusCode.OK, triageCase.Name);
                    Urgency(Parse<GuidanceResponse>(body)).Should().Be(result.Urgency.JsonName(), triageCase.Name);
                }
                else
                {
                    response.StatusCode.Should().Be(HttpStatusCode.BadRequest, triageCase.Name);
                    Parse<OperationOutcome>(body).Issue.Select(i => i.Details!.Coding.Single().Code)
                        .Should().BeSubsetOf(expected.Errors.Select(e => e.Code), triageCase.Name);
                }

                compared++;
            }
        }

        compared.Should().BeGreaterThan(cases.Count / 2, "most case files are readable reports");
    }

    [Fact]
    public async Task The_FHIR_texts_follow_the_service_language_unless_the_response_answers_another_language_s_questionnaire()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:Language"] = TextLanguages.Spanish });
        using var client = factory.CreateClient();
        var spanish = new TriageEngine(TriageEngineOptions.Default with { Language = TextLanguages.Spanish });
        var english = new TriageEngine();
        var first = new TriageInterview(spanish).Items[0];
        var bare = BladderControlLoss().Replace("\"questionnaire\":\"http://example.org/fhir/spinetriage/Questionnaire/spinetriage\",", "", StringComparison.Ordinal);
        bare.Should().NotContain("/Questionnaire/");

        var questionnaire = Parse<Questionnaire>(await client.GetStringAsync("/fhir/Questionnaire/spinetriage-es"));
        var capability = Parse<CapabilityStatement>(await client.GetStringAsync("/fhir/metadata"));
        using var triage = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(bare));
        using var toEnglish = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", Content(BladderControlLoss()));

        first.Text.Should().NotBe(new TriageInterview(english).Items[0].Text);
        questionnaire.Item.Single(i => i.LinkId == first.JsonName).Text.Should().Be(first.Text);
        capability.Rest.Single().Resource.Single(r => r.Type == "Questionnaire").Documentation.Should().Contain("spinetriage-es");
        var guidance = Parse<GuidanceResponse>(await triage.Content.ReadAsStringAsync());
        var parameters = guidance.Contained.OfType<Parameters>().Single();
        parameters.GetSingleValue<FhirString>("textSetHash")!.Value.Should().Be(spanish.TextSet.Hash).And.NotBe(english.TextSet.Hash);
        var expected = spanish.Triage(new TriageFhir(spanish).ReadResponse(Parse<QuestionnaireResponse>(bare)).GetValueOrThrow()).GetValueOrThrow();
        parameters.GetSingleValue<FhirString>("disposition")!.Value.Should().Be(expected.Disposition);

        // A response to the English Questionnaire is in English, whatever the service's language.
        var answeredInEnglish = Parse<GuidanceResponse>(await toEnglish.Content.ReadAsStringAsync());
        answeredInEnglish.Language.Should().Be("en");
        answeredInEnglish.Contained.OfType<Parameters>().Single().GetSingleValue<FhirString>("textSetHash")!.Value.Should().Be(english.TextSet.Hash);
    }
}
