using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.MLNet;

/// <summary>
/// Chooses how an IDataView column becomes frame columns, by its ML.NET type: numbers and Booleans become numeric,
/// text categorical or text, keys categorical; known-size vectors of those give one frame column per slot. Any other
/// type is a <see cref="SchemaException"/> naming the column, its type and what to do.
/// </summary>
internal static class ImporterFactory
{
    public static IColumnImporter For(DataViewSchema.Column column, ColumnKind? kind, bool isLabel)
    {
        var type = column.Type;
        if (type is VectorDataViewType { IsKnownSize: false })
            throw Unsupported(column, "a vector of variable size has no fixed set of frame columns", "give it a fixed size, or drop it (mlContext.Transforms.DropColumns)");
        var names = SlotNames(column);
        var item = ItemType(type);
        if (kind is not null && item is not (TextDataViewType or KeyDataViewType))
            throw new SchemaException($"IDataView column '{column.Name}' is {type}; DataViewImportOptions.ColumnKinds applies only to text and key columns. Remove its entry.");
        if (kind is ColumnKind.Numeric)
            throw new SchemaException($"IDataView column '{column.Name}' is {type}; a text or key column can be read as Categorical or Text, not Numeric. Convert it first (mlContext.Transforms.Conversion.ConvertType).");
        return item switch
        {
            KeyDataViewType key => Key(column, names, key, kind == ColumnKind.Text),
            TextDataViewType => new TextImporter(column, names, isLabel ? ColumnKind.Categorical : kind),
            BooleanDataViewType => new NumericImporter<bool>(column, names, v => v ? 1f : 0f),
            NumberDataViewType n when n.RawType == typeof(float) => new NumericImporter<float>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(double) => new NumericImporter<double>(column, names, v => (float)v),
            NumberDataViewType n when n.RawType == typeof(sbyte) => new NumericImporter<sbyte>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(byte) => new NumericImporter<byte>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(short) => new NumericImporter<short>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(ushort) => new NumericImporter<ushort>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(int) => new NumericImporter<int>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(uint) => new NumericImporter<uint>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(long) => new NumericImporter<long>(column, names, v => v),
            NumberDataViewType n when n.RawType == typeof(ulong) => new NumericImporter<ulong>(column, names, v => v),
            DateTimeDataViewType or DateTimeOffsetDataViewType or TimeSpanDataViewType =>
                throw Unsupported(column, "dates and times are not numbers or categories here", "convert it to numbers first (for example a CustomMapping to year, month and day, or to ticks), or drop it (mlContext.Transforms.DropColumns)"),
            _ => throw Unsupported(column, "the frame holds numbers, categories and text only", "convert it to one of those, or drop it (mlContext.Transforms.DropColumns)"),
        };
    }

    /// <summary>The type of a scalar, or of a vector's items.</summary>
    internal static DataViewType ItemType(DataViewType type) => type is VectorDataViewType v ? v.ItemType : type;

    /// <summary>The error for a column of a type the frame cannot hold.</summary>
    public static SchemaException Unsupported(DataViewSchema.Column column, string why, string fix) =>
        new($"IDataView column '{column.Name}' has ML.NET type {column.Type}, which cannot be imported: {why}. " +
            $"To import the rest, {fix}, or leave it out with DataViewImportOptions.Columns.");

    private static IColumnImporter Key(DataViewSchema.Column column, IReadOnlyList<string> names, KeyDataViewType key, bool asText)
    {
        if (key.Count > int.MaxValue)
            throw Unsupported(column, $"its key range of {key.Count} values is too large for category codes", "map it back to values (mlContext.Transforms.Conversion.MapKeyToValue)");
        if (asText)
            throw new SchemaException($"IDataView column '{column.Name}' is a key column ({column.Type}); keys are read as Categorical. Remove its Text entry from DataViewImportOptions.ColumnKinds, or map it back to text first (mlContext.Transforms.Conversion.MapKeyToValue).");
        var keyNames = KeyNames(column, (int)key.Count);
        return key.RawType switch
        {
            var t when t == typeof(byte) => new KeyImporter<byte>(column, names, v => v, keyNames),
            var t when t == typeof(ushort) => new KeyImporter<ushort>(column, names, v => v, keyNames),
            var t when t == typeof(uint) => new KeyImporter<uint>(column, names, v => v, keyNames),
            _ => new KeyImporter<ulong>(column, names, v => v, keyNames),
        };
    }

    /// <summary>
    /// Frame column names: the column's own name for a scalar; for a vector, "Name.Slot" where the column has slot names
    /// and that slot's name is non-empty and unique within the vector, else "Name[i]" (0-based).
    /// </summary>
    internal static IReadOnlyList<string> SlotNames(DataViewSchema.Column column)
    {
        if (column.Type is not VectorDataViewType vector) return [column.Name];
        var slots = new string?[vector.Size];
        if (column.HasSlotNames())
        {
            var buffer = default(VBuffer<ReadOnlyMemory<char>>);
            column.GetSlotNames(ref buffer);
            if (buffer.Length == vector.Size)
            {
                var dense = new ReadOnlyMemory<char>[vector.Size];
                buffer.CopyTo(dense);
                for (var i = 0; i < dense.Length; i++) slots[i] = dense[i].IsEmpty ? null : dense[i].ToString();
            }
        }
        var repeated = slots.Where(s => s is not null).GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. slots.Select((s, i) => s is null || repeated.Contains(s)
            ? string.Create(CultureInfo.InvariantCulture, $"{column.Name}[{i}]")
            : $"{column.Name}.{s}")];
    }

    /// <summary>The KeyValues annotation as category names (text as it is, other types in invariant form), or null when absent or not distinct.</summary>
    private static string[]? KeyNames(DataViewSchema.Column column, int count)
    {
        var annotation = column.Annotations.Schema.GetColumnOrNull("KeyValues");
        if (annotation is not { Type: VectorDataViewType vector } || vector.Size != count) return null;
        var names = vector.ItemType switch
        {
            TextDataViewType => Values<ReadOnlyMemory<char>>(column, count).Select(v => v.ToString()).ToArray(),
            _ when vector.ItemType.RawType == typeof(float) => Values<float>(column, count).Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
            _ when vector.ItemType.RawType == typeof(double) => Values<double>(column, count).Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
            _ when vector.ItemType.RawType == typeof(int) => Values<int>(column, count).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
            _ when vector.ItemType.RawType == typeof(long) => Values<long>(column, count).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
            _ when vector.ItemType.RawType == typeof(uint) => Values<uint>(column, count).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
            _ when vector.ItemType.RawType == typeof(bool) => Values<bool>(column, count).Select(v => v ? "True" : "False").ToArray(),
            _ => null,
        };
        return names is not null && names.Distinct(StringComparer.Ordinal).Count() == names.Length ? names : null;
    }

    private static T[] Values<T>(DataViewSchema.Column column, int count)
    {
        var buffer = default(VBuffer<T>);
        column.GetKeyValues(ref buffer);
        var values = new T[count];
        buffer.CopyTo(values);
        return values;
    }
}
