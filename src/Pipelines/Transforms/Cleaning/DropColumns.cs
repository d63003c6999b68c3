using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Drops the named feature columns, of any kind (identifiers, free text, leaks); the others keep their order and
/// values. Fitting learns nothing beyond checking the names: a name the data lacks is a SchemaException that lists the
/// columns present, and the label or weight column is refused. The fitted <see cref="ColumnDropper"/> still expects the
/// dropped columns at Transform time, as any fitted step expects its training frame's columns.
/// <para>
/// ONNX: dropped numeric and categorical columns stay graph inputs (fed, then unused), so the graph takes the same
/// columns as the training frame; a dropped text column is not an input at all, since the exporter adds text inputs
/// only for steps that read them, and a caller feeding inputs by name (<c>OnnxInputs.FromFrame</c>) skips it.
/// </para>
/// </summary>
public sealed record DropColumns : IEstimator<ColumnDropper>
{
    private static readonly ColumnKind[] AnyKind = [ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Text];

    /// <summary>Drops <paramref name="columns"/>; repeated names count once, and no names drop nothing.</summary>
    public DropColumns(params IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The columns to drop, in the order given.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The input schema without the dropped columns (exact).</summary>
    public DataSchema GetOutputSchema(DataSchema input) => new ColumnDropper(Resolve(input)).GetOutputSchema(input);

    /// <summary>Checks the names against <paramref name="input"/> and returns the dropper.</summary>
    public ColumnDropper Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ColumnDropper(Resolve(input.Schema));
    }

    /// <summary>Every name is a feature column of <paramref name="input"/> (clear errors for a missing name, the label, the weight).</summary>
    private string[] Resolve(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ColumnSelection.Resolve(nameof(DropColumns), input, Columns, AnyKind);
    }
}
