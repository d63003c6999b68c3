using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Data;

namespace Pipelines.MLNet;

/// <summary>
/// Reads a key column (or vector) into categorical frame columns. Key value k (1-based) is category k-1, named by the
/// column's KeyValues annotation when it has one (in key order), else by the number k; key 0 is missing.
/// </summary>
internal sealed class KeyImporter<T>(DataViewSchema.Column source, IReadOnlyList<string> names, Func<T, ulong> toUInt64, string[]? keyNames)
    : ColumnImporter<T>(source, names)
{
    private readonly List<int>[] _codes = [.. names.Select(_ => new List<int>())];
    private readonly ulong _count = ((KeyDataViewType)ImporterFactory.ItemType(source.Type)).Count;

    protected override void Append(int slot, T value)
    {
        var key = toUInt64(value);
        if (key > _count)
            throw new Errors.DataValueException(
                $"IDataView column '{Source.Name}': key value {key} is outside its key range 1..{_count}. Fix the key column (or map it back to values with mlContext.Transforms.Conversion.MapKeyToValue) before importing.");
        // Keys past int.MaxValue cannot be codes; they are rejected up front, so the cast is safe.
        _codes[slot].Add(key == 0 ? CategoricalColumn.Missing : (int)(key - 1));
    }

    public override IEnumerable<Column> Build(int rows)
    {
        for (var slot = 0; slot < Names.Count; slot++)
        {
            var codes = _codes[slot];
            if (keyNames is not null)
            {
                yield return new CategoricalColumn(Names[slot], [.. codes], keyNames);
                continue;
            }
            // No names: the categories are the key numbers that occur, in ascending order.
            var present = codes.Where(c => c != CategoricalColumn.Missing).Distinct().Order().ToArray();
            var index = new Dictionary<int, int>(present.Length);
            for (var i = 0; i < present.Length; i++) index[present[i]] = i;
            var recoded = codes.Select(c => c == CategoricalColumn.Missing ? CategoricalColumn.Missing : index[c]).ToArray();
            var categories = present.Select(c => ((ulong)c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            yield return new CategoricalColumn(Names[slot], recoded, categories);
        }
    }
}
