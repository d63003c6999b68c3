using Pipelines.Trainers.Trees.Histograms;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// One node's multi-output histogram as <see cref="ForestSplitter"/> reads it, one feature at a time. Either every
/// feature's bins are there before the split search (built, or the parent's minus the sibling's), or a feature's bins
/// are built from the node's rows when the splitter visits it. A forest node visits only its drawn features (the square
/// root of the feature count by default), so on wide data building those few costs a small fraction of building all of
/// them; with most features drawn, full histograms and the subtraction trick cost less.
/// </summary>
internal sealed class ForestNodeHistogram
{
    private readonly HistogramLayout _layout;
    private readonly MultiOutputHistogram _builder;
    private readonly double[] _scratch;
    private double[]? _full;
    private int _dirtyFeature = -1;

    public ForestNodeHistogram(HistogramLayout layout, MultiOutputHistogram builder)
    {
        _layout = layout;
        _builder = builder;
        var widest = 0;
        foreach (var f in layout.Features) widest = Math.Max(widest, f.BinCount);
        _scratch = new double[widest * layout.NumbersPerBin];
    }

    /// <summary>The lowest value bin that may hold rows of the node in the feature read last; bins below it are empty.</summary>
    public int LowBin { get; private set; }

    /// <summary>The highest value bin that may hold rows of the node in the feature read last (below <see cref="LowBin"/>: none).</summary>
    public int HighBin { get; private set; }

    /// <summary>Reads every feature from <paramref name="histogram"/>, built beforehand.</summary>
    public void UseFull(double[] histogram)
    {
        ClearScratch();
        _full = histogram;
    }

    /// <summary>Builds each feature from rows[start .. start + count) when it is read.</summary>
    public void UseRows(int[] rows, int start, int count, ForestTargets targets)
    {
        ClearScratch();
        _full = null;
        _builder.Gather(rows, start, count, targets);
    }

    /// <summary>Feature <paramref name="feature"/>'s bins; on demand, valid until the next call.</summary>
    public ReadOnlySpan<double> Feature(int feature)
    {
        if (_full is not null)
        {
            (LowBin, HighBin) = (0, _layout.Features[feature].ValueBinCount - 1);
            return _layout.Of(_full, feature);
        }
        ClearScratch();
        var target = _scratch.AsSpan(0, _layout.Features[feature].BinCount * _layout.NumbersPerBin);
        (LowBin, HighBin) = _builder.AddFeature(target, feature);
        _dirtyFeature = feature;
        return target;
    }

    // The scratch stays zero between reads: only the bins the last feature's rows touched are cleared, so a small node
    // costs its rows, not the feature's 256 bins.
    private void ClearScratch()
    {
        if (_dirtyFeature < 0) return;
        var s = _layout.NumbersPerBin;
        if (HighBin >= LowBin) _scratch.AsSpan(LowBin * s, (HighBin - LowBin + 1) * s).Clear();
        _scratch.AsSpan(_layout.Features[_dirtyFeature].MissingBin * s, s).Clear();
        _dirtyFeature = -1;
    }
}
