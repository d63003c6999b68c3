using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Histograms;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// Builds a node's multi-output histogram (<see cref="HistogramLayout"/> with K outputs): for every feature and bin,
/// S_k (sum of <see cref="ForestTargets.Value"/> over rows of channel k), W (weight sum) and C (row count). The node's
/// targets are first gathered into row order, so the inner loop reads them sequentially. One thread per tree: forests
/// are parallel over trees. The larger child of a split is the parent minus the smaller (<see cref="HistogramBuilder.Subtract"/>).
/// </summary>
internal sealed class MultiOutputHistogram
{
    private readonly BinnedMatrix _data;
    private readonly HistogramLayout _layout;
    private readonly int[] _channel;
    private readonly float[] _value;
    private readonly float[] _weight;
    private readonly int[] _present = new int[256];
    private int[] _rows = [];
    private int _start;
    private int _count;

    public MultiOutputHistogram(BinnedMatrix data, HistogramLayout layout)
    {
        _data = data;
        _layout = layout;
        _channel = new int[data.Rows];
        _value = new float[data.Rows];
        _weight = new float[data.Rows];
    }

    /// <summary>Fills <paramref name="histogram"/> for the node holding rows[start .. start + count), every feature.</summary>
    public void Build(double[] histogram, int[] rows, int start, int count, ForestTargets targets)
    {
        Gather(rows, start, count, targets);
        for (var f = 0; f < _data.FeatureCount; f++)
        {
            var target = _layout.Of(histogram, f);
            target.Clear();
            AddFeature(target, f, _present);
        }
    }

    /// <summary>Makes rows[start .. start + count) the node that <see cref="AddFeature"/> reads: gathers their targets in row order.</summary>
    public void Gather(int[] rows, int start, int count, ForestTargets targets)
    {
        for (var i = 0; i < count; i++)
        {
            var r = rows[start + i];
            _channel[i] = targets.Channel[r];
            _value[i] = targets.Value[r];
            _weight[i] = targets.Weight[r];
        }
        (_rows, _start, _count) = (rows, start, count);
    }

    /// <summary>
    /// Adds the gathered node's sums for one feature into <paramref name="target"/> (the feature's bins x
    /// <see cref="HistogramLayout.NumbersPerBin"/>, zero where the caller wants plain sums). Lists in
    /// <paramref name="present"/> the value bins whose count went from zero to positive, in the order met, and returns
    /// how many, so a caller with a zeroed target learns the node's occupied bins without scanning every bin.
    /// </summary>
    public int AddFeature(Span<double> target, int feature, Span<int> present)
    {
        var (rows, start, count) = (_rows, _start, _count);
        var stride = _layout.NumbersPerBin;
        var k = _layout.Outputs;
        var missing = _layout.Features[feature].MissingBin;
        var found = 0;
        ref var hist = ref MemoryMarshal.GetReference(target);
        ref var bins = ref MemoryMarshal.GetReference(_data.Column(feature));
        ref var index = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), start);
        ref var channel = ref MemoryMarshal.GetArrayDataReference(_channel);
        ref var value = ref MemoryMarshal.GetArrayDataReference(_value);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(_weight);
        for (var i = 0; i < count; i++)
        {
            int bin = Unsafe.Add(ref bins, Unsafe.Add(ref index, i));
            ref var cell = ref Unsafe.Add(ref hist, bin * stride);
            ref var rowCount = ref Unsafe.Add(ref cell, k + 1);
            if (rowCount == 0 && bin != missing) present[found++] = bin;
            Unsafe.Add(ref cell, Unsafe.Add(ref channel, i)) += Unsafe.Add(ref value, i);
            Unsafe.Add(ref cell, k) += Unsafe.Add(ref weight, i);
            rowCount += 1;
        }
        return found;
    }
}
