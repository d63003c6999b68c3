using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Histograms;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// Chooses a forest node's split from its multi-output histogram (K sums S_k, weight W and count C per bin).
/// The impurity decrease of a split into L and R is
/// <c>D = sum_k S_Lk^2 / W_L + sum_k S_Rk^2 / W_R - sum_k S_k^2 / W</c>, which is W times the node's Gini impurity minus
/// W_L and W_R times the children's (one-hot class indicators), or the weighted squared-error decrease (regression).
/// Features are visited in a random order (per node, from the tree's generator) until <c>maxFeatures</c> have been visited
/// and at least one of them varies in the node, as scikit-learn. Random forest: the best threshold of each visited feature.
/// Extra trees: one random threshold bin per feature, uniform in [lowest, highest) bin present in the node (bins &lt;= it go
/// left). Missing values are tried on both sides and the better kept. Categorical features: categories present are
/// ordered by their share of each output and prefixes of each order are tried (exact for regression and two classes);
/// extra trees send each present category left with probability 1/2. The 'other' bin always goes right.
/// </summary>
internal sealed class ForestSplitter
{
    private readonly HistogramLayout _layout;
    private readonly int _minLeaf;
    private readonly int _maxFeatures;
    private readonly bool _randomThresholds;
    private readonly int[] _order;
    private readonly double[] _total;
    private readonly double[] _left;

    public ForestSplitter(HistogramLayout layout, int minSamplesLeaf, int maxFeatures, bool randomThresholds)
    {
        _layout = layout;
        _minLeaf = minSamplesLeaf;
        _maxFeatures = maxFeatures;
        _randomThresholds = randomThresholds;
        _order = [.. Enumerable.Range(0, layout.Features.Length)];
        _total = new double[layout.Outputs];
        _left = new double[layout.Outputs];
    }

    /// <summary>The node's totals from its histogram: S_k into <paramref name="sums"/>, and W and C.</summary>
    public static (double Weight, int Count) Totals(HistogramLayout layout, double[] histogram, Span<double> sums)
    {
        sums.Clear();
        double w = 0, c = 0;
        var h = layout.Of(histogram, 0);
        for (var bin = 0; bin < layout.Features[0].BinCount; bin++) AddTotals(layout, h, bin, sums, ref w, ref c);
        return (w, (int)Math.Round(c));
    }

    /// <summary>The node's totals from one feature's bins, every row being in one of them: the present value bins and the missing bin.</summary>
    private static (double Weight, int Count) Totals(HistogramLayout layout, ReadOnlySpan<double> h, ReadOnlySpan<int> present, int missingBin, Span<double> sums)
    {
        sums.Clear();
        double w = 0, c = 0;
        foreach (var bin in present) AddTotals(layout, h, bin, sums, ref w, ref c);
        AddTotals(layout, h, missingBin, sums, ref w, ref c);
        return (w, (int)Math.Round(c));
    }

    private static void AddTotals(HistogramLayout layout, ReadOnlySpan<double> h, int bin, Span<double> sums, ref double w, ref double c)
    {
        var k = layout.Outputs;
        var b = bin * layout.NumbersPerBin;
        for (var j = 0; j < k; j++) sums[j] += h[b + j];
        w += h[b + k];
        c += h[b + k + 1];
    }

    /// <summary>sum_k s_k^2 / w; 0 when w is not positive.</summary>
    public static double Score(ReadOnlySpan<double> sums, double w)
    {
        if (w <= 0) return 0;
        double s = 0;
        foreach (var v in sums) s += v * v;
        return s / w;
    }

    /// <summary>The chosen split of the node with <paramref name="histogram"/>, or null when no visited feature splits it.</summary>
    public SplitInfo? Find(ForestNodeHistogram histogram, Random random)
    {
        var first = histogram.Feature(0);
        var (w, c) = Totals(_layout, first, histogram.Present, _layout.Features[0].MissingBin, _total);
        var parent = Score(_total, w);
        var minGain = 1e-10 * Math.Max(w, 1e-300);
        SplitInfo? best = null;
        int visited = 0, varying = 0;
        var p = _order.Length;
        for (var i = 0; i < p; i++) _order[i] = i; // each node draws from the identity: no state carried between nodes or trees
        for (var i = 0; i < p && (visited < _maxFeatures || varying == 0); i++)
        {
            var j = random.Next(i, p);
            (_order[i], _order[j]) = (_order[j], _order[i]);
            var f = _order[i];
            visited++;
            var h = histogram.Feature(f);
            var bins = _layout.Features[f];
            var present = histogram.Present;
            if (present.Length + (HasRows(h, bins.MissingBin) ? 1 : 0) < 2) continue;
            varying++;
            var candidate = bins.IsCategorical
                ? Categorical(h, f, bins, w, c, parent, random, present)
                : Numeric(h, f, bins, w, c, parent, random, present);
            if (candidate is not null && candidate.Gain > minGain && (best is null || candidate.Gain > best.Gain)) best = candidate;
        }
        return best;
    }

    private bool HasRows(ReadOnlySpan<double> h, int bin) => h[(bin * _layout.NumbersPerBin) + _layout.Outputs + 1] > 0;

    private SplitInfo? Numeric(ReadOnlySpan<double> h, int feature, FeatureBins bins, double w, int c, double parent, Random random, ReadOnlySpan<int> present)
    {
        int k = _layout.Outputs, s = _layout.NumbersPerBin;
        var m = bins.MissingBin * s;
        var missingCount = (int)Math.Round(h[m + k + 1]);
        var values = bins.ValueBinCount;
        if (_randomThresholds)
        {
            if (present.IsEmpty) return null;
            int lo = present[0], hi = present[^1];
            var t = lo < hi ? random.Next(lo, hi) : lo;
            SplitInfo? best = null;
            for (var pass = 0; pass < 2; pass++)
            {
                var missingLeft = pass == 1;
                if (missingLeft && (missingCount == 0 || t == hi)) break;
                Array.Clear(_left);
                double wl = 0;
                var cl = 0;
                if (missingLeft) AddBin(h, bins.MissingBin, ref wl, ref cl);
                foreach (var b in present)
                {
                    if (b > t) break;
                    AddBin(h, b, ref wl, ref cl);
                }
                best = Better(best, Candidate(feature, t, null, missingLeft, missingCount, wl, cl, w, c, parent));
            }
            return best;
        }

        SplitInfo? found = null;
        for (var pass = 0; pass < 2; pass++)
        {
            var missingLeft = pass == 1;
            if (missingLeft && missingCount == 0) break;
            Array.Clear(_left);
            double wl = 0;
            var cl = 0;
            if (missingLeft) AddBin(h, bins.MissingBin, ref wl, ref cl);
            // With missing on the right, the last value bin may also go left (all values vs missing).
            var last = missingLeft || missingCount == 0 ? values - 2 : values - 1;
            foreach (var t in present) // an empty bin between two present ones gives the previous threshold's partition
            {
                if (t > last) break;
                AddBin(h, t, ref wl, ref cl);
                if (c - cl < _minLeaf) break;
                found = Better(found, Candidate(feature, t, null, missingLeft, missingCount, wl, cl, w, c, parent));
            }
        }
        return found;
    }

    private SplitInfo? Categorical(ReadOnlySpan<double> h, int feature, FeatureBins bins, double w, int c, double parent, Random random, ReadOnlySpan<int> occupied)
    {
        int k = _layout.Outputs, s = _layout.NumbersPerBin;
        var missingCount = (int)Math.Round(h[(bins.MissingBin * s) + k + 1]);
        var present = new List<int>();
        foreach (var b in occupied) if (b < bins.OtherBin) present.Add(b);
        if (present.Count == 0) return null;

        List<int[]> orders = [];
        if (_randomThresholds)
        {
            var left = present.Where(_ => random.Next(2) == 0).ToList();
            if (left.Count == 0) left.Add(present[random.Next(present.Count)]);
            orders.Add([.. left]);
        }
        else
        {
            var h2 = h.ToArray();
            for (var j = 0; j < (k <= 2 ? 1 : k); j++)
            {
                var channel = j;
                orders.Add([.. present.OrderBy(b => Share(h2, b, channel)).ThenBy(b => b)]);
            }
        }

        SplitInfo? best = null;
        foreach (var order in orders)
        {
            Array.Clear(_left);
            double wl = 0;
            var cl = 0;
            var set = new ulong[4];
            for (var size = 1; size <= order.Length; size++)
            {
                var b = order[size - 1];
                AddBin(h, b, ref wl, ref cl);
                set[b >> 6] |= 1UL << (b & 63);
                if (_randomThresholds && size < order.Length) continue; // extra trees: the whole random set only
                for (var pass = 0; pass < 2; pass++)
                {
                    var missingLeft = pass == 1;
                    if (missingLeft && missingCount == 0) break;
                    double mwl = wl;
                    var mcl = cl;
                    if (missingLeft) AddBin(h, bins.MissingBin, ref mwl, ref mcl);
                    var candidate = Better(best, Candidate(feature, -1, set, missingLeft, missingCount, mwl, mcl, w, c, parent));
                    if (missingLeft) RemoveMissing(h, bins.MissingBin);
                    if (candidate is not null && !ReferenceEquals(candidate, best)) best = candidate with { LeftBins = (ulong[])set.Clone() };
                }
            }
        }
        return best;
    }

    private double Share(double[] h, int bin, int channel)
    {
        var s = _layout.NumbersPerBin;
        var w = h[(bin * s) + _layout.Outputs];
        return w > 0 ? h[(bin * s) + channel] / w : 0;
    }

    private void AddBin(ReadOnlySpan<double> h, int bin, ref double w, ref int c)
    {
        var at = bin * _layout.NumbersPerBin;
        var k = _layout.Outputs;
        for (var j = 0; j < k; j++) _left[j] += h[at + j];
        w += h[at + k];
        c += (int)Math.Round(h[at + k + 1]);
    }

    private void RemoveMissing(ReadOnlySpan<double> h, int bin)
    {
        var at = bin * _layout.NumbersPerBin;
        for (var j = 0; j < _layout.Outputs; j++) _left[j] -= h[at + j];
    }

    /// <summary>The split with the left sums in <c>_left</c>, or null when a child is too small or weightless.</summary>
    private SplitInfo? Candidate(int feature, int threshold, ulong[]? set, bool missingLeft, int missingCount, double wl, int cl, double w, int c, double parent)
    {
        var cr = c - cl;
        var wr = w - wl;
        if (cl < _minLeaf || cr < _minLeaf || wl <= 0 || wr <= 0) return null;
        double left = 0, right = 0;
        for (var j = 0; j < _left.Length; j++)
        {
            left += _left[j] * _left[j];
            var r = _total[j] - _left[j];
            right += r * r;
        }
        var gain = (left / wl) + (right / wr) - parent;
        var defaultLeft = missingCount == 0 ? cl >= cr : missingLeft;
        return new SplitInfo(feature, gain, set is not null, threshold, set, defaultLeft, new NodeStats(0, wl, cl), new NodeStats(0, wr, cr));
    }

    private static SplitInfo? Better(SplitInfo? best, SplitInfo? candidate) =>
        candidate is not null && (best is null || candidate.Gain > best.Gain) ? candidate : best;
}
