using Pipelines.Evaluation;

namespace Pipelines.Calibration;

/// <summary>What a decision rule is tuned for on out-of-fold rows.</summary>
public enum DecisionObjectiveKind
{
    /// <summary>A label metric (<see cref="DecisionObjective.Metric"/>), maximized.</summary>
    Metric,

    /// <summary>F1 of one class (<see cref="DecisionObjective.PositiveClass"/>, by default the rarest), maximized.</summary>
    PositiveClassF1,

    /// <summary>Mean cost per row under a <see cref="CostMatrix"/>, minimized.</summary>
    Cost,
}

/// <summary>
/// The objective a decision rule is tuned for: a metric of the predicted labels (accuracy, balanced accuracy, macro or
/// weighted F1), the F1 of a positive class, or the mean cost under a cost matrix (cost[actual, predicted]).
/// </summary>
public sealed record DecisionObjective
{
    private DecisionObjective(DecisionObjectiveKind kind, Metric? metric, string? positiveClass, CostMatrix? costs)
    {
        Kind = kind;
        Metric = metric;
        PositiveClass = positiveClass;
        Costs = costs;
    }

    public DecisionObjectiveKind Kind { get; }

    /// <summary>The metric of <see cref="DecisionObjectiveKind.Metric"/>.</summary>
    public Metric? Metric { get; }

    /// <summary>The class of <see cref="DecisionObjectiveKind.PositiveClassF1"/>; null: the rarest class among the rows tuned on.</summary>
    public string? PositiveClass { get; }

    /// <summary>The costs of <see cref="DecisionObjectiveKind.Cost"/>.</summary>
    public CostMatrix? Costs { get; }

    /// <summary>True for metrics; false for cost, which is minimized.</summary>
    public bool HigherIsBetter => Kind != DecisionObjectiveKind.Cost;

    /// <summary>Maximize a metric of the predicted labels: Accuracy, BalancedAccuracy, MacroF1 or WeightedF1.</summary>
    public static DecisionObjective Maximize(Metric metric)
    {
        if (metric is not (Evaluation.Metric.Accuracy or Evaluation.Metric.BalancedAccuracy or Evaluation.Metric.MacroF1 or Evaluation.Metric.WeightedF1))
            throw new ArgumentException(
                $"DecisionObjective: {metric} does not depend on the predicted labels, so no decision rule can change it; " +
                "use Accuracy, BalancedAccuracy, MacroF1 or WeightedF1, PositiveClassF1, or a cost matrix.", nameof(metric));
        return new DecisionObjective(DecisionObjectiveKind.Metric, metric, null, null);
    }

    /// <summary>Maximize the F1 of <paramref name="positiveClass"/> (null: the rarest class among the rows tuned on).</summary>
    public static DecisionObjective PositiveClassF1(string? positiveClass = null) =>
        new(DecisionObjectiveKind.PositiveClassF1, null, positiveClass, null);

    /// <summary>Minimize the mean cost per row, cost[actual, predicted] from <paramref name="costs"/>.</summary>
    public static DecisionObjective MinimizeCost(CostMatrix costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return new DecisionObjective(DecisionObjectiveKind.Cost, null, null, costs);
    }

    /// <summary>A short name for reports: "MacroF1", "F1 of 'yes'", "mean cost"; <paramref name="positiveClass"/> names the class F1 is of when the objective leaves it open.</summary>
    public string Describe(string? positiveClass = null) => Kind switch
    {
        DecisionObjectiveKind.Metric => Metric!.Value.ToString(),
        DecisionObjectiveKind.PositiveClassF1 => $"F1 of '{PositiveClass ?? positiveClass ?? "the rarest class"}'",
        _ => "mean cost",
    };
}
