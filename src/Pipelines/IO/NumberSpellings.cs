namespace Pipelines.IO;

/// <summary>
/// The spellings of a number a file's columns accept besides the plain invariant one: a decimal comma
/// (<see cref="CsvOptions.DecimalComma"/>) and currency, percent and thousands marks (<see cref="CsvOptions.FormattedNumbers"/>).
/// </summary>
internal readonly record struct NumberSpellings(bool DecimalComma, bool Formatted)
{
    /// <summary>
    /// Parses <paramref name="text"/> in the first spelling it matches: plain, then decimal comma, then formatted
    /// (<paramref name="marked"/> then true).
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> text, out float value, out bool marked)
    {
        marked = false;
        if (CsvNumber.TryParse(text, out value) || (DecimalComma && CsvNumber.TryParseDecimalComma(text, out value))) return true;
        marked = Formatted && CsvNumber.TryParseFormatted(text, DecimalComma, out value);
        return marked;
    }
}
