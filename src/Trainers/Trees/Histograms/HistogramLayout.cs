using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Trees.Histograms;

/// <summary>
/// Where each feature's bins sit in one node's histogram: a flat <c>double[]</c> holding, for every bin of every feature,
/// three numbers (gradient sum G, hessian sum H, row count C) at <c>3 * (Offset(f) + bin)</c>.
/// </summary>
internal sealed class HistogramLayout
{
    /// <summary>Numbers stored per bin: G, H, C.</summary>
    public const int Stride = 3;

    private readonly int[] _offsets;

    public HistogramLayout(FeatureBins[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        _offsets = new int[features.Length + 1];
        for (var f = 0; f < features.Length; f++) _offsets[f + 1] = _offsets[f] + features[f].BinCount;
        Features = features;
    }

    public FeatureBins[] Features { get; }

    /// <summary>Length of one node's histogram array.</summary>
    public int Length => _offsets[^1] * Stride;

    /// <summary>Index of feature <paramref name="feature"/>'s first number.</summary>
    public int Start(int feature) => _offsets[feature] * Stride;

    /// <summary>The numbers of one feature: bins x (G, H, C).</summary>
    public Span<double> Of(double[] histogram, int feature) =>
        histogram.AsSpan(_offsets[feature] * Stride, (_offsets[feature + 1] - _offsets[feature]) * Stride);
}
