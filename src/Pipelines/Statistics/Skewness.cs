namespace Pipelines.Statistics;

/// <summary>Third standardized moment of a column's non-missing values.</summary>
public static class Skewness
{
    /// <summary>
    /// Sample skewness g₁ = m₃ / m₂^{3/2}, with mₖ = Σ (xᵢ − x̄)ᵏ / n over values that are not NaN (the biased
    /// Fisher-Pearson coefficient, scipy.stats.skew's default). NaN when fewer than 2 values are present;
    /// 0 when they are all equal.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> values)
    {
        var (mean, _, n) = Moments.MeanStd(values);
        if (n < 2) return double.NaN;
        double m2 = 0, m3 = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v)) continue;
            var d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        return m2 == 0 ? 0 : m3 / Math.Pow(m2, 1.5);
    }
}
