using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Trainers.Gan.Transform;

/// <summary>
/// The CTGAN data transformer (Xu et al. 2019, section 4.2): every column of a table becomes a block of a dense
/// row-major matrix: numeric columns by mode-specific normalization (<see cref="NumericColumnTransform"/>),
/// categorical columns and the label one-hot (<see cref="CategoricalColumnTransform"/>). Blocks follow the frame's
/// column order. <see cref="Decode"/> rebuilds a frame with the same schema (names, kinds, label and weight roles).
/// Text columns are refused: a GAN cannot invent free text.
/// </summary>
public sealed class TabularTransformer
{
    private readonly int[] offsets;

    /// <summary>A transformer from fitted column transforms (in frame order) and the frame's label and weight names; <see cref="Fit"/> or a saved model supplies them.</summary>
    internal TabularTransformer(IReadOnlyList<ColumnTransform> columns, string? label, string? weight)
    {
        Columns = columns;
        LabelName = label;
        WeightName = weight;
        offsets = new int[columns.Count];
        var spans = new List<OutputSpan>();
        var discrete = new List<DiscreteSpan>();
        var start = 0;
        var cond = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            offsets[c] = start;
            foreach (var s in columns[c].Spans) spans.Add(s with { Start = s.Start + start });
            if (columns[c] is CategoricalColumnTransform categorical)
            {
                discrete.Add(new DiscreteSpan(c, new OutputSpan(start, categorical.Width, SpanActivation.Softmax), cond));
                cond += categorical.Width;
            }
            start += columns[c].Width;
        }
        Dimension = start;
        Spans = spans;
        Discrete = discrete;
        ConditionDimension = cond;
    }

    /// <summary>One transform per frame column, in frame order.</summary>
    public IReadOnlyList<ColumnTransform> Columns { get; }

    public string? LabelName { get; }

    public string? WeightName { get; }

    /// <summary>Width of an encoded row.</summary>
    public int Dimension { get; }

    /// <summary>Every span of the encoded row, in order, covering it exactly.</summary>
    public IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>The categorical columns (label included), which the generator can be conditioned on.</summary>
    public IReadOnlyList<DiscreteSpan> Discrete { get; }

    /// <summary>Width of the conditional vector: the sum of the discrete columns' widths.</summary>
    public int ConditionDimension { get; }

    /// <summary>Start of column <paramref name="column"/>'s block in an encoded row.</summary>
    public int OffsetOf(int column) => offsets[column];

    /// <summary>Learns the encoding of every column of <paramref name="frame"/>; <paramref name="maxModes"/> bounds the mixture modes.</summary>
    public static TabularTransformer Fit(DataFrame frame, int maxModes = 10, double minModeWeight = 0.005)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.RowCount == 0) ThrowHelper.TooFewRows("Tabular GAN", 0, 1);
        var columns = new List<ColumnTransform>(frame.ColumnCount);
        foreach (var column in frame.Columns)
        {
            columns.Add(column switch
            {
                NumericColumn numeric => NumericColumnTransform.Fit(numeric, maxModes, minModeWeight),
                CategoricalColumn categorical => CategoricalColumnTransform.Fit(categorical),
                _ => throw new SchemaException(
                    $"Tabular GAN: column '{column.Name}' is {column.Kind}; the GAN models numeric and categorical columns only. " +
                    "Drop text columns (or encode them) first."),
            });
        }
        return new(columns, frame.LabelName, frame.WeightName);
    }

    /// <summary>
    /// The encoded matrix [rows, <see cref="Dimension"/>] of <paramref name="frame"/> (which must have the fitted columns);
    /// mixture modes are sampled from their posterior with <paramref name="random"/>.
    /// </summary>
    public float[] Encode(DataFrame frame, Random random)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(random);
        var n = frame.RowCount;
        var matrix = new float[n * Dimension];
        for (var c = 0; c < Columns.Count; c++)
        {
            var transform = Columns[c];
            if (!frame.Contains(transform.Name)) ThrowHelper.MissingColumn("Tabular GAN", transform.Name, frame.Names);
            var column = frame[transform.Name];
            if (transform is CategoricalColumnTransform categorical)
            {
                if (column is not CategoricalColumn cat) { ThrowHelper.WrongKind("Tabular GAN", column.Name, column.Kind, ColumnKind.Categorical); return null!; }
                column = cat.Recode(categorical.Categories);
            }
            else if (column is not NumericColumn) ThrowHelper.WrongKind("Tabular GAN", column.Name, column.Kind, ColumnKind.Numeric);
            for (var i = 0; i < n; i++) transform.Encode(column, i, matrix.AsSpan(i * Dimension + offsets[c], transform.Width), random);
        }
        return matrix;
    }

    /// <summary>A frame of <paramref name="rows"/> rows decoded from <paramref name="matrix"/> [rows, <see cref="Dimension"/>].</summary>
    public DataFrame Decode(ReadOnlySpan<float> matrix, int rows)
    {
        if (matrix.Length != rows * Dimension)
            throw new ArgumentException($"Decode: {rows} rows of width {Dimension} need {rows * Dimension} values, got {matrix.Length}.", nameof(matrix));
        var columns = new Column[Columns.Count];
        for (var c = 0; c < Columns.Count; c++) columns[c] = Columns[c].Decode(matrix, rows, Dimension, offsets[c]);
        return new DataFrame(columns, LabelName, WeightName);
    }
}
