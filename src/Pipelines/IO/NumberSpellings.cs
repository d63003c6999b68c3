namespace Pipelines.IO;

/// <summary>
/// The spellings of a number a file's columns accept besides the plain invariant one: a decimal comma
/// (<see cref="CsvOptions.DecimalComma"/>) and currency, percent and thousands marks (<see cref="CsvOptions.FormattedNumbers"/>).
/// </summary>
internal readonly record struct NumberSpellings(bool DecimalComma, bool Formatted)
{
    /// <summary>Parses <paramref name="text"/> in the first spelling it matches: plain, then decimal comma, then formatted.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out float value) =>
        CsvNumber.TryParse(text, out value)
        || (DecimalComma && CsvNumber.TryParseDecimalComma(text, out value))
        || (Formatted && CsvNumber.TryParseFormatted(text, DecimalComma, out value));
}
