using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// The orders of year-last date columns (<see cref="CsvOptions.DateOrders"/>) as a model's input schema keeps them: on
/// each of the column's parts (<see cref="ColumnSchema.DateOrder"/>), so that a pipeline file or an ONNX model reads
/// rows to predict as its training rows were read.
/// </summary>
public static class DatePartSchema
{
    /// <summary><paramref name="schema"/> with the order of its date column marked on each part of that column it has.</summary>
    public static DataSchema Mark(DataSchema schema, IReadOnlyDictionary<string, DateOrder>? orders)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (orders is not { Count: > 0 }) return schema;
        return new DataSchema(schema.Columns.Select(c =>
            CsvOptions.DateColumnOf(c.Name) is { } date && orders.TryGetValue(date, out var order) ? c with { DateOrder = order } : c), schema.IsExact);
    }

    /// <summary>How a log or an error names <paramref name="order"/>, with an example.</summary>
    public static string Describe(DateOrder order) => order == DateOrder.DayFirst ? "day first (31/01/2024)" : "month first (1/31/2024)";

    /// <summary>The date orders marked on <paramref name="columns"/>, by date column, for <see cref="CsvOptions.DateOrders"/>.</summary>
    public static IReadOnlyDictionary<string, DateOrder> OrdersOf(IEnumerable<ColumnSchema> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var orders = new Dictionary<string, DateOrder>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.DateOrder is { } order && CsvOptions.DateColumnOf(column.Name) is { } date) orders[date] = order;
        }
        return orders;
    }
}
