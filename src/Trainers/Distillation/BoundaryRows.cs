namespace Pipelines.Trainers.Distillation;

/// <summary>
/// Synthetic rows on the teacher's decision boundary, where a student most often disagrees with it: for two real rows
/// a and b that the teacher puts in different classes, bisect the segment a + t (b - a), t in [0, 1], for a t where the
/// teacher's class leaves class(a) (the bracket keeps class(a) at its low end and another class at its high end) (<see cref="DistillAugmentation.BoundarySearchSteps"/> halvings, all rows searched in
/// one teacher call per halving), take a uniform point of the last bracket, and add the perturbation noise so that the
/// rows fall on both sides of the boundary.
/// </summary>
internal static class BoundaryRows
{
    public static void Fill(
        DistillAugmentation augmentation, float[] real, int[] realClasses, int d, double[] std, List<int> targets,
        Random random, SyntheticRows.Classify classify, float[] result)
    {
        // Per class, the real rows of the other classes.
        var others = realClasses.Distinct().ToDictionary(c => c, c => Enumerable.Range(0, realClasses.Length).Where(r => realClasses[r] != c).ToArray());
        var m = targets.Count;
        var from = new int[m];
        var to = new int[m];
        for (var i = 0; i < m; i++)
        {
            from[i] = random.Next(realClasses.Length);
            var candidates = others[realClasses[from[i]]];
            to[i] = candidates[random.Next(candidates.Length)];
        }
        var low = new double[m];
        var high = new double[m];
        Array.Fill(high, 1);
        var points = new float[m * d];
        for (var halving = 0; halving < augmentation.BoundarySearchSteps; halving++)
        {
            for (var i = 0; i < m; i++) Interpolate(real, d, from[i], to[i], (low[i] + high[i]) / 2, points.AsSpan(i * d, d));
            var classes = classify(points, m);
            for (var i = 0; i < m; i++)
            {
                if (classes[i] == realClasses[from[i]]) low[i] = (low[i] + high[i]) / 2;
                else high[i] = (low[i] + high[i]) / 2;
            }
        }
        for (var i = 0; i < m; i++)
        {
            var row = result.AsSpan(targets[i] * d, d);
            Interpolate(real, d, from[i], to[i], low[i] + (high[i] - low[i]) * random.NextDouble(), row);
            SyntheticRows.AddNoise(augmentation.NoiseScale, std, random, row);
        }
    }

    private static void Interpolate(float[] real, int d, int a, int b, double t, Span<float> row)
    {
        for (var j = 0; j < d; j++) row[j] = (float)(real[a * d + j] + t * (real[b * d + j] - real[a * d + j]));
    }
}
