using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipelines.Trainers.Trees.Growing;

/// <summary>
/// The rows of a growing tree, arranged so every leaf owns a contiguous range of <see cref="Rows"/> (as LightGBM's data
/// partition). Splitting a leaf partitions its range stably: left rows first, in their old order, then right rows.
/// </summary>
internal sealed class RowPartition
{
    private readonly int[] _scratch;

    public RowPartition(int capacity)
    {
        Rows = new int[capacity];
        _scratch = new int[capacity];
    }

    /// <summary>Row indices, leaf range after leaf range.</summary>
    public int[] Rows { get; }

    /// <summary>Starts a tree on <paramref name="rows"/> (ascending).</summary>
    public void Reset(ReadOnlySpan<int> rows) => rows.CopyTo(Rows);

    /// <summary>
    /// Splits the range [start, start + count) by <paramref name="goesLeft"/>[bin of the row]; returns the left count.
    /// Branch-free: each row is written both to the next left slot (in place; never ahead of the read) and to the next
    /// scratch slot, and only the count on its side advances, so the unpredictable left/right choice costs no mispredicts.
    /// </summary>
    public int Split(int start, int count, ReadOnlySpan<byte> bins, bool[] goesLeft)
    {
        // The unchecked reads below stay in bounds: rows are below Rows.Length, bins are bytes.
        if (start < 0 || count < 0 || start + count > Rows.Length || bins.Length < Rows.Length || goesLeft.Length < 256)
            throw new ArgumentException("The range must lie in Rows, the bins cover every row and the table every byte.");
        ref var range = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Rows), start);
        ref var scratch = ref MemoryMarshal.GetArrayDataReference(_scratch);
        ref var bin = ref MemoryMarshal.GetReference(bins);
        ref var table = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetArrayDataReference(goesLeft));
        var left = 0;
        var right = 0;
        for (var i = 0; i < count; i++)
        {
            var r = Unsafe.Add(ref range, i);
            var isLeft = Unsafe.Add(ref table, Unsafe.Add(ref bin, r));
            Unsafe.Add(ref range, left) = r;
            Unsafe.Add(ref scratch, right) = r;
            left += isLeft;
            right += 1 - isLeft;
        }
        _scratch.AsSpan(0, right).CopyTo(Rows.AsSpan(start + left, right));
        return left;
    }
}
