using Pipelines.Calibration;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// How a classifier's final decision is made (issue: imbalanced labels need more than argmax at 0.5):
/// <list type="bullet">
/// <item>Auto (the default): calibrate (Platt, isotonic or none, by out-of-fold log loss) and, when the metric depends on
/// the predicted labels in a way argmax does not serve (balanced accuracy, F1), tune the rule for it: a threshold for
/// binary labels, per-class weights for more. Trials are scored with their tuned rule, so the search compares what will
/// be shipped. For accuracy the rule stays argmax of the calibrated probabilities: that is already the rule that
/// maximizes expected accuracy, and a rule tuned on the out-of-fold rows only fits their noise (and gives up the
/// smaller classes' recall for it).</item>
/// <item>A fixed <see cref="Threshold"/> (binary only): the positive (second) class is predicted at or above it, on
/// uncalibrated probabilities; 0.5 is the plain model.</item>
/// <item>A <see cref="Costs"/> matrix: calibrate, then choose the rule that minimizes the expected cost.</item>
/// </list>
/// </summary>
public sealed record DecisionPolicy
{
    /// <summary>Calibrate and tune for the metric.</summary>
    public static DecisionPolicy Auto { get; } = new();

    /// <summary>A fixed threshold on the positive class's probability, or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>Costs to minimize, or null.</summary>
    public CostMatrix? Costs { get; init; }

    /// <summary>The rule objective to tune for <paramref name="metric"/>, or null when the rule stays argmax.</summary>
    internal DecisionObjective? Objective(Metric metric)
    {
        if (Threshold is not null) return null;
        if (Costs is { } costs) return DecisionObjective.MinimizeCost(costs);
        return metric is Metric.BalancedAccuracy or Metric.MacroF1 or Metric.WeightedF1 ? DecisionObjective.Maximize(metric) : null;
    }

    internal void Check(int classCount)
    {
        if (Threshold is { } t && (classCount != 2 || !(t is > 0 and < 1)))
            throw new Errors.PipelineException(classCount != 2
                ? $"A fixed threshold ({t}) needs a binary label; this one has {classCount} classes. Use --threshold auto."
                : $"The threshold must be between 0 and 1 (exclusive), not {t}.");
        if (Threshold is not null && Costs is not null)
            throw new Errors.PipelineException("Give a fixed threshold or a cost matrix, not both.");
    }
}
