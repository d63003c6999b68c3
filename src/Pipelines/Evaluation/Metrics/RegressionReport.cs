namespace Pipelines.Evaluation;

/// <summary>Every regression metric of one set of predictions, computed in one call (see <see cref="RegressionMetrics"/>).</summary>
public sealed record RegressionReport(double Rmse, double Mae, double R2)
{
    public static RegressionReport Compute(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted) =>
        new(RegressionMetrics.Rmse(actual, predicted), RegressionMetrics.Mae(actual, predicted), RegressionMetrics.R2(actual, predicted));

    /// <summary>The value of <paramref name="metric"/>; throws for a classification metric.</summary>
    public double Get(Metric metric) => metric switch
    {
        Metric.Rmse => Rmse,
        Metric.Mae => Mae,
        Metric.R2 => R2,
        _ => throw new MetricInputException($"{metric} is a {metric.TaskOf()} metric; a regression report has Rmse, Mae and R2."),
    };
}
