using Pipelines.Trainers.Trees.Histograms;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// One node's multi-output histogram as <see cref="ForestSplitter"/> reads it, one feature at a time, with the value
/// bins that hold the node's rows. Either every feature's bins are there before the split search (built, or the
/// parent's minus the sibling's), or a feature's bins are built from the node's rows when the splitter visits it. A
/// forest node visits only its drawn features (the square root of the feature count by default), so on wide data
/// building those few costs a small fraction of building all of them; with most features drawn, full histograms and
/// the subtraction trick cost less.
/// </summary>
internal sealed class ForestNodeHistogram
{
    private readonly HistogramLayout _layout;
    private readonly MultiOutputHistogram _builder;
    private readonly double[] _scratch;
    private readonly int[] _present = new int[256];
    private int _presentCount;
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

    /// <summary>The value bins (not the missing bin) holding rows of the node in the feature read last, ascending.</summary>
    public ReadOnlySpan<int> Present => _present.AsSpan(0, _presentCount);

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
        var values = _layout.Features[feature].ValueBinCount;
        if (_full is not null)
        {
            var bins = _layout.Of(_full, feature);
            ListOccupied(bins, values);
            return bins;
        }
        ClearScratch();
        var target = _scratch.AsSpan(0, _layout.Features[feature].BinCount * _layout.NumbersPerBin);
        _presentCount = _builder.AddFeature(target, feature, _present);
        _dirtyFeature = feature;
        // Few occupied bins (a small node) are sorted; many are listed again by one pass over the bins, which costs less.
        if (_presentCount * 8 < values) _present.AsSpan(0, _presentCount).Sort();
        else ListOccupied(target, values);
        return target;
    }

    private void ListOccupied(ReadOnlySpan<double> bins, int values)
    {
        int s = _layout.NumbersPerBin, at = _layout.Outputs + 1;
        _presentCount = 0;
        for (var b = 0; b < values; b++) if (bins[(b * s) + at] > 0) _present[_presentCount++] = b;
    }

    // The scratch stays zero between reads: only the bins the last feature's rows occupied are cleared, so a small node
    // costs its rows, not the feature's 256 bins.
    private void ClearScratch()
    {
        if (_dirtyFeature < 0) return;
        var s = _layout.NumbersPerBin;
        foreach (var b in Present) _scratch.AsSpan(b * s, s).Clear();
        _scratch.AsSpan(_layout.Features[_dirtyFeature].MissingBin * s, s).Clear();
        _dirtyFeature = -1;
    }
}
