using System.Diagnostics;
using System.Globalization;
using Pipelines.Trainers.Distillation;

namespace Pipelines.Bench.Distillation;

/// <summary>
/// Robustness of the distill bench over student seeds (and optionally split seeds): per data set and split (teacher
/// refitted per split), the student with the library defaults and with the previous recipe (60 epochs, 2 synthetic rows
/// per real row of perturbation and mixup, no boundary rows, no floor on the synthetic rows), each for student seeds
/// 1..N: test accuracy kept (student / teacher) and fidelity (share of test rows where the student predicts the
/// teacher's class), min and mean, and on how many seeds the student keeps at least 98 % of the teacher's accuracy.
/// With several splits, a summary over all splits and seeds follows.
/// </summary>
internal static class DistillSeeds
{
    private static readonly (string Name, Func<DistillStudent, DistillStudent> Recipe)[] Recipes =
    [
        ("previous", s => s with
        {
            Epochs = 60, AugmentFactor = 2, MinSyntheticRows = 0, ValidationRows = 0,
            Augmentation = new DistillAugmentation { BoundarySearchSteps = 0 },
        }),
        ("defaults", s => s),
    ];

    /// <param name="first">The cases of split seed 42, already loaded.</param>
    public static void Print(IReadOnlyList<DistillCase> first, string dataDir, int seeds, int splits)
    {
        Console.WriteLine();
        Console.WriteLine($"Student seeds 1..{seeds}, split seeds 42..{42 + splits - 1}, test rows:");
        Console.WriteLine("| data set | split | recipe | teacher acc | student acc min / mean | kept min / mean | fidelity min / mean | disagreeing rows per seed | seeds with kept >= 98 % | student fit s (mean) |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        var all = new Dictionary<(string File, string Recipe), List<(DistillationReport Report, int Rows)>>();
        for (var i = 0; i < first.Count; i++)
        {
            var (file, label) = DistillCase.Sets[i];
            for (var split = 42; split < 42 + splits; split++)
            {
                var set = split == 42 ? first[i] : DistillCase.Load(dataDir, file, label, split);
                foreach (var (name, recipe) in Recipes)
                {
                    var reports = Run(set, recipe, seeds, out var seconds);
                    if (!all.TryGetValue((file, name), out var list)) all[(file, name)] = list = [];
                    list.AddRange(reports.Select(r => (r, set.Test.RowCount)));
                    Console.WriteLine(
                        $"| {file} | {split} | {name} | {reports[0].TeacherAccuracy:F4} | {reports.Min(r => r.StudentAccuracy):F4} / {reports.Average(r => r.StudentAccuracy):F4} | " +
                        $"{reports.Min(r => r.AccuracyRetained):P1} / {reports.Average(r => r.AccuracyRetained):P1} | " +
                        $"{reports.Min(r => r.Fidelity):P1} / {reports.Average(r => r.Fidelity):P1} | " +
                        $"{string.Join(" ", reports.Select(r => Disagreeing(r, set.Test.RowCount).ToString(CultureInfo.InvariantCulture)))} (of {set.Test.RowCount}) | " +
                        $"{reports.Count(r => r.AccuracyRetained >= 0.98)}/{seeds} | {seconds:F1} |");
                }
            }
        }
        if (splits < 2) return;
        Console.WriteLine();
        Console.WriteLine($"All {splits} splits x {seeds} student seeds:");
        Console.WriteLine("| data set | recipe | kept min / mean | fidelity (all test rows) | disagreeing rows | runs with kept >= 98 % |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var ((file, name), runs) in all)
        {
            var disagreeing = runs.Sum(r => Disagreeing(r.Report, r.Rows));
            var rows = runs.Sum(r => r.Rows);
            Console.WriteLine(
                $"| {file} | {name} | {runs.Min(r => r.Report.AccuracyRetained):P1} / {runs.Average(r => r.Report.AccuracyRetained):P1} | " +
                $"{1 - disagreeing / (double)rows:P2} | {disagreeing} of {rows} | {runs.Count(r => r.Report.AccuracyRetained >= 0.98)}/{runs.Count} |");
        }
    }

    private static List<DistillationReport> Run(DistillCase set, Func<DistillStudent, DistillStudent> recipe, int seeds, out double meanFitSeconds)
    {
        var reports = new List<DistillationReport>();
        var fitting = new Stopwatch();
        for (var seed = 1; seed <= seeds; seed++)
        {
            fitting.Start();
            var student = recipe(new DistillStudent { Teacher = set.Teacher, HiddenSizes = [set.Width], Seed = seed }).Fit(set.Train);
            fitting.Stop();
            reports.Add(DistillationReport.Measure(set.Teacher, student, set.Test));
        }
        meanFitSeconds = fitting.Elapsed.TotalSeconds / seeds;
        return reports;
    }

    private static int Disagreeing(DistillationReport report, int rows) => (int)Math.Round((1 - report.Fidelity) * rows);
}
