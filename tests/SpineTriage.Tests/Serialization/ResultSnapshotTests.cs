using Snapshooter;
using Snapshooter.Xunit;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// Snapshots of the result JSON of representative reports: any change to rules, texts or the JSON shape shows up
/// as a snapshot difference in review. The snapshots live in <c>__snapshots__</c> next to this file.
/// </summary>
/// <remarks>
/// A missing snapshot fails the test (so CI never creates one and passes); to create one on purpose, run the
/// tests once with <c>SPINETRIAGE_CREATE_SNAPSHOTS=1</c>, review the new file and commit it.
/// </remarks>
public class ResultSnapshotTests
{
    private const string CreateSnapshots = "SPINETRIAGE_CREATE_SNAPSHOTS";

    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Fact]
    public void Emergency_cauda_equina_after_lumbar_fusion()
    {
        MatchSnapshot(ReportBuilder.AllRedFlagsDenied().Yes(Q.BladderOrBowelControlLoss, Q.SaddleNumbness) with
        {
            ReportId = "snapshot-emergency",
            SurgeryDate = new DateOnly(2026, 8, 10),
            SurgeryRegion = SurgeryRegion.Lumbar,
            Hardware = [HardwareKind.Screws, HardwareKind.Rods],
            FusionLevels = 2,
            PainScore = 6,
        });
    }

    [Fact]
    public void Urgent_unresolved_red_flags_with_a_measured_temperature_and_a_fever_contradiction()
    {
        var report = ReportBuilder.AllRedFlagsDenied()
            .Unknown(Q.SaddleNumbness, Q.CalfPainOrSwelling)
            .No(Q.Fever)
            .Measured(Temperature.Fahrenheit(100.4m));

        MatchSnapshot(report with { ReportId = "snapshot-urgent" });
    }

    [Fact]
    public void Soon_pain_after_improvement_in_a_smoker()
    {
        MatchSnapshot(ReportBuilder.AllRedFlagsDenied().Yes(Q.PainReturnedAfterImprovement).Pain(6) with
        {
            ReportId = "snapshot-soon",
            SurgeryRegion = SurgeryRegion.Cervical,
            Hardware = [HardwareKind.Plates, HardwareKind.Screws],
            RiskFactors = [RiskFactor.Smoking],
        });
    }

    [Fact]
    public void Routine_asymptomatic_imaging_finding()
    {
        MatchSnapshot(ReportBuilder.AllRedFlagsDenied()
            .Yes(Q.ImagingShowsHardwareProblem)
            .No(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement, Q.InstabilityOrMovement, Q.RadiatingLimbPain) with
        {
            ReportId = "snapshot-routine",
            Hardware = [HardwareKind.Cages],
            RiskFactors = [RiskFactor.Osteoporosis, RiskFactor.MultiLevelSurgery],
            PainScore = 2,
            Temperature = Temperature.Celsius(36.8m),
        });
    }

    [Fact]
    public void Self_care_expected_recovery()
    {
        MatchSnapshot(ReportBuilder.AllRedFlagsDenied().Pain(3) with { ReportId = "snapshot-self-care", AssessedOn = null });
    }

    private void MatchSnapshot(SymptomReport report, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var json = TriageJson.SerializeResult(Engine.Evaluate(report));
        var testFolder = RepositoryPaths.PathOf("tests/SpineTriage.Tests/Serialization");
        var name = $"{nameof(ResultSnapshotTests)}.{test}.snap";
        var snapshotFolder = Path.Combine(testFolder, "__snapshots__");
        if (!File.Exists(Path.Combine(snapshotFolder, name)) && Environment.GetEnvironmentVariable(CreateSnapshots) != "1")
        {
            Assert.Fail($"The snapshot {name} is missing from {snapshotFolder}. Run the tests with {CreateSnapshots}=1 to create it, review it and commit it.");
        }

        // Snapshooter keeps snapshots in __snapshots__ under the folder it is given: this test file's folder in the repository.
        Snapshot.Match(json, new SnapshotFullName(name, testFolder));
    }
}
