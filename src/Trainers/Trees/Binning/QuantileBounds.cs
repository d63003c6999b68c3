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

        // Distinct values with their counts.
        var distinct = new List<float>();
        var counts = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (distinct.Count > 0 && sorted[i] == distinct[^1]) counts[^1]++;
            else { distinct.Add(sorted[i]); counts.Add(1); }
        }

        var bounds = new List<float>();
        if (distinct.Count <= maxBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++) bounds.Add(Midpoint(distinct[i], distinct[i + 1]));
        }
        else
        {
            long seen = 0;
            var k = 1;
            for (var i = 0; i + 1 < distinct.Count && k < maxBins; i++)
            {
                seen += counts[i];
                if (seen * maxBins < (long)k * n) continue;
                bounds.Add(Midpoint(distinct[i], distinct[i + 1]));
                while (k < maxBins && seen * maxBins >= (long)k * n) k++;
            }
        }
        bounds.Add(float.PositiveInfinity);
        return [.. bounds];
    }

    /// <summary>The midpoint of neighbouring values a &lt; b, computed in double and kept strictly below b so b falls in the next bin.</summary>
    private static float Midpoint(float a, float b)
    {
        var mid = (float)(a + ((double)b - a) / 2);
        return mid >= b ? a : mid;
    }
}
