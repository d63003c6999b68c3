using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Sampling;

/// <summary>
/// SMOTE-NC (Chawla et al. 2002, section 6.1) for numeric and categorical features together.
/// <list type="bullet">
/// <item>Distance between two rows of a class: squared Euclidean over the numeric features plus Med² for
/// each categorical feature whose values differ, where Med is the median of the numeric features' standard
/// deviations within that class (as the paper states; imbalanced-learn's one-hot encoding of Med/2 adds Med²/2,
/// so its neighbours can differ slightly).</item>
/// <item>Numeric features of a new row: x + u·(nn − x) as in <see cref="Smote"/> (weight too).</item>
/// <item>Each categorical feature of a new row: the value most frequent among x's k nearest neighbours; a tie
/// goes to the tied value held by the nearest of those neighbours. A missing category counts as a value of its own.</item>
/// <item>Text columns are copied from x. Numeric features must be complete; at least one is needed.</item>
/// </list>
/// </summary>
public sealed record SmoteNc : OverSampler
{
    /// <summary>How many nearest same-class neighbours to use (k; default 5).</summary>
    public int Neighbors { get; init; } = 5;

    /// <inheritdoc/>
    protected override void ValidateOptions()
    {
        if (Neighbors < 1) ThrowHelper.BadOption(StepName, nameof(Neighbors), Neighbors, "at least 1");
    }

    /// <inheritdoc/>
    protected override void ValidateData(DataFrame input, ClassRows groups)
    {
        var numeric = FeatureData.NumericFeatures(input);
        if (numeric.Length == 0)
            throw new SchemaException(
                $"{StepName}: the data has no numeric feature; SMOTE-NC needs at least one to measure distances and interpolate. " +
                $"Use {nameof(RandomOverSample)} for purely categorical data.");
        FeatureData.RequireComplete(StepName, numeric);
    }

    /// <inheritdoc/>
    protected override DataFrame Synthesize(DataFrame input, ReadOnlySpan<int> classRows, int count, Random random)
    {
        var numeric = FeatureData.NumericFeatures(input);
        var categorical = FeatureData.CategoricalFeatures(input);
        var k = SmoteCore.NeighborCount(StepName, input, classRows, Neighbors);
        var dim = numeric.Length;
        var points = FeatureData.Gather(numeric, classRows);
        var codes = GatherCodes(categorical, classRows);
        var q = categorical.Length;
        var penalty = (float)Math.Pow(MedianStd(points, dim, classRows.Length), 2);
        var m = classRows.Length;
        float Distance(int a, int b)
        {
            var sum = 0f;
            var pa = points.AsSpan(a * dim, dim);
            var pb = points.AsSpan(b * dim, dim);
            for (var j = 0; j < dim; j++)
            {
                var d = pa[j] - pb[j];
                sum += d * d;
            }
            var ca = codes.AsSpan(a * q, q);
            var cb = codes.AsSpan(b * q, q);
            for (var j = 0; j < q; j++) if (ca[j] != cb[j]) sum += penalty;
            return sum;
        }
        var neighbors = NearestNeighbors.Search(m, k, Distance);
        var frame = SmoteCore.Interpolate(input, classRows, numeric, neighbors, k, count, random, out var bases, out _);
        var votedColumns = new Column[q];
        for (var c = 0; c < q; c++)
        {
            var voted = Vote(codes, q, c, categorical[c].Categories.Count, neighbors, k, bases);
            votedColumns[c] = new CategoricalColumn(categorical[c].Name, voted, [.. categorical[c].Categories]);
        }
        return frame.With(votedColumns);
    }

    /// <summary>Median over features of the population standard deviation of row-major <paramref name="points"/>.</summary>
    internal static double MedianStd(float[] points, int dim, int rows)
    {
        var stds = new float[dim];
        var column = new float[rows];
        for (var j = 0; j < dim; j++)
        {
            for (var i = 0; i < rows; i++) column[i] = points[i * dim + j];
            stds[j] = (float)Moments.MeanStd(column).Std;
        }
        Array.Sort(stds);
        return Moments.Quantile(stds, 0.5);
    }

    /// <summary>Row-major codes (rows × columns) of the class rows.</summary>
    private static int[] GatherCodes(CategoricalColumn[] columns, ReadOnlySpan<int> rows)
    {
        var q = columns.Length;
        var codes = new int[rows.Length * q];
        for (var j = 0; j < q; j++)
        {
            var source = columns[j].Codes;
            for (var i = 0; i < rows.Length; i++) codes[i * q + j] = source[rows[i]];
        }
        return codes;
    }

    /// <summary>
    /// For each new row, the most frequent code of column <paramref name="column"/> among its base row's k neighbours
    /// (a tie goes to the value of the nearest tied neighbour).
    /// </summary>
    internal static int[] Vote(int[] codes, int q, int column, int categoryCount, int[] neighbors, int k, int[] bases)
    {
        var result = new int[bases.Length];
        var tally = new int[categoryCount + 1]; // slot 0 counts missing (-1)
        for (var s = 0; s < bases.Length; s++)
        {
            var ids = neighbors.AsSpan(bases[s] * k, k);
            var max = 0;
            foreach (var id in ids) max = Math.Max(max, ++tally[codes[id * q + column] + 1]);
            var chosen = CategoricalColumn.Missing;
            foreach (var id in ids)
            {
                var code = codes[id * q + column];
                if (tally[code + 1] == max) { chosen = code; break; }
            }
            foreach (var id in ids) tally[codes[id * q + column] + 1] = 0;
            result[s] = chosen;
        }
        return result;
    }
}
