using System.Diagnostics;
using System.Globalization;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.MLNet.Trainers;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees;

namespace Pipelines.Bench.Trees;

/// <summary>
/// Test accuracy and log loss of our GBDT (defaults) next to XGBoost (tree_method=hist, defaults), scikit-learn's
/// HistGradientBoostingClassifier (defaults) and ML.NET's LightGbm and FastTree (ML.NET's defaults, through the
/// project's <see cref="LightGbmClassifier"/> / <see cref="FastTreeClassifier"/>, whose models are ML.NET's read
/// exactly; LightGbm multiclass with the softmax objective; FastTree binary only) on the classification sets in data/,
/// with one seeded stratified 75/25 split each; the Python peers read the same split from temporary CSV files.
/// </summary>
public sealed class GbdtQualityBench : IBench
{
    private static readonly (string File, string Label)[] Sets =
        [("breast_cancer.csv", "diagnosis"), ("iris.csv", "species"), ("wine.csv", "cultivar"), ("digits.csv.gz", "digit")];

    private const string PeerScript = """
        import sys, time, warnings
        import numpy as np
        warnings.filterwarnings("ignore")
        from sklearn.metrics import accuracy_score, log_loss
        from sklearn.ensemble import HistGradientBoostingClassifier
        import xgboost as xgb
        train = np.loadtxt(sys.argv[1], delimiter=","); test = np.loadtxt(sys.argv[2], delimiter=",")
        k = int(sys.argv[3])
        Xtr, ytr = train[:, :-1], train[:, -1].astype(int); Xte, yte = test[:, :-1], test[:, -1].astype(int)
        labels = list(range(k))
        for name, model in [("xgboost-hist", xgb.XGBClassifier(tree_method="hist", random_state=0, n_jobs=2)),
                            ("sklearn-hgb", HistGradientBoostingClassifier(random_state=0))]:
            t = time.perf_counter(); model.fit(Xtr, ytr); fit = time.perf_counter() - t
            p = model.predict_proba(Xte)
            print(f"{name} {accuracy_score(yte, p.argmax(1)):.4f} {log_loss(yte, p, labels=labels):.4f} {fit:.2f}")
        """;

    public string Name => "gbdt-quality";

    public string Description => "GBDT test accuracy / log loss vs XGBoost hist, sklearn HistGradientBoosting and ML.NET LightGbm / FastTree on data/ sets";

    public int Run(string[] args)
    {
        var dataDir = args.Length > 0 ? args[0] : FindDataDirectory();
        Console.WriteLine("| data set | rows x features | classes | model | accuracy | log loss | fit s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (file, label) in Sets)
        {
            var data = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(dataDir, file)).WithLabel(label));
            var fold = Split.TrainTest(data, 0.25, seed: 42);
            var train = data.Take(fold.Train);
            var test = data.Take(fold.Test);
            var labels = data.Categorical(label);
            var classes = labels.Categories.Count;
            var shape = $"{data.RowCount} x {data.ColumnCount - 1}";

            Report(file, shape, classes, "ours (Pipelines GBDT)", () => new GbdtClassifier { Seed = 0, Threads = 2 }.Fit(train), test, label);
            Report(file, shape, classes, "ML.NET LightGbm", () => new LightGbmClassifier { Seed = 0, Threads = 2 }.Fit(train), test, label);
            if (classes == 2) Report(file, shape, classes, "ML.NET FastTree", () => new FastTreeClassifier { Seed = 0, Threads = 2 }.Fit(train), test, label);
            else Console.WriteLine($"| {file} | {shape} | {classes} | ML.NET FastTree | - | - | - (binary only) |");

            var dir = Path.Combine(Path.GetTempPath(), "gbdt-quality-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var features = data.Features.Select(c => c.Name).ToArray();
                var trainPath = Path.Combine(dir, "train.csv");
                var testPath = Path.Combine(dir, "test.csv");
                PeerPython.WriteNumericCsv(trainPath, train, features, train.Categorical(label).Codes.ToArray());
                PeerPython.WriteNumericCsv(testPath, test, features, test.Categorical(label).Codes.ToArray());
                var output = PeerPython.Run(PeerScript, trainPath, testPath, classes.ToString(CultureInfo.InvariantCulture));
                foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = line.Split(' ');
                    Console.WriteLine($"| {file} | {shape} | {classes} | {parts[0]} | {parts[1]} | {parts[2]} | {parts[3]} |");
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        return 0;
    }

    /// <summary>Fits with <paramref name="fit"/> and prints the test accuracy and log loss (the model's classes are the training rows', in the frame's order).</summary>
    private static void Report(string file, string shape, int classes, string name, Func<Predictor> fit, DataFrame test, string label)
    {
        var watch = Stopwatch.StartNew();
        var model = fit();
        var seconds = watch.Elapsed.TotalSeconds;
        var probabilities = model.Predict(test);
        var actual = test.Categorical(label).Recode(model.Classes).Codes.ToArray();
        var predicted = ClassificationMetrics.ArgMax(probabilities, model.Classes.Count);
        var accuracy = ClassificationMetrics.Accuracy(actual, predicted);
        var logLoss = ProbabilisticMetrics.LogLoss(actual, probabilities, model.Classes.Count);
        Console.WriteLine($"| {file} | {shape} | {classes} | {name} | {accuracy:F4} | {logLoss:F4} | {seconds:F2} |");
    }

    internal static string FindDataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "iris.csv"))) return candidate;
        }
        throw new DirectoryNotFoundException("Could not find the repository's data/ folder; pass it as the first argument.");
    }
}
