namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Per-feature weighted mean μ_j = Σ_i w_i x_ij / Σ_i w_i and standard deviation σ_j = sqrt(Σ_i w_i (x_ij - μ_j)² / Σ_i w_i)
/// (weights as frequencies, so a weight of 2 equals a duplicated row), and the design x̃_ij = (x_ij - c_j) / s_j
/// (computed in double precision, stored in single), with c_j = μ_j when centring (else 0) and s_j = σ_j when scaling
/// (else 1; also 1 for a constant column).
/// </summary>
internal sealed class FeatureScaling
{
    private FeatureScaling(double[] mean, double[] std, double[] center, double[] scale)
    {
        Mean = mean;
        Std = std;
        Center = center;
        Scale = scale;
    }

    public double[] Mean { get; }
    public double[] Std { get; }
    public double[] Center { get; }
    public double[] Scale { get; }

    public static FeatureScaling Fit(float[] rowMajor, int features, float[] weights, bool center, bool scale)
    {
        var rows = weights.Length;
        var mean = new double[features];
        var variance = new double[features];
        var total = 0.0;
        for (var i = 0; i < rows; i++) total += weights[i];
        for (var i = 0; i < rows; i++)
        {
            var w = weights[i] / total;
            for (var j = 0; j < features; j++) mean[j] += w * rowMajor[i * features + j];
        }
        for (var i = 0; i < rows; i++)
        {
            var w = weights[i] / total;
            for (var j = 0; j < features; j++)
            {
                var e = rowMajor[i * features + j] - mean[j];
                variance[j] += w * e * e;
            }
        }
        var std = variance.Select(Math.Sqrt).ToArray();
        var centers = center ? (double[])mean.Clone() : new double[features];
        var scales = std.Select(s => scale && s > 0 && double.IsFinite(s) ? s : 1.0).ToArray();
        return new FeatureScaling(mean, std, centers, scales);
    }

    /// <summary>Replaces every x of <paramref name="rowMajor"/> with x̃ = (x - c) / s.</summary>
    public void ApplyInPlace(float[] rowMajor, int features)
    {
        for (var k = 0; k < rowMajor.Length; k++)
        {
            var j = k % features;
            rowMajor[k] = (float)((rowMajor[k] - Center[j]) / Scale[j]);
        }
    }
}
