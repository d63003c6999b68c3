using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Trees.Histograms;

/// <summary>
/// Builds node histograms fast: the node's gradients and hessians are first gathered into row order (so the inner loop
/// reads them sequentially and only the byte bins are gathered), then features are split across threads. Each feature's
/// bins are summed by one thread in row order, so the result does not depend on the thread count.
/// The larger child of a split is never built: it is the parent minus the smaller child (<see cref="Subtract"/>).
/// </summary>
internal sealed class HistogramBuilder
{
    // Below this many (row, feature) pairs the node is built on the calling thread: scheduling costs more than it saves.
    private const long SerialWork = 64 * 1024;

    private readonly BinnedMatrix _data;
    private readonly HistogramLayout _layout;
    private readonly ParallelOptions _parallel;
    private readonly float[] _orderedGradients;
    private readonly float[] _orderedHessians;

    public HistogramBuilder(BinnedMatrix data, HistogramLayout layout, ParallelOptions parallel)
    {
        _data = data;
        _layout = layout;
        _parallel = parallel;
        _orderedGradients = new float[data.Rows];
        _orderedHessians = new float[data.Rows];
    }

    /// <summary>
    /// Fills <paramref name="histogram"/> for the node holding <paramref name="rows"/>, for the features in
    /// <paramref name="features"/> (others are left as they are). <paramref name="rowsAreAll"/> says the rows are 0..n-1 in
    /// order, which skips the gathering.
    /// </summary>
    public void Build(double[] histogram, int[] rows, int start, int count, float[] gradients, float[] hessians, int[] features, bool rowsAreAll)
    {
        float[] g, h;
        if (rowsAreAll)
        {
            g = gradients;
            h = hessians;
        }
        else
        {
            g = _orderedGradients;
            h = _orderedHessians;
            for (var i = 0; i < count; i++)
            {
                var r = rows[start + i];
                g[i] = gradients[r];
                h[i] = hessians[r];
            }
        }
        if ((long)count * features.Length < SerialWork || _parallel.MaxDegreeOfParallelism == 1)
        {
            foreach (var f in features) BuildFeature(histogram, f, rows, start, count, g, h, rowsAreAll);
            return;
        }
        Parallel.For(0, features.Length, _parallel, i => BuildFeature(histogram, features[i], rows, start, count, g, h, rowsAreAll));
    }

    /// <summary>
    /// Adds g and h to the adjacent G and H of a cell with one 2-lane load, add and store instead of two scalar
    /// read-modify-writes. Each lane is the same IEEE double addition as the scalar code, so sums are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddPair(ref double cell, float g, float h)
    {
        ref var pair = ref Unsafe.As<double, byte>(ref cell);
        var sum = Unsafe.ReadUnaligned<Vector128<double>>(ref pair) + Vector128.Create((double)g, h);
        Unsafe.WriteUnaligned(ref pair, sum);
    }

    /// <summary>Turns <paramref name="parent"/> into the larger child's histogram: parent - smaller, number by number.</summary>
    public static void Subtract(double[] parent, double[] smaller) => TensorPrimitives.Subtract(parent, smaller, parent);

    private void BuildFeature(double[] histogram, int feature, int[] rows, int start, int count, float[] g, float[] h, bool rowsAreAll)
    {
        var target = _layout.Of(histogram, feature);
        target.Clear();
        ref var hist = ref MemoryMarshal.GetReference(target);
        ref var bins = ref MemoryMarshal.GetReference(_data.Column(feature));
        ref var gr = ref MemoryMarshal.GetArrayDataReference(g);
        ref var hs = ref MemoryMarshal.GetArrayDataReference(h);
        if (rowsAreAll)
        {
            for (var i = 0; i < count; i++)
            {
                ref var cell = ref Unsafe.Add(ref hist, Unsafe.Add(ref bins, i) * HistogramLayout.Stride);
                AddPair(ref cell, Unsafe.Add(ref gr, i), Unsafe.Add(ref hs, i));
                Unsafe.Add(ref cell, 2) += 1;
            }
            return;
        }
        ref var index = ref MemoryMarshal.GetArrayDataReference(rows);
        index = ref Unsafe.Add(ref index, start);
        for (var i = 0; i < count; i++)
        {
            ref var cell = ref Unsafe.Add(ref hist, Unsafe.Add(ref bins, Unsafe.Add(ref index, i)) * HistogramLayout.Stride);
            AddPair(ref cell, Unsafe.Add(ref gr, i), Unsafe.Add(ref hs, i));
            Unsafe.Add(ref cell, 2) += 1;
        }
    }
}
