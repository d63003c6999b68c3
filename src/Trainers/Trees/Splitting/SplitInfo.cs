namespace Pipelines.Trainers.Trees.Splitting;

/// <summary>Sums over a node's rows: gradient G, hessian H and row count.</summary>
internal readonly record struct NodeStats(double G, double H, int Count)
{
    public static NodeStats operator -(NodeStats a, NodeStats b) => new(a.G - b.G, a.H - b.H, a.Count - b.Count);
}

/// <summary>
/// The best split of one node. Numeric: bins &lt;= <see cref="ThresholdBin"/> go left. Categorical: bins set in
/// <see cref="LeftBins"/> (a 256-bit set) go left, others (including the 'other' bin) go right. Missing values go
/// left when <see cref="DefaultLeft"/>. <see cref="GroupsCategories"/>: a categorical split that grouped categories by
/// their gradient order (more than MaxCatToOneHot of them), whose children's values take CatL2 on top of L2, as
/// LightGBM's leaf outputs under such a split do.
/// </summary>
internal sealed record SplitInfo(
    int Feature, double Gain, bool IsCategorical, int ThresholdBin, ulong[]? LeftBins, bool DefaultLeft,
    NodeStats Left, NodeStats Right, bool GroupsCategories = false)
{
    /// <summary>Whether a row in bin <paramref name="bin"/> goes to the left child; <paramref name="missingBin"/> is the feature's missing bin.</summary>
    public bool GoesLeft(int bin, int missingBin)
    {
        if (bin == missingBin) return DefaultLeft;
        return IsCategorical ? (LeftBins![bin >> 6] & (1UL << (bin & 63))) != 0 : bin <= ThresholdBin;
    }

    /// <summary>The left/right decision for each of the 256 possible bins.</summary>
    public bool[] LeftTable(int missingBin)
    {
        var table = new bool[256];
        for (var b = 0; b < table.Length; b++) table[b] = GoesLeft(b, missingBin);
        return table;
    }
}
