using System.Numerics.Tensors;
using Pipelines.Core;

namespace Pipelines.Statistics;

/// <summary>
/// Exact k-nearest-neighbour search by brute force over a small dense point set. The search is quadratic, so it checks
/// the <see cref="TrainingContext"/> token every <see cref="RowsPerCheck"/> points and a cancelled trial stops within one chunk.
/// </summary>
public static class NearestNeighbors
{
    private const int RowsPerCheck = 64;

    /// <summary>
    /// For each of the <c>points.Length / dim</c> row-major points, the indices of its <paramref name="k"/> nearest
    /// other points by Euclidean distance, nearest first (ties by lower index); the point itself is never its own
    /// neighbour. Returns a row-major <c>count × k</c> array. O(count² · dim); meant for one class's rows.
    /// Points must be finite: NaN distances would make the order meaningless.
    /// </summary>
    public static int[] Search(ReadOnlySpan<float> points, int dim, int k)
    {
        var count = CheckShape(points.Length, dim, k);
        var neighbors = new int[count * k];
        var best = new float[k];
        var cancellation = TrainingContext.Cancellation;
        for (var i = 0; i < count; i++)
        {
            if (i % RowsPerCheck == 0) cancellation.ThrowIfCancellationRequested();
            var p = points.Slice(i * dim, dim);
            var found = 0;
            var ids = neighbors.AsSpan(i * k, k);
            for (var j = 0; j < count; j++)
            {
                if (j == i) continue;
                var d = TensorPrimitives.Distance(p, points.Slice(j * dim, dim));
                found = Insert(ids, best, found, j, d);
            }
        }
        return neighbors;
    }

    /// <summary>
    /// As <see cref="Search(ReadOnlySpan{float}, int, int)"/>, with a caller-given squared distance (for mixed numeric/categorical data).
    /// <paramref name="squaredDistance"/> receives two point indices.
    /// </summary>
    public static int[] Search(int count, int k, Func<int, int, float> squaredDistance)
    {
        ArgumentNullException.ThrowIfNull(squaredDistance);
        if (k < 1 || k >= count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, {count - 1}] for {count} points.");
        var neighbors = new int[count * k];
        var best = new float[k];
        var cancellation = TrainingContext.Cancellation;
        for (var i = 0; i < count; i++)
        {
            if (i % RowsPerCheck == 0) cancellation.ThrowIfCancellationRequested();
            var found = 0;
            var ids = neighbors.AsSpan(i * k, k);
            for (var j = 0; j < count; j++)
            {
                if (j == i) continue;
                found = Insert(ids, best, found, j, squaredDistance(i, j));
            }
        }
        return neighbors;
    }

    private static int CheckShape(int length, int dim, int k)
    {
        if (dim < 1) throw new ArgumentOutOfRangeException(nameof(dim), dim, "Points need at least one dimension.");
        if (length % dim != 0) throw new ArgumentException($"{length} values do not split into points of dimension {dim}.", nameof(dim));
        var count = length / dim;
        if (k < 1 || k >= count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, {count - 1}] for {count} points.");
        return count;
    }

    // Keeps ids/best sorted by (distance, index) with at most ids.Length entries; candidates arrive in index order,
    // so a candidate at an equal distance goes after those already kept.
    private static int Insert(Span<int> ids, Span<float> best, int found, int candidate, float distance)
    {
        var k = ids.Length;
        if (found == k && distance >= best[k - 1]) return found;
        var position = found < k ? found : k - 1;
        while (position > 0 && best[position - 1] > distance)
        {
            best[position] = best[position - 1];
            ids[position] = ids[position - 1];
            position--;
        }
        best[position] = distance;
        ids[position] = candidate;
        return found < k ? found + 1 : found;
    }
}
