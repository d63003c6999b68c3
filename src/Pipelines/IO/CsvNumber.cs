using System.Globalization;

namespace Pipelines.IO;

/// <summary>Culture-invariant number parsing from spans (no string per field).</summary>
internal static class CsvNumber
{
    private const NumberStyles Style = NumberStyles.Float;

    /// <summary>Parses <paramref name="text"/>; also accepts <c>inf</c>, <c>+inf</c> and <c>-inf</c> in any case, as NumPy and pandas write them.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        if (float.TryParse(text, Style, CultureInfo.InvariantCulture, out value)) return true;
        var sign = 1f;
        var body = text;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? -1f : 1f;
            body = body[1..];
        }
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * float.PositiveInfinity;
            return true;
        }
        value = 0;
        return false;
    }
}
