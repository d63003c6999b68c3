using Pipelines.Data;

namespace Pipelines.Sampling;

/// <summary>The rows of each class of a categorical label, in row order, indexed by category code.</summary>
public sealed class ClassRows
{
    private readonly int[][] _rows;

    private ClassRows(IReadOnlyList<string> classes, int[][] rows)
    {
        Classes = classes;
        _rows = rows;
    }

    /// <summary>Class names; position = category code of the label.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of classes in the label's dictionary (including any with no rows).</summary>
    public int Count => _rows.Length;

    /// <summary>How many classes have at least one row.</summary>
    public int PresentCount => _rows.Count(r => r.Length > 0);

    /// <summary>Rows of class <paramref name="code"/>, ascending.</summary>
    public ReadOnlySpan<int> this[int code] => _rows[code];

    /// <summary>Row count per class code.</summary>
    public int[] Counts() => [.. _rows.Select(r => r.Length)];

    /// <summary>Groups the rows of <paramref name="label"/> by class; rows with a missing label belong to none.</summary>
    public static ClassRows Of(CategoricalColumn label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var counts = label.CountPerCategory();
        var rows = new int[counts.Length][];
        for (var c = 0; c < rows.Length; c++) rows[c] = new int[counts[c]];
        var filled = new int[counts.Length];
        var codes = label.Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            if (c != CategoricalColumn.Missing) rows[c][filled[c]++] = i;
        }
        return new ClassRows(label.Categories, rows);
    }
}
