using Microsoft.ML;
using Pipelines.Data;

namespace Pipelines.MLNet;

/// <summary>Reads a numeric or Boolean column (or vector) into numeric frame columns: floats, NaN for missing, false/true as 0/1.</summary>
internal sealed class NumericImporter<T>(DataViewSchema.Column source, IReadOnlyList<string> names, Func<T, float> toFloat)
    : ColumnImporter<T>(source, names)
{
    private readonly List<float>[] _values = [.. names.Select(_ => new List<float>())];

    protected override void Append(int slot, T value) => _values[slot].Add(toFloat(value));

    public override IEnumerable<Column> Build(int rows) =>
        Names.Select((name, slot) => (Column)new NumericColumn(name, [.. _values[slot]]));
}
