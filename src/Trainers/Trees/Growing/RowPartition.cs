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

    /// <summary>Splits the range [start, start + count) by <paramref name="goesLeft"/>[bin of the row]; returns the left count.</summary>
    public int Split(int start, int count, ReadOnlySpan<byte> bins, bool[] goesLeft)
    {
        var range = Rows.AsSpan(start, count);
        var left = 0;
        var right = 0;
        foreach (var r in range)
        {
            if (goesLeft[bins[r]]) range[left++] = r;
            else _scratch[right++] = r;
        }
        _scratch.AsSpan(0, right).CopyTo(range[left..]);
        return left;
    }
}
