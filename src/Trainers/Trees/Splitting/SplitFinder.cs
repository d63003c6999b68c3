using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Histograms;

namespace Pipelines.Trainers.Trees.Splitting;

/// <summary>
/// Finds a node's best split from its histogram. Numeric features: bins are scanned left to right, once with the
/// missing bin on the right and once on the left, so missing values learn a default direction (with no missing rows in
/// the node, missing values go to the child with more rows). Categorical features (as LightGBM): categories present
/// with at least CatSmooth rows are ordered by G / (H + CatSmooth) and prefixes of that order, from either end, of at
/// most MaxCatThreshold categories and half of them, are tried as the left set, each one MinDataPerGroup rows beyond
/// the last tried, scored with L2 + CatL2; with at most MaxCatToOneHot categories each one alone is tried instead. Ties
/// keep the earlier feature and threshold, so the result is deterministic.
/// </summary>
internal sealed class SplitFinder(HistogramLayout layout, SplitParameters parameters)
{
    private const int G = 0, H = 1, C = 2, S = HistogramLayout.Stride;

    /// <summary>The best split over <paramref name="features"/> with gain above MinSplitGain, or null.</summary>
    public SplitInfo? Best(double[] histogram, int[] features)
    {
        SplitInfo? best = null;
        foreach (var f in features) best = Better(best, BestOf(histogram, f));
        return best;
    }

    /// <summary>The best split on feature <paramref name="feature"/> alone, or null. Safe to call for several features at once.</summary>
    public SplitInfo? BestOf(double[] histogram, int feature) => layout.Features[feature].IsCategorical
        ? BestCategorical(layout.Of(histogram, feature), feature, layout.Features[feature])
        : BestNumeric(layout.Of(histogram, feature), feature, layout.Features[feature]);

    /// <summary>
    /// The better of the best so far and a later feature's candidate: a tie keeps the earlier, so folding candidates in
    /// feature order gives the same split however they were computed.
    /// </summary>
    public static SplitInfo? Better(SplitInfo? best, SplitInfo? candidate) =>
        candidate is not null && (best is null || candidate.Gain > best.Gain) ? candidate : best;

    /// <summary>Sums of a feature's histogram: the node's totals.</summary>
    public static NodeStats Totals(ReadOnlySpan<double> histogram)
    {
        double g = 0, h = 0, c = 0;
        for (var i = 0; i < histogram.Length; i += S)
        {
            g += histogram[i + G];
            h += histogram[i + H];
            c += histogram[i + C];
        }
        return new NodeStats(g, h, (int)Math.Round(c));
    }

    private bool Allowed(NodeStats left, NodeStats right) =>
        left.Count >= parameters.MinChildSamples && right.Count >= parameters.MinChildSamples &&
        left.H >= parameters.MinChildWeight && right.H >= parameters.MinChildWeight;

    private double Gain(NodeStats left, NodeStats right, double parentScore) =>
        LeafMath.Gain(left.G, left.H, right.G, right.H, parentScore, parameters.L1, parameters.L2);

    private double MinGain => Math.Max(parameters.MinSplitGain, 1e-12);

    /// <summary>
    /// Scans the value bins left to right as thresholds, once with missing values on the right and once on the left. The
    /// loop keeps only the best threshold and builds its split at the end (the options read once, counts read as the
    /// whole numbers they are): it runs once per feature for both children of every split.
    /// </summary>
    private SplitInfo? BestNumeric(ReadOnlySpan<double> h, int feature, FeatureBins bins)
    {
        var total = Totals(h);
        var (alpha, lambda) = (parameters.L1, parameters.L2);
        var (minCount, minWeight) = (parameters.MinChildSamples, parameters.MinChildWeight);
        var parentScore = LeafMath.Score(total.G, total.H, alpha, lambda);
        var m = bins.MissingBin * S;
        var missing = new NodeStats(h[m + G], h[m + H], (int)h[m + C]);
        var values = bins.ValueBinCount;
        var bestGain = MinGain;
        int bestThreshold = -1, bestPass = -1;
        NodeStats bestLeft = default;
        for (var pass = 0; pass < 2; pass++)
        {
            var missingLeft = pass == 1;
            if (missingLeft && missing.Count == 0) break;
            double lg = missingLeft ? missing.G : 0, lh = missingLeft ? missing.H : 0;
            var lc = missingLeft ? missing.Count : 0;
            // With missing on the right, the last value bin may also go left (all values vs missing).
            var last = missingLeft || missing.Count == 0 ? values - 2 : values - 1;
            var cells = h[..((last + 1) * S)];
            for (var b = 0; b < cells.Length; b += S)
            {
                lg += cells[b + G];
                lh += cells[b + H];
                var count = (int)cells[b + C]; // whole numbers
                if (count == 0) continue; // same partition as the previous threshold
                lc += count;
                var rc = total.Count - lc;
                if (rc < minCount) break;
                var rh = total.H - lh;
                if (lc < minCount || !(lh >= minWeight && rh >= minWeight)) continue;
                var gain = 0.5 * (LeafMath.Score(lg, lh, alpha, lambda) + LeafMath.Score(total.G - lg, rh, alpha, lambda) - parentScore);
                if (gain <= bestGain) continue;
                bestGain = gain;
                bestThreshold = b / S;
                bestPass = pass;
                bestLeft = new NodeStats(lg, lh, lc);
            }
        }
        if (bestThreshold < 0) return null;
        var right = total - bestLeft;
        var defaultLeft = missing.Count == 0 ? bestLeft.Count >= right.Count : bestPass == 1;
        return new SplitInfo(feature, bestGain, false, bestThreshold, null, defaultLeft, bestLeft, right);
    }

    private SplitInfo? BestCategorical(ReadOnlySpan<double> h, int feature, FeatureBins bins)
    {
        var total = Totals(h);
        var parentScore = LeafMath.Score(total.G, total.H, parameters.L1, parameters.L2);
        var m = bins.MissingBin * S;
        var missing = new NodeStats(h[m + G], h[m + H], (int)Math.Round(h[m + C]));
        var present = new List<int>();
        for (var b = 0; b < bins.Categories.Length; b++) if (h[b * S + C] > 0) present.Add(b);
        if (present.Count == 0) return null;

        // Candidate left sets as (order, size): one category each, or prefixes of the sorted order from either end.
        // Grouping categories regularizes as LightGBM: only categories of at least CatSmooth rows are ordered, a
        // prefix is tried once it has grown by MinDataPerGroup rows and while as many stay right, prefixes hold at
        // most half the ordered categories, and the children score (and take their values, TreeGrower) with CatL2
        // added to L2.
        List<int[]> orders;
        int maxSize, perGroup;
        double lambda;
        var grouped = present.Count > parameters.MaxCatToOneHot;
        if (!grouped)
        {
            orders = [.. present.Select(b => new[] { b })];
            (maxSize, perGroup, lambda) = (1, 0, parameters.L2);
        }
        else
        {
            var h2 = h.ToArray();
            var ascending = present.Where(b => h2[b * S + C] >= parameters.CatSmooth)
                .OrderBy(b => h2[b * S + G] / (h2[b * S + H] + parameters.CatSmooth)).ThenBy(b => b).ToArray();
            orders = [ascending, [.. ascending.Reverse()]];
            maxSize = Math.Min(parameters.MaxCatThreshold, (ascending.Length + 1) / 2);
            (perGroup, lambda) = (parameters.MinDataPerGroup, parameters.L2 + parameters.CatL2);
        }

        var bestGain = MinGain;
        SplitInfo? best = null;
        foreach (var order in orders)
        {
            double lg = 0, lh = 0;
            int lc = 0, group = 0;
            for (var k = 0; k < Math.Min(maxSize, order.Length); k++)
            {
                var b = order[k] * S;
                var count = (int)Math.Round(h[b + C]);
                lg += h[b + G];
                lh += h[b + H];
                lc += count;
                group += count;
                if (total.Count - lc < perGroup) break;
                if (group < perGroup) continue;
                group = 0;
                for (var pass = 0; pass < 2; pass++)
                {
                    var missingLeft = pass == 1;
                    if (missingLeft && missing.Count == 0) break;
                    var left = missingLeft ? new NodeStats(lg + missing.G, lh + missing.H, lc + missing.Count) : new NodeStats(lg, lh, lc);
                    var right = total - left;
                    if (!Allowed(left, right)) continue;
                    var gain = LeafMath.Gain(left.G, left.H, right.G, right.H, parentScore, parameters.L1, lambda);
                    if (gain <= bestGain) continue;
                    bestGain = gain;
                    var set = new ulong[4];
                    for (var i = 0; i <= k; i++) set[order[i] >> 6] |= 1UL << (order[i] & 63);
                    var defaultLeft = missing.Count == 0 ? left.Count >= right.Count : missingLeft;
                    best = new SplitInfo(feature, gain, true, -1, set, defaultLeft, left, right, GroupsCategories: grouped);
                }
            }
        }
        return best;
    }
}
