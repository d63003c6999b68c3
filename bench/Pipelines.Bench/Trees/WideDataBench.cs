using System.Globalization;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Forest;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Bench.Trees;

/// <summary>
/// Wide data (few rows, many columns) through the steps every search trial runs: mean imputation plus z-scoring
/// (fit and transform) and a random forest and extra trees (100 trees, square root of the features per node, 2
/// threads), ours next to scikit-learn's SimpleImputer + StandardScaler, RandomForestClassifier and
/// ExtraTreesClassifier (n_jobs=2) on the same float32 matrix in the same run (its forests on the mean-imputed matrix:
/// the Debian scikit-learn refuses NaN there). Every figure is the best of three
/// timed runs after one warm-up run, so JIT, imports and thread pools are out of it.
/// </summary>
public sealed class WideDataBench : IBench
{
    private const string PeerScript = """
        import sys, time
        import numpy as np
        import sklearn
        from sklearn.impute import SimpleImputer
        from sklearn.preprocessing import StandardScaler
        from sklearn.pipeline import make_pipeline
        from sklearn.ensemble import RandomForestClassifier, ExtraTreesClassifier
        rows, cols = int(sys.argv[3]), int(sys.argv[4])
        X = np.fromfile(sys.argv[1], dtype=np.float32).reshape(cols, rows).T.copy()
        y = np.fromfile(sys.argv[2], dtype=np.float32).astype(np.int64)
        def best(fit):
            fit()
            times = []
            for _ in range(3):
                t = time.perf_counter(); fit(); times.append(time.perf_counter() - t)
            return min(times)
        prep = best(lambda: make_pipeline(SimpleImputer(), StandardScaler()).fit(X).transform(X))
        Xf = SimpleImputer().fit_transform(X)  # this scikit-learn's forests refuse NaN; ours take it as is
        rf = best(lambda: RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0).fit(Xf, y))
        et = best(lambda: ExtraTreesClassifier(n_estimators=100, n_jobs=2, random_state=0).fit(Xf, y))
        print(f"{prep:.4f} {rf:.4f} {et:.4f} scikit-learn {sklearn.__version__}, forests with n_jobs=2 (joblib threads); forests fitted on the mean-imputed matrix")
        """;

    public string Name => "wide-data";

    public string Description => "impute + z-score and forests on wide data vs scikit-learn, 2 threads (args: [ROWSxCOLUMNS ...], default 50x5000 500x750 5000x100)";

    /// <summary>"ROWSxCOLUMNS" as two counts.</summary>
    private static (int Rows, int Features) Shape(string text)
    {
        var parts = text.Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var features) && rows >= 1 && features >= 1)
            return (rows, features);
        throw new BenchUsageException($"shape '{text}': give ROWSxCOLUMNS, two whole numbers of at least 1, e.g. 500x750");
    }

    public int Run(string[] args)
    {
        var shapes = (args.Length > 0 ? args : ["50x5000", "500x750", "5000x100"]).Select(Shape).ToArray();
        Console.WriteLine($"{Environment.ProcessorCount} processors; ours with 2 threads; every figure the best of 3 after a warm-up");
        Console.WriteLine("| rows x columns | step | ours s | scikit-learn s | ratio ours / sklearn |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        string? peerInfo = null;
        foreach (var (rows, features) in shapes)
        {
            var (data, columns, labels) = Generate(rows, features, seed: 7);

            var prep = new EstimatorChain([new ImputeMissing(Numeric: NumericImputation.Mean), new ZScoreNormalize()]);
            var ours = new[]
            {
                ("impute + z-score", SteadyState.BestSeconds(() => prep.Fit(data).Transform(data))),
                ("random forest", SteadyState.BestSeconds(() => new RandomForestClassifier { Threads = 2, Seed = 0 }.Fit(data))),
                ("extra trees", SteadyState.BestSeconds(() => new ExtraTreesClassifier { Threads = 2, Seed = 0 }.Fit(data))),
            };
            var peer = RunPeer(columns, labels, rows, features);
            peerInfo ??= peer.Info;
            for (var i = 0; i < ours.Length; i++)
                Console.WriteLine($"| {rows:N0} x {features:N0} | {ours[i].Item1} | {ours[i].Item2:F3} | {peer.Seconds[i]:F3} | {ours[i].Item2 / peer.Seconds[i]:F2} |");
        }
        Console.WriteLine($"peer: {peerInfo}");
        return 0;
    }

    private static (double[] Seconds, string Info) RunPeer(float[][] columns, float[] labels, int rows, int features)
    {
        var output = PeerPython.RunOnMatrix(PeerScript, columns, labels,
            rows.ToString(CultureInfo.InvariantCulture), features.ToString(CultureInfo.InvariantCulture)).Trim();
        var fields = output.Split(' ', 4);
        return ([.. fields.Take(3).Select(f => double.Parse(f, CultureInfo.InvariantCulture))], fields[3]);
    }

    /// <summary>Uniform features, 3% missing; label from the first five features plus noise, so the forests have something to find.</summary>
    private static (DataFrame Data, float[][] Columns, float[] Labels) Generate(int rows, int features, int seed)
    {
        var random = new Random(seed);
        var columns = new float[features][];
        for (var f = 0; f < features; f++)
        {
            columns[f] = new float[rows];
            for (var r = 0; r < rows; r++) columns[f][r] = random.NextDouble() < 0.03 ? float.NaN : (float)((2 * random.NextDouble()) - 1);
        }
        var labels = new float[rows];
        var names = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            double s = random.NextDouble() - 0.5;
            for (var f = 0; f < Math.Min(5, features); f++) s += float.IsNaN(columns[f][r]) ? 0 : columns[f][r];
            labels[r] = s > 0 ? 1 : 0;
            names[r] = s > 0 ? "yes" : "no";
        }
        var frame = new List<Column>();
        for (var f = 0; f < features; f++) frame.Add(new NumericColumn($"f{f}", columns[f]));
        frame.Add(CategoricalColumn.FromValues("label", names));
        return (new DataFrame(frame, label: "label"), columns, labels);
    }
}
