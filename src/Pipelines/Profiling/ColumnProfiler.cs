using Pipelines.Data;
using Pipelines.Statistics;

namespace Pipelines.Profiling;

/// <summary>Profiles one column; one method per column kind.</summary>
internal static class ColumnProfiler
{
    public static ColumnProfile Profile(Column column, ColumnRole role, ProfileOptions options)
    {
        var missing = column.Length == 0 ? 0 : (double)column.MissingCount() / column.Length;
        return column switch
        {
            NumericColumn n => Numeric(n, role, missing, options),
            CategoricalColumn c => Categorical(c, role, missing, options),
            TextColumn t => Text(t, role, missing),
            _ => throw new NotSupportedException($"Column '{column.Name}' of kind {column.Kind} cannot be profiled."),
        };
    }

    private static ColumnProfile Numeric(NumericColumn column, ColumnRole role, double missing, ProfileOptions options)
    {
        var values = column.Values;
        var sorted = Moments.SortedPresent(values);
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) distinct++;
        NumericSummary summary;
        if (sorted.Length == 0)
        {
            summary = new NumericSummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        else
        {
            var (mean, std, _) = Moments.MeanStd(values);
            var q1 = Moments.Quantile(sorted, 0.25);
            var q3 = Moments.Quantile(sorted, 0.75);
            var k = options.IqrMultiplier * (q3 - q1);
            double lower = q1 - k, upper = q3 + k;
            var outliers = 0;
            foreach (var v in sorted) if (v < lower || v > upper) outliers++;
            summary = new NumericSummary(sorted[0], sorted[^1], mean, std, Skewness.Compute(values), lower, upper, outliers);
        }
        return new ColumnProfile(column.Name, ColumnKind.Numeric, role, missing, distinct, distinct <= 1, summary, null);
    }

    private static ColumnProfile Categorical(CategoricalColumn column, ColumnRole role, double missing, ProfileOptions options)
    {
        var counts = column.CountPerCategory();
        var distinct = counts.Count(c => c > 0);
        // Stable sort keeps dictionary order among equal counts, so the result does not depend on sort internals.
        var top = Enumerable.Range(0, counts.Length)
            .Where(i => counts[i] > 0)
            .OrderByDescending(i => counts[i])
            .Take(options.TopCategories)
            .Select(i => new CategoryCount(column.Categories[i], counts[i]))
            .ToArray();
        return new ColumnProfile(column.Name, ColumnKind.Categorical, role, missing, distinct, distinct <= 1, null, top);
    }

    private static ColumnProfile Text(TextColumn column, ColumnRole role, double missing)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in column.Values) if (v is not null) distinct.Add(v);
        return new ColumnProfile(column.Name, ColumnKind.Text, role, missing, distinct.Count, distinct.Count <= 1, null, null);
    }
}
