using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Trees.Histograms;

/// <summary>
/// Builds node histograms fast. Each row's gradient and hessian are stored as one 4-float vector (g, h, 1, 0), so a
/// row adds to its bin's (G, H, C, unused) cell with one widen-to-double, one 32-byte add and one store. A node's vectors
/// are first gathered into row order (so the inner loop reads them sequentially and only the byte bins are gathered),
/// then features are split across threads. Each feature's bins are summed by one thread in row order with the same IEEE
/// double additions as a scalar loop, so the result does not depend on the thread count.
/// The larger child of a split is never built: it is the parent minus the smaller child (<see cref="Subtract"/>).
/// </summary>
internal sealed class HistogramBuilder
{
    // Below this many (row, feature) pairs the node is built on the calling thread: scheduling costs more than it saves.
    private const long SerialWork = 64 * 1024;

    // Nodes with at least this many rows gather their gradient vectors on all threads.
    private const int ParallelGatherRows = 64 * 1024;

    private readonly BinnedMatrix _data;
    private readonly HistogramLayout _layout;
    private readonly ParallelOptions _parallel;
    private readonly Vector128<float>[] _pairs;
    private readonly Vector128<float>[] _ordered;

    // The prepared node.
    private int[] _rows = [];
    private int _start;
    private int _count;
    private bool _rowsAreAll;

    public HistogramBuilder(BinnedMatrix data, HistogramLayout layout, ParallelOptions parallel)
    {
        if (layout.NumbersPerBin != HistogramLayout.Stride) throw new ArgumentException("Boosting histograms need the one-output layout.", nameof(layout));
        _data = data;
        _layout = layout;
        _parallel = parallel;
        _pairs = new Vector128<float>[data.Rows];
        _ordered = new Vector128<float>[data.Rows];
    }

    /// <summary>Sets the per-row gradients and hessians (indexed by row) that the following <see cref="Build"/> calls sum.</summary>
    public void SetGradients(float[] gradients, float[] hessians)
    {
        ForChunks(_data.Rows, (from, to) =>
        {
            for (var r = from; r < to; r++) _pairs[r] = Vector128.Create(gradients[r], hessians[r], 1f, 0f);
        });
    }

    /// <summary>
    /// Fills <paramref name="histogram"/> for the node holding rows[start .. start + count), for the features in
    /// <paramref name="features"/> (others are left as they are). <paramref name="rowsAreAll"/> says the rows are 0..n-1 in
    /// order, which skips the gathering.
    /// </summary>
    public void Build(double[] histogram, int[] rows, int start, int count, int[] features, bool rowsAreAll)
    {
        Prepare(rows, start, count, rowsAreAll);
        if (IsSmall(features.Length))
        {
            foreach (var f in features) BuildFeature(histogram, f);
            return;
        }
        Parallel.For(0, features.Length, _parallel, i => BuildFeature(histogram, features[i]));
    }

    /// <summary>
    /// Makes rows[start .. start + count) the node that <see cref="BuildFeature"/> sums: gathers its gradient vectors into
    /// row order (all threads for big nodes), unless <paramref name="rowsAreAll"/> (rows 0..n-1 in order).
    /// </summary>
    public void Prepare(int[] rows, int start, int count, bool rowsAreAll)
    {
        _rows = rows;
        _start = start;
        _count = count;
        _rowsAreAll = rowsAreAll;
        if (rowsAreAll) return;
        if (count >= ParallelGatherRows) ForChunks(count, (from, to) => Gather(rows, start, from, to));
        else Gather(rows, start, 0, count);
    }

    /// <summary>Whether the prepared node is too small to build <paramref name="features"/> features on several threads.</summary>
    public bool IsSmall(int features) => (long)_count * features < SerialWork || _parallel.MaxDegreeOfParallelism == 1;

    /// <summary>Fills one feature's part of <paramref name="histogram"/> for the prepared node. Threads may build different features at once.</summary>
    public void BuildFeature(double[] histogram, int feature)
    {
        var target = _layout.Of(histogram, feature);
        target.Clear();
        ref var hist = ref Unsafe.As<double, byte>(ref MemoryMarshal.GetReference(target));
        ref var bins = ref MemoryMarshal.GetReference(_data.Column(feature));
        const int CellBytes = HistogramLayout.Stride * sizeof(double);
        var count = _count;
        if (_rowsAreAll)
        {
            ref var pair = ref MemoryMarshal.GetArrayDataReference(_pairs);
            for (var i = 0; i < count; i++)
            {
                ref var cell = ref Unsafe.Add(ref hist, Unsafe.Add(ref bins, i) * CellBytes);
                Unsafe.WriteUnaligned(ref cell, Unsafe.ReadUnaligned<Vector256<double>>(ref cell) + Widen(Unsafe.Add(ref pair, i)));
            }
            return;
        }
        ref var ordered = ref MemoryMarshal.GetArrayDataReference(_ordered);
        ref var index = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rows), _start);
        for (var i = 0; i < count; i++)
        {
            ref var cell = ref Unsafe.Add(ref hist, Unsafe.Add(ref bins, Unsafe.Add(ref index, i)) * CellBytes);
            Unsafe.WriteUnaligned(ref cell, Unsafe.ReadUnaligned<Vector256<double>>(ref cell) + Widen(Unsafe.Add(ref ordered, i)));
        }
    }

    /// <summary>Turns <paramref name="parent"/> into the larger child's histogram: parent - smaller, number by number.</summary>
    public static void Subtract(double[] parent, double[] smaller) => TensorPrimitives.Subtract(parent, smaller, parent);

    /// <summary><see cref="Subtract"/> for one feature's numbers.</summary>
    public void SubtractFeature(double[] parent, double[] smaller, int feature) =>
        TensorPrimitives.Subtract(_layout.Of(parent, feature), _layout.Of(smaller, feature), _layout.Of(parent, feature));

    private void Gather(int[] rows, int start, int from, int to)
    {
        for (var i = from; i < to; i++) _ordered[i] = _pairs[rows[start + i]];
    }

    /// <summary>Runs <paramref name="body"/> over [0, count) in one chunk per thread (one chunk when small or serial).</summary>
    private void ForChunks(int count, Action<int, int> body)
    {
        var threads = _parallel.MaxDegreeOfParallelism > 0 ? _parallel.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var chunks = count < ParallelGatherRows ? 1 : threads;
        if (chunks == 1)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, chunks, _parallel, c => body((int)((long)count * c / chunks), (int)((long)count * (c + 1) / chunks)));
    }

    /// <summary>(g, h, 1, 0) as doubles: one vcvtps2pd where AVX is there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Widen(Vector128<float> pair) =>
        Avx.IsSupported ? Avx.ConvertToVector256Double(pair) : Vector256.Create(Vector128.WidenLower(pair), Vector128.WidenUpper(pair));
}
