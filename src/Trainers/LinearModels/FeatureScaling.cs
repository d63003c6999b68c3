using Pipelines.Data;
using Pipelines.Statistics;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Per-feature weighted mean μ_j = Σ_i w_i x_ij / Σ_i w_i and standard deviation σ_j = sqrt(Σ_i w_i (x_ij - μ_j)² / Σ_i w_i)
/// (weights as frequencies, so a weight of 2 equals a duplicated row), and the centres and scales of the design
/// x̃_ij = (x_ij - c_j) / s_j (<see cref="LinearDesign"/>), with c_j = μ_j when centring (else 0) and s_j = σ_j when
/// scaling (else 1; also 1 for a constant column).
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

    /// <summary>The scaling of <paramref name="columns"/> under row weights <paramref name="weights"/> (one per row, positive sum).</summary>
    public static FeatureScaling Fit(IReadOnlyList<NumericColumn> columns, float[] weights, bool center, bool scale)
    {
        var features = columns.Count;
        var mean = new double[features];
        var std = new double[features];
        var total = 0.0;
        foreach (var w in weights) total += w;
        for (var j = 0; j < features; j++) (mean[j], std[j]) = Moments.WeightedMeanStd(columns[j], weights, total);
        var centers = center ? (double[])mean.Clone() : new double[features];
        var scales = std.Select(s => scale && s > 0 && double.IsFinite(s) ? s : 1.0).ToArray();
        return new FeatureScaling(mean, std, centers, scales);
    }
}
