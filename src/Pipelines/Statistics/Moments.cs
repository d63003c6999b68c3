using Pipelines.Data;

namespace Pipelines.Statistics;

/// <summary>Summary statistics over a column's non-missing values, accumulated in double.</summary>
public static class Moments
{
    /// <summary>
    /// Mean and population standard deviation over values that are not NaN (Welford's update, stable
    /// for large offsets), and how many there were. Both are NaN when every value is missing.
    /// </summary>
    public static (double Mean, double Std, int Count) MeanStd(ReadOnlySpan<float> values)
    {
        var (mean, variance, n) = MeanVariance(values);
        return (mean, Math.Sqrt(variance), n);
    }

    /// <summary>
    /// Mean and population variance (divides by the count, as numpy's nanvar with ddof = 0) over values that
    /// are not NaN, by Welford's update in double. A constant column gives exactly 0 variance, which matters to
    /// thresholds at 0. Both are NaN when every value is missing.
    /// </summary>
    public static (double Mean, double Variance, int Count) MeanVariance(ReadOnlySpan<float> values)
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
        return n == 0 ? (double.NaN, double.NaN, 0) : (mean, m2 / n, n);
    }

    /// <summary>
    /// The weighted mean μ = Σ_i w_i x_i / W and population standard deviation σ = sqrt(Σ_i w_i (x_i - μ)² / W) of
    /// <paramref name="column"/> under row weights <paramref name="weights"/> (one per row) summing to
    /// <paramref name="totalWeight"/>, in double. Every row counts (a NaN makes both NaN). The column is read a block of
    /// rows at a time, so a derived column is never computed whole.
    /// </summary>
    public static (double Mean, double Std) WeightedMeanStd(NumericColumn column, ReadOnlySpan<float> weights, double totalWeight)
    {
        ArgumentNullException.ThrowIfNull(column);
        Span<float> block = stackalloc float[WeightedBlockRows];
        var sum = 0.0;
        for (var start = 0; start < column.Length; start += WeightedBlockRows)
        {
            var values = Read(column, start, block);
            for (var i = 0; i < values.Length; i++) sum += weights[start + i] * (double)values[i];
        }
        var mean = sum / totalWeight;
        var squares = 0.0;
        for (var start = 0; start < column.Length; start += WeightedBlockRows)
        {
            var values = Read(column, start, block);
            for (var i = 0; i < values.Length; i++)
            {
                var e = values[i] - mean;
                squares += weights[start + i] * e * e;
            }
        }
        return (mean, Math.Sqrt(squares / totalWeight));
    }

    private const int WeightedBlockRows = 1024;

    // Rows [start, start + block length) of the column, or fewer at its end, in the block.
    private static Span<float> Read(NumericColumn column, int start, Span<float> block)
    {
        var part = block[..Math.Min(block.Length, column.Length - start)];
        column.CopyTo(start, part);
        return part;
    }

    /// <summary>The non-missing values, sorted ascending (for quantiles).</summary>
    public static float[] SortedPresent(ReadOnlySpan<float> values)
    {
        var count = 0;
        foreach (var v in values) if (!float.IsNaN(v)) count++;
        var sorted = new float[count];
        SortedPresent(values, sorted);
        return sorted;
    }

    /// <summary>
    /// The non-missing values sorted ascending in <paramref name="buffer"/> (at least as long as the present values),
    /// returned as the part filled: for callers sorting many columns, which then reuse one buffer instead of a copy each.
    /// </summary>
    public static Span<float> SortedPresent(ReadOnlySpan<float> values, Span<float> buffer)
    {
        var count = 0;
        foreach (var v in values) if (!float.IsNaN(v)) buffer[count++] = v;
        var present = buffer[..count];
        present.Sort();
        return present;
    }

    /// <summary>
    /// Quantile q in [0,1] of ascending <paramref name="sorted"/> with linear interpolation between
    /// closest ranks (numpy's default "linear" method). NaN when empty.
    /// </summary>
    public static double Quantile(ReadOnlySpan<float> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        if (q is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(q), q, "Quantile needs q in [0, 1].");
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * ((double)sorted[high] - sorted[low]);
    }
}
