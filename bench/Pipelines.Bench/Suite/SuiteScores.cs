using Pipelines.AutoML.Experiments;
using Pipelines.Evaluation;

namespace Pipelines.Bench.Suite;

/// <summary>
/// The suite's metrics of one tool's test predictions, computed here the same way for every tool: accuracy and
/// macro-F1 from the labels the tool predicts (its own decision rule, which for most peers is the most probable
/// class), ROC AUC (one-vs-rest macro average for several classes) and log loss from its probabilities; R², RMSE
/// and MAE for regression.
/// </summary>
internal static class SuiteScores
{
    public const string Accuracy = "accuracy";
    public const string MacroF1 = "macro_f1";
    public const string RocAuc = "roc_auc";
    public const string LogLoss = "log_loss";
    public const string R2 = "r2";
    public const string Rmse = "rmse";
    public const string Mae = "mae";

    /// <summary>The metric a set is judged by first: macro-F1 for classification (imbalance-aware, close to accuracy on balanced labels), R² for regression.</summary>
    public static string Primary(bool classification) => classification ? MacroF1 : R2;

    /// <summary><see cref="Primary"/> as the metric a tuner is told to optimize.</summary>
    public static Metric PrimaryMetric(bool classification) => classification ? Metric.MacroF1 : Metric.R2;

    /// <summary>The second metric of the acceptance bar: ROC AUC for classification, R² for regression.</summary>
    public static string Ranking(bool classification) => classification ? RocAuc : R2;

    public static bool HigherIsBetter(string metric) => metric is not (LogLoss or Rmse or Mae);

    /// <summary>Classification metrics of test rows: actual and predicted class codes (-1 for a class the tool does not know) and row-major probabilities over the target's classes.</summary>
    public static Dictionary<string, double> Classification(ExperimentTarget target, IReadOnlyList<int> rows, int[] predicted, float[] probabilities)
    {
        var actual = target.CodesOf(rows);
        var width = target.Width;
        if (Array.IndexOf(predicted, -1) is var unknown and >= 0) throw new InvalidOperationException($"test row {unknown}: the predicted label is not a class of the data set");
        var matrix = ConfusionMatrix.Compute(actual, predicted, width, target.Classes);
        var present = actual.Distinct().Count();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Accuracy] = ClassificationMetrics.Accuracy(actual, predicted),
            [MacroF1] = ClassificationMetrics.MacroF1(matrix),
            [RocAuc] = present >= 2 ? RankingMetrics.RocAuc(actual, probabilities, width) : double.NaN,
            [LogLoss] = ProbabilisticMetrics.LogLoss(actual, probabilities, width),
        };
    }

    /// <summary>Regression metrics of test rows' predictions.</summary>
    public static Dictionary<string, double> Regression(ExperimentTarget target, IReadOnlyList<int> rows, float[] predictions)
    {
        var actual = rows.Select(r => target.Targets[r]).ToArray();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [R2] = RegressionMetrics.R2(actual, predictions),
            [Rmse] = RegressionMetrics.Rmse(actual, predictions),
            [Mae] = RegressionMetrics.Mae(actual, predictions),
        };
    }
}
