namespace Pipelines.Profiling;

/// <summary>Thresholds the profile uses to count outliers and to suggest fixes.</summary>
/// <param name="TopCategories">How many of the most frequent categories each categorical column lists.</param>
/// <param name="IqrMultiplier">k of the outlier fences Q1 − k·IQR and Q3 + k·IQR (Tukey's 1.5).</param>
/// <param name="MaxOneHotCategories">A categorical feature with at most this many distinct values is one-hot encoded; above it, target encoded.</param>
/// <param name="ImbalanceThreshold">Majority/minority class ratio above which rebalancing is suggested.</param>
/// <param name="SkewnessThreshold">Skewness above which a non-negative numeric feature gets a log1p suggestion.</param>
public sealed record ProfileOptions(
    int TopCategories = 5,
    double IqrMultiplier = 1.5,
    int MaxOneHotCategories = 10,
    double ImbalanceThreshold = 3,
    double SkewnessThreshold = 1)
{
    /// <summary>The defaults.</summary>
    public static ProfileOptions Default { get; } = new();
}
