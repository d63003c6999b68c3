using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Trainers.Distillation;

/// <summary>Makes the synthetic rows of <see cref="DistillAugmentation"/> from real rows (row-major, rows x features).</summary>
internal static class SyntheticRows
{
    /// <summary>The teacher's class (argmax) for each of <c>rows</c> row-major rows.</summary>
    public delegate int[] Classify(float[] values, int rows);

    private enum Kind { Perturbation, Mixup, Boundary, Source }

    /// <summary>
    /// <c>count</c> rows made from the real rows (<c>realClasses</c>: the teacher's class of each, for boundary rows;
    /// <c>classify</c>: the teacher's classes of candidate rows, for the boundary search).
    /// </summary>
    public static float[] Generate(
        string step, DistillAugmentation augmentation, float[] real, int[] realClasses, IReadOnlyList<string> features,
        int count, int seed, Classify classify)
    {
        var n = realClasses.Length;
        var d = features.Count;
        var result = new float[count * d];
        if (count == 0) return result;
        var kinds = Kinds(augmentation, realClasses);
        var random = new Random(seed);
        var std = Spread(real, n, d);
        var fromSource = new List<int>();
        var onBoundary = new List<int>();
        for (var s = 0; s < count; s++)
        {
            var row = result.AsSpan(s * d, d);
            switch (kinds[s % kinds.Count])
            {
                case Kind.Perturbation: Perturb(augmentation, real, n, d, std, random, row); break;
                case Kind.Mixup: Mix(augmentation.MixupAlpha, real, n, d, random, row); break;
                case Kind.Boundary: onBoundary.Add(s); break;
                default: fromSource.Add(s); break;
            }
        }
        if (onBoundary.Count > 0) BoundaryRows.Fill(augmentation, real, realClasses, d, std, onBoundary, random, classify, result);
        if (fromSource.Count > 0) FillFromSource(step, augmentation.RowSource!, features, fromSource, random.Next(), result);
        return result;
    }

    private static List<Kind> Kinds(DistillAugmentation augmentation, int[] realClasses)
    {
        var kinds = new List<Kind>();
        if (augmentation.Perturbs) kinds.Add(Kind.Perturbation);
        if (augmentation.MixupAlpha > 0) kinds.Add(Kind.Mixup);
        // A boundary needs two classes among the real rows; with one, its share goes to the other generators (and with
        // no other generator, to perturbation, which then copies real rows if it has neither noise nor swaps).
        if (augmentation.BoundarySearchSteps > 0 && realClasses.Distinct().Skip(1).Any()) kinds.Add(Kind.Boundary);
        if (augmentation.RowSource is not null) kinds.Add(Kind.Source);
        if (kinds.Count == 0) kinds.Add(Kind.Perturbation);
        return kinds;
    }

    /// <summary>Each feature's population std over the real rows.</summary>
    private static double[] Spread(float[] real, int n, int d)
    {
        var std = new double[d];
        var column = new float[n];
        for (var j = 0; j < d; j++)
        {
            for (var r = 0; r < n; r++) column[r] = real[r * d + j];
            std[j] = Moments.MeanStd(column).Std;
        }
        return std;
    }

    private static void Perturb(DistillAugmentation augmentation, float[] real, int n, int d, double[] std, Random random, Span<float> row)
    {
        var i = random.Next(n);
        for (var j = 0; j < d; j++)
        {
            var source = augmentation.SwapProbability > 0 && random.NextDouble() < augmentation.SwapProbability ? random.Next(n) : i;
            row[j] = real[source * d + j];
        }
        AddNoise(augmentation.NoiseScale, std, random, row);
    }

    /// <summary>Adds N(0, (scale s_j)^2) to each feature j.</summary>
    internal static void AddNoise(double scale, double[] std, Random random, Span<float> row)
    {
        if (scale <= 0) return;
        for (var j = 0; j < row.Length; j++)
        {
            if (std[j] > 0) row[j] = (float)(row[j] + scale * std[j] * RandomVariates.Normal(random));
        }
    }

    private static void Mix(double alpha, float[] real, int n, int d, Random random, Span<float> row)
    {
        var a = random.Next(n);
        var b = random.Next(n);
        var lambda = (float)RandomVariates.Beta(random, alpha, alpha);
        for (var j = 0; j < d; j++) row[j] = lambda * real[a * d + j] + (1 - lambda) * real[b * d + j];
    }

    private static void FillFromSource(string step, IRowSource source, IReadOnlyList<string> features, List<int> targets, int seed, float[] result)
    {
        var d = features.Count;
        var frame = source.Sample(targets.Count, seed)
            ?? throw new InvalidOperationException($"{step}: the row source returned null.");
        if (frame.RowCount != targets.Count)
            throw new InvalidOperationException($"{step}: the row source returned {frame.RowCount} rows, {targets.Count} were asked for.");
        for (var j = 0; j < d; j++)
        {
            if (!frame.Contains(features[j])) ThrowHelper.MissingColumn(step + " row source", features[j], frame.Names);
            if (frame[features[j]] is not NumericColumn numeric)
            {
                ThrowHelper.WrongKind(step + " row source", features[j], frame[features[j]].Kind, ColumnKind.Numeric);
                return;
            }
            var values = numeric.Values;
            for (var k = 0; k < targets.Count; k++)
            {
                if (float.IsNaN(values[k])) ThrowHelper.MissingValues(step + " row source", features[j], k);
                result[targets[k] * d + j] = values[k];
            }
        }
    }
}
