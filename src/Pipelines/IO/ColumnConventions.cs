using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// How a file wrote its columns beyond their kinds, which rows read later for a model fitted on it must be read by:
/// the order of each column's dates written as three numbers (<see cref="CsvOptions.DateParts"/>), the unit after each column's
/// numbers (<see cref="CsvOptions.NumbersWithUnits"/>) and whether points group a column's thousands among decimal
/// commas (<see cref="CsvOptions.DecimalComma"/>). The reader reports them
/// (<see cref="CsvReader.Read(string, CsvOptions?, ICollection{string}?, ColumnConventions?)"/>), reads by them (<see cref="CsvOptions.Conventions"/>), and a model's input schema keeps them on its columns
/// (<see cref="Mark"/>, <see cref="ModelInputs"/>, <see cref="Of"/>), so that a batch of one row reads as the training file did.
/// </summary>
public sealed class ColumnConventions
{
    /// <summary>The order each column of dates written as three numbers was written in, by the column's name in the file.</summary>
    public Dictionary<string, DateOrder> DateOrders { get; } = new(StringComparer.Ordinal);

    /// <summary>The unit each column of numbers was written with (<c>CC</c> for <c>998 CC</c>), by column name.</summary>
    public Dictionary<string, string> Units { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The columns of numbers whose points grouped thousands beside a decimal comma (<c>1.234,5</c>), so that in a file
    /// of decimal commas <c>1.234</c> there reads as 1234 (<see cref="CsvOptions.DecimalComma"/>).
    /// </summary>
    public HashSet<string> PointsGroupThousands { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The columns of numbers written with magnitudes (<c>201k</c>, <c>19M</c>), so that rows read later all in one
    /// magnitude (<c>19M</c>) read as the numbers they stand for rather than in that unit.
    /// </summary>
    public HashSet<string> Magnitudes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The columns of codes among which an unquoted <c>NA</c> was the code (North America, Namibia) rather than a missing
    /// value, so that rows read later with no other code read it alike.
    /// </summary>
    public HashSet<string> NACodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether there is no convention to keep.</summary>
    public bool IsEmpty => DateOrders.Count == 0 && Units.Count == 0 && PointsGroupThousands.Count == 0 && Magnitudes.Count == 0 && NACodes.Count == 0;

    /// <summary>
    /// <paramref name="schema"/> with each convention marked on the columns a model reads it from: a date order on each
    /// part of that date column (<see cref="ColumnSchema.DateOrder"/>), a unit and points between thousands on their
    /// column (<see cref="ColumnSchema.Unit"/>, <see cref="ColumnSchema.PointsGroupThousands"/>, <see cref="ColumnSchema.Magnitudes"/>, <see cref="ColumnSchema.NACode"/>).
    /// </summary>
    public DataSchema Mark(DataSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (IsEmpty) return schema;
        return new DataSchema(schema.Columns.Select(MarkColumn), schema.IsExact);
    }

    /// <summary>
    /// The input schema a model fitted on <paramref name="training"/> (read with these conventions) keeps: its schema with
    /// each convention marked (<see cref="Mark"/>) and each categorical feature's categories (<see cref="DataSchema.WithCategoriesOf"/>),
    /// so that rows read later for the model read as the training file did and their unseen categories can be named.
    /// </summary>
    public DataSchema ModelInputs(DataFrame training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Mark(training.Schema).WithCategoriesOf(training);
    }

    private ColumnSchema MarkColumn(ColumnSchema column)
    {
        if (CsvOptions.DateColumnOf(column.Name) is { } date && DateOrders.TryGetValue(date, out var order)) column = column with { DateOrder = order };
        if (column.Kind == ColumnKind.Numeric && Units.TryGetValue(column.Name, out var unit)) column = column with { Unit = unit };
        if (column.Kind == ColumnKind.Numeric && PointsGroupThousands.Contains(column.Name)) column = column with { PointsGroupThousands = true };
        if (column.Kind == ColumnKind.Numeric && Magnitudes.Contains(column.Name)) column = column with { Magnitudes = true };
        if (column.Kind == ColumnKind.Categorical && NACodes.Contains(column.Name)) column = column with { NACode = true };
        return column;
    }

    /// <summary>The conventions marked on <paramref name="columns"/> (a model's inputs), to read its rows by.</summary>
    public static ColumnConventions Of(IEnumerable<ColumnSchema> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var conventions = new ColumnConventions();
        foreach (var column in columns)
        {
            if (column.DateOrder is { } order && CsvOptions.DateColumnOf(column.Name) is { } date) conventions.DateOrders[date] = order;
            if (column.Unit is { } unit) conventions.Units[column.Name] = unit;
            if (column.PointsGroupThousands) conventions.PointsGroupThousands.Add(column.Name);
            if (column.Magnitudes) conventions.Magnitudes.Add(column.Name);
            if (column.NACode) conventions.NACodes.Add(column.Name);
        }
        return conventions;
    }

    /// <summary>How a log or an error names <paramref name="order"/>, with an example.</summary>
    public static string Describe(DateOrder order) => order switch
    {
        DateOrder.DayFirst => "day first (31/01/2024)",
        DateOrder.MonthFirst => "month first (1/31/2024)",
        _ => "year first with two digits (24/01/31)",
    };
}
