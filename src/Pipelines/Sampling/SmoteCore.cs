using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Sampling;

/// <summary>The parts SMOTE and SMOTE-NC share: the neighbour count for a class and the numeric interpolation.</summary>
internal static class SmoteCore
{
    /// <summary>min(k, class size − 1), or a clear error when the class has a single row.</summary>
    public static int NeighborCount(string step, DataFrame input, ReadOnlySpan<int> classRows, int k)
    {
        if (classRows.Length < 2)
        {
            var name = input.Label!.FormatValue(classRows[0]);
            throw new DataValueException(
                $"{step}: class '{name}' has a single row, so there is no neighbour to interpolate towards. " +
                $"Over-sample it with {nameof(RandomOverSample)}, leave it out of the sampling strategy, or gather more rows of it.");
        }
        return Math.Min(k, classRows.Length - 1);
    }

    /// <summary>
    /// <paramref name="count"/> new rows x + u·(nn − x): returns them (all other columns copied from x, the weight
    /// interpolated too) and, per new row, the class-local index of x (<paramref name="bases"/>) and of nn.
    /// </summary>
    public static DataFrame Interpolate(
        DataFrame input, ReadOnlySpan<int> classRows, NumericColumn[] numeric, int[] neighbors, int k, int count, Random random,
        out int[] bases, out int[] partners)
    {
        NumericColumn[] columns = input.Weight is { } weight ? [.. numeric, weight] : numeric;
        var values = FeatureData.Buffers(columns.Length, count);
        var sources = new int[count];
        bases = new int[count];
        partners = new int[count];
        for (var s = 0; s < count; s++)
        {
            var i = random.Next(classRows.Length);
            var j = neighbors[i * k + random.Next(k)];
            var u = (float)random.NextDouble();
            bases[s] = i;
            partners[s] = j;
            var x = classRows[i];
            var nn = classRows[j];
            sources[s] = x;
            for (var c = 0; c < columns.Length; c++)
            {
                var v = columns[c].Values;
                values[c][s] = v[x] + u * (v[nn] - v[x]);
            }
        }
        return FeatureData.Replace(input, sources, columns, values);
    }
}
