namespace Pipelines.Statistics;

/// <summary>Smallest and largest non-missing values of a column.</summary>
public static class Extremes
{
    /// <summary>
    /// Minimum and maximum over values that are not NaN, and how many there were; both NaN when every value
    /// is missing. A plain loop on purpose: TensorPrimitives.MinNumber returned NaN for a short span holding a NaN here.
    /// </summary>
    public static (float Min, float Max, int Count) MinMax(ReadOnlySpan<float> values)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var count = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v)) continue;
            count++;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return count == 0 ? (float.NaN, float.NaN, 0) : (min, max, count);
    }
}
