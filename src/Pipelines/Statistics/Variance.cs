namespace Pipelines.Statistics;

/// <summary>Population variance over a column's non-missing values.</summary>
public static class Variance
{
    /// <summary>
    /// Population variance (divides by the count, as numpy's nanvar with ddof = 0) over values that are
    /// not NaN, by Welford's update in double. NaN when every value is missing. A constant column gives
    /// exactly 0, which matters to thresholds at 0.
    /// </summary>
    public static double Population(ReadOnlySpan<float> values)
    {
        double mean = 0, m2 = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v)) continue;
            n++;
            var delta = v - mean;
            mean += delta / n;
            m2 += delta * (v - mean);
        }
        return n == 0 ? double.NaN : m2 / n;
    }
}
