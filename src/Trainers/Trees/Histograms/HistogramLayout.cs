using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Trees.Histograms;

/// <summary>
/// Where each feature's bins sit in one node's histogram: a flat <c>double[]</c> holding, for every bin of every feature,
/// <see cref="NumbersPerBin"/> numbers at <c>NumbersPerBin * (Offset(f) + bin)</c>. Gradient boosting stores four per bin
/// (gradient sum G, hessian sum H, row count C, and an unused slot so a bin is one 32-byte vector that one vector add
/// updates); a multi-output histogram (random forests) stores K output sums, then the weight sum and the row count,
/// K + 2 numbers, which for K = 1 is padded to the same shape.
/// </summary>
internal sealed class HistogramLayout
{
    /// <summary>Numbers stored per bin for one output: G, H, C and the unused slot.</summary>
    public const int Stride = 4;

    private readonly int[] _offsets;

    /// <summary>A layout over <paramref name="features"/> with <paramref name="outputs"/> sums per bin before the weight and count.</summary>
    public HistogramLayout(FeatureBins[] features, int outputs = 1)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        _offsets = new int[features.Length + 1];
        for (var f = 0; f < features.Length; f++) _offsets[f + 1] = _offsets[f] + features[f].BinCount;
        Features = features;
        Outputs = outputs;
        NumbersPerBin = Math.Max(outputs + 2, Stride);
    }

    public FeatureBins[] Features { get; }

    /// <summary>Output sums per bin (1 for gradient boosting).</summary>
    public int Outputs { get; }

    /// <summary>Numbers per bin: <see cref="Outputs"/> + 2, at least <see cref="Stride"/>.</summary>
    public int NumbersPerBin { get; }

    /// <summary>Length of one node's histogram array.</summary>
    public int Length => _offsets[^1] * NumbersPerBin;

    /// <summary>Index of feature <paramref name="feature"/>'s first number.</summary>
    public int Start(int feature) => _offsets[feature] * NumbersPerBin;

    /// <summary>The numbers of one feature: bins x <see cref="NumbersPerBin"/>.</summary>
    public Span<double> Of(double[] histogram, int feature) =>
        histogram.AsSpan(_offsets[feature] * NumbersPerBin, (_offsets[feature + 1] - _offsets[feature]) * NumbersPerBin);
}
