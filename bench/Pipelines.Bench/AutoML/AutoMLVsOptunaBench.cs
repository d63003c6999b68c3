using System.Diagnostics;
using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.Bench.Trees;
using Pipelines.Data;

namespace Pipelines.Bench.AutoML;

/// <summary>
/// The AutoML issue's acceptance bench. Per classification set in data/, one seeded stratified 75/25 split; on it, in
/// this order (so all three see similar machine load): our <see cref="Experiment"/> with the time budget, each default
/// learner at its library defaults, and an Optuna-tuned XGBoost with the same budget (bench/scripts/optuna_xgboost.py).
/// Prints the test score of each in the experiment's metric, the gap to Optuna, whether ours is at least the best
/// default learner, and the wall-clock seconds each used. Arguments: [budget-seconds] [splits=N] [optuna=off]
/// [set-name prefixes]; with splits=N each set is also run on split seeds 43, 44, ... and a summary averages the test
/// scores over the splits (one 45-row test part decides little on its own).
/// </summary>
public sealed class AutoMLVsOptunaBench : IBench
{
    private const int SplitSeed = 42;
    private const int Threads = 2;

    private static readonly (string File, string Label)[] Sets =
    [
        ("breast_cancer.csv", "diagnosis"), ("iris.csv", "species"), ("wine.csv", "cultivar"), ("digits.csv.gz", "digit"), ("messy_churn.csv", "churned"),
    ];

    public string Name => "automl-vs-optuna";

    public string Description => "AutoML experiment (60 s) vs best default learner vs Optuna-tuned XGBoost (60 s) on data/ sets; [budget] [splits=N] [optuna=off] [set prefixes]";

    public int Run(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var splits = options.Int("splits", 1);
        var optunaOff = options.GetValueOrDefault("optuna") == "off";
        var rest = BenchOptions.Positional(args);
        var budget = BenchOptions.Seconds(rest, 0, "budget", 60);
        var chosen = rest.Length > 1 ? Sets.Where(s => rest[1..].Any(a => s.File.StartsWith(a, StringComparison.Ordinal))).ToArray() : Sets;
        var dataDir = GbdtQualityBench.FindDataDirectory();
        var missing = optunaOff ? "optuna=off was given" : OptunaXgboostPeer.Unavailable();
        if (missing is not null) Console.WriteLine($"Optuna-XGBoost column skipped: {missing}");
        var peer = missing is null ? new OptunaXgboostPeer(FindScript()) : null;
        Console.WriteLine($"budget {budget.TotalSeconds:F0} s per contender, {Environment.ProcessorCount} cores, split seeds {SplitSeed}..{SplitSeed + splits - 1}, experiment seed 0; load average at start {LoadAverage()}");

        var runs = chosen.SelectMany(set => Enumerable.Range(SplitSeed, splits)
            .Select(seed => Compare(BenchSplit.Read(Path.Combine(dataDir, set.File), set.Label, seed), seed, budget, peer))).ToList();

        Console.WriteLine();
        Console.WriteLine("Test scores in the experiment's metric (accuracy in parentheses); seconds are wall-clock per contender. Best default learner:");
        Console.WriteLine("the highest test score of the five (an oracle pick); default chosen by CV: the one with the best 5-fold CV score on train.");
        Console.WriteLine();
        Console.WriteLine("| data set | metric | ours | best default learner | default chosen by CV | Optuna-XGBoost | ours − Optuna | ours ≥ best default | ours s | defaults s (5 learners, CV + fit) | Optuna s | trials ours / Optuna | load average 1/5/15 min, before → after |");
        Console.WriteLine("| --- | --- | ---: | --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var run in runs) Console.WriteLine(run.Row);
        if (splits > 1) PrintSummary(runs, splits);
        return 0;
    }

    /// <summary>Per set, the mean test score of each contender over the splits, and on how many splits ours was at least the best default.</summary>
    private static void PrintSummary(IReadOnlyList<Comparison> runs, int splits)
    {
        Console.WriteLine();
        Console.WriteLine($"Mean test score over {splits} splits (a failed run of ours counts as 0):");
        Console.WriteLine();
        Console.WriteLine("| data set | ours | best default learner (oracle per split) | default chosen by CV | Optuna-XGBoost | ours ≥ best default | ours ≥ default chosen by CV |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var set in runs.GroupBy(r => r.Set))
        {
            var optuna = set.All(r => r.Optuna is not null) ? F(set.Average(r => r.Optuna!.Value)) : "n/a";
            Console.WriteLine($"| {set.Key} | {F(set.Average(r => r.Ours ?? 0))} | {F(set.Average(r => r.BestDefault))} | {F(set.Average(r => r.CvDefault))} | {optuna} | "
                + $"{set.Count(r => r.Ours >= r.BestDefault)} of {set.Count()} | {set.Count(r => r.Ours >= r.CvDefault)} of {set.Count()} |");
        }
    }

    /// <summary>One set on one split: the test scores (ours null when it failed) and the printed table row.</summary>
    private sealed record Comparison(string Set, double? Ours, double BestDefault, double CvDefault, double? Optuna, string Row);

    /// <summary>Runs the three contenders on one split, printing details as they finish; returns their scores and the table row.</summary>
    private static Comparison Compare(BenchSplit split, int seed, TimeSpan budget, OptunaXgboostPeer? peer)
    {
        var loadBefore = LoadAverage();
        var name = seed == SplitSeed ? split.Name : $"{split.Name} (split {seed})";
        Console.WriteLine($"\n{name}: train {split.Train.RowCount} rows, test {split.Test.RowCount}, load average {loadBefore}");

        var clock = Stopwatch.StartNew();
        var (result, failure) = RunExperiment(split, budget);
        var oursSeconds = clock.Elapsed.TotalSeconds;
        // The metric the experiment optimizes; if it failed, the one it would have chosen.
        var metric = result?.Metric ?? MetricChoice.Default(ExperimentTarget.Of(split.Train, LabelTask.Detect(split.Train)));
        var ours = result is null ? default : split.Score(result.Model, metric);
        if (result is null)
        {
            Console.WriteLine($"  ours: FAILED after {oursSeconds:F1} s: {failure}");
        }
        else
        {
            var model = result.Ensemble is { IsUsed: true } e
                ? $"{(e.OfLibraryDefaults ? "library-defaults blend" : "ensemble")} of {e.Members.Count} (best: {result.Best.Learner})" : result.Best.Learner;
            Console.WriteLine($"  ours: {metric} {ours.Score:F4} (accuracy {ours.Accuracy:F4}), {result.Trials.Count} trials, out-of-fold {result.Score:F4}, {model}, {oursSeconds:F1} s");
        }

        var defaults = DefaultLearners.Evaluate(split, metric);
        foreach (var d in defaults) Console.WriteLine($"  default {d.Learner}: {metric} {d.Score:F4} (accuracy {d.Accuracy:F4}), cv {d.CvScore:F4}, {d.Seconds:F1} s");
        var best = defaults.MaxBy(d => d.Score)!;
        var chosenByCv = defaults.MaxBy(d => d.CvScore)!;

        var optuna = peer?.Run(split, metric, budget, Threads);
        if (optuna is not null)
            Console.WriteLine($"  optuna-xgboost: {metric} {optuna.Score:F4} (accuracy {optuna.Accuracy:F4}), {optuna.Trials} trials, cv {optuna.CvScore:F4}, search {optuna.SearchSeconds:F1} s, wall {optuna.WallSeconds:F1} s, OMP_WAIT_POLICY {optuna.WaitPolicy}");

        var oursCell = result is null ? $"failed ({failure!.Split(':')[0]})" : $"{F(ours.Score)} ({F(ours.Accuracy)})";
        var gap = optuna is null || result is null ? "n/a" : F(ours.Score - optuna.Score, signed: true);
        var meetsBar = result is null ? "**no** (failed)" : ours.Score >= best.Score ? "yes" : "**no**";
        var row = $"| {name} | {metric} | {oursCell} | {F(best.Score)} ({F(best.Accuracy)}) {best.Learner} | {F(chosenByCv.Score)} {chosenByCv.Learner} | "
            + $"{(optuna is null ? "n/a" : $"{F(optuna.Score)} ({F(optuna.Accuracy)})")} | {gap} | {meetsBar} | "
            + $"{oursSeconds:F1} | {defaults.Sum(d => d.Seconds):F1} | {(optuna is null ? "n/a" : optuna.WallSeconds.ToString("F1", CultureInfo.InvariantCulture))} | "
            + $"{result?.Trials.Count.ToString(CultureInfo.InvariantCulture) ?? "n/a"} / {(optuna is null ? "n/a" : optuna.Trials.ToString(CultureInfo.InvariantCulture))} | {loadBefore} → {LoadAverage()} |";
        return new Comparison(split.Name, result is null ? null : ours.Score, best.Score, chosenByCv.Score, optuna?.Score, row);
    }

    /// <summary>
    /// The experiment's result, or its failure as text: the bench reports a failed run in its row and goes on to the
    /// other contenders and sets, since a failure is itself a result of this bench.
    /// </summary>
    private static (ExperimentResult? Result, string? Failure) RunExperiment(BenchSplit split, TimeSpan budget)
    {
        try
        {
            return (new Experiment(new ExperimentOptions { TimeBudget = budget, Seed = 0 }).Run(split.Train), null);
        }
#pragma warning disable CA1031 // any failure of the contender under test is reported, not fatal to the bench
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var where = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(" Pipelines.", StringComparison.Ordinal));
            return (null, $"{ex.GetType().Name}: {ex.Message} {where}");
        }
    }

    private static string F(double value, bool signed = false) =>
        value.ToString(signed ? "+0.0000;-0.0000;0.0000" : "F4", CultureInfo.InvariantCulture);

    /// <summary>The 1, 5 and 15-minute load averages (Linux), or "n/a".</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "scripts", "optuna_xgboost.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("Could not find bench/scripts/optuna_xgboost.py above " + AppContext.BaseDirectory);
    }
}
