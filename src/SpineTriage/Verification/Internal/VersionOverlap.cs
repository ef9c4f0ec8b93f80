using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.Verification.Internal;

/// <summary>
/// Versions agree where they overlap (clinical-criteria-2.0.md section 8, property 8): a property of two shipped lines,
/// so it runs for the shipped lines only. Each shipped line after the first has one row here: the line before it, how a
/// generated report is placed in the overlap, the overlap's condition, and what of a finding is compared.
/// </summary>
internal static class VersionOverlap
{
    private static readonly SurgeryRegion[] NotCervical = [SurgeryRegion.Thoracic, SurgeryRegion.Lumbar, SurgeryRegion.Sacral];

    /// <summary>Gets the rows: each newer line with the line before it. Rule set 3.0 adds one (clinical-criteria-3.0.md section 8).</summary>
    public static IReadOnlyList<Overlap> Rows { get; } =
    [
        // 2.0 over 1.0: past day 90, a region other than cervical, every 2.0 question answered no where it applies and no,
        // unknown or not at all where it does not. The clinician rationale quotes the rule's words, which name the wider
        // hardware-symptom fact and "applicable" red flags in 2.0, so it is not compared.
        new(
            RuleSets.V1,
            RuleSets.V2,
            MinimumDay: 91,
            Decision: f => $"{f.RuleId} {f.Urgency.JsonName()} {f.Title} {f.PatientExplanation} {f.Source} [{string.Join("; ", f.Evidence)}]",
            NotYes: []),

        // 3.0 over 2.0 (clinical-criteria-3.0.md section 8, property 8): as above, and no yes to the questions whose meaning
        // or rules changed (wound discharge, the headache, leak, calf, chest and airway questions). Titles and patient
        // explanations are the text catalogue's and the clinician rationale of the imaging rules quotes the wider hardware
        // symptom, so the rule, its urgency, source and evidence are compared.
        new(
            RuleSets.V2,
            RuleSets.V3,
            MinimumDay: 91,
            Decision: f => $"{f.RuleId} {f.Urgency.JsonName()} {f.Source} [{string.Join("; ", f.Evidence)}]",
            NotYes:
            [
                QuestionId.WoundDischarge, QuestionId.HeadacheWithStiffNeck, QuestionId.SpinalFluidLeakSigns,
                QuestionId.CalfPainOrSwelling, QuestionId.ChestPainOrBreathlessness, QuestionId.NeckSwellingOrAirway,
            ]),
    ];

    public static PropertyDefinition Definition { get; } = new(
        new SafetyProperty(
            "versions-agree-where-they-overlap",
            "Versions agree where they overlap: a report the newer line's new questions leave alone (no where they apply), past the early periods and not after neck surgery, gets the same urgency, findings and completeness from the line before.",
            shippedLinesOnly: true),
        Check)
    {
        Generate = (run, random) =>
        {
            var report = run.Generator.Report(random);
            var day = random.Next(run.Overlap!.MinimumDay, (3 * 365) + 1);
            report = report with
            {
                AssessedOn = VerificationRun.Today,
                SurgeryDate = VerificationRun.Today.AddDays(-day),
                SurgeryRegion = NotCervical[random.Next(NotCervical.Length)],
            };
            var answers = report.Answers;
            foreach (var question in run.Overlap!.NotYes.Where(q => answers.IsGiven(q) && answers[q] == Answer.Yes))
            {
                answers = answers.With(question, Answer.No);
            }

            foreach (var question in Added(run))
            {
                var reply = VerificationRun.Applies(run.Engines[0], report, question.Id) ? 0 : random.Next(4);
                answers = reply switch
                {
                    < 2 => answers.With(question.Id, Answer.No),
                    2 => answers.With(question.Id, Answer.Unknown),
                    _ => AnswerSet.From(answers.Where(a => a.Key != question.Id)),
                };
            }

            return new Sample(random.Next(run.Engines.Length), report with { Answers = answers }, random.Next());
        },
    };

    /// <summary>The row of a shipped line after the first; none for the first line or a local edition.</summary>
    public static Overlap? For(RuleSetEdition edition) =>
        RuleSetEdition.All.Contains(edition) ? Rows.FirstOrDefault(r => r.Newer == edition.Selector) : null;

    private static IEnumerable<Question> Added(VerificationRun run) =>
        run.Questions.Where(q => !run.OlderLine![0].RuleSet.Has(q.Id));

    private static Verdict Check(VerificationRun run, Sample s)
    {
        var overlap = run.Overlap!;
        var newer = run.Engines[s.Engine];
        var report = s.Report;
        var within = VerificationRun.DaysSinceSurgery(report) >= overlap.MinimumDay
            && report.SurgeryRegion is { } region && region != SurgeryRegion.Cervical
            && Added(run).All(q => VerificationRun.Applies(newer, report, q.Id)
                ? report.Answers.IsGiven(q.Id) && report.Answers[q.Id] == Answer.No
                : report.Answers[q.Id] != Answer.Yes)
            && overlap.NotYes.All(q => !report.Answers.IsGiven(q) || report.Answers[q] != Answer.Yes);
        if (!within)
        {
            return Verdict.Vacuous;
        }

        var older = run.OlderLine![s.Engine];
        var olderReport = report with { Answers = AnswerSet.From(report.Answers.Where(a => older.RuleSet.Has(a.Key))) };
        var byNewer = VerificationRun.Evaluate(newer, report);
        var byOlder = VerificationRun.Evaluate(older, olderReport);
        return byNewer.Urgency == byOlder.Urgency
            && byNewer.IsComplete == byOlder.IsComplete
            && byNewer.Findings.Select(overlap.Decision).SequenceEqual(byOlder.Findings.Select(overlap.Decision), StringComparer.Ordinal)
            ? Verdict.Pass
            : Verdict.Fail($"{overlap.Newer} gives {PropertyDefinitions.Summary(byNewer)}, {overlap.Older} gives {PropertyDefinitions.Summary(byOlder)}");
    }
}

/// <summary>Two shipped lines that must agree where they overlap.</summary>
/// <param name="Older">The line before.</param>
/// <param name="Newer">The newer line.</param>
/// <param name="MinimumDay">The first day since surgery of the overlap.</param>
/// <param name="Decision">What of a finding the two lines must agree on.</param>
/// <param name="NotYes">The questions the overlap's reports must not answer yes (their meaning or rules changed).</param>
internal sealed record Overlap(string Older, string Newer, int MinimumDay, Func<Finding, string> Decision, IReadOnlyList<QuestionId> NotYes);
