using Pipelines.Data;
using Pipelines.Statistics;

namespace Pipelines.Transforms.Cleaning;

/// <summary>How varied one column is: distinct non-missing values and the share of its most common value.</summary>
/// <param name="Distinct">Number of distinct non-missing values.</param>
/// <param name="DominantShare">
/// Rows holding the most common value divided by all rows, missing counted as one value of its own; 1 for an
/// empty column.
/// </param>
internal readonly record struct ColumnConstancy(int Distinct, double DominantShare)
{
    public static ColumnConstancy Of(Column column)
    {
        var (top, distinct) = column switch
        {
            NumericColumn n => Top(Frequency.Mode(Moments.SortedPresent(n.Values))),
            CategoricalColumn c => Top(Frequency.Mode(c.Codes, c.Categories.Count)),
            TextColumn t => Top(Frequency.Mode(t.Values)),
            _ => throw new NotSupportedException($"Column kind {column.Kind} is not supported."),
        };
        var rows = column.Length;
        var dominant = Math.Max(top, column.MissingCount());
        return new ColumnConstancy(distinct, rows == 0 ? 1 : (double)dominant / rows);
    }

    private static (int Count, int Distinct) Top<T>((T Value, int Count, int Distinct) mode) => (mode.Count, mode.Distinct);
}
