namespace Pipelines.Trainers.Trees.Splitting;

/// <summary>What a split must satisfy and how leaves are regularized (see <see cref="LeafMath"/>).</summary>
/// <param name="L1">alpha: L1 penalty on leaf values (soft-thresholds G).</param>
/// <param name="L2">lambda: L2 penalty on leaf values (added to H).</param>
/// <param name="MinChildSamples">Fewest rows in each child.</param>
/// <param name="MinChildWeight">Smallest hessian sum in each child.</param>
/// <param name="MinSplitGain">gamma: a split needs a gain above this.</param>
/// <param name="MaxCatThreshold">Most categories on the left side of a categorical split.</param>
/// <param name="CatSmooth">Added to H when categories are ordered by G / (H + CatSmooth).</param>
/// <param name="CatL2">Added to L2 in the children's scores and values of a categorical split that groups categories.</param>
/// <param name="MinDataPerGroup">Fewest rows a categorical split's group adds to its left set, and leaves on its right.</param>
/// <param name="MaxCatToOneHot">At most this many categories present: try each category alone against the rest instead.</param>
internal sealed record SplitParameters(
    double L1, double L2, int MinChildSamples, double MinChildWeight, double MinSplitGain,
    int MaxCatThreshold, double CatSmooth, double CatL2, int MinDataPerGroup, int MaxCatToOneHot = 4);
