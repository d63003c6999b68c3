namespace Pipelines.Trainers.Gan.Quality;

/// <summary>The two-sample Kolmogorov-Smirnov statistic.</summary>
public static class KolmogorovSmirnov
{
    /// <summary>
    /// D = sup_x |F_a(x) - F_b(x)| over the empirical CDFs of the finite values of <paramref name="a"/> and <paramref name="b"/>
    /// (NaN and infinities are skipped). 0 for identical samples, 1 for samples with disjoint ranges; NaN when either has no finite value.
    /// </summary>
    public static double Statistic(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var x = Sorted(a);
        var y = Sorted(b);
        if (x.Length == 0 || y.Length == 0) return double.NaN;
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == v) i++;
            while (j < y.Length && y[j] == v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return d;
    }

    private static float[] Sorted(ReadOnlySpan<float> values)
    {
        var list = new List<float>(values.Length);
        foreach (var v in values) if (float.IsFinite(v)) list.Add(v);
        var array = list.ToArray();
        Array.Sort(array);
        return array;
    }
}
