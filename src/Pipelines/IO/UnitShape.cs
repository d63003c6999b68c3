using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// Numbers written with one and the same unit after them (<c>1248 CC</c>, <c>23.4 kmpl</c>, <c>74bhp</c>): the unit, up
/// to 12 letters or slashes after an optional space, is that of the first value, and a value in another unit or without
/// one does not fit, since mixing units would make the numbers incomparable.
/// </summary>
internal sealed class UnitShape(bool words) : ValueShape(words)
{
    private const int MaxUnitLength = 12;
    private string? _unit;

    protected override string Describe(string name) => $"'{name}' holds numbers in '{_unit}', read without the unit";

    public override void Keep(string name, ColumnConventions conventions) => conventions.Units[name] = _unit!;

    /// <summary>Splits <paramref name="text"/> into a plain decimal and the unit after it; false where it is not one.</summary>
    public static bool TrySplit(ReadOnlySpan<char> text, out float number, out ReadOnlySpan<char> unit)
    {
        unit = default;
        var end = 0;
        if (end < text.Length && text[end] is '-' or '+') end++;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
        if (!CsvNumber.TryParsePlainDecimal(text[..end], out number)) return false;
        var rest = text[end..];
        if (rest.Length > 0 && rest[0] == ' ') rest = rest[1..];
        if (rest.Length is 0 or > MaxUnitLength || !char.IsLetter(rest[0])) return false;
        foreach (var c in rest)
        {
            if (!char.IsLetter(c) && c != '/') return false;
        }
        unit = rest;
        return true;
    }

    protected override bool TryRead(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (!TrySplit(text, out var number, out var unit)) return false;
        if (_unit is null) _unit = unit.ToString();
        else if (!unit.SequenceEqual(_unit)) return false;
        value = number;
        return true;
    }

    protected override Column[] Columns(string name, NativeBuffer<double> values)
    {
        var numbers = new float[values.Count];
        for (var row = 0; row < numbers.Length; row++) numbers[row] = (float)values[row];
        return [new NumericColumn(name, numbers)];
    }
}
