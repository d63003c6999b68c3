namespace Pipelines.Statistics;

/// <summary>Counts of distinct values, for modes and constant-column checks.</summary>
public static class Frequency
{
    /// <summary>
    /// The most frequent value of ascending <paramref name="sorted"/> (no NaN; see <see cref="Moments.SortedPresent(ReadOnlySpan{float})"/>),
    /// its count, and the number of distinct values. Ties go to the smallest value (as scikit-learn's
    /// SimpleImputer); -0 and 0 count as one value. NaN value and zero counts when empty.
    /// </summary>
    public static (float Value, int Count, int Distinct) Mode(ReadOnlySpan<float> sorted)
    {
        if (sorted.IsEmpty) return (float.NaN, 0, 0);
        var best = sorted[0];
        var bestCount = 0;
        var distinct = 0;
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start]) end++;
            distinct++;
            if (end - start > bestCount)
            {
                best = sorted[start];
                bestCount = end - start;
            }
            start = end;
        }
        return (best, bestCount, distinct);
    }

    /// <summary>
    /// The most frequent code among <paramref name="codes"/> (codes in [0, <paramref name="categoryCount"/>), -1 missing
    /// and skipped), its count, and the number of distinct codes present. Ties go to the smallest code; code -1 and
    /// zero counts when no value is present.
    /// </summary>
    public static (int Code, int Count, int Distinct) Mode(ReadOnlySpan<int> codes, int categoryCount)
    {
        var counts = new int[categoryCount];
        foreach (var c in codes) if (c >= 0) counts[c]++;
        int best = -1, bestCount = 0, distinct = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0) continue;
            distinct++;
            if (counts[c] > bestCount) (best, bestCount) = (c, counts[c]);
        }
        return (best, bestCount, distinct);
    }

    /// <summary>The most frequent non-null string (ordinal; of tied values, the one that reached the count first), its count, and the number of distinct strings.</summary>
    public static (string? Value, int Count, int Distinct) Mode(ReadOnlySpan<string?> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? best = null;
        var bestCount = 0;
        foreach (var v in values)
        {
            if (v is null) continue;
            var n = counts[v] = counts.GetValueOrDefault(v) + 1;
            if (n > bestCount) (best, bestCount) = (v, n);
        }
        return (best, bestCount, counts.Count);
    }
}
