using FluentAssertions;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Testing;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Reports;

/// <summary>
/// Every public type that holds report data prints no report id, date, answer or measurement from ToString(), so an
/// integrator who logs one of these objects logs no patient data (issue 9, H7).
/// </summary>
public class NoPatientDataInToStringTests
{
    private const string Id = "NHS-9434765919-John-Smith";

    private static readonly SymptomReport Report = ReportBuilder.AllRedFlagsDenied()
        .Yes(QuestionId.WoundDischarge)
        with
    {
        ReportId = Id,
        PainScore = 7,
        Temperature = Temperature.Celsius(38.45m),
        FusionLevels = 3,
    };

    private static void ShouldHoldNoReportData(string text)
    {
        text.Should().NotContain(Id).And.NotContain("NHS")
            .And.NotContain("2026").And.NotContain("38.45").And.NotContain("°")
            .And.NotContain("woundDischarge").And.NotContain("yes").And.NotContain(": no")
            .And.NotContain("painScore").And.NotContain("84");
    }

    [Fact]
    public void Symptom_report_prints_only_how_many_answers_it_gives()
    {
        Report.ToString().Should().Be($"SymptomReport: {Report.Answers.Count} answers given; values not shown (patient data)");
        ShouldHoldNoReportData(Report.ToString());
    }

    [Fact]
    public void Answer_set_prints_only_how_many_questions_were_answered()
    {
        Report.Answers.ToString().Should().Be($"AnswerSet: {Report.Answers.Count} questions answered; answers not shown (patient data)");
        ShouldHoldNoReportData(Report.Answers.ToString());
    }

    [Fact]
    public void Validated_report_prints_no_report_data()
    {
        var validated = ReportBuilder.EngineV1().Validate(Report).GetValueOrThrow();

        validated.ToString().Should().Be("ValidatedReport: values not shown (patient data)");
    }

    [Fact]
    public void Triage_result_prints_its_urgency_and_number_of_findings_only()
    {
        var result = ReportBuilder.EngineV1().Evaluate(Report);

        result.Urgency.Should().Be(Urgency.Emergency);
        result.ToString().Should().Be($"TriageResult: emergency (code 5), {result.Findings.Count} finding{(result.Findings.Count == 1 ? "" : "s")}; report data not shown");
        ShouldHoldNoReportData(result.ToString());
    }

    [Fact]
    public void Finding_prints_its_rule_and_urgency_but_not_its_evidence()
    {
        var finding = ReportBuilder.EngineV1().Evaluate(Report).Findings.First(f => f.Evidence.Count > 0);

        finding.ToString().Should().Be($"Finding: {finding.RuleId}, {finding.Urgency.JsonName()} (code {finding.Urgency.Code()}); evidence not shown");
        ShouldHoldNoReportData(finding.ToString());
    }

    [Fact]
    public void To_string_never_throws_for_an_undefined_urgency()
    {
        var finding = new Finding { RuleId = "r", Urgency = (Urgency)99, Title = "", PatientExplanation = "", ClinicianRationale = "", Evidence = [], Source = "" };

        finding.ToString().Should().Be("Finding: r, undefined urgency 99; evidence not shown");
    }

    [Fact]
    public void Interview_step_names_the_item_to_ask_or_the_urgency_but_no_reply()
    {
        var interview = new TriageInterview(ReportBuilder.EngineV1());
        var asking = interview.Next(new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today, ReportId = Id }).GetValueOrThrow();
        var settled = interview.Next(Report).GetValueOrThrow();

        asking.ToString().Should().Be($"InterviewStep: ask {asking.Ask}");
        settled.ToString().Should().StartWith("InterviewStep: settled, emergency (code 5)");
        ShouldHoldNoReportData(asking.ToString());
        ShouldHoldNoReportData(settled.ToString());
    }

    [Fact]
    public void Triage_case_and_its_check_print_the_case_name_and_verdict_but_not_the_report()
    {
        var json = $$$"""{"name":"wound discharge","report":{"reportId":"{{{Id}}}","surgeryDate":"2026-09-01","assessedOn":"2026-11-24","painScore":7},"expect":{"urgency":"emergency"}}""";
        var triageCase = TriageCase.Parse(json).GetValueOrThrow();
        var check = triageCase.Check(ReportBuilder.EngineV1());

        triageCase.ToString().Should().Be("TriageCase \"wound discharge\": expects emergency (code 5); report not shown");
        check.Passed.Should().BeFalse();
        check.ToString().Should().Be($"CaseCheck \"wound discharge\": failed ({check.Failures.Count} difference{(check.Failures.Count == 1 ? "" : "s")})");
        ShouldHoldNoReportData(triageCase.ToString());
        ShouldHoldNoReportData(check.ToString());
    }
}
