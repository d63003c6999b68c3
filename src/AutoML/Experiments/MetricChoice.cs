using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>The metric an experiment optimizes when the user names none.</summary>
public static class MetricChoice
{
    /// <summary>Largest-to-smallest class ratio from which a label counts as imbalanced.</summary>
    public const double ImbalanceRatio = 3;

    /// <summary>
    /// R² for regression; for classification accuracy on balanced labels, macro-F1 on imbalanced ones (largest class at
    /// least <see cref="ImbalanceRatio"/> × the smallest), since accuracy rewards predicting the majority class there.
    /// </summary>
    public static Metric Default(ExperimentTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsClassification) return Metric.R2;
        var counts = new int[target.Width];
        foreach (var code in target.Codes) counts[code]++;
        return counts.Max() >= ImbalanceRatio * counts.Min() ? Metric.MacroF1 : Metric.Accuracy;
    }

    /// <summary>Throws when <paramref name="metric"/> does not score <paramref name="task"/>.</summary>
    public static void Check(Metric metric, PredictionTask task)
    {
        var wanted = task == PredictionTask.Regression ? MetricTask.Regression : MetricTask.Classification;
        if (metric.TaskOf() != wanted)
        {
            var options = string.Join(", ", Enum.GetValues<Metric>().Where(m => m.TaskOf() == wanted));
            var other = wanted == MetricTask.Regression ? "classification" : "regression";
            throw new Errors.PipelineException(
                $"Metric {metric} scores {metric.TaskOf()}, but the label asks for {task}; use one of {options}, or ask for {other} " +
                $"(--task {other}, ExperimentOptions.Task) where the label is meant that way (whole numbers read as classes, say).");
        }
    }
}
