namespace Pipelines.Transforms.Selection;

/// <summary>Ranks scored features, the same way in every selector.</summary>
internal static class Ranking
{
    /// <summary>
    /// Indices of the <paramref name="count"/> highest scores, returned in ascending index order. NaN ranks
    /// below every number; equal scores favour the earlier column, so the result never depends on sort stability.
    /// </summary>
    public static int[] Top(IReadOnlyList<double> scores, int count)
    {
        var order = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i])
            .ThenBy(i => double.IsNaN(scores[i]) ? 1 : 0)
            .ThenBy(i => i)
            .Take(Math.Clamp(count, 0, scores.Count))
            .ToArray();
        Array.Sort(order);
        return order;
    }

    /// <summary>The names at <paramref name="indices"/>.</summary>
    public static string[] Pick(IReadOnlyList<string> names, IEnumerable<int> indices) => [.. indices.Select(i => names[i])];
}
