using System.Diagnostics;
using System.Globalization;
using Pipelines.Bench.Suite;
using Pipelines.Data;

namespace Pipelines.Bench.Gan;

/// <summary>
/// CTGAN over-sampling against SMOTE(-NC), class weights and no rebalancing on the automl-suite's imbalanced
/// classification sets, by test macro-F1 over the suite's splits (issue 18). Each variant of <see cref="GanSuiteVariant"/>
/// runs on each split of <see cref="GanSuiteSplit"/>, one GBDT with fixed defaults after it; every outcome is appended
/// to a results file as it ends, and variants already in the file are skipped, so a long run resumes. The tables of
/// <see cref="GanSuiteReport"/> are printed at the end, or from a file with <c>report FILE...</c>.
/// </summary>
public sealed class GanSuiteBench : IBench
{
    /// <summary>
    /// Sets whose smallest class has at most this share of the largest's rows count as imbalanced: the partial variants
    /// (which raise a class to half the largest) then add rows too, and balanced multiclass sets are left out.
    /// </summary>
    private const double MaxSmallestToLargest = 0.5;

    /// <summary>More rows than this make the GAN variants too slow for this machine.</summary>
    private const int MaxRows = 20_000;

    public string Name => "gan-suite";

    public string Description =>
        "GBDT after none / class weights / SMOTE(-NC) full and partial / CTGAN full and partial oversampling on the suite's imbalanced sets; "
        + "[data=DIR] [sets=a,b] [splits=3] [epochs=300] [out=FILE] | list [data=DIR] | report FILE...";

    public int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "report")
        {
            Console.WriteLine(GanSuiteReport.Render([.. args[1..].SelectMany(GanSuiteOutcome.ReadAll)]));
            return 0;
        }
        var options = BenchOptions.Parse(args);
        var splits = options.Int("splits", 3);
        var epochs = options.Int("epochs", 300);
        var folder = options.GetValueOrDefault("data", Path.Combine(BenchPaths.Root, SuiteSet.DefaultFolder));
        var sets = Choose(folder, options.TryGetValue("sets", out var names) ? names.Split(',') : null);
        if (args.Contains("list")) return 0;

        var output = options.GetValueOrDefault("out", Path.Combine(BenchPaths.Root, "bench", "results", $"gan-suite-{DateTime.UtcNow:yyyyMMdd-HHmmss}.jsonl"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var done = GanSuiteOutcome.ReadAll(output).Select(o => (o.Set, o.Split, o.Variant)).ToHashSet();
        var build = AutoMLSuiteBench.BuildId();
        var variants = GanSuiteVariant.All(epochs, new GanRebalanceBench.ConsoleProgress(Math.Max(1, epochs / 5)));

        var first = AutoMLSuiteBench.FirstSplitSeed;
        Console.WriteLine($"gan-suite {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, build {build}, {sets.Count} sets x {splits} split(s) (seeds {first}..{first + splits - 1}), GAN {epochs} epochs (and {3 * epochs})");
        Console.WriteLine($"variants: {string.Join(", ", variants.Select(v => v.Name))}; GBDT Seed 0, Threads 2");
        Console.WriteLine($"machine: {AutoMLSuiteBench.Machine()}; load average at start {AutoMLSuiteBench.LoadAverage()}");
        Console.WriteLine($"results: {output}{(done.Count > 0 ? $" ({done.Count} outcomes there already, skipped)" : "")}");
        var clock = Stopwatch.StartNew();
        foreach (var set in sets)
        {
            for (var split = first; split < first + splits; split++)
            {
                var missing = variants.Where(v => !done.Contains((set.Name, split, v.Name))).ToArray();
                if (missing.Length == 0) continue;
                var data = GanSuiteSplit.Read(set, split);
                Console.Error.WriteLine($"{set.Name} split {split}: {data.Train.RowCount} train / {data.Test.RowCount} test rows after cleaning, {data.Train.Features.Count()} features ({data.Train.Features.Count(c => c is CategoricalColumn)} categorical); load {AutoMLSuiteBench.LoadAverage()}; {clock.Elapsed:hh\\:mm\\:ss}");
                foreach (var variant in missing)
                {
                    var outcome = data.Run(variant, build);
                    File.AppendAllLines(output, [outcome.ToJsonLine()]);
                    Console.Error.WriteLine($"  {Describe(outcome)}");
                }
            }
        }
        Console.WriteLine($"\ndone in {clock.Elapsed:hh\\:mm\\:ss}; load average at end {AutoMLSuiteBench.LoadAverage()}\n");
        Console.WriteLine(GanSuiteReport.Render(GanSuiteOutcome.ReadAll(output)));
        return 0;
    }

    /// <summary>
    /// The suite's classification sets (of <paramref name="wanted"/>, when given) with at most <see cref="MaxRows"/> rows whose
    /// smallest class has at most <see cref="MaxSmallestToLargest"/> of the largest's rows; prints them with their class shares, and the sets left out and why.
    /// </summary>
    private static List<SuiteSet> Choose(string folder, IReadOnlyList<string>? wanted)
    {
        var all = SuiteSet.ReadManifest(folder);
        var candidates = wanted is null ? all
            : SuiteSet.Named(all, wanted, folder);
        var chosen = new List<SuiteSet>();
        var leftOut = new List<string>();
        Console.WriteLine($"| set | rows | classes | class shares | smallest / largest |");
        Console.WriteLine("| --- | ---: | ---: | --- | ---: |");
        foreach (var set in candidates)
        {
            if (set.Task != "classification")
            {
                leftOut.Add($"{set.Name} ({set.Task})");
                continue;
            }
            if (set.Rows > MaxRows)
            {
                leftOut.Add($"{set.Name} ({set.Rows} rows, over {MaxRows}: the GAN variants would take too long here)");
                continue;
            }
            var label = (CategoricalColumn)SuiteCase.Read(set, AutoMLSuiteBench.FirstSplitSeed).Data.Frame.Label!;
            var counts = label.CountPerCategory();
            var present = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).OrderByDescending(c => counts[c]).ToArray();
            var total = (double)counts.Sum();
            var ratio = (double)counts[present[^1]] / counts[present[0]];
            if (ratio > MaxSmallestToLargest)
            {
                leftOut.Add(string.Create(CultureInfo.InvariantCulture, $"{set.Name} (smallest class {ratio:F2} of the largest, over {MaxSmallestToLargest:F1})"));
                continue;
            }
            chosen.Add(set);
            var shares = string.Join(", ", present.Select(c => string.Create(CultureInfo.InvariantCulture, $"{label.Categories[c]} {counts[c] / total:P1}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {set.Name} | {set.Rows} | {present.Length} | {shares} | {ratio:F2} |"));
        }
        Console.WriteLine($"\n{chosen.Count} sets chosen; left out: {(leftOut.Count == 0 ? "none" : string.Join("; ", leftOut))}\n");
        return chosen;
    }

    private static string Describe(GanSuiteOutcome o)
    {
        if (o.Failed) return $"{o.Variant,-18} FAILED after {o.ResampleSeconds + o.FitSeconds:F1} s: {o.Error}";
        var metrics = string.Join(", ", o.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:F4}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{o.Variant,-18} {metrics}; {o.TrainRows} train rows (+{o.AddedRows}); resample {o.ResampleSeconds:F1} s, fit {o.FitSeconds:F1} s");
    }
}
