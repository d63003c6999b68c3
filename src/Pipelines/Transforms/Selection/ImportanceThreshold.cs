using Pipelines.Errors;

namespace Pipelines.Transforms.Selection;

/// <summary>Which magnitudes of importance <see cref="SelectFromModel"/> keeps.</summary>
public enum ThresholdKind
{
    /// <summary>|importance| &gt;= Value * mean of |importance| over the candidates.</summary>
    Mean,
    /// <summary>|importance| &gt;= Value * median of |importance| over the candidates.</summary>
    Median,
    /// <summary>|importance| &gt;= Value.</summary>
    Absolute,
    /// <summary>The Value (a whole number) largest |importance|, ties to the earlier column.</summary>
    Top,
}

/// <summary>
/// The rule <see cref="SelectFromModel"/> keeps features by, as scikit-learn's threshold argument ("mean",
/// "1.25*median", a number) plus its max_features. Build one with the factory methods.
/// </summary>
public sealed record ImportanceThreshold
{
    private ImportanceThreshold(ThresholdKind kind, double value)
    {
        Kind = kind;
        Value = value;
    }

    public ThresholdKind Kind { get; }

    /// <summary>The scale (Mean, Median), the cut-off (Absolute) or the count (Top).</summary>
    public double Value { get; }

    /// <summary>Keep |importance| &gt;= <paramref name="scale"/> * mean |importance| (scikit-learn's default, with scale 1).</summary>
    public static ImportanceThreshold Mean(double scale = 1) => new(ThresholdKind.Mean, Checked(scale, nameof(scale)));

    /// <summary>Keep |importance| &gt;= <paramref name="scale"/> * median |importance|.</summary>
    public static ImportanceThreshold Median(double scale = 1) => new(ThresholdKind.Median, Checked(scale, nameof(scale)));

    /// <summary>Keep |importance| &gt;= <paramref name="value"/>.</summary>
    public static ImportanceThreshold Absolute(double value) => new(ThresholdKind.Absolute, Checked(value, nameof(value)));

    /// <summary>Keep the <paramref name="count"/> features of largest |importance| (all, if there are fewer).</summary>
    public static ImportanceThreshold Top(int count)
    {
        if (count < 1) ThrowHelper.BadOption(nameof(ImportanceThreshold), nameof(count), count, "at least 1");
        return new(ThresholdKind.Top, count);
    }

    /// <summary>Indices (ascending) of the magnitudes this rule keeps. NaN is never kept by a cut-off and ranks last for Top.</summary>
    internal int[] Select(IReadOnlyList<double> magnitudes)
    {
        if (Kind == ThresholdKind.Top) return Ranking.Top(magnitudes, (int)Value);
        var present = magnitudes.Where(m => !double.IsNaN(m)).ToArray();
        var cut = Kind switch
        {
            ThresholdKind.Mean => present.Length == 0 ? double.NaN : Value * present.Average(),
            ThresholdKind.Median => Value * Median(present),
            _ => Value,
        };
        return [.. Enumerable.Range(0, magnitudes.Count).Where(i => magnitudes[i] >= cut)];
    }

    public override string ToString() => Kind == ThresholdKind.Absolute || Kind == ThresholdKind.Top ? $"{Kind}({Value})" : $"{Value}*{Kind}";

    private static double Median(double[] values)
    {
        if (values.Length == 0) return double.NaN;
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double Checked(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value)) ThrowHelper.BadOption(nameof(ImportanceThreshold), name, value, "a finite number >= 0");
        return value;
    }
}
