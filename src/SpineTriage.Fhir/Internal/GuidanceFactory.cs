using System.Globalization;
using Hl7.Fhir.Model;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.Internal;

/// <summary>Builds the GuidanceResponse of a result: contained Parameters, RequestGroup, ServiceRequest and CarePlan.</summary>
internal static class GuidanceFactory
{
    public static GuidanceResponse Create(ValidatedReport report, TriageResult result, GuidanceContext context, FhirCanonicals canonicals, Labels labels)
    {
        var assessedOn = new FhirDateTime(report.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var subject = Subject(report, context, canonicals, labels);
        var urgencyCoding = new Coding(canonicals.Urgency, Codes.Of(result.Urgency), labels.Display(result.Urgency));

        var response = new GuidanceResponse
        {
            Id = context.Id,
            // The language of the words in it: the result's (its text set's), or the engine's.
            Language = labels.Language,
            Module = new Canonical(canonicals.RuleSet + "|" + result.RuleSet.Version),
            Status = result.IsComplete ? GuidanceResponse.GuidanceResponseStatus.Success : GuidanceResponse.GuidanceResponseStatus.DataRequested,
            OccurrenceDateTimeElement = assessedOn,
            OutputParameters = new ResourceReference("#output"),
            Result = new ResourceReference("#plan"),
        };
        if (report.Report.ReportId is { } reportId)
        {
            response.RequestIdentifier = new Identifier(canonicals.ReportId, reportId);
        }

        if (context.Subject is { } patient)
        {
            response.Subject = new ResourceReference(patient);
        }

        if (!result.IsComplete)
        {
            response.DataRequirement.Add(new DataRequirement
            {
                Type = FHIRAllTypes.QuestionnaireResponse,
                // FHIRPath on the requirement's type (R4: mustSupport is a path resolvable on it), never a bare linkId.
                MustSupport = [.. result.UnansweredQuestions.Select(q => $"item.where(linkId='{Codes.Of(q)}')")],
            });
        }

        response.Contained.Add(Output(result, context, urgencyCoding, labels));

        var plan = new RequestGroup
        {
            Id = "plan",
            Status = RequestStatus.Active,
            Intent = RequestIntent.Proposal,
            Subject = subject,
            AuthoredOnElement = assessedOn,
            InstantiatesCanonical = [response.Module is Canonical module ? module.Value : canonicals.RuleSet],
        };
        if (result.Urgency != Urgency.SelfCare)
        {
            response.Contained.Add(Referral(result, report, subject, urgencyCoding, assessedOn, context.Response));
            plan.Action.Add(new RequestGroup.ActionComponent
            {
                Title = labels.Display(result.Urgency) + " (" + labels.Timeframe(result.Urgency) + ")",
                Description = result.Disposition,
                Priority = Codes.Priority(result.Urgency),
                Resource = new ResourceReference("#referral"),
            });
        }

        response.Contained.Add(CarePlan(result, subject, assessedOn, labels));
        plan.Action.Add(new RequestGroup.ActionComponent
        {
            Title = labels.CareAdviceAndSafetyNet,
            Resource = new ResourceReference("#advice"),
        });
        response.Contained.Add(plan);
        return response;
    }

    private static ResourceReference Subject(ValidatedReport report, GuidanceContext context, FhirCanonicals canonicals, Labels labels)
    {
        if (context.Subject is { } patient)
        {
            return new ResourceReference(patient);
        }

        // ServiceRequest and CarePlan need a subject: without the patient's reference, the report's identifier or a display.
        var reference = new ResourceReference { Display = labels.Patient };
        if (report.Report.ReportId is { } reportId)
        {
            reference.Identifier = new Identifier(canonicals.ReportId, reportId);
        }

        return reference;
    }

    private static Parameters Output(TriageResult result, GuidanceContext context, Coding urgency, Labels labels)
    {
        var parameters = new Parameters { Id = "output" };
        parameters.Add("urgency", urgency);
        parameters.Add("disposition", new FhirString(result.Disposition));
        parameters.Add("timeframe", new FhirString(labels.Timeframe(result.Urgency)));
        parameters.Add("isComplete", new FhirBoolean(result.IsComplete));
        parameters.Add("isSettled", new FhirBoolean(result.IsSettled));
        parameters.Add("daysSinceSurgery", new Integer(result.DaysSinceSurgery));
        parameters.Add("ruleSetVersion", new FhirString(result.RuleSet.Version));
        parameters.Add("ruleSetHash", new FhirString(result.RuleSet.Hash));
        // The caller's text-set hash, else the result's own (a result read from JSON written before text sets has none).
        if ((context.TextSetHash ?? result.TextSet?.Hash) is { } textSetHash)
        {
            parameters.Add("textSetHash", new FhirString(textSetHash));
        }

        foreach (var finding in result.Findings)
        {
            var parts = new List<Tuple<string, Base>>
            {
                Tuple.Create("ruleId", (Base)new Id(finding.RuleId)),
                Tuple.Create("urgency", (Base)new Code(Codes.Of(finding.Urgency))),
                Tuple.Create("title", (Base)new FhirString(finding.Title)),
                Tuple.Create("patientExplanation", (Base)new FhirString(finding.PatientExplanation)),
                Tuple.Create("clinicianRationale", (Base)new FhirString(finding.ClinicianRationale)),
            };
            parts.AddRange(finding.Evidence.Select(e => Tuple.Create("evidence", (Base)new FhirString(e))));
            parts.Add(Tuple.Create("source", (Base)new FhirString(finding.Source)));
            parameters.Add("finding", parts);
        }

        foreach (var question in result.UnansweredQuestions)
        {
            parameters.Add("unansweredQuestion", new Code(Codes.Of(question)));
        }

        foreach (var line in result.CareAdvice)
        {
            parameters.Add("careAdvice", new FhirString(line));
        }

        foreach (var line in result.SafetyNet)
        {
            parameters.Add("safetyNet", new FhirString(line));
        }

        foreach (var line in result.Warnings)
        {
            parameters.Add("warning", new FhirString(line));
        }

        return parameters;
    }

    private static ServiceRequest Referral(TriageResult result, ValidatedReport report, ResourceReference subject, Coding urgency, FhirDateTime assessedOn, string? reason)
    {
        // What is proposed (a service), not how urgently: the urgency is the priority, and the package's code a category.
        var code = new CodeableConcept { Text = result.Disposition };
        if (Codes.SnomedReferral(result.Urgency) is { } snomed)
        {
            code.Coding.Add(new Coding(Codes.Snomed, snomed.Code, snomed.Display));
        }

        var end = report.AssessedOn.AddDays(Codes.TimeframeDays(result.Urgency));
        var request = new ServiceRequest
        {
            Id = "referral",
            // A proposal for a clinician to act on: a draft until someone does.
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Priority = Codes.Priority(result.Urgency),
            Category = [new CodeableConcept { Coding = [urgency] }],
            Code = code,
            PerformerType = new CodeableConcept { Text = Codes.PerformerType(result.Urgency) },
            Subject = (ResourceReference)subject.DeepCopy(),
            Occurrence = new Period(assessedOn, new FhirDateTime(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            AuthoredOnElement = assessedOn,
        };
        request.ReasonCode.AddRange(result.Findings.Where(f => f.Urgency == result.Urgency).Select(f => new CodeableConcept { Text = f.Title }));
        request.PatientInstruction = result.Disposition;
        if (reason is not null)
        {
            request.ReasonReference.Add(new ResourceReference(reason));
        }

        return request;
    }

    private static CarePlan CarePlan(TriageResult result, ResourceReference subject, FhirDateTime assessedOn, Labels labels)
    {
        var plan = new CarePlan
        {
            Id = "advice",
            Status = RequestStatus.Active,
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Proposal,
            Title = labels.CareAdviceAndSafetyNet,
            Description = result.Disposition,
            Subject = (ResourceReference)subject.DeepCopy(),
            Period = new Period { StartElement = assessedOn },
        };
        foreach (var line in result.CareAdvice)
        {
            plan.Activity.Add(Activity(labels.CareAdvice, line));
        }

        foreach (var line in result.SafetyNet)
        {
            plan.Activity.Add(Activity(labels.SafetyNet, line));
        }

        return plan;
    }

    private static Hl7.Fhir.Model.CarePlan.ActivityComponent Activity(string kind, string line) => new()
    {
        Detail = new Hl7.Fhir.Model.CarePlan.DetailComponent
        {
            Code = new CodeableConcept { Text = kind },
            Status = Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted,
            Description = line,
        },
    };
}
