namespace Pipelines.IO;

/// <summary>
/// How <see cref="CsvReader"/> chooses a column's kind when <see cref="CsvOptions.ColumnKinds"/> does not declare it.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item><b>Numeric</b> when every non-missing value parses as a number (invariant culture: <c>1.5</c>, <c>-2e-3</c>,
/// <c>Infinity</c>, and also <c>inf</c>, <c>+inf</c>, <c>-inf</c> in any case; with their options on, a decimal comma
/// and currency, percent and thousands marks, see <see cref="CsvOptions.DecimalComma"/> and
/// <see cref="CsvOptions.FormattedNumbers"/>). A column with no values at all is numeric.
/// A parsed <c>NaN</c> that is not a missing token is not a number here, because NaN is how a numeric column marks missing.</item>
/// <item>Otherwise <b>categorical</b> when its number of distinct values is at most
/// <c>min(MaxCategories, max(MinCategoryAllowance, floor(CategoryRowFraction × rows)))</c>; with the defaults,
/// <c>min(1000, max(50, half the rows))</c>: values that repeat on average (cities, products) are categories,
/// while identifiers and free text, nearly unique per row, are text.</item>
/// <item>Otherwise <b>text</b>.</item>
/// </list>
/// <para>Memory: a column keeps its distinct strings only up to <see cref="CsvOptions.MaxCategories"/>. If a column has more
/// distinct numbers than that before its first non-numeric value, the earlier values become text in their shortest
/// round-trip number form (<c>1.50</c> becomes <c>1.5</c>), since their original spelling was not kept. Declare such a
/// column as Text in <see cref="CsvOptions.ColumnKinds"/> to keep every spelling.</para>
/// </remarks>
public static class TypeInference
{
    /// <summary>The most distinct values a non-numeric column of <paramref name="rows"/> rows may have and still be categorical.</summary>
    public static int CategoryLimit(int rows, CsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byRows = (int)Math.Min(int.MaxValue, Math.Floor(options.CategoryRowFraction * rows));
        return Math.Min(options.MaxCategories, Math.Max(options.MinCategoryAllowance, byRows));
    }
}
