namespace Pipelines.Evaluation;

/// <summary>A metric AutoML can optimize; <see cref="MetricDirection"/> says which way is better.</summary>
public enum Metric
{
    Accuracy,
    BalancedAccuracy,
    MacroF1,
    WeightedF1,
    /// <summary>ROC AUC: binary, or macro one-vs-rest for more classes.</summary>
    RocAuc,
    /// <summary>Average precision: binary, or macro one-vs-rest for more classes.</summary>
    PrAuc,
    LogLoss,
    Rmse,
    Mae,
    R2,
}

/// <summary>Which task a metric scores.</summary>
public enum MetricTask
{
    Classification,
    Regression,
}

/// <summary>Direction and task of each <see cref="Metric"/>, for tuners that always minimize or compare.</summary>
public static class MetricDirection
{
    /// <summary>True when a larger value is better (accuracy, F1, AUC, R²); false for losses (log loss, RMSE, MAE).</summary>
    public static bool HigherIsBetter(this Metric metric) => metric switch
    {
        Metric.LogLoss or Metric.Rmse or Metric.Mae => false,
        Metric.Accuracy or Metric.BalancedAccuracy or Metric.MacroF1 or Metric.WeightedF1
            or Metric.RocAuc or Metric.PrAuc or Metric.R2 => true,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>True for metrics of the predicted class alone (accuracy, balanced accuracy, F1), which ignore how sure the model was.</summary>
    public static bool ScoresLabels(this Metric metric) =>
        metric is Metric.Accuracy or Metric.BalancedAccuracy or Metric.MacroF1 or Metric.WeightedF1;

    /// <summary>The task the metric belongs to.</summary>
    public static MetricTask TaskOf(this Metric metric) => metric switch
    {
        Metric.Rmse or Metric.Mae or Metric.R2 => MetricTask.Regression,
        _ when Enum.IsDefined(metric) => MetricTask.Classification,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>
    /// The value as a loss to minimize: value itself for lower-is-better metrics, -value otherwise.
    /// NaN becomes +infinity, so a trial whose metric is undefined never wins.
    /// </summary>
    public static double ToLoss(this Metric metric, double value) =>
        double.IsNaN(value) ? double.PositiveInfinity : metric.HigherIsBetter() ? -value : value;

    /// <summary>Whether <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>; NaN is never better, and anything beats NaN.</summary>
    public static bool IsBetter(this Metric metric, double candidate, double incumbent)
    {
        if (double.IsNaN(candidate)) return false;
        if (double.IsNaN(incumbent)) return true;
        return metric.HigherIsBetter() ? candidate > incumbent : candidate < incumbent;
    }
}
