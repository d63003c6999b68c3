namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// The ML.NET learners' trial costs on the scale of <see cref="ILearnerSpace.RelativeCost"/> (a 4-round GBDT = 1): fit
/// times of the whole chain on data/messy_churn.csv (2,250 rows; imputed, one-hot encoded), one thread, on a loaded
/// two-core machine, so rough. Each formula is the cost at the space's defaults times W / W₀, W₀ being W there; against
/// the measured times the formulas hold within about 2.5x from 4 to 256 trees and 4 to 64 leaves.
/// </summary>
internal static class MLNetLearnerCosts
{
    /// <summary>LightGbm at 4 trees of 4 leaves: 0.4 (ML.NET's LightGbm is cheap per tree; lr 1 stops trees early).</summary>
    public const double LightGbm = 0.4;

    /// <summary>FastTree at 4 trees of 4 leaves: 1.2 (its binning of the data is most of it).</summary>
    public const double FastTree = 1.2;

    /// <summary>FastForest at 4 trees of 4 leaves: 0.6.</summary>
    public const double FastForest = 0.6;

    /// <summary>L-BFGS (to convergence): 2.6 with z-scored features, 3.8 without; 3.</summary>
    public const double Lbfgs = 3;

    /// <summary>SDCA: 0.4 with z-scored features, but 65 without (it then runs to its iteration cap); 2, between.</summary>
    public const double Sdca = 2;

    /// <summary>
    /// LightGbm: W = 15 + (trees · √min(leaves, 64) · (0.5 + 0.5 · subsample) · (0.3 + 0.7 · feature_fraction))^0.75: the
    /// later trees of a small data set find few splits, so the work grows slower than the trees.
    /// </summary>
    public static double LightGbmCost(int trees, int leaves, double subsample, double featureFraction)
    {
        static double Work(int trees, int leaves, double subsample, double features) =>
            15 + Math.Pow(trees * Math.Sqrt(Math.Min(leaves, 64)) * (0.5 + 0.5 * subsample) * (0.3 + 0.7 * features), 0.75);
        return LightGbm * Work(trees, leaves, subsample, featureFraction) / Work(4, 4, 1, 1);
    }

    /// <summary>FastTree: W = 130 + trees · √min(leaves, 64) · (0.3 + 0.7 · feature_fraction): a large fixed part (binning), then linear in the trees.</summary>
    public static double FastTreeCost(int trees, int leaves, double featureFraction)
    {
        static double Work(int trees, int leaves, double features) => 130 + trees * Math.Sqrt(Math.Min(leaves, 64)) * (0.3 + 0.7 * features);
        return FastTree * Work(trees, leaves, featureFraction) / Work(4, 4, 1);
    }

    /// <summary>FastForest: W = 200 + trees · min(leaves, 256) · (0.3 + 0.7 · feature_fraction): unshrunk trees grow to their leaf limit.</summary>
    public static double FastForestCost(int trees, int leaves, double featureFraction)
    {
        static double Work(int trees, int leaves, double features) => 200 + trees * Math.Min(leaves, 256) * (0.3 + 0.7 * features);
        return FastForest * Work(trees, leaves, featureFraction) / Work(4, 4, 1);
    }
}
