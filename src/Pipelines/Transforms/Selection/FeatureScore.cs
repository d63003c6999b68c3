namespace Pipelines.Transforms.Selection;

/// <summary>How <see cref="SelectKBest"/> scores a numeric feature against a categorical label; higher is better.</summary>
public enum FeatureScore
{
    /// <summary>
    /// The one-way ANOVA F statistic across the label's classes (scikit-learn's f_classif):
    /// F = (SSB / (g - 1)) / (SSW / (n - g)). See <see cref="Statistics.FTest.OneWay"/>.
    /// </summary>
    FClassif,

    /// <summary>
    /// Mutual information in nats by Ross's (2014) nearest-neighbour estimator, the one behind scikit-learn's
    /// mutual_info_classif (without its random jitter). Catches non-monotone dependence that F misses.
    /// See <see cref="Statistics.MutualInformation.ContinuousDiscrete"/>.
    /// </summary>
    MutualInformation,
}
