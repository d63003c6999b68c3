using System.Diagnostics;
using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.Bench.AutoML;
using Pipelines.Bench.Suite;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Bench.Trees;

/// <summary>
/// Our GBDT on categorical columns as they are (its own categorical splits, no encoding), at its defaults (100 rounds)
/// and at 300 rounds, on every set of the suite's manifests with a categorical feature of more than four categories
/// (where splits group categories): test macro-F1 and ROC AUC, or R², per seeded stratified 75/25 split
/// (<see cref="BenchSplit"/>, as automl-suite makes them), then their mean. Free-text columns are dropped.
/// With <c>encoding=onehot</c> the categorical columns are one-hot encoded first, as the AutoML search's default
/// pipeline does (the 16 most frequent categories of each, the rest as one "other" column), for comparison.
/// <c>gbdt-categorical data=DIR[,DIR...] [splits=3] [encoding=native|onehot]</c>.
/// </summary>
public sealed class GbdtCategoricalBench : IBench
{
    private static readonly int[] Rounds = [100, 300];

    public string Name => "gbdt-categorical";

    public string Description => "GBDT with its own categorical splits, defaults and 300 rounds, on the suite's sets with categorical features of more than 4 categories";

    public int Run(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (!options.TryGetValue("data", out var folders)) throw new BenchUsageException("name the sets' folders: data=DIR[,DIR...] (bench/suite/setup-data.sh and export-data.R write them)");
        var splits = options.Int("splits", 3);
        var oneHot = options.GetValueOrDefault("encoding", "native") switch
        {
            "native" => false,
            "onehot" => true,
            var other => throw new BenchUsageException($"encoding={other}: give encoding=native (the GBDT's own categorical splits) or encoding=onehot"),
        };
        Console.WriteLine($"gbdt-categorical {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {splits} split(s) per set (seeds 42..), categorical columns {(oneHot ? "one-hot encoded (16 most frequent)" : "as they are")}");
        Console.WriteLine("| set | task | rounds | " + string.Join(" | ", Enumerable.Range(42, splits).Select(s => $"split {s}")) + " | mean | fit s |");
        Console.WriteLine("| --- | --- | ---: | " + string.Concat(Enumerable.Repeat("---: | ", splits)) + "---: | ---: |");
        foreach (var folder in folders.Split(','))
        {
            foreach (var set in SuiteSet.ReadManifest(folder))
            {
                var task = set.Task == "regression" ? TaskChoice.Regression : TaskChoice.Classification;
                // The first split decides whether the set qualifies, so a set without such a column is read once.
                var first = BenchSplit.Read(set.Path, set.Label, 42, task);
                if (!first.Frame.Schema.Features.Any(c => c.Kind == ColumnKind.Categorical && first.Frame[c.Name] is CategoricalColumn { Categories.Count: > 4 }))
                    continue;
                BenchSplit[] cases = [first, .. Enumerable.Range(43, splits - 1).Select(seed => BenchSplit.Read(set.Path, set.Label, seed, task))];
                foreach (var rounds in Rounds) Console.WriteLine(Row(set.Name, task, rounds, cases, oneHot));
            }
        }
        return 0;
    }

    private static string Row(string name, TaskChoice task, int rounds, BenchSplit[] cases, bool oneHot)
    {
        var scores = new List<string>();
        var seconds = 0.0;
        var (first, second) = (new List<double>(), new List<double>());
        foreach (var split in cases)
        {
            var train = split.Train.Without(split.TextColumns);
            var clock = Stopwatch.StartNew();
            IEstimator<ITransformer> learner = task == TaskChoice.Regression ? new GbdtRegressor { Rounds = rounds } : new GbdtClassifier { Rounds = rounds };
            var model = oneHot ? new OneHotEncode(MaxCategories: 16).Append(learner).Fit(train) : learner.Fit(train);
            seconds += clock.Elapsed.TotalSeconds;
            var s = split.Target.Scores(model.Transform(split.Test.Without(split.TextColumns)), split.Fold.Test);
            first.Add(task == TaskChoice.Regression ? s["R2"] : s["MacroF1"]);
            second.Add(s.GetValueOrDefault("RocAuc", double.NaN));
            scores.Add(task == TaskChoice.Regression ? F(first[^1]) : $"{F(first[^1])} ({F(second[^1])})");
        }
        var mean = task == TaskChoice.Regression ? F(first.Average()) : $"{F(first.Average())} ({F(second.Average())})";
        var what = task == TaskChoice.Regression ? "R²" : "macro-F1 (ROC AUC)";
        return $"| {name} | {what} | {rounds} | {string.Join(" | ", scores)} | {mean} | {(seconds / cases.Length).ToString("F1", CultureInfo.InvariantCulture)} |";
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
