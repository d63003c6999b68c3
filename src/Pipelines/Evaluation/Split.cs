using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Evaluation;

/// <summary>Row indices of one train/validation split.</summary>
public sealed record Fold(int[] Train, int[] Test);

/// <summary>
/// Seeded stratified splits. Rows of each class (or, for a numeric label, each of 10 quantile bins) are
/// shuffled and dealt out so every part keeps the class proportions; row order within a part is ascending.
/// </summary>
public static class Split
{
    /// <summary>
    /// At most <paramref name="count"/> rows, as ascending indices: every row when there are no more, else the training
    /// part of a <see cref="TrainTest"/> split that keeps about that many (each class its share, seeded).
    /// </summary>
    public static int[] AtMost(DataFrame data, int count, int seed) => data.RowCount <= count
        ? [.. Enumerable.Range(0, data.RowCount)]
        : TrainTest(data, 1 - count / (double)data.RowCount, seed).Train;

    /// <summary>A train/test split with <paramref name="testFraction"/> of each class's rows in the test part.</summary>
    public static Fold TrainTest(DataFrame data, double testFraction, int seed)
    {
        if (testFraction is <= 0 or >= 1) ThrowHelper.BadOption(nameof(TrainTest), nameof(testFraction), testFraction, "a fraction in (0, 1)");
        var test = new List<int>();
        var train = new List<int>();
        var random = new Random(seed);
        foreach (var group in Strata(data))
        {
            Shuffle(group, random);
            // Round per class, but keep at least one row on each side when the class has two or more.
            var n = (int)Math.Round(group.Count * testFraction, MidpointRounding.AwayFromZero);
            if (group.Count >= 2) n = Math.Clamp(n, 1, group.Count - 1);
            test.AddRange(group.Take(n));
            train.AddRange(group.Skip(n));
        }
        return new Fold(Sorted(train), Sorted(test));
    }

    /// <summary>
    /// A sample of about <paramref name="size"/> rows: each class (or label bin) keeps its share, but never fewer than
    /// <paramref name="minPerStratum"/> rows (all of them when it has fewer), so a rare class stays learnable in a
    /// small sample. Rows come back in ascending order.
    /// </summary>
    public static int[] Sample(DataFrame data, int size, int minPerStratum, int seed)
    {
        if (size < 1) ThrowHelper.BadOption(nameof(Sample), nameof(size), size, "at least 1 row");
        if (minPerStratum < 0) ThrowHelper.BadOption(nameof(Sample), nameof(minPerStratum), minPerStratum, "0 or more rows");
        var fraction = Math.Min(1.0, (double)size / Math.Max(1, data.RowCount));
        var kept = new List<int>();
        var random = new Random(seed);
        foreach (var group in Strata(data))
        {
            Shuffle(group, random);
            var share = (int)Math.Round(group.Count * fraction, MidpointRounding.AwayFromZero);
            kept.AddRange(group.Take(Math.Max(share, Math.Min(group.Count, minPerStratum))));
        }
        return Sorted(kept);
    }

    /// <summary>
    /// k stratified folds: each row is in exactly one test part; class proportions are kept in every fold.
    /// </summary>
    public static IReadOnlyList<Fold> StratifiedKFold(DataFrame data, int k, int seed)
    {
        if (k < 2) ThrowHelper.BadOption(nameof(StratifiedKFold), nameof(k), k, "at least 2 folds");
        if (data.RowCount < k) ThrowHelper.TooFewRows(nameof(StratifiedKFold), data.RowCount, k);
        var assignment = new int[data.RowCount];
        var random = new Random(seed);
        var next = 0;
        foreach (var group in Strata(data))
        {
            Shuffle(group, random);
            // Continue dealing where the previous class stopped, so fold sizes differ by at most one.
            foreach (var row in group) assignment[row] = next++ % k;
        }
        var folds = new Fold[k];
        for (var f = 0; f < k; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (var row = 0; row < assignment.Length; row++) (assignment[row] == f ? test : train).Add(row);
            folds[f] = new Fold([.. train], [.. test]);
        }
        return folds;
    }

    /// <summary>Row groups to stratify on: by label class, by label quantile bin for numeric labels, or one group without a label.</summary>
    private static List<List<int>> Strata(DataFrame data)
    {
        var groups = new Dictionary<int, List<int>>();
        var keys = StratumKeys(data);
        for (var row = 0; row < data.RowCount; row++)
        {
            if (!groups.TryGetValue(keys[row], out var list)) groups[keys[row]] = list = [];
            list.Add(row);
        }
        return [.. groups.OrderBy(g => g.Key).Select(g => g.Value)];
    }

    private static int[] StratumKeys(DataFrame data)
    {
        var keys = new int[data.RowCount];
        switch (data.Label)
        {
            case CategoricalColumn label:
                label.Codes.CopyTo(keys);
                break;
            case NumericColumn label:
                var sorted = Statistics.Moments.SortedPresent(label.Values);
                for (var row = 0; row < keys.Length; row++)
                {
                    var v = label[row];
                    if (float.IsNaN(v)) { keys[row] = -1; continue; }
                    var rank = Array.BinarySearch(sorted, v);
                    if (rank < 0) rank = ~rank;
                    keys[row] = (int)(10L * rank / Math.Max(1, sorted.Length));
                }
                break;
        }
        return keys;
    }

    private static void Shuffle(List<int> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static int[] Sorted(List<int> rows)
    {
        var array = rows.ToArray();
        Array.Sort(array);
        return array;
    }
}
