using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>Year-first dates (<see cref="CsvDate"/>), read as days since 1970 and built as their parts.</summary>
internal sealed class DateShape(bool words) : ValueShape(words)
{
    private bool _hasTime;

    private int Parts => _hasTime ? CsvDate.Parts.Length : CsvDate.Parts.Length - 1;

    protected override string Describe(string name) =>
        $"'{name}' holds dates, read as {string.Join(", ", Enumerable.Range(0, Parts).Select(p => CsvDate.PartName(name, p)))}";

    protected override bool TryRead(ReadOnlySpan<char> text, out double value)
    {
        if (!CsvDate.TryParse(text, out value)) return false;
        _hasTime |= value != Math.Floor(value);
        return true;
    }

    protected override Column[] Columns(string name, NativeBuffer<double> values)
    {
        var columns = new Column[Parts];
        for (var part = 0; part < columns.Length; part++)
        {
            var parts = new float[values.Count];
            for (var row = 0; row < parts.Length; row++) parts[row] = CsvDate.Part(part, values[row]);
            columns[part] = new NumericColumn(CsvDate.PartName(name, part), parts);
        }
        return columns;
    }
}
