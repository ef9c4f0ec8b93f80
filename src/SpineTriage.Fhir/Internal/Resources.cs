using System.Globalization;
using System.Reflection;
using Hl7.Fhir.Model;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Internal;

/// <summary>What one Questionnaire item reads and writes.</summary>
internal enum ItemKind
{
    SurgeryDate,
    AssessedOn,
    SurgeryRegion,
    Hardware,
    FusionLevels,
    RiskFactors,
    Temperature,
    PainScore,
    Question,
}

/// <summary>One item of the Questionnaire: its linkId (the contract's JSON name), kind and text.</summary>
internal sealed record ItemDefinition(string LinkId, ItemKind Kind, string Text, bool Repeats, QuestionId? Question = null, bool IsRedFlag = false);

/// <summary>Builds the Questionnaire and the CodeSystems; one per engine (rule set and texts) and language.</summary>
internal sealed class Resources
{
    public Resources(ITriageEngine engine, TriageInterview interview, FhirCanonicals canonicals)
    {
        Engine = engine;
        Interview = interview;
        Canonicals = canonicals;
        Version = engine.RuleSet.Version;
        Labels = Labels.Of(interview.Language);
        QuestionnaireUrl = canonicals.QuestionnaireIn(interview.Language);
        QuestionnaireId = FhirCanonicals.QuestionnaireIdIn(interview.Language);
        var items = new List<ItemDefinition>
        {
            // The report's own fields: texts owned by this package (the library's text catalogue has none for them yet).
            new("surgeryDate", ItemKind.SurgeryDate, Labels.SurgeryDate, false),
            new("assessedOn", ItemKind.AssessedOn, Labels.AssessedOn, false),
            new("surgeryRegion", ItemKind.SurgeryRegion, Labels.SurgeryRegion, false),
            new("hardware", ItemKind.Hardware, Labels.Hardware, true),
            new("fusionLevels", ItemKind.FusionLevels, Labels.FusionLevels, false),
            new("riskFactors", ItemKind.RiskFactors, Labels.RiskFactors, true),
        };
        foreach (var item in interview.Items)
        {
            items.Add(item.Kind switch
            {
                InterviewItemKind.Temperature => new ItemDefinition(item.JsonName, ItemKind.Temperature, item.Text, false),
                InterviewItemKind.PainScore => new ItemDefinition(item.JsonName, ItemKind.PainScore, item.Text, false),
                _ => new ItemDefinition(item.JsonName, ItemKind.Question, item.Text, false, item.QuestionId, item.IsRedFlag),
            });
        }

        Items = items.AsReadOnly();
        ByLinkId = Items.ToDictionary(i => i.LinkId, StringComparer.Ordinal);
    }

    public ITriageEngine Engine { get; }

    /// <summary>The library's interview in this language: it words the questions and decides what is asked next.</summary>
    public TriageInterview Interview { get; }

    /// <summary>The package's own words in the interview's language.</summary>
    public Labels Labels { get; }

    /// <summary>The language of the texts (one of the library's).</summary>
    public string Language => Interview.Language;

    public FhirCanonicals Canonicals { get; }

    /// <summary>The canonical URL of the Questionnaire in this language (one per language).</summary>
    public string QuestionnaireUrl { get; }

    /// <summary>The resource id of the Questionnaire in this language.</summary>
    public string QuestionnaireId { get; }

    public string Version { get; }

    public IReadOnlyList<ItemDefinition> Items { get; }

    public IReadOnlyDictionary<string, ItemDefinition> ByLinkId { get; }

    public Questionnaire CreateQuestionnaire(IEnumerable<ItemDefinition>? only = null, string? id = null)
    {
        var questionnaire = new Questionnaire
        {
            Id = id ?? QuestionnaireId,
            Url = QuestionnaireUrl,
            Version = Version,
            Language = Language,
            Name = "SpineTriage",
            Title = Labels.QuestionnaireTitle,
            Status = PublicationStatus.Active,
            Experimental = false,
            SubjectType = [ResourceType.Patient],
            Description = new Markdown(string.Format(CultureInfo.InvariantCulture, Labels.QuestionnaireDescription, Version)),
            Item = [.. (only ?? Items).Select(Item)],
        };
        questionnaire.Extension.Add(new Extension(Codes.Adaptive, new FhirBoolean(true)));
        return questionnaire;
    }

    /// <summary>
    /// The adaptive Questionnaire a <c>$next-question</c> answer contains, in the shape of SDC 3.0's
    /// <c>sdc-questionnaire-adapt</c>: no <c>url</c> (it is an instance, not the published form), <c>derivedFrom</c> the
    /// published canonical with its version, <c>meta.profile</c> the profile, flagged adaptive, the items given in order.
    /// </summary>
    public Questionnaire CreateAdaptiveInstance(IEnumerable<ItemDefinition> items, string id)
    {
        var questionnaire = CreateQuestionnaire(items, id);
        questionnaire.Url = null;
        questionnaire.DerivedFrom = [QuestionnaireUrl + "|" + Version];
        questionnaire.Meta = new Meta { Profile = [Codes.AdaptProfile] };
        return questionnaire;
    }

    public Questionnaire.ItemComponent Item(ItemDefinition definition)
    {
        var item = new Questionnaire.ItemComponent
        {
            LinkId = definition.LinkId,
            Text = definition.Text,
            Required = definition.Kind == ItemKind.SurgeryDate ? true : null,
            Repeats = definition.Repeats ? true : null,
        };
        switch (definition.Kind)
        {
            case ItemKind.SurgeryDate or ItemKind.AssessedOn:
                item.Type = Questionnaire.QuestionnaireItemType.Date;
                break;
            case ItemKind.FusionLevels:
                item.Type = Questionnaire.QuestionnaireItemType.Integer;
                break;
            case ItemKind.PainScore:
                item.Type = Questionnaire.QuestionnaireItemType.Integer;
                item.Code = [new Coding(Codes.Loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")];
                break;
            case ItemKind.Temperature:
                item.Type = Questionnaire.QuestionnaireItemType.Quantity;
                item.Code = [new Coding(Codes.Loinc, "8310-5", "Body temperature")];
                item.Extension.Add(new Extension(Codes.UnitOption, new Coding(Codes.Ucum, Codes.Celsius, "°C")));
                item.Extension.Add(new Extension(Codes.UnitOption, new Coding(Codes.Ucum, Codes.Fahrenheit, "°F")));
                break;
            case ItemKind.SurgeryRegion:
                item.Type = Questionnaire.QuestionnaireItemType.Choice;
                item.AnswerOption = [.. Enum.GetValues<SurgeryRegion>().Select(r => Option(Canonicals.SurgeryRegion, Codes.Of(r), Labels.Display(r)))];
                break;
            case ItemKind.Hardware:
                item.Type = Questionnaire.QuestionnaireItemType.Choice;
                item.AnswerOption = [.. Enum.GetValues<HardwareKind>().Select(h => Option(Canonicals.Hardware, Codes.Of(h), Labels.Display(h)))];
                break;
            case ItemKind.RiskFactors:
                item.Type = Questionnaire.QuestionnaireItemType.Choice;
                item.AnswerOption = [.. Enum.GetValues<RiskFactor>().Select(f => Option(Canonicals.RiskFactor, Codes.Of(f), Labels.Display(f)))];
                break;
            default:
                item.Type = Questionnaire.QuestionnaireItemType.Choice;
                item.AnswerOption = [.. new[] { Answer.Yes, Answer.No, Answer.Unknown }.Select(a => Option(Codes.Loinc, Codes.LoincCode(a), Labels.Display(a)))];
                break;
        }

        return item;
    }

    /// <summary>
    /// The CodeSystems, the same in every language (one canonical, one version, one content): displays in English, and a
    /// designation in each other language of the library.
    /// </summary>
    public List<CodeSystem> CreateCodeSystems() =>
    [
        CreateCodeSystem(Canonicals.SurgeryRegion, "surgery-region", "SurgeryRegion", "Surgery region", "The part of the spine that was operated on.",
            Enum.GetValues<SurgeryRegion>().Select(r => Concept(Codes.Of(r), l => l.Display(r)))),
        CreateCodeSystem(Canonicals.Hardware, "hardware", "Hardware", "Implanted hardware", "The kinds of implant placed during the operation.",
            Enum.GetValues<HardwareKind>().Select(h => Concept(Codes.Of(h), l => l.Display(h)))),
        CreateCodeSystem(Canonicals.RiskFactor, "risk-factor", "RiskFactor", "Risk factor", "Risk factors for complications after spine surgery with implanted hardware.",
            Enum.GetValues<RiskFactor>().Select(f => Concept(Codes.Of(f), l => l.Display(f)))),
        UrgencyCodeSystem(),
        CreateCodeSystem(Canonicals.OverrideReason, "override-reason", "OverrideReason", "Override reason", "Why a clinician overrode a SpineTriage CDS Hooks card.",
            OverrideReasonCodes.Select((code, i) => Concept(code, l => l.OverrideReasons[i]))),
        ErrorCodeSystem(),
    ];

    /// <summary>
    /// The ConceptMap from the urgency CodeSystem to FHIR's request priorities, the ServiceRequest's <c>priority</c>: emergency
    /// stat, urgent asap, soon urgent, routine routine, so that sorting requests by FHIR priority sorts them by urgency; self
    /// care unmatched (no request).
    /// </summary>
    public ConceptMap CreateConceptMap()
    {
        var group = new ConceptMap.GroupComponent { Source = Canonicals.Urgency, SourceVersion = Version, Target = Codes.RequestPrioritySystem };
        foreach (var urgency in Enum.GetValues<Urgency>().OrderDescending())
        {
            var element = new ConceptMap.SourceElementComponent { Code = Codes.Of(urgency), Display = Labels.English.Display(urgency) };
            if (urgency == Urgency.SelfCare)
            {
                element.Target.Add(new ConceptMap.TargetElementComponent { Equivalence = ConceptMapEquivalence.Unmatched, Comment = "Self care: nothing is requested, so there is no ServiceRequest." });
            }
            else
            {
                var priority = Codes.Priority(urgency);
                element.Target.Add(new ConceptMap.TargetElementComponent
                {
                    Code = Hl7.Fhir.Utility.EnumUtility.GetLiteral(priority),
                    Display = priority switch
                    {
                        RequestPriority.Stat => "STAT",
                        RequestPriority.Asap => "ASAP",
                        RequestPriority.Urgent => "Urgent",
                        _ => "Routine",
                    },
                    Equivalence = urgency == Urgency.Emergency ? ConceptMapEquivalence.Equivalent : ConceptMapEquivalence.Inexact,
                    Comment = "Within " + urgency.Timeframe() + "; FHIR's priority has no timeframe.",
                });
            }

            group.Element.Add(element);
        }

        return new ConceptMap
        {
            Id = "urgency-to-request-priority",
            Url = Canonicals.UrgencyToRequestPriority,
            Version = Version,
            Name = "UrgencyToRequestPriority",
            Title = "SpineTriage urgency to FHIR request priority",
            Status = PublicationStatus.Active,
            Experimental = false,
            Language = TextLanguages.English,
            Description = new Markdown("The ServiceRequest priority of each SpineTriage urgency, in FHIR's order (routine < urgent < asap < stat), so that a worklist sorted by priority is sorted by urgency."),
            Source = new Canonical(Canonicals.Urgency),
            Target = new Canonical("http://hl7.org/fhir/ValueSet/request-priority"),
            Group = [group],
        };
    }

    /// <summary>
    /// The PlanDefinition behind the GuidanceResponse's <c>moduleCanonical</c>, generated from the rule catalogue: one action
    /// per rule (its id, title, condition, urgency as a code and FHIR request priority).
    /// </summary>
    public PlanDefinition CreatePlanDefinition()
    {
        var plan = new PlanDefinition
        {
            Id = "spinetriage-rule-set",
            Url = Canonicals.RuleSet,
            Version = Version,
            Name = "SpineTriageRuleSet",
            Title = "SpineTriage rule set " + Version,
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/plan-definition-type", "eca-rule", "ECA Rule"),
            Status = PublicationStatus.Active,
            Experimental = false,
            Language = TextLanguages.English,
            Description = new Markdown($"The rules of SpineTriage rule set {Version}, from its rule catalogue: each action is a rule, with its id, title, when it fires and its urgency. The triage of a QuestionnaireResponse to {string.Join(" or ", Canonicals.Questionnaires)} is a GuidanceResponse naming this module. Decision support, not a diagnosis."),
        };
        foreach (var rule in Engine.RuleSet.Rules)
        {
            var action = new PlanDefinition.ActionComponent
            {
                ElementId = rule.Id,
                Title = rule.Title,
                Description = rule.Condition,
                Code = [new CodeableConcept(Canonicals.Urgency, Codes.Of(rule.Urgency), Labels.English.Display(rule.Urgency))],
            };
            if (rule.Urgency != Urgency.SelfCare)
            {
                action.Priority = Codes.Priority(rule.Urgency);
            }

            plan.Action.Add(action);
        }

        return plan;
    }

    /// <summary>The NamingSystem of the report id (<see cref="FhirCanonicals.ReportId"/>).</summary>
    public NamingSystem CreateNamingSystem() => new()
    {
        Id = "report-id",
        Name = "SpineTriageReportId",
        Status = PublicationStatus.Active,
        Kind = NamingSystem.NamingSystemType.Identifier,
        Date = "2026-11-29",
        Language = TextLanguages.English,
        Description = new Markdown("The id a client gives a symptom report (the contract's reportId): QuestionnaireResponse.identifier and GuidanceResponse.requestIdentifier. Chosen by the client; the service never makes one up."),
        UniqueId = [new NamingSystem.UniqueIdComponent { Type = NamingSystem.NamingSystemIdentifierType.Uri, Value = Canonicals.ReportId, Preferred = true }],
    };

    /// <summary>The codes of the override reasons, in the order of <see cref="Labels.OverrideReasons"/>.</summary>
    public static IReadOnlyList<string> OverrideReasonCodes { get; } = ["already-assessed", "clinical-judgement", "wrong-answers"];

    /// <summary>
    /// Every error code an outcome of the library, of this package or of a service hosting it can carry: the constants of
    /// <see cref="ErrorCodes"/>, <see cref="FhirErrorCodes"/> and <see cref="ServiceErrorCodes"/>, each once.
    /// </summary>
    public static IReadOnlyList<string> ErrorCodeValues { get; } =
    [
        .. new[] { typeof(ErrorCodes), typeof(FhirErrorCodes), typeof(ServiceErrorCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal),
    ];

    private CodeSystem ErrorCodeSystem() => CreateCodeSystem(Canonicals.ErrorCode, "error-code", "ErrorCode", "Error code",
        "The codes of SpineTriage's errors (the library's ErrorCodes, SpineTriage.Fhir's FhirErrorCodes, and ServiceErrorCodes, those of a service hosting the FHIR and CDS Hooks endpoints): each error also has a message and the path of what it is about.",
        ErrorCodeValues.Select(code => new CodeSystem.ConceptDefinitionComponent { Code = code, Display = Words(code) }));

    /// <summary>A camelCase code in words: <c>unknownQuestion</c> → <c>Unknown question</c>.</summary>
    private static string Words(string code)
    {
        var words = new System.Text.StringBuilder(code.Length + 4);
        foreach (var c in code)
        {
            if (char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    private CodeSystem UrgencyCodeSystem()
    {
        var system = CreateCodeSystem(Canonicals.Urgency, "urgency", "Urgency", "Urgency", "The five urgency levels of a SpineTriage result, from the highest, with the timeframe in which to act.",
            Enum.GetValues<Urgency>().OrderDescending().Select(u =>
            {
                var concept = Concept(Codes.Of(u), l => l.Display(u));
                // The library's default English disposition: the definition does not change with the engine's texts.
                concept.Definition = DispositionTexts.Default.For(u);
                concept.Property.Add(new CodeSystem.ConceptPropertyComponent { Code = "timeframe", Value = new FhirString(u.Timeframe()) });
                concept.Property.Add(new CodeSystem.ConceptPropertyComponent { Code = "level", Value = new Integer(u.Code()) });
                return concept;
            }));
        system.Property.Add(new CodeSystem.PropertyComponent { Code = "timeframe", Type = CodeSystem.PropertyType.String, Description = "When to act." });
        system.Property.Add(new CodeSystem.PropertyComponent { Code = "level", Type = CodeSystem.PropertyType.Integer, Description = "The urgency's code, 1 (self care) to 5 (emergency)." });
        return system;
    }

    private CodeSystem CreateCodeSystem(string url, string id, string name, string title, string description, IEnumerable<CodeSystem.ConceptDefinitionComponent> concepts) => new()
    {
        Id = id,
        Url = url,
        Version = Version,
        Name = name,
        Title = title,
        Status = PublicationStatus.Active,
        Experimental = false,
        Description = new Markdown(description),
        CaseSensitive = true,
        Content = CodeSystemContentMode.Complete,
        Language = TextLanguages.English,
        Concept = [.. concepts],
    };

    private static CodeSystem.ConceptDefinitionComponent Concept(string code, Func<Labels, string> display)
    {
        var concept = new CodeSystem.ConceptDefinitionComponent { Code = code, Display = display(Labels.English) };
        foreach (var labels in Labels.All.Where(l => l.Language != TextLanguages.English))
        {
            concept.Designation.Add(new CodeSystem.DesignationComponent { Language = labels.Language, Value = display(labels) });
        }

        return concept;
    }

    private static Questionnaire.AnswerOptionComponent Option(string system, string code, string display) =>
        new() { Value = new Coding(system, code, display) };
}
