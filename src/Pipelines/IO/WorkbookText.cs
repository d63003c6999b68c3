using System.Globalization;
using System.Text;
using ExcelDataReader;
using Pipelines.Errors;

namespace Pipelines.IO;

/// <summary>
/// An Excel workbook (<c>.xlsx</c>, <c>.xlsm</c>, <c>.xls</c>) read as the CSV text one worksheet would export (the first
/// unless one is named):
/// one line per sheet row, so that <see cref="CsvReader"/>'s rules, kind inference and errors apply unchanged and an
/// error's line is the sheet's row number. Cells are written as a spreadsheet shows them unformatted: numbers in full
/// precision, dates as <c>2024-01-31</c> (with <c>13:05:09</c> where they have a time), booleans as TRUE and FALSE,
/// error values (<c>#DIV/0!</c>) as written, which the reader takes as missing; a row without a value is a blank line,
/// skipped as a blank line is. A line break inside a cell becomes a space, which keeps rows and lines one to one.
/// </summary>
public static class WorkbookText
{
    private static readonly string[] Extensions = [".xlsx", ".xlsm", ".xls"];

    // .xls files store text in Windows code pages, which .NET has only once their provider is registered.
    static WorkbookText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Whether <paramref name="path"/> names an Excel workbook by its extension (any case).</summary>
    public static bool IsWorkbook(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The worksheet <paramref name="name"/> (any case; null for the first) of the workbook at <paramref name="path"/> as
    /// UTF-8 CSV text, and the sheet's name; a note names the first sheet where it was read from several. A file that is
    /// no workbook Excel could open, or has no such sheet, is a <see cref="DataFormatException"/> naming it.
    /// </summary>
    public static MemoryStream Open(string path, string? name, out string sheet, ICollection<string>? notes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = ExcelReaderFactory.CreateReader(file);
            if (name is not null) Select(reader, name, path);
            sheet = reader.Name ?? "Sheet1";
            if (name is null && reader.ResultsCount > 1)
                notes?.Add($"read the first sheet, '{sheet}', of {reader.ResultsCount} in {Path.GetFileName(path)}; the others are left out (name a sheet to read another)");
            var text = new MemoryStream();
            using (var writer = new StreamWriter(text, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                var line = new StringBuilder();
                while (reader.Read())
                {
                    line.Clear();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (i > 0) line.Append(',');
                        Append(line, reader.GetValue(i));
                    }
                    // A row without a value is a blank line, as a blank row is in the sheet: skipped without a note.
                    if (line.Length > reader.FieldCount - 1) writer.Write(line);
                    writer.Write('\n');
                }
            }
            text.Position = 0;
            return text;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException)
        {
            throw new DataFormatException(path, 0, null, null, $"not an Excel workbook that can be read ({e.Message})",
                "Save it again from the spreadsheet as .xlsx, or export the sheet as CSV");
        }
    }

    /// <summary>
    /// For an error about a file read without a sheet named: where <paramref name="path"/> is a workbook of several
    /// sheets, a sentence saying its first was read and naming the others (the columns looked for may be on one of
    /// them), ending with how to name another, <paramref name="how"/>; null for any other file.
    /// </summary>
    public static string? FirstOfSeveral(string path, string how) =>
        SheetNames(path) is { Count: > 1 } names
            ? $"Its first sheet, '{names[0] ?? ""}', was read; the others are {string.Join(", ", names.Skip(1).Select(n => $"'{n ?? ""}'"))}: name the sheet to read another ({how})."
            : null;

    /// <summary>
    /// The names of the sheets of the workbook at <paramref name="path"/>, in order (null where a sheet has none); null
    /// for a file that is no workbook or cannot be opened (only errors ask, and they then name the file alone).
    /// </summary>
    private static List<string?>? SheetNames(string path)
    {
        if (!IsWorkbook(path)) return null;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = ExcelReaderFactory.CreateReader(file);
            var names = new List<string?>();
            do names.Add(reader.Name);
            while (reader.NextResult());
            return names;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException or IOException)
        {
            return null;
        }
    }

    /// <summary>Moves <paramref name="reader"/> to the sheet named <paramref name="name"/> (any case), or throws naming the sheets there are.</summary>
    private static void Select(IExcelDataReader reader, string name, string path)
    {
        var names = new List<string>();
        do
        {
            var sheet = reader.Name ?? "";
            if (string.Equals(sheet.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return;
            names.Add(sheet);
        }
        while (reader.NextResult());
        throw new DataFormatException(path, 0, null, name, $"the workbook has no sheet '{name}'; its sheets are {string.Join(", ", names.Select(n => $"'{n}'"))}",
            "Name one of its sheets");
    }

    /// <summary>
    /// How errors name the data at <paramref name="path"/>: for a workbook the file and the sheet read (<paramref name="sheet"/>,
    /// or else its first), the line being the sheet's row; any other file by its path.
    /// </summary>
    public static string DisplayName(string path, string? sheet)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!IsWorkbook(path)) return path;
        // Only an error names a workbook read without a sheet named, so opening it again to learn the first is cheap enough.
        if (sheet is null)
        {
            if (SheetNames(path) is not [var first, ..]) return path;
            sheet = first ?? "Sheet1";
        }
        return $"{path}, sheet '{sheet}'";
    }

    /// <summary>A cell's value as a CSV field, quoted where it holds a separator or a quote.</summary>
    private static void Append(StringBuilder line, object? value)
    {
        var text = value switch
        {
            null => "",
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            DateTime date => Date(date),
            DateTimeOffset date => Date(date.DateTime),
            bool flag => flag ? "TRUE" : "FALSE",
            TimeSpan time => time.ToString("c", CultureInfo.InvariantCulture),
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Contains('\n') || text.Contains('\r')) text = text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        if (text.Contains(',') || text.Contains('"') || text.StartsWith(' ') || text.EndsWith(' '))
            line.Append('"').Append(text.Replace("\"", "\"\"")).Append('"');
        else
            line.Append(text);
    }

    private static string Date(DateTime date) =>
        date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : date.Millisecond == 0 ? date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
