using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Trees.Histograms;

/// <summary>
/// A row-major copy of the bins (row r's features are the bytes [r F, r F + F)) for building the histograms of small
/// nodes. Their rows are scattered over the data, so reading a feature column touches a new cache line for nearly every
/// row and feature; reading rows touches one or two lines per row for all features.
/// </summary>
internal sealed class RowMajorBins
{
    // Rows transposed per block: a block's column slices and row bytes stay in cache.
    private const int BlockRows = 4096;

    public RowMajorBins(BinnedMatrix data, ParallelOptions parallel)
    {
        Features = data.FeatureCount;
        Bins = new byte[(long)data.Rows * Features];
        var blocks = (data.Rows + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, parallel, b =>
        {
            var from = b * BlockRows;
            var to = Math.Min(data.Rows, from + BlockRows);
            for (var f = 0; f < Features; f++)
            {
                var column = data.Column(f);
                for (var r = from; r < to; r++) Bins[((long)r * Features) + f] = column[r];
            }
        });
    }

    /// <summary>Features per row.</summary>
    public int Features { get; }

    /// <summary>All bins, row after row.</summary>
    public byte[] Bins { get; }
}
