using Pipelines.Data;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Compares rows of one frame, given by index, over a set of its columns: numeric values by value with NaN equal
/// to NaN (any payload) and -0 equal to 0; categories by code (one dictionary per column); text by ordinal equality.
/// Row hashes are computed once up front, so a hash set of row indices finds duplicates in linear time.
/// </summary>
internal sealed class RowEquality : IEqualityComparer<int>
{
    private readonly Column[] _columns;
    private readonly int[] _hashes;

    public RowEquality(IReadOnlyList<Column> columns, int rowCount)
    {
        _columns = [.. columns];
        _hashes = new int[rowCount];
        foreach (var column in _columns)
        {
            for (var r = 0; r < rowCount; r++) _hashes[r] = HashCode.Combine(_hashes[r], ValueHash(column, r));
        }
    }

    public bool Equals(int x, int y)
    {
        if (x == y) return true;
        if (_hashes[x] != _hashes[y]) return false;
        foreach (var column in _columns)
        {
            if (!ValuesEqual(column, x, y)) return false;
        }
        return true;
    }

    public int GetHashCode(int obj) => _hashes[obj];

    /// <summary>Rows of <paramref name="frame"/> that repeat an earlier row over all its columns.</summary>
    public static int Duplicates(DataFrame frame)
    {
        if (frame.RowCount < 2 || frame.ColumnCount == 0) return 0;
        var distinct = new HashSet<int>(frame.RowCount, new RowEquality(frame.Columns, frame.RowCount));
        for (var row = 0; row < frame.RowCount; row++) distinct.Add(row);
        return frame.RowCount - distinct.Count;
    }

    private static int ValueHash(Column column, int row) => column switch
    {
        NumericColumn n => NumericHash(n[row]),
        CategoricalColumn c => c[row],
        TextColumn t => t[row] is { } s ? StringComparer.Ordinal.GetHashCode(s) : 0,
        _ => throw new NotSupportedException($"Column kind {column.Kind} cannot be compared."),
    };

    private static int NumericHash(float v) =>
        float.IsNaN(v) ? int.MinValue : v == 0 ? 0 : BitConverter.SingleToInt32Bits(v);

    private static bool ValuesEqual(Column column, int x, int y) => column switch
    {
        NumericColumn n => n[x] == n[y] || (float.IsNaN(n[x]) && float.IsNaN(n[y])),
        CategoricalColumn c => c[x] == c[y],
        TextColumn t => string.Equals(t[x], t[y], StringComparison.Ordinal),
        _ => false,
    };
}
