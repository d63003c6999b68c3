using MathNet.Numerics;

namespace Pipelines.Statistics;

/// <summary>Mutual information estimates between variables.</summary>
public static class MutualInformation
{
    /// <summary>
    /// Mutual information (in nats) between a continuous variable c and a discrete one d by the
    /// nearest-neighbour estimator of Ross (2014), "Mutual Information between Discrete and Continuous
    /// Data Sets", PLoS ONE 9(2):
    /// I = psi(N) + mean(psi(k_i)) - mean(psi(N_i)) - mean(psi(m_i)), where for each point i, N_i is the size
    /// of its class, k_i = min(k, N_i - 1), r_i the distance to its k_i-th nearest neighbour within the class,
    /// and m_i the number of points of any class (i itself included) strictly closer than r_i (all points
    /// equal to c_i when r_i = 0). Points alone in their class are left out, and a negative estimate
    /// becomes 0. This is scikit-learn's <c>_compute_mi_cd</c>, the core of mutual_info_classif, without
    /// the tiny random noise and scaling that mutual_info_classif adds to c first, so it is deterministic.
    /// 0 when fewer than two points share a class. Values must not be NaN (the caller refuses them).
    /// </summary>
    /// <param name="values">The continuous variable.</param>
    /// <param name="classes">The class of each value, in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of class codes.</param>
    /// <param name="neighbors">k, the number of neighbours (scikit-learn's default is 3).</param>
    public static double ContinuousDiscrete(ReadOnlySpan<float> values, ReadOnlySpan<int> classes, int classCount, int neighbors = 3)
    {
        if (values.Length != classes.Length) throw new ArgumentException("values and classes need the same length.", nameof(classes));
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbors, 1);
        var counts = new int[classCount];
        foreach (var c in classes) counts[c]++;

        // Only points whose class has another member take part (as scikit-learn), in sorted order so that
        // neighbour searches in one dimension are walks and binary searches.
        var kept = new List<(double Value, int Class)>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (counts[classes[i]] > 1) kept.Add((values[i], classes[i]));
        }
        var n = kept.Count;
        if (n == 0) return 0;
        kept.Sort((a, b) => a.Value.CompareTo(b.Value));
        var all = new double[n];
        for (var i = 0; i < n; i++) all[i] = kept[i].Value;

        double sumPsiK = 0, sumPsiCount = 0, sumPsiM = 0;
        var inClass = new double[n];
        for (var cls = 0; cls < classCount; cls++)
        {
            if (counts[cls] < 2) continue;
            var size = 0;
            for (var i = 0; i < n; i++) if (kept[i].Class == cls) inClass[size++] = kept[i].Value;
            var members = inClass.AsSpan(0, size);
            var k = Math.Min(neighbors, size - 1);
            var psiK = SpecialFunctions.DiGamma(k);
            var psiCount = SpecialFunctions.DiGamma(size);
            for (var t = 0; t < size; t++)
            {
                var r = KthNeighborDistance(members, t, k);
                // scikit-learn queries the radius nextafter(r, 0) inclusively: "strictly closer than r" for r > 0.
                var radius = r > 0 ? Math.BitDecrement(r) : 0;
                var m = CountWithin(all, members[t], radius);
                sumPsiK += psiK;
                sumPsiCount += psiCount;
                sumPsiM += SpecialFunctions.DiGamma(m);
            }
        }
        var mi = SpecialFunctions.DiGamma(n) + (sumPsiK - sumPsiCount - sumPsiM) / n;
        return Math.Max(0, mi);
    }

    /// <summary>Distance from sorted[t] to its k-th nearest other point of <paramref name="sorted"/>.</summary>
    private static double KthNeighborDistance(ReadOnlySpan<double> sorted, int t, int k)
    {
        int left = t - 1, right = t + 1;
        double distance = 0;
        for (var step = 0; step < k; step++)
        {
            var dl = left >= 0 ? sorted[t] - sorted[left] : double.PositiveInfinity;
            var dr = right < sorted.Length ? sorted[right] - sorted[t] : double.PositiveInfinity;
            if (dl <= dr) { distance = dl; left--; }
            else { distance = dr; right++; }
        }
        return distance;
    }

    /// <summary>How many values of ascending <paramref name="sorted"/> lie within <paramref name="radius"/> of x (inclusive).</summary>
    private static int CountWithin(ReadOnlySpan<double> sorted, double x, double radius)
    {
        // |v - x| <= radius is monotone on each side of x in sorted order, so two binary searches find the run.
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < x && x - sorted[mid] > radius) lo = mid + 1; else hi = mid;
        }
        var first = lo;
        lo = first;
        hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x || sorted[mid] - x <= radius) lo = mid + 1; else hi = mid;
        }
        return lo - first;
    }
}
