using System.Diagnostics;
using System.Globalization;
using Pipelines.Data;
using Pipelines.Trainers.Trees;

namespace Pipelines.Bench.Trees;

/// <summary>
/// Training time of our GBDT next to XGBoost hist (nthread=2) and ML.NET's LightGbm and FastTree on one seeded synthetic
/// binary set (default 500,000 x 50), 100 rounds, 63 leaves, learning rate 0.1, 2 threads, in the same run. Each is
/// warmed up by a small fit first, then timed once (steady state: JIT and native libraries loaded). XGBoost gets the same
/// float32 matrix through a raw file; its time covers DMatrix construction and training; ours the whole Fit (reading
/// the frame, binning, boosting); ML.NET's the whole Fit of its pipeline (<see cref="MLNetTreeTimer"/>).
/// </summary>
public sealed class GbdtSpeedBench : IBench
{
    private const string PeerScript = """
        import sys, time
        import numpy as np
        import xgboost as xgb
        rows, cols, rounds, leaves = (int(a) for a in sys.argv[3:7])
        X = np.fromfile(sys.argv[1], dtype=np.float32).reshape(cols, rows).T.copy()
        y = np.fromfile(sys.argv[2], dtype=np.float32)
        t = time.perf_counter()
        d = xgb.DMatrix(X, label=y, nthread=2)
        params = {"tree_method": "hist", "objective": "binary:logistic", "eta": 0.1, "max_leaves": leaves,
                  "grow_policy": "lossguide", "max_depth": 0, "nthread": 2, "max_bin": 256, "seed": 0}
        booster = xgb.train(params, d, num_boost_round=rounds)
        print(f"{time.perf_counter() - t:.3f}")
        """;

    public string Name => "gbdt-speed";

    public string Description => "GBDT training time vs XGBoost hist and ML.NET LightGbm / FastTree, 2 threads (args: [rows] [features] [rounds])";

    public int Run(string[] args)
    {
        var rows = BenchOptions.Int(args, 0, "rows", 500_000);
        var features = BenchOptions.Int(args, 1, "features", 50);
        var rounds = BenchOptions.Int(args, 2, "rounds", 100);
        const int Leaves = 63;
        var (data, columns, labels) = Generate(rows, features, seed: 42);

        var options = new GbdtClassifier { Rounds = rounds, NumLeaves = Leaves, Threads = 2, Seed = 0 };
        var warm = options with { Rounds = 1 };
        warm.Fit(data.Take([.. Enumerable.Range(0, Math.Min(rows, 20_000))])); // JIT warm-up
        var watch = Stopwatch.StartNew();
        var model = options.Fit(data);
        var ours = watch.Elapsed.TotalSeconds;
        var p = model.Predict(data.Take([.. Enumerable.Range(0, Math.Min(rows, 50_000))]));
        var yes = model.Classes[1] == "yes" ? 1f : 0f; // the label of class code 1
        var accuracy = Enumerable.Range(0, p.Length / 2).Count(r => (p[(2 * r) + 1] > 0.5f ? yes : 1 - yes) == labels[r]) / (p.Length / 2.0);

        var (lightGbm, lightGbmAccuracy) = MLNetTreeTimer.Time(MLNetTreeTimer.LightGbm, data, labels, rounds, Leaves, threads: 2);
        var (fastTree, fastTreeAccuracy) = MLNetTreeTimer.Time(MLNetTreeTimer.FastTree, data, labels, rounds, Leaves, threads: 2);

        var xgb = double.Parse(PeerPython.RunOnMatrix(PeerScript, columns, labels, rows.ToString(CultureInfo.InvariantCulture),
            features.ToString(CultureInfo.InvariantCulture), rounds.ToString(CultureInfo.InvariantCulture), Leaves.ToString(CultureInfo.InvariantCulture)).Trim(),
            CultureInfo.InvariantCulture);

        Console.WriteLine($"{rows:N0} x {features}, {rounds} rounds, {Leaves} leaves, 2 threads");
        Console.WriteLine("| model | train s | train accuracy (first 50k rows) |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| ours (Pipelines GBDT) | {ours:F2} | {accuracy:F3} |");
        Console.WriteLine($"| xgboost hist | {xgb:F2} | |");
        Console.WriteLine($"| {MLNetTreeTimer.LightGbm} | {lightGbm:F2} | {lightGbmAccuracy:F3} |");
        Console.WriteLine($"| {MLNetTreeTimer.FastTree} | {fastTree:F2} | {fastTreeAccuracy:F3} |");
        Console.WriteLine($"ratio ours / xgboost: {ours / xgb:F2} (goal <= 1.5); ours / ML.NET LightGbm: {ours / lightGbm:F2}; ours / ML.NET FastTree: {ours / fastTree:F2}");
        return 0;
    }

    /// <summary>Normal features; label 1 when a sum of a few features, a product and a threshold term plus noise is positive.</summary>
    private static (DataFrame Data, float[][] Columns, float[] Labels) Generate(int rows, int features, int seed)
    {
        var random = new Random(seed);
        var columns = new float[features][];
        for (var f = 0; f < features; f++)
        {
            columns[f] = new float[rows];
            for (var r = 0; r < rows; r++) columns[f][r] = (float)Normal(random);
        }
        var labels = new float[rows];
        var names = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var s = columns[0][r] - (0.7 * columns[1][r]) + (columns[2][r] * columns[3][r]) + (columns[4][r] > 0.5 ? 1 : 0) + (0.5 * Normal(random));
            labels[r] = s > 0.3 ? 1 : 0;
            names[r] = labels[r] == 1 ? "yes" : "no";
        }
        var frame = new List<Column>();
        for (var f = 0; f < features; f++) frame.Add(new NumericColumn($"f{f}", columns[f]));
        frame.Add(CategoricalColumn.FromValues("label", names));
        return (new DataFrame(frame, label: "label"), columns, labels);
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
