using Pipelines.Data;

namespace Pipelines.Profiling;

/// <summary>
/// Counts rows that exactly repeat an earlier row (NaN equals NaN, missing equals missing). Rows are hashed
/// column by column (a sequential pass over each column's array), then only rows with equal hashes are compared.
/// </summary>
internal static class DuplicateRows
{
    public static int Count(DataFrame frame)
    {
        var rows = frame.RowCount;
        if (rows < 2 || frame.ColumnCount == 0) return 0;
        var hashes = new int[rows];
        foreach (var column in frame.Columns) Mix(column, hashes);
        var seen = new Dictionary<int, List<int>>(rows);
        var duplicates = 0;
        for (var row = 0; row < rows; row++)
        {
            if (!seen.TryGetValue(hashes[row], out var firsts))
            {
                seen.Add(hashes[row], [row]);
                continue;
            }
            if (firsts.Exists(first => RowsEqual(frame, first, row))) duplicates++;
            else firsts.Add(row);
        }
        return duplicates;
    }

    private static void Mix(Column column, int[] hashes)
    {
        switch (column)
        {
            case NumericColumn n:
                var values = n.Values;
                for (var i = 0; i < hashes.Length; i++) hashes[i] = HashCode.Combine(hashes[i], ValueHash(values[i]));
                break;
            case CategoricalColumn c:
                // Codes index one dictionary per column, so equal codes mean equal values.
                var codes = c.Codes;
                for (var i = 0; i < hashes.Length; i++) hashes[i] = HashCode.Combine(hashes[i], codes[i]);
                break;
            case TextColumn t:
                var texts = t.Values;
                for (var i = 0; i < hashes.Length; i++) hashes[i] = HashCode.Combine(hashes[i], texts[i] is null ? -1 : StringComparer.Ordinal.GetHashCode(texts[i]!));
                break;
            default:
                throw new NotSupportedException($"Column '{column.Name}' of kind {column.Kind} cannot be hashed.");
        }
    }

    // Every NaN hashes alike and -0 hashes as 0, matching the equality below.
    private static int ValueHash(float v) => float.IsNaN(v) ? int.MinValue : v == 0 ? 0 : BitConverter.SingleToInt32Bits(v);

    private static bool RowsEqual(DataFrame frame, int a, int b)
    {
        foreach (var column in frame.Columns)
        {
            var equal = column switch
            {
                NumericColumn n => n[a] == n[b] || (float.IsNaN(n[a]) && float.IsNaN(n[b])),
                CategoricalColumn c => c[a] == c[b],
                TextColumn t => string.Equals(t[a], t[b], StringComparison.Ordinal),
                _ => false,
            };
            if (!equal) return false;
        }
        return true;
    }
}
