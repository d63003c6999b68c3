using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Transforms.Selection;

/// <summary>
/// A categorical label read for supervised statistics: the rows whose label is present, and each such row's
/// class as a dense index over the classes that occur (categories without rows are left out).
/// </summary>
internal sealed class ClassLabel
{
    private ClassLabel(int[] rows, int[] classes, int classCount)
    {
        Rows = rows;
        Classes = classes;
        ClassCount = classCount;
    }

    /// <summary>Rows with a present label, ascending. Rows with a missing label carry no class and are not used.</summary>
    public int[] Rows { get; }

    /// <summary>Class index of each row in <see cref="Rows"/>, in [0, <see cref="ClassCount"/>).</summary>
    public int[] Classes { get; }

    public int ClassCount { get; }

    /// <summary>Reads the frame's label; it must be categorical with at least two classes among its rows.</summary>
    public static ClassLabel Read(string step, DataFrame frame)
    {
        if (frame.LabelName is null) ThrowHelper.NeedsLabel(step);
        var column = frame[frame.LabelName];
        if (column is not CategoricalColumn label)
        {
            ThrowHelper.WrongKind(step, frame.LabelName, column.Kind, ColumnKind.Categorical);
            return null!;
        }
        var dense = new int[label.Categories.Count];
        Array.Fill(dense, -1);
        var rows = new List<int>(label.Length);
        var classes = new List<int>(label.Length);
        var count = 0;
        var codes = label.Codes;
        for (var r = 0; r < codes.Length; r++)
        {
            var code = codes[r];
            if (code == CategoricalColumn.Missing) continue;
            if (dense[code] < 0) dense[code] = count++;
            rows.Add(r);
            classes.Add(dense[code]);
        }
        if (count < 2) ThrowHelper.TooFewClasses(step, frame.LabelName, count, rows.Count);
        return new ClassLabel([.. rows], [.. classes], count);
    }

    /// <summary>The values of <paramref name="values"/> at <see cref="Rows"/>.</summary>
    public float[] Gather(ReadOnlySpan<float> values)
    {
        var result = new float[Rows.Length];
        for (var i = 0; i < Rows.Length; i++) result[i] = values[Rows[i]];
        return result;
    }
}
