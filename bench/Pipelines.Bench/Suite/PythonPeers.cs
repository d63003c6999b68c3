using System.Globalization;
using Pipelines.Data;
using System.Text.Json;
using Pipelines.IO;

namespace Pipelines.Bench.Suite;

/// <summary>
/// The Python peers (bench/scripts/suite_peers.py with Debian's python3-sklearn, -xgboost and -optuna): scikit-learn's
/// HistGradientBoosting, XGBoost hist, random forest and a linear pipeline at their defaults, and XGBoost tuned by
/// Optuna for the suite's budget. The split's parts go to the script as CSV (free-text columns left out, as for ours);
/// it returns each tool's test predictions, scored here by <see cref="SuiteScores"/> like ours.
/// </summary>
internal sealed class PythonPeers(TimeSpan budget, int threads) : ISuiteContender
{
    public IReadOnlyList<string> Tools => ["hgb", "xgb", "rf", "linear", "optuna"];

    public string? Unavailable { get; } = PeerProcess.Unavailable("sklearn, xgboost, optuna, pandas, threadpoolctl",
        "install them with bench/setup-python-reference.sh (apt-get install python3-sklearn python3-xgboost python3-optuna python3-pandas)");

    /// <summary>The peers' library versions and thread pools, as the script last reported them.</summary>
    public string? Environment { get; private set; }

    public IEnumerable<SuiteOutcome> Run(SuiteCase suiteCase, IReadOnlyList<string> tools, string build)
    {
        return suiteCase.WithCsvFiles<IEnumerable<SuiteOutcome>>("automl-suite-", (train, test) =>
        {
            string[] arguments =
            [
                BenchPaths.Script("suite_peers.py"), train, test, "--label", suiteCase.Data.Frame.LabelName!, "--task", suiteCase.Task,
                "--metric", SuiteScores.Primary(suiteCase.IsClassification), "--budget", budget.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                "--threads", threads.ToString(CultureInfo.InvariantCulture), "--tools", .. tools, "--categorical", .. suiteCase.Categorical,
            ];
            var (exit, output, error) = PeerProcess.Run(arguments);
            if (exit != 0) return [.. tools.Select(t => SuiteOutcome.Failed(t, suiteCase, double.NaN, $"suite_peers.py exited with {exit}: {error.Trim().Split('\n')[^1]}", build))];
            using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            Environment = $"{json.RootElement.GetProperty("versions")} threads {json.RootElement.GetProperty("threads")}";
            var results = json.RootElement.GetProperty("tools");
            return [.. tools.Select(t => Outcome(suiteCase, t, results.GetProperty(t), build))];
        });
    }

    private static SuiteOutcome Outcome(SuiteCase suiteCase, string tool, JsonElement result, string build)
    {
        if (result.TryGetProperty("error", out var error)) return SuiteOutcome.Failed(tool, suiteCase, double.NaN, error.GetString()!, build);
        var target = suiteCase.Data.Target;
        Dictionary<string, double> metrics;
        if (target.IsClassification)
        {
            // The peer's classes are those of the training part; map them onto the set's classes.
            var classes = result.GetProperty("classes").EnumerateArray().Select(c => target.Classes.OrdinalIndexOf(c.GetString()!)).ToArray();
            var labels = result.GetProperty("labels").EnumerateArray().Select(l => target.Classes.OrdinalIndexOf(l.GetString()!)).ToArray();
            var probabilities = new float[labels.Length * target.Width];
            var row = 0;
            foreach (var values in result.GetProperty("probabilities").EnumerateArray())
            {
                var k = 0;
                foreach (var p in values.EnumerateArray()) probabilities[row * target.Width + classes[k++]] = p.GetSingle();
                row++;
            }
            metrics = SuiteScores.Classification(target, suiteCase.TestRows, labels, probabilities);
        }
        else
        {
            metrics = SuiteScores.Regression(target, suiteCase.TestRows, [.. result.GetProperty("predictions").EnumerateArray().Select(p => p.GetSingle())]);
        }
        var detail = result.TryGetProperty("trials", out var trials) ? $"{trials.GetInt32()} trials, cv {result.GetProperty("cv_score").GetDouble():F4}" : null;
        return SuiteOutcome.Scored(tool, suiteCase, metrics, result.GetProperty("fit_seconds").GetDouble(), detail, build);
    }

}
