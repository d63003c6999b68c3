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
/// are first gathered into row order, so the inner loops read them sequentially.
/// Dense nodes (the root, and nodes holding at least 1/<see cref="RowWiseDensity"/> of the rows) are built feature by
/// feature from the bin columns, features split across threads. Sparse nodes are built row by row from
/// <see cref="RowMajorBins"/> (one or two cache lines per row for all features, fetched ahead), features split into
/// one block per thread: from a column their scattered rows would cost a cache miss per row and feature.
/// Either way each feature's bins are summed by one thread in row order with the same IEEE double additions as a
/// scalar loop, so the result does not depend on the thread count or the mode.
/// The larger child of a split is never built: it is the parent minus the smaller child (<see cref="Subtract"/>).
/// </summary>
internal sealed class HistogramBuilder
{
    // Below this many (row, feature) pairs the node is built on the calling thread: scheduling costs more than it saves.
    private const long SerialWork = 64 * 1024;

    // Nodes with at least this many rows gather their gradient vectors on all threads.
    private const int ParallelGatherRows = 64 * 1024;

    // Nodes holding fewer than 1/RowWiseDensity of the rows are built row by row.
    private const int RowWiseDensity = 32;

    // How many rows ahead the row-wise loop prefetches.
    private const int PrefetchRows = 8;

    private const int CellBytes = HistogramLayout.Stride * sizeof(double);

    private readonly BinnedMatrix _data;
    private readonly HistogramLayout _layout;
    private readonly ParallelOptions _parallel;
    private readonly RowMajorBins _rowBins;
    private readonly int _threads;
    private readonly Vector128<float>[] _pairs;
    private readonly Vector128<float>[] _ordered;

    // The prepared node.
    private int[] _rows = [];
    private int _start;
    private int _count;
    private bool _rowsAreAll;
    private bool _rowWise;

    public HistogramBuilder(BinnedMatrix data, HistogramLayout layout, ParallelOptions parallel)
    {
        if (layout.NumbersPerBin != HistogramLayout.Stride) throw new ArgumentException("Boosting histograms need the one-output layout.", nameof(layout));
        _data = data;
        _layout = layout;
        _parallel = parallel;
        _rowBins = new RowMajorBins(data, parallel);
        _threads = TreeParallelism.Threads(parallel);
        _pairs = new Vector128<float>[data.Rows];
        _ordered = new Vector128<float>[data.Rows];
    }

    /// <summary>Sets the per-row gradients and hessians (indexed by row) that the following builds sum.</summary>
    public void SetGradients(float[] gradients, float[] hessians)
    {
        ForChunks(_data.Rows, (from, to) =>
        {
            for (var r = from; r < to; r++) _pairs[r] = Vector128.Create(gradients[r], hessians[r], 1f, 0f);
        });
    }

    /// <summary>
    /// How the prepared node's <paramref name="features"/> are built: each work item is (position of its first feature in
    /// <paramref name="features"/>, how many features it holds). One feature per item for a dense node, one block per
    /// thread for a sparse one.
    /// </summary>
    public (int First, int Count)[] WorkItems(int[] features)
    {
        var blocks = _rowWise ? Math.Min(features.Length, IsSmall(features.Length) ? 1 : _threads) : features.Length;
        var items = new (int, int)[blocks];
        for (var b = 0; b < blocks; b++)
        {
            var first = TreeParallelism.ChunkStart(features.Length, b, blocks);
            items[b] = (first, TreeParallelism.ChunkStart(features.Length, b + 1, blocks) - first);
        }
        return items;
    }

    /// <summary>
    /// Fills <paramref name="histogram"/> for the node holding rows[start .. start + count), for the features in
    /// <paramref name="features"/> (others are left as they are). <paramref name="rowsAreAll"/> says the rows are 0..n-1
    /// in order, which skips the gathering.
    /// </summary>
    public void Build(double[] histogram, int[] rows, int start, int count, int[] features, bool rowsAreAll)
    {
        Prepare(rows, start, count, rowsAreAll);
        var items = WorkItems(features);
        if (IsSmall(features.Length))
        {
            foreach (var item in items) BuildItem(histogram, features, item);
            return;
        }
        Parallel.For(0, items.Length, _parallel, i => BuildItem(histogram, features, items[i]));
    }

    /// <summary>
    /// Makes rows[start .. start + count) the node that <see cref="BuildItem"/> sums: gathers its gradient vectors into
    /// row order (all threads for big nodes), unless <paramref name="rowsAreAll"/> (rows 0..n-1 in order).
    /// </summary>
    public void Prepare(int[] rows, int start, int count, bool rowsAreAll)
    {
        _rows = rows;
        _start = start;
        _count = count;
        _rowsAreAll = rowsAreAll;
        _rowWise = !rowsAreAll && (long)count * RowWiseDensity < _data.Rows;
        if (rowsAreAll) return;
        if (count >= ParallelGatherRows) ForChunks(count, (from, to) => Gather(rows, start, from, to));
        else Gather(rows, start, 0, count);
    }

    /// <summary>Whether the prepared node is too small to build <paramref name="features"/> features on several threads.</summary>
    public bool IsSmall(int features) => (long)_count * features < SerialWork || _parallel.MaxDegreeOfParallelism == 1;

    /// <summary>
    /// Fills the part of <paramref name="histogram"/> of one work item (see <see cref="WorkItems"/>) for the prepared
    /// node. Threads may build different items at once.
    /// </summary>
    public void BuildItem(double[] histogram, int[] features, (int First, int Count) item)
    {
        if (_rowWise)
        {
            BuildRows(histogram, features.AsSpan(item.First, item.Count));
            return;
        }
        for (var at = item.First; at < item.First + item.Count; at++) BuildFeature(histogram, features[at]);
    }

    /// <summary>Turns <paramref name="parent"/> into the larger child's histogram: parent - smaller, number by number.</summary>
    public static void Subtract(double[] parent, double[] smaller) => TensorPrimitives.Subtract(parent, smaller, parent);

    /// <summary><see cref="Subtract"/> for one feature's numbers.</summary>
    public void SubtractFeature(double[] parent, double[] smaller, int feature) =>
        TensorPrimitives.Subtract(_layout.Of(parent, feature), _layout.Of(smaller, feature), _layout.Of(parent, feature));

    private void BuildFeature(double[] histogram, int feature)
    {
        ref var hist = ref Cells(histogram, feature);
        ref var bins = ref MemoryMarshal.GetReference(_data.Column(feature));
        var count = _count;
        if (_rowsAreAll)
        {
            ref var pair = ref MemoryMarshal.GetArrayDataReference(_pairs);
            for (var i = 0; i < count; i++) Add(ref hist, Unsafe.Add(ref bins, i), Widen(Unsafe.Add(ref pair, i)));
            return;
        }
        ref var ordered = ref MemoryMarshal.GetArrayDataReference(_ordered);
        ref var index = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rows), _start);
        for (var i = 0; i < count; i++) Add(ref hist, Unsafe.Add(ref bins, Unsafe.Add(ref index, i)), Widen(Unsafe.Add(ref ordered, i)));
    }

    /// <summary>Row by row: each row's bins of <paramref name="features"/> are read from its row-major bytes.</summary>
    private unsafe void BuildRows(double[] histogram, ReadOnlySpan<int> features)
    {
        // Byte offset of each feature's cells in the histogram.
        Span<nint> offsets = stackalloc nint[features.Length];
        for (var k = 0; k < features.Length; k++)
        {
            _layout.Of(histogram, features[k]).Clear();
            offsets[k] = _layout.Start(features[k]) * sizeof(double);
        }
        ref var hist = ref Unsafe.As<double, byte>(ref MemoryMarshal.GetArrayDataReference(histogram));
        ref var ordered = ref MemoryMarshal.GetArrayDataReference(_ordered);
        ref var feature = ref MemoryMarshal.GetReference(features);
        ref var offset = ref MemoryMarshal.GetReference(offsets);
        var width = _rowBins.Features;
        var count = _count;
        if (count == 0) return;
        fixed (byte* bins = _rowBins.Bins)
        fixed (int* rows = &_rows[_start])
        {
            for (var i = 0; i < count; i++)
            {
                if (Sse.IsSupported && i + PrefetchRows < count)
                {
                    var ahead = bins + ((nint)rows[i + PrefetchRows] * width);
                    Sse.Prefetch0(ahead);
                    Sse.Prefetch0(ahead + width - 1);
                }
                var row = bins + ((nint)rows[i] * width);
                var value = Widen(Unsafe.Add(ref ordered, i));
                for (var k = 0; k < features.Length; k++) Add(ref Unsafe.Add(ref hist, Unsafe.Add(ref offset, k)), row[Unsafe.Add(ref feature, k)], value);
            }
        }
    }

    /// <summary>The cleared cells of one feature, as bytes.</summary>
    private ref byte Cells(double[] histogram, int feature)
    {
        var target = _layout.Of(histogram, feature);
        target.Clear();
        return ref Unsafe.As<double, byte>(ref MemoryMarshal.GetReference(target));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref byte cells, uint bin, Vector256<double> value)
    {
        ref var cell = ref Unsafe.Add(ref cells, bin * CellBytes);
        Unsafe.WriteUnaligned(ref cell, Unsafe.ReadUnaligned<Vector256<double>>(ref cell) + value);
    }

    private void Gather(int[] rows, int start, int from, int to)
    {
        for (var i = from; i < to; i++) _ordered[i] = _pairs[rows[start + i]];
    }

    /// <summary>Runs <paramref name="body"/> over [0, count) in one chunk per thread (one chunk when small or serial).</summary>
    private void ForChunks(int count, Action<int, int> body)
    {
        var chunks = count < ParallelGatherRows ? 1 : _threads;
        if (chunks == 1)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, chunks, _parallel, c => body(TreeParallelism.ChunkStart(count, c, chunks), TreeParallelism.ChunkStart(count, c + 1, chunks)));
    }

    /// <summary>(g, h, 1, 0) as doubles: one vcvtps2pd where AVX is there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Widen(Vector128<float> pair) =>
        Avx.IsSupported ? Avx.ConvertToVector256Double(pair) : Vector256.Create(Vector128.WidenLower(pair), Vector128.WidenUpper(pair));
}
