using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Results;

/// <summary>
/// Public result types copy the lists they are given and compare by value through one implementation
/// (<c>ValueList</c>), so a caller cannot change a result after the fact and a new list property cannot be
/// left out of equality.
/// </summary>
public class ValueEqualityTests
{
    private static readonly TriageResult Result = ReportBuilder.EngineV1().Evaluate(
        ReportBuilder.AllRedFlagsDenied().Yes(QuestionId.WoundDischarge, QuestionId.LocalizedTenderness));

    [Fact]
    public void A_result_does_not_change_when_the_list_it_was_given_changes()
    {
        var warnings = new List<string> { "first" };
        var findings = Result.Findings.ToList();

        var result = Result with { Warnings = warnings, Findings = findings };
        warnings.Add("added later");
        findings.Clear();

        result.Warnings.Should().Equal("first");
        result.Findings.Should().Equal(Result.Findings);
    }

    [Fact]
    public void A_result_list_cannot_be_changed_through_a_cast()
    {
        var result = Result with { CareAdvice = new List<string> { "advice" } };

        result.CareAdvice.Should().NotBeAssignableTo<IList<string>>("a result's lists are read-only");
    }

    [Fact]
    public void Results_with_equal_content_in_different_list_instances_are_equal()
    {
        var copy = Result with
        {
            Findings = Result.Findings.Select(f => f with { Evidence = f.Evidence.ToList() }).ToList(),
            UnansweredQuestions = Result.UnansweredQuestions.ToList(),
            CareAdvice = Result.CareAdvice.ToList(),
            SafetyNet = Result.SafetyNet.ToList(),
            Warnings = Result.Warnings.ToList(),
        };

        copy.Should().Be(Result);
        copy.GetHashCode().Should().Be(Result.GetHashCode());
    }

    [Fact]
    public void Results_that_differ_in_any_list_are_not_equal()
    {
        var variants = new[]
        {
            Result with { Findings = Result.Findings.Take(1).ToList() },
            Result with { UnansweredQuestions = [QuestionId.SaddleNumbness] },
            Result with { CareAdvice = [.. Result.CareAdvice, "more"] },
            Result with { SafetyNet = Result.SafetyNet.Reverse().ToList() },
            Result with { Warnings = ["a warning"] },
            Result with { Findings = [Result.Findings[0] with { Evidence = ["woundDischarge: no"] }, .. Result.Findings.Skip(1)] },
        };

        variants.Should().OnlyContain(v => !v.Equals(Result));
    }

    [Fact]
    public void A_finding_copies_its_evidence_and_compares_it_by_value()
    {
        var evidence = new List<string> { "woundDischarge: yes" };
        var finding = Result.Findings[0] with { Evidence = evidence };
        evidence[0] = "changed";

        finding.Evidence.Should().Equal("woundDischarge: yes");
        finding.Should().Be(Result.Findings[0] with { Evidence = ["woundDischarge: yes"] });
        finding.Should().NotBe(Result.Findings[0] with { Evidence = ["woundDischarge: yes", "fever: yes"] });
    }

    [Fact]
    public void A_replay_result_copies_its_lists_and_compares_them_by_value()
    {
        var engine = ReportBuilder.EngineV1();
        var report = engine.Validate(ReportBuilder.AllRedFlagsDenied()).GetValueOrThrow();
        var record = AuditRecord.Create(engine, report, engine.Evaluate(report));
        var errors = new List<ValidationError> { new("$.report", ErrorCodes.HashMismatch, "altered") };
        var replay = new ReplayResult { Status = ReplayStatus.ReportInvalid, Record = record, CurrentRuleSet = Result.RuleSet, Errors = errors };
        errors.Clear();

        replay.Errors.Should().ContainSingle();
        replay.Should().Be(replay with { Errors = [new ValidationError("$.report", ErrorCodes.HashMismatch, "altered")] });
        replay.Should().NotBe(replay with { CurrentRuleIds = ["wound-signs"] });
    }

    [Fact]
    public void A_null_list_is_refused()
    {
        var make = () => Result with { Warnings = null! };

        make.Should().Throw<ArgumentNullException>();
    }
}
