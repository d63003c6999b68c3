using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.AutoML.Reporting;

/// <summary>
/// Permutation importance (Breiman 2001; scikit-learn's permutation_importance): how much a fitted model's score drops
/// when the values of one input column are shuffled across the rows, which breaks that column's link to the label while
/// keeping its distribution. Works on any column kind (numeric, categorical, text) since only rows are reordered.
/// </summary>
public static class PermutationImportance
{
    /// <summary>
    /// For each feature column of <paramref name="test"/> (label and weight columns excluded), shuffles that column alone
    /// <paramref name="repeats"/> times and scores <c>model.Transform(shuffled)</c>. The drop of a repeat is
    /// <c>score(model.Transform(test)) - score(model.Transform(shuffled))</c>; the result holds its mean and population
    /// standard deviation per column. <paramref name="score"/> reads the model's output frame (the input columns, the
    /// label included, plus the prediction columns) and must be higher-is-better: pass the negated value of a loss.
    /// Each column's shuffles come from their own generator seeded by <paramref name="seed"/> and the column's position,
    /// so the result is the same for the same seed. Sorted by mean drop, largest first (ties in column order).
    /// </summary>
    public static IReadOnlyList<FeatureDrop> Compute(ITransformer model, DataFrame test, Func<DataFrame, double> score, int repeats, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(score);
        if (repeats < 1) ThrowHelper.BadOption(nameof(PermutationImportance), nameof(repeats), repeats, "1 or more");
        if (test.RowCount < 2) ThrowHelper.TooFewRows(nameof(PermutationImportance), test.RowCount, 2);
        var baseline = Score(model, test, score, "the unshuffled test rows");
        var features = test.Features.ToList();
        var result = new FeatureDrop[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            var random = new Random(ColumnSeed(seed, f));
            var permutation = new int[test.RowCount];
            var drops = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                Shuffle(permutation, random);
                var shuffled = test.With(features[f].Take(permutation));
                drops[r] = baseline - Score(model, shuffled, score, $"the test rows with '{features[f].Name}' shuffled");
            }
            var mean = drops.Average();
            var std = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / repeats);
            result[f] = new FeatureDrop(features[f].Name, mean, std);
        }
        return [.. result.OrderByDescending(i => i.MeanDrop)];
    }

    private static double Score(ITransformer model, DataFrame frame, Func<DataFrame, double> score, string what)
    {
        var value = score(model.Transform(frame));
        if (!double.IsFinite(value))
            throw new DataValueException(
                $"{nameof(PermutationImportance)}: the score of {what} is {value}; the score function must return a finite number. " +
                "Check that the test rows hold at least two classes and that the metric is defined on them.");
        return value;
    }

    /// <summary>A fresh uniform permutation of 0..n-1 (Fisher-Yates from the identity, so repeats are independent).</summary>
    private static void Shuffle(int[] permutation, Random random)
    {
        for (var i = 0; i < permutation.Length; i++) permutation[i] = i;
        for (var i = permutation.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
    }

    /// <summary>Mixes the seed with the column's position (SplitMix64 finalizer), so neighbouring columns get unrelated streams.</summary>
    private static int ColumnSeed(int seed, int column)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)column + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }
}
