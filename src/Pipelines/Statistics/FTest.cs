namespace Pipelines.Statistics;

/// <summary>One-way analysis of variance of a numeric variable across groups.</summary>
public static class FTest
{
    /// <summary>
    /// The ANOVA F statistic F = (SSB / (g - 1)) / (SSW / (n - g)), where SSB = sum over groups of
    /// n_j (mean_j - mean)^2, SSW = sum over groups of the squared deviations from the group mean, g the number
    /// of non-empty groups and n the number of values: scikit-learn's f_classif. +Infinity when the groups
    /// are separated perfectly (SSW = 0 &lt; SSB); NaN when the variable is constant (0 / 0) or when there
    /// are fewer than two groups or no more values than groups. Values must not be NaN (the caller refuses them).
    /// </summary>
    /// <param name="values">The variable, one value per row.</param>
    /// <param name="groups">The group of each row, in [0, <paramref name="groupCount"/>).</param>
    /// <param name="groupCount">Number of group codes.</param>
    public static double OneWay(ReadOnlySpan<float> values, ReadOnlySpan<int> groups, int groupCount)
    {
        if (values.Length != groups.Length) throw new ArgumentException("values and groups need the same length.", nameof(groups));
        var sums = new double[groupCount];
        var counts = new int[groupCount];
        double total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sums[groups[i]] += values[i];
            counts[groups[i]]++;
            total += values[i];
        }
        var n = values.Length;
        var mean = total / n;
        var present = 0;
        double between = 0;
        for (var g = 0; g < groupCount; g++)
        {
            if (counts[g] == 0) continue;
            present++;
            var d = sums[g] / counts[g] - mean;
            between += counts[g] * d * d;
        }
        // Deviations from the group means are summed in a second pass: the one-pass sum of squares
        // cancels badly for features with a large offset.
        double within = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var d = values[i] - sums[groups[i]] / counts[groups[i]];
            within += d * d;
        }
        if (present < 2 || n <= present) return double.NaN;
        return between / (present - 1) / (within / (n - present));
    }
}
