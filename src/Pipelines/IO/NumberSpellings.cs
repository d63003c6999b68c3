namespace Pipelines.IO;

/// <summary>
/// The spellings of a number a file's columns accept besides the plain invariant one: a decimal comma
/// (<see cref="CsvOptions.DecimalComma"/>) and currency, percent and thousands marks (<see cref="CsvOptions.FormattedNumbers"/>).
/// </summary>
internal readonly record struct NumberSpellings(bool DecimalComma, bool Formatted)
{
    /// <summary>
    /// Parses <paramref name="text"/> in the first spelling it matches, in <see cref="NumberSpelling"/>'s order, and the
    /// currency a formatted number was written with (<c>$</c>, <c>USD</c>; empty for none).
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> text, out float value, out NumberSpelling spelling, out ReadOnlySpan<char> currency)
    {
        currency = default;
        spelling = NumberSpelling.Plain;
        if (CsvNumber.TryParse(text, out value)) return true;
        spelling = NumberSpelling.DecimalComma;
        if (DecimalComma && CsvNumber.TryParseDecimalComma(text, out value)) return true;
        // Among decimal commas a point that formatting accepts can only group digits.
        spelling = DecimalComma && text.Contains('.') ? NumberSpelling.PointGroups : NumberSpelling.Formatted;
        return Formatted && CsvNumber.TryParseFormatted(text, DecimalComma, out value, out currency);
    }
}

/// <summary>How a number was written, as <see cref="NumberSpellings.TryParse"/> read it.</summary>
internal enum NumberSpelling
{
    /// <summary>The invariant spelling (<c>-1.5e3</c>, <c>inf</c>).</summary>
    Plain,

    /// <summary>A decimal comma (<c>1,5</c>).</summary>
    DecimalComma,

    /// <summary>Currency, percent or group marks other than points (<c>$1,234.50</c>, <c>12%</c>, <c>1 234,5</c>).</summary>
    Formatted,

    /// <summary>Points between thousands with a decimal comma or none (<c>1.234,5</c>, <c>1.234.567</c>, <c>€ 1.234</c>).</summary>
    PointGroups,
}
