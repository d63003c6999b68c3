using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Trainers.Distillation;

/// <summary>Makes the synthetic rows of <see cref="DistillAugmentation"/> from real rows (row-major, rows x features).</summary>
internal static class SyntheticRows
{
    public static float[] Generate(
        string step, DistillAugmentation augmentation, float[] real, int n, IReadOnlyList<string> features, int count, int seed)
    {
        var d = features.Count;
        var result = new float[count * d];
        if (count == 0) return result;
        var kinds = new List<int>();
        if (augmentation.Perturbs) kinds.Add(0);
        if (augmentation.MixupAlpha > 0) kinds.Add(1);
        if (augmentation.RowSource is not null) kinds.Add(2);
        var random = new Random(seed);
        var std = new double[d];
        var column = new float[n];
        for (var j = 0; j < d; j++)
        {
            for (var r = 0; r < n; r++) column[r] = real[r * d + j];
            std[j] = Moments.MeanStd(column).Std;
        }
        var fromSource = new List<int>();
        for (var s = 0; s < count; s++)
        {
            var row = result.AsSpan(s * d, d);
            switch (kinds[s % kinds.Count])
            {
                case 0: Perturb(augmentation, real, n, d, std, random, row); break;
                case 1: Mix(augmentation.MixupAlpha, real, n, d, random, row); break;
                default: fromSource.Add(s); break;
            }
        }
        if (fromSource.Count > 0) FillFromSource(step, augmentation.RowSource!, features, fromSource, random.Next(), result);
        return result;
    }

    private static void Perturb(DistillAugmentation augmentation, float[] real, int n, int d, double[] std, Random random, Span<float> row)
    {
        var i = random.Next(n);
        for (var j = 0; j < d; j++)
        {
            var source = augmentation.SwapProbability > 0 && random.NextDouble() < augmentation.SwapProbability ? random.Next(n) : i;
            var v = (double)real[source * d + j];
            if (augmentation.NoiseScale > 0 && std[j] > 0) v += augmentation.NoiseScale * std[j] * RandomVariates.Normal(random);
            row[j] = (float)v;
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
