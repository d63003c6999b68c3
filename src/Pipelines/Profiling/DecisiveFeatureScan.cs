using Pipelines.Data;

namespace Pipelines.Profiling;

/// <summary>Finds the <see cref="DecisiveFeature"/>s of a frame with a label.</summary>
public static class DecisiveFeatureScan
{
    /// <summary>Most equal-count bins a numeric feature is cut into (and one for missing values).</summary>
    public const int Bins = 32;

    /// <summary>Score from which a feature is decisive: 99% of rows classed right, or 99% of the label's variance.</summary>
    public const double Threshold = 0.99;

    /// <summary>Rows looked at, at most (a seeded sample beyond): enough for a 1% error to show.</summary>
    private const int MaxRows = 20_000;

    /// <summary>
    /// The features of <paramref name="data"/> that alone score at least <see cref="Threshold"/>, best first. Each is
    /// scored two-fold (bins fitted on alternate rows, scored on the others, and back); text columns are skipped, and a
    /// categorical label whose commonest class already holds 90% of rows is skipped (a 99% score says little there).
    /// </summary>
    public static IReadOnlyList<DecisiveFeature> Find(DataFrame data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Label is not { } label) return [];
        var rows = Enumerable.Range(0, data.RowCount).Where(r => !label.IsMissing(r)).ToArray();
        if (rows.Length < 20) return [];
        if (rows.Length > MaxRows)
        {
            var random = new Random(17);
            rows = [.. rows.OrderBy(_ => random.Next()).Take(MaxRows).Order()];
        }
        Func<int[], double>? score = label switch
        {
            CategoricalColumn classes when MajorityShare(classes, rows) <= 0.9 => bins => Accuracy(bins, classes, rows),
            NumericColumn values => bins => RSquared(bins, values, rows),
            _ => null,
        };
        if (score is null) return [];
        var found = new List<DecisiveFeature>();
        foreach (var column in data.Features)
        {
            if (BinsOf(column, rows) is not { } bins) continue;
            var s = score(bins);
            if (s >= Threshold) found.Add(new DecisiveFeature(column.Name, s));
        }
        return [.. found.OrderByDescending(f => f.Score)];
    }

    /// <summary>Each row's bin (an index into <paramref name="rows"/>'s order), or null for a column that is not binned.</summary>
    private static int[]? BinsOf(Column column, int[] rows)
    {
        switch (column)
        {
            case CategoricalColumn categorical:
            {
                var codes = categorical.Codes;
                var bins = new int[rows.Length];
                for (var i = 0; i < rows.Length; i++) bins[i] = codes[rows[i]] + 1;
                return bins;
            }
            case NumericColumn numeric:
            {
                var values = numeric.Values;
                var picked = new float[rows.Length];
                for (var i = 0; i < rows.Length; i++) picked[i] = values[rows[i]];
                var present = picked.Where(v => !float.IsNaN(v)).Order().ToArray();
                if (present.Length == 0) return null;
                // Cuts halfway between a quantile and the next larger value, so a value that repeats (zeros) never shares
                // its bin with the values just above it.
                var cuts = Enumerable.Range(1, Bins - 1).Select(i => present[(int)((long)i * present.Length / Bins)]).Distinct()
                    .Select(q => (Quantile: q, Above: FirstAbove(present, q)))
                    .Where(c => c.Above < present.Length)
                    .Select(c => (c.Quantile + present[c.Above]) / 2).Distinct().ToArray();
                return [.. picked.Select(v => float.IsNaN(v) ? 0 : 1 + Below(cuts, v))];
            }
            default:
                return null;
        }
    }

    /// <summary>How many of the sorted <paramref name="values"/> are below <paramref name="value"/>.</summary>
    private static int Below(float[] values, float value)
    {
        var (low, high) = (0, values.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (values[mid] < value) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The index of the first of the sorted <paramref name="values"/> above <paramref name="value"/> (their count if none).</summary>
    private static int FirstAbove(float[] values, float value)
    {
        var (low, high) = (0, values.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (values[mid] <= value) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static double MajorityShare(CategoricalColumn classes, int[] rows)
    {
        var codes = classes.Codes;
        var counts = new Dictionary<int, int>();
        foreach (var r in rows) counts[codes[r]] = counts.GetValueOrDefault(codes[r]) + 1;
        return counts.Values.Max() / (double)rows.Length;
    }

    /// <summary>Two-fold accuracy of each bin's commonest class (the overall commonest for a bin the fitting half lacks).</summary>
    private static double Accuracy(int[] bins, CategoricalColumn classes, int[] rows)
    {
        var codes = classes.Codes;
        var right = 0;
        for (var fold = 0; fold < 2; fold++)
        {
            var counts = new Dictionary<(int Bin, int Class), int>();
            var overall = new Dictionary<int, int>();
            for (var i = fold; i < rows.Length; i += 2)
            {
                var c = codes[rows[i]];
                counts[(bins[i], c)] = counts.GetValueOrDefault((bins[i], c)) + 1;
                overall[c] = overall.GetValueOrDefault(c) + 1;
            }
            var fallback = overall.MaxBy(p => p.Value).Key;
            var best = counts.GroupBy(p => p.Key.Bin).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Value).Key.Class);
            for (var i = 1 - fold; i < rows.Length; i += 2)
            {
                if (best.GetValueOrDefault(bins[i], fallback) == codes[rows[i]]) right++;
            }
        }
        return right / (double)rows.Length;
    }

    /// <summary>Two-fold R² of each bin's mean (the overall mean for a bin the fitting half lacks).</summary>
    private static double RSquared(int[] bins, NumericColumn label, int[] rows)
    {
        var y = label.Values;
        double residual = 0, total = 0;
        for (var fold = 0; fold < 2; fold++)
        {
            var sums = new Dictionary<int, (double Sum, int Count)>();
            double sum = 0;
            var count = 0;
            for (var i = fold; i < rows.Length; i += 2)
            {
                var v = y[rows[i]];
                var (s, n) = sums.GetValueOrDefault(bins[i]);
                sums[bins[i]] = (s + v, n + 1);
                sum += v;
                count++;
            }
            var mean = sum / count;
            for (var i = 1 - fold; i < rows.Length; i += 2)
            {
                var v = y[rows[i]];
                var predicted = sums.TryGetValue(bins[i], out var b) ? b.Sum / b.Count : mean;
                residual += (v - predicted) * (v - predicted);
                total += (v - mean) * (v - mean);
            }
        }
        return total == 0 ? 0 : 1 - residual / total;
    }
}
