using Pipelines.Data;

namespace Pipelines.Trainers.Gan.Transform;

/// <summary>
/// One-hot encoding of a categorical column (a feature or the label): one slot per category of the column's
/// dictionary, plus a last slot for "missing" when the column had missing values. Decoding takes the argmax slot.
/// <see cref="Counts"/> holds the training frequency of each slot, for the conditional sampler.
/// </summary>
public sealed record CategoricalColumnTransform(string Name, IReadOnlyList<string> Categories, bool HasMissing, IReadOnlyList<int> Counts)
    : ColumnTransform(Name)
{
    /// <inheritdoc/>
    public override int Width => Categories.Count + (HasMissing ? 1 : 0);

    /// <inheritdoc/>
    public override IReadOnlyList<OutputSpan> Spans => [new(0, Width, SpanActivation.Softmax)];

    /// <summary>Reads the categories, whether any value is missing, and the frequency of each slot.</summary>
    public static CategoricalColumnTransform Fit(CategoricalColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Categories.Count == 0 && column.MissingCount() == 0)
            throw new Errors.DataValueException($"Tabular GAN: categorical column '{column.Name}' has no categories.");
        var missing = column.MissingCount();
        var counts = column.CountPerCategory().ToList();
        if (missing > 0) counts.Add(missing);
        return new(column.Name, [.. column.Categories], missing > 0, counts);
    }

    /// <summary>The slot of <paramref name="row"/>: its category code, or the missing slot.</summary>
    internal int SlotOf(CategoricalColumn column, int row)
    {
        var code = column[row];
        if (code != CategoricalColumn.Missing) return code;
        if (!HasMissing) throw new Errors.DataValueException($"Tabular GAN: column '{Name}' has a missing value (row {row}) but had none when fitted.");
        return Categories.Count;
    }

    internal override void Encode(Column column, int row, Span<float> block, Random random) =>
        block[SlotOf((CategoricalColumn)column, row)] = 1;

    internal override Column Decode(ReadOnlySpan<float> matrix, int rows, int stride, int offset)
    {
        var codes = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var slot = ArgMax(matrix.Slice(i * stride + offset, Width));
            codes[i] = slot == Categories.Count ? CategoricalColumn.Missing : slot;
        }
        return new CategoricalColumn(Name, codes, [.. Categories]);
    }
}
