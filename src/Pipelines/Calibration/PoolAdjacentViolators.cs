namespace Pipelines.Calibration;

/// <summary>
/// Isotonic (non-decreasing) least-squares regression of y on x by pool-adjacent-violators. Rows with equal x are
/// first merged into their mean (as scikit-learn's IsotonicRegression), then adjacent blocks whose means decrease are
/// pooled until the means are non-decreasing.
/// </summary>
internal static class PoolAdjacentViolators
{
    /// <summary>The distinct x values ascending and the fitted value at each.</summary>
    public static (double[] X, double[] Y) Fit(ReadOnlySpan<float> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        var order = new int[n];
        var keys = x.ToArray();
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);

        // Merge equal x into (x, sum of y, count).
        var ux = new List<double>();
        var sums = new List<double>();
        var weights = new List<double>();
        for (var i = 0; i < n; i++)
        {
            if (ux.Count > 0 && keys[i] == ux[^1])
            {
                sums[^1] += y[order[i]];
                weights[^1] += 1;
            }
            else
            {
                ux.Add(keys[i]);
                sums.Add(y[order[i]]);
                weights.Add(1);
            }
        }

        // Blocks as (sum, weight, first point); pool while the previous block's mean exceeds the last one's.
        var blockSum = new double[ux.Count];
        var blockWeight = new double[ux.Count];
        var blockStart = new int[ux.Count];
        var blocks = 0;
        for (var i = 0; i < ux.Count; i++)
        {
            blockSum[blocks] = sums[i];
            blockWeight[blocks] = weights[i];
            blockStart[blocks] = i;
            blocks++;
            while (blocks > 1 && blockSum[blocks - 2] * blockWeight[blocks - 1] > blockSum[blocks - 1] * blockWeight[blocks - 2])
            {
                blockSum[blocks - 2] += blockSum[blocks - 1];
                blockWeight[blocks - 2] += blockWeight[blocks - 1];
                blocks--;
            }
        }
        var fitted = new double[ux.Count];
        for (var b = 0; b < blocks; b++)
        {
            var end = b + 1 < blocks ? blockStart[b + 1] : ux.Count;
            var mean = blockSum[b] / blockWeight[b];
            for (var i = blockStart[b]; i < end; i++) fitted[i] = mean;
        }
        return ([.. ux], fitted);
    }
}
