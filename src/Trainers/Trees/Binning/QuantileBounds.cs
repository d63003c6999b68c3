namespace Pipelines.Trainers.Trees.Binning;

/// <summary>Upper bounds of numeric bins from a sample of a feature's values.</summary>
internal static class QuantileBounds
{
    /// <summary>
    /// Bounds for at most <paramref name="maxBins"/> value bins. With few distinct values every value gets its own bin
    /// (bounds at midpoints between neighbours, as LightGBM and scikit-learn do); otherwise a cut goes after the distinct
    /// value where the running count first reaches each k/maxBins quantile, so heavy repeated values keep one bin.
    /// NaN in <paramref name="values"/> is ignored. The last bound is +inf.
    /// </summary>
    public static float[] Compute(ReadOnlySpan<float> values, int maxBins)
    {
        if (maxBins < 2) throw new ArgumentOutOfRangeException(nameof(maxBins), maxBins, "At least 2 bins.");
        var sorted = new float[values.Length];
        var n = 0;
        foreach (var v in values) if (!float.IsNaN(v)) sorted[n++] = v;
        if (n == 0) return [float.PositiveInfinity];
        FloatRadixSort.Sort(sorted.AsSpan(0, n));

        // Runs of equal values in the sorted sample are its distinct values; a run's first value stands for it.
        var bounds = new List<float>();
        if (DistinctAtMost(sorted.AsSpan(0, n), maxBins))
        {
            for (var i = 1; i < n; i++) if (sorted[i] != sorted[i - 1]) bounds.Add(Midpoint(sorted[i - 1], sorted[i]));
        }
        else
        {
            long seen = 0;
            var k = 1;
            for (int start = 0, end; k < maxBins; start = end)
            {
                end = start + 1;
                while (end < n && sorted[end] == sorted[start]) end++;
                if (end == n) break; // the last distinct value closes no bin
                seen += end - start;
                if (seen * maxBins < (long)k * n) continue;
                bounds.Add(Midpoint(sorted[start], sorted[end]));
                while (k < maxBins && seen * maxBins >= (long)k * n) k++;
            }
        }
        bounds.Add(float.PositiveInfinity);
        return [.. bounds];
    }

    /// <summary>Whether the ascending <paramref name="sorted"/> holds at most <paramref name="limit"/> distinct values.</summary>
    private static bool DistinctAtMost(ReadOnlySpan<float> sorted, int limit)
    {
        var distinct = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1] && ++distinct > limit) return false;
        }
        return true;
    }

    /// <summary>The midpoint of neighbouring values a &lt; b, computed in double and kept strictly below b so b falls in the next bin.</summary>
    private static float Midpoint(float a, float b)
    {
        var mid = (float)(a + ((double)b - a) / 2);
        return mid >= b ? a : mid;
    }
}
