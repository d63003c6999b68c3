using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipelines.Trainers.Trees.Growing;

/// <summary>
/// The rows of a growing tree, arranged so every leaf owns a contiguous range of <see cref="Rows"/> (as LightGBM's data
/// partition). Splitting a leaf partitions its range stably: left rows first, in their old order, then right rows.
/// Large ranges are split in one chunk per thread (each chunk's left and right rows into scratch, then the chunks'
/// left parts and right parts copied back in chunk order), which gives the same order as one pass.
/// </summary>
internal sealed class RowPartition
{
    // Ranges with at least this many rows are split on several threads.
    private const int ParallelRows = 64 * 1024;

    private readonly int[] _left;
    private readonly int[] _right;
    private readonly ParallelOptions? _parallel;

    /// <summary>A partition of at most <paramref name="capacity"/> rows; with <paramref name="parallel"/>, large splits use its threads.</summary>
    public RowPartition(int capacity, ParallelOptions? parallel = null)
    {
        Rows = new int[capacity];
        _left = new int[capacity];
        _right = new int[capacity];
        _parallel = parallel;
    }

    /// <summary>Row indices, leaf range after leaf range.</summary>
    public int[] Rows { get; }

    /// <summary>Starts a tree on <paramref name="rows"/> (ascending).</summary>
    public void Reset(ReadOnlySpan<int> rows) => rows.CopyTo(Rows);

    /// <summary>Splits the range [start, start + count) by <paramref name="goesLeft"/>[bin of the row]; returns the left count.</summary>
    public int Split(int start, int count, ReadOnlySpan<byte> bins, bool[] goesLeft)
    {
        // The unchecked reads below stay in bounds: rows are below Rows.Length, bins are bytes.
        if (start < 0 || count < 0 || start + count > Rows.Length || bins.Length < Rows.Length || goesLeft.Length < 256)
            throw new ArgumentException("The range must lie in Rows, the bins cover every row and the table every byte.");
        var chunks = count < ParallelRows || _parallel is null ? 1 : TreeParallelism.Threads(_parallel);
        var lefts = new int[chunks];
        var rights = new int[chunks];
        unsafe
        {
            fixed (byte* pinned = bins)
            {
                // A span cannot be captured by the parallel body: pass the pinned column's address.
                var (address, length) = ((nint)pinned, bins.Length);
                if (chunks == 1) (lefts[0], rights[0]) = SplitChunk(start, count, bins, goesLeft);
                else Parallel.For(0, chunks, _parallel!, c => (lefts[c], rights[c]) = SplitChunk(From(c), From(c + 1) - From(c), new ReadOnlySpan<byte>((void*)address, length), goesLeft));
            }
        }
        var at = start;
        for (var c = 0; c < chunks; c++)
        {
            _left.AsSpan(From(c), lefts[c]).CopyTo(Rows.AsSpan(at));
            at += lefts[c];
        }
        var leftCount = at - start;
        for (var c = 0; c < chunks; c++)
        {
            _right.AsSpan(From(c), rights[c]).CopyTo(Rows.AsSpan(at));
            at += rights[c];
        }
        return leftCount;

        int From(int chunk) => start + TreeParallelism.ChunkStart(count, chunk, chunks);
    }

    /// <summary>
    /// Partitions Rows[from .. from + count): left rows to the left scratch and right rows to the right scratch, each from
    /// position <paramref name="from"/> on. Branch-free: each row is written to both and only the count on its side
    /// advances, so the unpredictable left/right choice costs no mispredicts.
    /// </summary>
    private (int Left, int Right) SplitChunk(int from, int count, ReadOnlySpan<byte> bins, bool[] goesLeft)
    {
        ref var range = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Rows), from);
        ref var left = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_left), from);
        ref var right = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_right), from);
        ref var bin = ref MemoryMarshal.GetReference(bins);
        ref var table = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetArrayDataReference(goesLeft));
        int l = 0, r = 0;
        for (var i = 0; i < count; i++)
        {
            var row = Unsafe.Add(ref range, i);
            var isLeft = Unsafe.Add(ref table, Unsafe.Add(ref bin, row));
            Unsafe.Add(ref left, l) = row;
            Unsafe.Add(ref right, r) = row;
            l += isLeft;
            r += 1 - isLeft;
        }
        return (l, r);
    }
}
