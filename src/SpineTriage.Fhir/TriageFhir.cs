using Hl7.Fhir.Model;
using SpineTriage.Engine;
using SpineTriage.Fhir.Internal;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Fhir;

/// <summary>
/// SpineTriage in HL7 FHIR R4 for one engine (its rule set, thresholds and texts): the adaptive Questionnaire and its
/// CodeSystems, QuestionnaireResponse to symptom report and back, SDC <c>$next-question</c> driven by the library's
/// <see cref="TriageInterview"/>, and the result as a GuidanceResponse. Build once and share: it is immutable and
/// thread-safe, and every resource it returns is new (Firely resources are mutable).
/// </summary>
public sealed class TriageFhir
{
    private readonly Resources _resources;
    private readonly Dictionary<string, Resources> _byLanguage;

    /// <summary>Creates the FHIR mapping of <paramref name="engine"/>'s rule set.</summary>
    /// <param name="engine">The engine: its rule set names the Questionnaire's version and items.</param>
    /// <param name="options">The canonical base; <see cref="FhirOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The canonical base is not an absolute http(s) URL without a trailing slash, query or fragment.</exception>
    public TriageFhir(ITriageEngine engine, FhirOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        options ??= FhirOptions.Default;
        if (!Uri.TryCreate(options.CanonicalBase, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || options.CanonicalBase.EndsWith('/')
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || options.CanonicalBase.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("The canonical base must be an absolute http or https URL without a trailing slash, query, fragment or '|'.", nameof(options));
        }

        Engine = engine;
        Options = options;
        Interview = new TriageInterview(engine);
        Canonicals = new FhirCanonicals(options.CanonicalBase);
        _resources = new Resources(engine, Interview, Canonicals);
        _byLanguage = TextLanguages.All.ToDictionary(
            language => language,
            language => language == Interview.Language ? _resources : new Resources(engine, new TriageInterview(engine, language), Canonicals),
            StringComparer.Ordinal);
    }

    /// <summary>The engine that triages.</summary>
    public ITriageEngine Engine { get; }

    /// <summary>The options.</summary>
    public FhirOptions Options { get; }

    /// <summary>The library's interview, which decides what <see cref="NextQuestion"/> asks and when it stops.</summary>
    public TriageInterview Interview { get; }

    /// <summary>The canonical URLs of what the package publishes.</summary>
    public FhirCanonicals Canonicals { get; }

    /// <summary>The linkIds of the Questionnaire in its order: the report's fields, then the interview's items.</summary>
    public IReadOnlyList<string> LinkIds => [.. _resources.Items.Select(i => i.LinkId)];

    /// <summary>
    /// The Questionnaire (R4, flagged adaptive): one item per report field and question, linkIds the contract's JSON names,
    /// version the rule set's, texts in the engine's language (<see cref="TriageEngineOptions.Language"/>).
    /// </summary>
    /// <returns>A new Questionnaire.</returns>
    public Questionnaire CreateQuestionnaire() => _resources.CreateQuestionnaire();

    /// <summary>
    /// The Questionnaire with its texts in a language: the same items, linkIds, answer codes and version in every language;
    /// its own canonical URL and id (<see cref="FhirCanonicals.QuestionnaireIn"/>: one canonical per content), and
    /// <c>language</c>, the title, the description, the item texts and the answer displays in that language.
    /// </summary>
    /// <param name="language">One of <see cref="TextLanguages.All"/>.</param>
    /// <returns>A new Questionnaire.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not one of the library's languages.</exception>
    public Questionnaire CreateQuestionnaire(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return ResourcesIn(language) is { } resources
            ? resources.CreateQuestionnaire()
            : throw new ArgumentException($"The language must be one of {string.Join(", ", TextLanguages.All)}.", nameof(language));
    }

    /// <summary>
    /// The CodeSystems the package's resources use: surgery region, hardware, risk factor, urgency (with timeframes),
    /// the CDS Hooks override reasons, and the error codes. The same in every language: English displays, with a
    /// designation in each other language (error codes: English only).
    /// </summary>
    /// <returns>New CodeSystems, in that order.</returns>
    public IReadOnlyList<CodeSystem> CreateCodeSystems() => _resources.CreateCodeSystems();

    /// <summary>
    /// The ConceptMap from the urgency CodeSystem to FHIR's request priorities (the ServiceRequest's <c>priority</c>):
    /// emergency stat, urgent asap, soon urgent, routine routine, self care unmatched.
    /// </summary>
    /// <returns>A new ConceptMap (id <c>urgency-to-request-priority</c>).</returns>
    public ConceptMap CreateConceptMap() => _resources.CreateConceptMap();

    /// <summary>
    /// The PlanDefinition behind the GuidanceResponse's <c>moduleCanonical</c> (<see cref="FhirCanonicals.RuleSet"/>),
    /// generated from the rule set's catalogue: one action per rule, its element id the rule id, with the rule's title, its
    /// condition as the description, its urgency as the action's code and FHIR request priority (none for self care).
    /// </summary>
    /// <returns>A new PlanDefinition (id <c>spinetriage-rule-set</c>).</returns>
    public PlanDefinition CreatePlanDefinition() => _resources.CreatePlanDefinition();

    /// <summary>The NamingSystem of the report id (<see cref="FhirCanonicals.ReportId"/>, a uri unique id).</summary>
    /// <returns>A new NamingSystem (id <c>report-id</c>).</returns>
    public NamingSystem CreateNamingSystem() => _resources.CreateNamingSystem();

    /// <summary>
    /// The report as a QuestionnaireResponse (status completed) to the Questionnaire in the report's
    /// <see cref="SymptomReport.Language"/> (its canonical with the version); its <c>language</c> is the report's, and the
    /// items' texts are in it (the engine's Questionnaire and language when the report names none; <c>language</c> absent then).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentException">The report id is empty, or the report answers a question the engine's rule set does not have.</exception>
    /// <returns>A new QuestionnaireResponse: an item for every field given, a measurement that was skipped as an item without answer marked <c>data-absent-reason</c> <c>asked-unknown</c>.</returns>
    public QuestionnaireResponse CreateResponse(SymptomReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.ReportId is { Length: 0 })
        {
            throw new ArgumentException("An empty report id cannot be written as a FHIR identifier (a FHIR string is never empty): leave it out or give one.", nameof(report));
        }

        var outside = report.Answers.Where(a => !Engine.RuleSet.Has(a.Key)).Select(a => Codes.Of(a.Key)).ToList();
        if (outside.Count > 0)
        {
            throw new ArgumentException($"The report answers questions that rule set {Engine.RuleSet.Version} does not have: {string.Join(", ", outside)}.", nameof(report));
        }

        return ResponseWriter.Write(report, ResourcesIn(report.Language) ?? _resources);
    }

    /// <summary>
    /// Reads a QuestionnaireResponse into a symptom report and validates it with the engine. An item not answered is "not
    /// asked"; LOINC <c>LA12688-0</c> "Don't know" (and <c>LA4489-6</c> "Unknown", written by earlier versions) is "don't know".
    /// </summary>
    /// <param name="response">
    /// The response, bare or naming the Questionnaire in any language (by canonical, or contained). The report's language
    /// is the response's <c>language</c>, or else the language of the Questionnaire it names.
    /// </param>
    /// <returns>The report, or every error, each with the item's linkId as its path and a library or <see cref="FhirErrorCodes"/> code.</returns>
    public Outcome<SymptomReport> ReadResponse(QuestionnaireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var read = ResponseReader.From(response, _resources, Engine.Options.MaxErrors);
        if (read.Errors.Count > 0)
        {
            return Outcome.Failure<SymptomReport>(read.Errors);
        }

        var validation = Engine.Validate(read.Report!);
        return validation.IsSuccess
            ? Outcome.Success(read.Report!)
            : Outcome.Failure<SymptomReport>(ResponseReader.ToLinkIds(validation.Errors));
    }

    /// <summary>
    /// SDC <c>$next-question</c>: the response with its adaptive Questionnaire (contained, <c>#questionnaire</c>) holding the
    /// items asked so far and the next one, or with status <c>completed</c> once the library's interview is settled. Without a
    /// surgery date the first item asked is the interview's first (a red flag), then the surgery date; after that every
    /// step is <see cref="TriageInterview.Next(SymptomReport)"/>'s.
    /// </summary>
    /// <param name="response">The response so far: with its contained adaptive Questionnaire, or bare.</param>
    /// <returns>The response to return to the client, or every error of the response.</returns>
    public Outcome<QuestionnaireResponse> NextQuestion(QuestionnaireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var read = ResponseReader.From(response, _resources, Engine.Options.MaxErrors);
        if (read.Report is null)
        {
            return Outcome.Failure<QuestionnaireResponse>(read.Errors);
        }

        string? next;
        if (read.SurgeryDateMissing)
        {
            var first = Interview.Items[0];
            next = Interview.IsAsked(first, read.Report) ? "surgeryDate" : first.JsonName;
        }
        else
        {
            var step = Interview.Next(read.Report);
            if (!step.TryGetValue(out var value))
            {
                return Outcome.Failure<QuestionnaireResponse>(ResponseReader.ToLinkIds(step.Errors));
            }

            next = value.Ask?.JsonName;
        }

        // The questions in the response's language (its report's), the engine's when it names none.
        var resources = ResourcesIn(read.Report.Language) ?? _resources;

        // The client's contained Questionnaire keeps its id (the default is "questionnaire"); its items stay in the order
        // they were asked, the items answered outside it follow in the response's order, and the next item is appended.
        var id = "questionnaire";
        Questionnaire? previous = null;
        if (response.Questionnaire is { Length: > 1 } reference && reference.StartsWith('#'))
        {
            previous = response.Contained.OfType<Questionnaire>().FirstOrDefault(q => string.Equals(q.Id, reference[1..], StringComparison.Ordinal));
            id = previous?.Id ?? id;
        }

        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var linkId in (previous?.Item.Select(i => i.LinkId) ?? []).Concat(response.Item.Select(i => i.LinkId)).Append(next))
        {
            if (linkId is not null && resources.ByLinkId.ContainsKey(linkId) && seen.Add(linkId))
            {
                order.Add(linkId);
            }
        }

        var output = (QuestionnaireResponse)response.DeepCopy();
        output.Contained.RemoveAll(r => r is Questionnaire && r.Id == id);
        output.Contained.Add(resources.CreateAdaptiveInstance(order.Select(linkId => resources.ByLinkId[linkId]), id));
        output.Questionnaire = "#" + id;
        output.Status = next is null
            ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed
            : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress;
        return Outcome.Success(output);
    }

    /// <summary>Triages a QuestionnaireResponse and returns the outcome as a GuidanceResponse.</summary>
    /// <param name="response">The response.</param>
    /// <param name="context">The patient reference, text-set hash and id; none when null.</param>
    /// <returns>The GuidanceResponse, or every error of the response (paths are linkIds).</returns>
    public Outcome<GuidanceResponse> Evaluate(QuestionnaireResponse response, GuidanceContext? context = null)
    {
        var read = ReadResponse(response);
        if (!read.TryGetValue(out var report))
        {
            return Outcome.Failure<GuidanceResponse>(read.Errors);
        }

        var validated = Engine.Validate(report).GetValueOrThrow();
        return Outcome.Success(CreateGuidanceResponse(validated, Engine.Evaluate(validated), context));
    }

    /// <summary>
    /// The result as a GuidanceResponse: <c>success</c>, or <c>data-requested</c> while red flags are unanswered; the module
    /// the rule set's canonical with its version; outputParameters a contained Parameters (urgency, disposition, isComplete,
    /// the rule-set hash, the text-set hash (the context's or the result's), every finding); result a contained RequestGroup holding a ServiceRequest
    /// for the disposition (none for self care) and a CarePlan for the care advice and the safety net.
    /// </summary>
    /// <param name="report">The validated report the result is of.</param>
    /// <param name="result">The engine's result for it.</param>
    /// <param name="context">The patient reference, text-set hash and id; none when null.</param>
    /// <returns>A new GuidanceResponse.</returns>
    public GuidanceResponse CreateGuidanceResponse(ValidatedReport report, TriageResult result, GuidanceContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        return GuidanceFactory.Create(report, result, context ?? GuidanceContext.None, _resources.Canonicals, LabelsOf(result));
    }

    /// <summary>The package's own words in a result's language (its text set's), the engine's for a result without one.</summary>
    internal Labels LabelsOf(TriageResult result) => (ResourcesIn(result.TextSet?.Language) ?? _resources).Labels;

    private Resources? ResourcesIn(string? language) => language is null
        ? _resources
        : _byLanguage.GetValueOrDefault(language);
}
