using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.AutoML.Reporting;

public sealed partial record SyntheticComparison
{
    /// <summary>The category that gathers every category beyond the most frequent ones.</summary>
    public const string OtherCategory = "(other)";

    /// <summary>
    /// Compares every numeric and categorical column (the label included, the weight left out) that
    /// <paramref name="real"/> and <paramref name="synthetic"/> both hold with the same kind. Numeric columns get
    /// <paramref name="bins"/> equal-width bins spanning both sides' finite values (missing values are not counted);
    /// categorical columns keep the <paramref name="maxCategories"/> categories most frequent among the real rows
    /// and gather the rest into <see cref="OtherCategory"/>.
    /// </summary>
    public static SyntheticComparison Compute(DataFrame real, DataFrame synthetic, int bins = 20, int maxCategories = 12)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        if (bins < 1) ThrowHelper.BadOption(nameof(SyntheticComparison), nameof(bins), bins, "1 or more");
        if (maxCategories < 1) ThrowHelper.BadOption(nameof(SyntheticComparison), nameof(maxCategories), maxCategories, "1 or more");
        var numeric = new List<NumericDistribution>();
        var categorical = new List<CategoricalDistribution>();
        foreach (var column in real.Columns)
        {
            if (real.RoleOf(column.Name) == ColumnRole.Weight || !synthetic.Contains(column.Name)) continue;
            var other = synthetic[column.Name];
            if (column is NumericColumn r && other is NumericColumn s) numeric.Add(Histograms(r, s, bins));
            else if (column is CategoricalColumn rc && other is CategoricalColumn sc) categorical.Add(Frequencies(rc, sc, maxCategories));
        }
        return new SyntheticComparison(real.RowCount, synthetic.RowCount, numeric, categorical);
    }

    private static NumericDistribution Histograms(NumericColumn real, NumericColumn synthetic, int bins)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var column in new[] { real, synthetic })
        {
            foreach (var v in column.Values)
            {
                if (!float.IsFinite(v)) continue;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }
        if (min > max) (min, max) = (0, 1);               // every value missing: empty bins over a unit range
        if (min == max) (min, max) = (min - 0.5, max + 0.5);  // a constant: one value in the middle bin
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++) edges[i] = min + (max - min) * i / bins;
        return new NumericDistribution(real.Name, edges, Count(real.Values, min, max, bins), Count(synthetic.Values, min, max, bins));
    }

    private static long[] Count(ReadOnlySpan<float> values, double min, double max, int bins)
    {
        var counts = new long[bins];
        var width = (max - min) / bins;
        foreach (var v in values)
        {
            if (!float.IsFinite(v)) continue;
            counts[Math.Clamp((int)((v - min) / width), 0, bins - 1)]++;  // the maximum falls in the last bin
        }
        return counts;
    }

    private static CategoricalDistribution Frequencies(CategoricalColumn real, CategoricalColumn synthetic, int maxCategories)
    {
        var realCounts = ByName(real);
        var syntheticCounts = ByName(synthetic);
        var order = realCounts.OrderByDescending(p => p.Value).Select(p => p.Key)
            .Concat(syntheticCounts.OrderByDescending(p => p.Value).Select(p => p.Key).Where(k => !realCounts.ContainsKey(k)))
            .ToList();
        var kept = order.Count <= maxCategories ? order : order.Take(maxCategories).ToList();
        var categories = new List<string>(kept);
        var realOut = kept.Select(k => realCounts.GetValueOrDefault(k)).ToList();
        var syntheticOut = kept.Select(k => syntheticCounts.GetValueOrDefault(k)).ToList();
        if (kept.Count < order.Count)
        {
            var rest = order.Skip(kept.Count).ToList();
            categories.Add(OtherCategory);
            realOut.Add(rest.Sum(k => realCounts.GetValueOrDefault(k)));
            syntheticOut.Add(rest.Sum(k => syntheticCounts.GetValueOrDefault(k)));
        }
        return new CategoricalDistribution(real.Name, categories, realOut, syntheticOut);
    }

    /// <summary>Rows per category name (not code: the two sides may code categories differently); categories with no rows left out.</summary>
    private static Dictionary<string, long> ByName(CategoricalColumn column)
    {
        var counts = column.CountPerCategory();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0) result[column.Categories[c]] = counts[c];
        }
        return result;
    }
}
