using Pipelines.Data;

namespace Pipelines.Trainers.Trees.Binning;

/// <summary>Learns each feature's bins from training columns and maps columns to a <see cref="BinnedMatrix"/>.</summary>
internal static class Binner
{
    /// <summary>
    /// Bins for each column: numeric columns get quantile bounds (<see cref="QuantileBounds"/>) from at most
    /// <paramref name="sampleSize"/> rows drawn with <paramref name="seed"/>; categorical columns keep their
    /// <c>maxBins - 2</c> most frequent categories (ties by name), the rest share the 'other' bin.
    /// </summary>
    public static FeatureBins[] Fit(IReadOnlyList<Column> columns, int maxBins, int sampleSize, int seed, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (maxBins is < 2 or > 255) throw new ArgumentOutOfRangeException(nameof(maxBins), maxBins, "MaxBins must be in [2, 255].");
        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        var sample = SampleRows(rows, sampleSize, seed);
        var result = new FeatureBins[columns.Count];
        Parallel.For(0, columns.Count, parallel, f =>
        {
            result[f] = columns[f] switch
            {
                NumericColumn numeric => NumericBins(numeric.Values, sample, maxBins),
                CategoricalColumn categorical => CategoricalBins(categorical, maxBins - 2),
                var other => throw new ArgumentException($"Column '{other.Name}' is {other.Kind}; trees read numeric and categorical columns."),
            };
        });
        return result;
    }

    /// <summary>Maps <paramref name="columns"/> (same kinds as at fit time; categories matched by name) to bins.</summary>
    public static BinnedMatrix Apply(FeatureBins[] bins, IReadOnlyList<Column> columns, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(columns);
        if (bins.Length != columns.Count) throw new ArgumentException($"Expected {bins.Length} columns, got {columns.Count}.", nameof(columns));
        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        var matrix = new byte[(long)bins.Length * rows];
        Parallel.For(0, bins.Length, parallel, f =>
        {
            var target = matrix.AsSpan(f * rows, rows);
            var feature = bins[f];
            switch (columns[f])
            {
                case NumericColumn numeric when !feature.IsCategorical:
                    var values = numeric.Values;
                    for (var r = 0; r < rows; r++) target[r] = feature.NumericBin(values[r]);
                    break;
                case CategoricalColumn categorical when feature.IsCategorical:
                    var map = CategoryMap(feature, categorical.Categories);
                    var codes = categorical.Codes;
                    for (var r = 0; r < rows; r++) target[r] = codes[r] < 0 ? (byte)feature.MissingBin : map[codes[r]];
                    break;
                default:
                    throw new ArgumentException($"Column '{columns[f].Name}' is {columns[f].Kind}, but it was {(feature.IsCategorical ? "categorical" : "numeric")} when the bins were learned.");
            }
        });
        return new BinnedMatrix(bins, rows, matrix);
    }

    /// <summary>Bin of each of <paramref name="categories"/> by name; names not kept go to the 'other' bin.</summary>
    public static byte[] CategoryMap(FeatureBins feature, IReadOnlyList<string> categories)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < feature.Categories.Length; i++) index[feature.Categories[i]] = i;
        var map = new byte[categories.Count];
        for (var c = 0; c < map.Length; c++) map[c] = (byte)(index.TryGetValue(categories[c], out var bin) ? bin : feature.OtherBin);
        return map;
    }

    private static FeatureBins NumericBins(ReadOnlySpan<float> values, int[]? sample, int maxBins)
    {
        if (sample is null) return FeatureBins.Numeric(QuantileBounds.Compute(values, maxBins));
        var picked = new float[sample.Length];
        for (var i = 0; i < sample.Length; i++) picked[i] = values[sample[i]];
        return FeatureBins.Numeric(QuantileBounds.Compute(picked, maxBins));
    }

    private static FeatureBins CategoricalBins(CategoricalColumn column, int maxCategories)
    {
        var counts = column.CountPerCategory();
        var kept = Enumerable.Range(0, counts.Length)
            .Where(c => counts[c] > 0)
            .OrderByDescending(c => counts[c])
            .ThenBy(c => column.Categories[c], StringComparer.Ordinal)
            .Take(maxCategories)
            .Select(c => column.Categories[c])
            .ToArray();
        return FeatureBins.Categorical(kept);
    }

    /// <summary>Null (use every row) when <paramref name="rows"/> fits in the sample; else a seeded sample without replacement, ascending.</summary>
    private static int[]? SampleRows(int rows, int sampleSize, int seed)
    {
        if (rows <= sampleSize) return null;
        var all = new int[rows];
        for (var i = 0; i < rows; i++) all[i] = i;
        var random = new Random(seed);
        for (var i = 0; i < sampleSize; i++)
        {
            var j = random.Next(i, rows);
            (all[i], all[j]) = (all[j], all[i]);
        }
        // Ascending, so every feature gathers its sample in one forward sweep; the bounds do not depend on the order.
        var sample = all[..sampleSize];
        Array.Sort(sample);
        return sample;
    }
}
