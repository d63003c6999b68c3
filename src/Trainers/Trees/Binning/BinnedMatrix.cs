namespace Pipelines.Trainers.Trees.Binning;

/// <summary>Binned features: one byte per value, column-major (feature f's rows are contiguous), with each feature's bins.</summary>
internal sealed class BinnedMatrix
{
    public BinnedMatrix(FeatureBins[] features, int rows, byte[] bins)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(bins);
        if (bins.Length != (long)features.Length * rows) throw new ArgumentException("bins must hold features x rows values.", nameof(bins));
        Features = features;
        Rows = rows;
        Bins = bins;
    }

    public FeatureBins[] Features { get; }
    public int Rows { get; }

    /// <summary>All bins, feature after feature.</summary>
    public byte[] Bins { get; }

    public int FeatureCount => Features.Length;

    /// <summary>The bins of feature <paramref name="feature"/>, one per row.</summary>
    public ReadOnlySpan<byte> Column(int feature) => Bins.AsSpan(feature * Rows, Rows);
}
