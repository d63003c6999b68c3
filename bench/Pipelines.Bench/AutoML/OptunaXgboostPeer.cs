using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;

namespace Pipelines.Bench.AutoML;

/// <summary>
/// Runs bench/scripts/optuna_xgboost.py with Debian's /usr/bin/python3 (through <see cref="PeerProcess"/>) on a split's
/// train and test parts (written as CSV, text columns dropped): an Optuna TPE study over XGBoost for the same
/// wall-clock budget, refit on all training rows and scored on the test rows with the same metric.
/// </summary>
internal sealed class OptunaXgboostPeer(string script)
{
    /// <summary>The peer's test score and accuracy, its best CV score, its trials, and its OpenMP wait policy (chosen by load).</summary>
    public sealed record Outcome(double Score, double Accuracy, double CvScore, int Trials, double SearchSeconds, double WallSeconds, string WaitPolicy);

    /// <summary>Null when the interpreter can import what the script needs; otherwise what is missing and how to install it.</summary>
    public static string? Unavailable() => PeerProcess.Unavailable("optuna, xgboost, sklearn, numpy",
        "install them with bench/setup-python-reference.sh (apt-get install python3-optuna python3-xgboost python3-sklearn).");

    public Outcome Run(BenchSplit split, Metric metric, TimeSpan budget, int threads)
    {
        var folder = Path.Combine(Path.GetTempPath(), "automl-vs-optuna-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var train = Path.Combine(folder, "train.csv");
            var test = Path.Combine(folder, "test.csv");
            CsvWriter.Write(split.Train.Without(split.TextColumns), train);
            CsvWriter.Write(split.Test.Without(split.TextColumns), test);
            var categorical = split.Train.Schema.Features.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name);
            string[] arguments =
            [
                script, train, test, "--label", split.Frame.LabelName!, "--metric", metric == Metric.MacroF1 ? "macro_f1" : "accuracy",
                "--timeout", budget.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture),
                "--categorical", .. categorical,
            ];
            var clock = Stopwatch.StartNew();
            var (exit, output, error) = PeerProcess.Run(arguments);
            var wall = clock.Elapsed.TotalSeconds;
            if (exit != 0) throw new InvalidOperationException($"{PeerProcess.Interpreter} {script} failed ({exit}): {error}");
            using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var r = json.RootElement;
            return new Outcome(r.GetProperty("test_score").GetDouble(), r.GetProperty("test_accuracy").GetDouble(), r.GetProperty("cv_score").GetDouble(),
                r.GetProperty("trials").GetInt32(), r.GetProperty("search_seconds").GetDouble(), wall, r.GetProperty("omp_wait_policy").GetString()!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
