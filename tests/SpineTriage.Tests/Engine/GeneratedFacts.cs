using SpineTriage.Engine.Internal;
using SpineTriage.Reports;

namespace SpineTriage.Tests.Engine;

/// <summary>Random report facts for the compiled-versus-interpreted tests: every answer of the layout's questions yes, no or unknown, weighted towards few yes; days 0 to 199 (the 2.0 edges 42/43 and 90/91 among them), every region and none.</summary>
internal static class GeneratedFacts
{
    private static readonly SurgeryRegion?[] Regions = [null, SurgeryRegion.Cervical, SurgeryRegion.Thoracic, SurgeryRegion.Lumbar, SurgeryRegion.Sacral];

    public static IEnumerable<Facts> For(FactLayout layout, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            uint yes = 0, no = 0;
            var yesWeight = random.Next(2, 12);
            for (var q = 0; q < System.Numerics.BitOperations.PopCount(layout.AllQuestions); q++)
            {
                var draw = random.Next(yesWeight + 6);
                yes |= draw == 0 ? 1u << q : 0;
                no |= draw > 2 ? 1u << q : 0;
            }

            var temperature = random.Next(3) == 0 ? (Temperature?)null : Temperature.Celsius(36.0m + (random.Next(40) / 10m));
            var facts = new ReportFacts(yes, no, random.Next(-1, 11), temperature, temperature?.ToCelsius() ?? 0m);
            yield return layout.Read(facts, random.Next(0, 200), Regions[random.Next(Regions.Length)], random.Next(0, 128));
        }
    }
}
