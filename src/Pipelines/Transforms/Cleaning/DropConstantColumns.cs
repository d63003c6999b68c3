using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Learns which feature columns carry no information and drops them. A column is constant when it has at most one
/// distinct non-missing value (so an all-missing column is constant too, and so is one value mixed with missing
/// values). With <paramref name="NearConstantShare"/> set, a column is also dropped when its most common value
/// covers at least that share of the rows, missing counted as one value of its own (so a column that is 99% missing
/// is near-constant at 0.95). Numeric values compare by value (-0 equals 0), categories by name, text ordinally.
/// The label and weight are never dropped. Fitting refuses to drop every column of a frame that has nothing else.
/// </summary>
/// <param name="NearConstantShare">Null drops only constant columns; otherwise a share in (0, 1].</param>
/// <param name="Columns">Columns to consider; null means every feature column of any kind.</param>
public sealed record DropConstantColumns(double? NearConstantShare = null, IReadOnlyList<string>? Columns = null)
    : IEstimator<ColumnDropper>
{
    private static readonly ColumnKind[] AnyKind = [ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Text];

    /// <summary>Partial: lists the columns that are certain to stay (those not considered, the label, the weight).</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var considered = new HashSet<string>(ColumnSelection.Resolve(nameof(DropConstantColumns), input, Columns, AnyKind), StringComparer.Ordinal);
        return new DataSchema(input.Columns.Where(c => !considered.Contains(c.Name)), isExact: considered.Count == 0);
    }

    public ColumnDropper Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (NearConstantShare is { } share && !(share > 0 && share <= 1))
            ThrowHelper.BadOption(nameof(DropConstantColumns), nameof(NearConstantShare), share, "null or a share in (0, 1]");
        var names = ColumnSelection.Resolve(nameof(DropConstantColumns), input.Schema, Columns, AnyKind);
        var dropped = new List<string>();
        foreach (var name in names)
        {
            var constancy = ColumnConstancy.Of(input[name]);
            if (constancy.Distinct <= 1 || (NearConstantShare is { } s && constancy.DominantShare >= s)) dropped.Add(name);
        }
        if (dropped.Count > 0 && dropped.Count == input.ColumnCount)
            throw new DataValueException(
                $"{nameof(DropConstantColumns)}: every column ({string.Join(", ", dropped.Select(n => $"'{n}'"))}) is constant on these {input.RowCount} row(s), " +
                "so nothing would be left. Fit on more rows, or leave this step out.");
        return new ColumnDropper(dropped);
    }
}
