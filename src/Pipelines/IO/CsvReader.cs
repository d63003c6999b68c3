using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.IO;

/// <summary>
/// Reads a delimited text file (CSV, TSV, optionally gzip-compressed) into a <see cref="DataFrame"/> in one streaming pass.
/// Memory stays close to the size of the resulting frame: no row is kept as strings, and numeric fields never become strings.
/// </summary>
/// <remarks>
/// Format rules are on <see cref="CsvOptions"/>; kind inference on <see cref="TypeInference"/>. Every problem with the
/// input is a <see cref="DataFormatException"/> naming the file, the 1-based physical line, the column, the value and a fix.
/// </remarks>
public static class CsvReader
{
    /// <summary>
    /// Reads the file at <paramref name="path"/>, or a sheet of an Excel workbook (<see cref="WorkbookText"/>,
    /// <see cref="CsvOptions.Sheet"/>);
    /// <paramref name="notes"/>, when given, receives a sentence for each thing
    /// the reader did beyond plain reading (dates read as their parts, words read as missing numbers, numbers with currency
    /// marks, a report's title and notes, unnamed empty columns and empty rows left out), for a log a user reads; <paramref name="conventions"/>, when
    /// given, receives how the file wrote its columns (the order of dates written as three numbers, the unit after numbers), which rows
    /// read later for the same model are to be read by (<see cref="CsvOptions.Conventions"/>).
    /// </summary>
    /// <exception cref="DataFormatException">The content is not valid delimited text or breaks an option.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static DataFrame Read(string path, CsvOptions? options = null, ICollection<string>? notes = null, ColumnConventions? conventions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CsvOptions.Default;
        var stream = OpenPath(path, ref options, notes, out var displayName);
        return Read(stream, displayName, options, notes, conventions);
    }

    /// <summary>
    /// The text at <paramref name="path"/> as the reader reads it, and how errors name it: a workbook's sheet as its CSV
    /// text (comma-separated, with numbers in invariant form, whatever <paramref name="options"/> say of files, which
    /// are changed to say so), else the file. A sheet named for a delimited text file is an error.
    /// </summary>
    private static Stream OpenPath(string path, ref CsvOptions options, ICollection<string>? notes, out string displayName)
    {
        if (WorkbookText.IsWorkbook(path))
        {
            var text = WorkbookText.Open(path, options.Sheet, out var sheet, notes);
            displayName = WorkbookText.DisplayName(path, sheet);
            options = options with { Separator = ',' };
            return text;
        }
        if (options.Sheet is { } named)
            throw new DataFormatException(path, 0, null, null, $"sheet '{named}' was named, but this is a delimited text file, which has no sheets",
                "Leave out the sheet, or pass the Excel workbook (.xlsx, .xls) it is in");
        displayName = path;
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end. <paramref name="displayName"/> names it in errors and, like a file name,
    /// chooses tab separation (<c>.tsv</c>) and gzip (<c>.gz</c>); gzip is also recognized by its magic bytes.
    /// The stream is disposed.
    /// </summary>
    /// <exception cref="DataFormatException">The content is not valid delimited text or breaks an option.</exception>
    public static DataFrame Read(Stream stream, string displayName, CsvOptions? options = null, ICollection<string>? notes = null,
        ColumnConventions? conventions = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        options ??= CsvOptions.Default;
        options.Validate();
        using var tokenizer = Open(stream, displayName, options, notes);

        var names = CsvHeader.Read(tokenizer, options.SkipReportLines, notes);
        tokenizer.Names = [.. names.Select((_, i) => CsvHeader.Display(names, i))];
        var kept = CsvHeader.Select(names, options, displayName);
        var unnamed = Enumerable.Range(0, names.Length).Where(i => names[i].Length == 0).ToArray();
        var header = names.ToHashSet(StringComparer.Ordinal);
        var missing = new MissingTokens(options.MissingTokens);
        var builders = new ColumnBuilder?[names.Length];
        try
        {
            foreach (var i in kept)
            {
                ColumnKind? declared = options.ColumnKinds is { } kinds && kinds.TryGetValue(names[i], out var k) ? k : null;
                // The label keeps its values as written: its classes, or the numbers to regress.
                var feature = names[i] != options.Label;
                var words = feature && options.WordsInNumbers;
                // A unit the model's rows were written with is read by the builder, declared or not, instead of the shape
                // that would take any unit; so are magnitudes, which rows all in one (19M) would otherwise read as a unit.
                var known = feature ? options.Conventions : null;
                var unit = known is not null && (known.Units.ContainsKey(names[i]) || known.Magnitudes.Contains(names[i]));
                builders[i] = new ColumnBuilder(names[i], declared, missing, options.MaxCategories, options.NumbersFor(tokenizer.Separator),
                    feature && declared is null ? Shapes(names[i], header, options, words, !unit) : [], words, known);
            }

            var rows = 0;
            var emptyRows = 0;
            // A report's notes below the table (a source, a footnote), the file's last lines; none can start before the
            // line of a row of the table a look ahead found, nor inside a run of rows of their shape longer than notes
            // can be (a sparse table's rows, words in the first cell alone, to its end: rows, not notes).
            List<string>? notesBelow = null;
            long rowAhead = 0;
            var longRun = false;
            while (tokenizer.ReadRecord())
            {
                if (options.SkipEmptyRows && IsEmpty(tokenizer))
                {
                    emptyRows++;
                    continue;
                }
                if (options.SkipReportLines && tokenizer.RecordLine > rowAhead)
                {
                    if (!IsNote(tokenizer, names.Length))
                    {
                        longRun = false;
                    }
                    else if (!longRun)
                    {
                        if (ReportLines.NotesToEnd(tokenizer.PeekLines(ReportLines.MaxNoteLines + 1), tokenizer.Separator, out var row) is { } following)
                        {
                            notesBelow = [tokenizer.Field(0).Trim().ToString(), .. following];
                            break;
                        }
                        if (row >= 0) rowAhead = tokenizer.CurrentLine + row;
                        else longRun = true;
                    }
                }
                if (tokenizer.FieldCount != names.Length) ThrowRagged(tokenizer, names);
                foreach (var i in unnamed)
                {
                    if (!missing.IsMissing(tokenizer.Field(i), tokenizer.IsQuoted(i))) ThrowUnnamed(tokenizer, i, names.Length);
                }
                if (rows == int.MaxValue)
                    throw new DataFormatException(displayName, tokenizer.RecordLine, null, null,
                        $"the file has more than {int.MaxValue:N0} rows, the most a frame can hold", "Split the file");
                foreach (var i in kept) builders[i]!.Add(tokenizer, i);
                rows++;
            }

            var columns = new List<Column>(kept.Length);
            foreach (var i in kept)
            {
                // Build frees the builder's buffers before the next column's array is allocated.
                columns.AddRange(builders[i]!.Build(rows, options, conventions));
                if (builders[i]!.Note is { } note) notes?.Add(note);
                builders[i] = null;
            }
            if (notesBelow is not null)
                notes?.Add($"the {(notesBelow.Count == 1 ? "line" : $"{notesBelow.Count} lines")} below the table, notes ({string.Join(", ", notesBelow.Select(n => $"'{n}'"))}), left out");
            var unnamedColumns = unnamed.Length == 0 ? null : $"{unnamed.Length} unnamed column{(unnamed.Length == 1 ? "" : "s")} with no value left out";
            var skipped = emptyRows == 0 ? null : $"{emptyRows:N0} row{(emptyRows == 1 ? "" : "s")} of empty cells skipped";
            if (unnamedColumns is not null || skipped is not null)
                notes?.Add(string.Join("; ", new[] { unnamedColumns, skipped }.OfType<string>()));
            return new DataFrame(columns, options.Label);
        }
        finally
        {
            foreach (var builder in builders) builder?.Dispose();
        }
    }

    /// <summary>What column <paramref name="name"/>'s values may be read as beside themselves (see <see cref="ValueShape"/>), in order of preference.</summary>
    private static ValueShape[] Shapes(string name, HashSet<string> header, CsvOptions options, bool words, bool anyUnit)
    {
        var dates = options.DateParts && !Enumerable.Range(0, CsvDate.Parts.Length).Any(p => header.Contains(CsvDate.PartName(name, p)));
        DateOrder? order = options.Conventions?.DateOrders.TryGetValue(name, out var given) == true ? given : null;
        var units = options.NumbersWithUnits && anyUnit;
        return [.. dates ? [new DateShape(words, order)] : Array.Empty<ValueShape>(), .. units ? [new UnitShape(words)] : Array.Empty<ValueShape>()];
    }

    /// <summary>Whether every field of the current record is empty and unquoted (a quoted <c>""</c> was written on purpose).</summary>
    private static bool IsEmpty(CsvTokenizer tokenizer)
    {
        for (var i = 0; i < tokenizer.FieldCount; i++)
        {
            if (tokenizer.IsQuoted(i) || tokenizer.Field(i).Length > 0) return false;
        }
        return true;
    }

    private static void ThrowUnnamed(CsvTokenizer tokenizer, int field, int fields) =>
        throw new DataFormatException(tokenizer.File, tokenizer.FieldLine(field), $"#{field + 1}", tokenizer.Field(field).ToString(),
            $"header field {field + 1} of {fields} is empty, but this row has a value in that column; a column with values needs a name",
            "Name the column in the header, or remove its values (a trailing separator at the end of the header line also makes an empty name)");

    /// <summary>
    /// The 1-based physical line where data row <paramref name="row"/> (0-based, as in the frame <see cref="Read(string, CsvOptions?, ICollection{string}?, ColumnConventions?)"/>
    /// returns with the same <paramref name="options"/>) starts: a title above the header, blank lines and skipped rows
    /// of empty cells are passed over as the reader passes them, and a workbook's lines are its sheet's rows. The line
    /// after the last row where there is no such row.
    /// </summary>
    public static long LineOf(string path, int row, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CsvOptions.Default;
        var stream = OpenPath(path, ref options, notes: null, out var displayName);
        using var tokenizer = Open(stream, displayName, options, notes: null);
        if (CsvHeader.Fields(tokenizer, options.SkipReportLines) is null) return tokenizer.CurrentLine;
        var rows = 0;
        while (tokenizer.ReadRecord())
        {
            if (options.SkipEmptyRows && IsEmpty(tokenizer)) continue;
            if (rows++ == row) return tokenizer.RecordLine;
        }
        return tokenizer.CurrentLine;
    }

    /// <summary>A tokenizer over <paramref name="stream"/> at its header: past a title (<see cref="CsvOptions.SkipReportLines"/>), the separator set.</summary>
    private static CsvTokenizer Open(Stream stream, string displayName, CsvOptions options, ICollection<string>? notes)
    {
        var tokenizer = new CsvTokenizer(CsvInput.Open(stream, displayName), displayName, options.TrimWhitespace);
        try
        {
            if (options.SkipReportLines) SkipTitle(tokenizer, options, displayName, notes);
            tokenizer.Separator = options.Separator is null && options.SniffSeparator
                ? SeparatorSniffer.Sniff(tokenizer.PeekFirstLine(), options.SeparatorFor(displayName))
                : options.SeparatorFor(displayName);
            return tokenizer;
        }
        catch
        {
            tokenizer.Dispose();
            throw;
        }
    }

    /// <summary>Consumes the lines above the header that are a report's title (<see cref="ReportLines"/>), saying so in a note.</summary>
    private static void SkipTitle(CsvTokenizer tokenizer, CsvOptions options, string displayName, ICollection<string>? notes)
    {
        var lines = tokenizer.PeekLines(ReportLines.MaxTitleLines);
        var count = ReportLines.TitleCount(lines, options.Separator, options.SeparatorFor(displayName));
        if (count == 0) return;
        tokenizer.SkipLines(count);
        var title = lines.Take(count).Select(l => l.Trim().TrimEnd(',', ';', '\t', '|').Trim()).Where(l => l.Length > 0).Select(l => $"'{l}'");
        notes?.Add($"the table's header is line {count + 1}; the {(count == 1 ? "line" : $"{count} lines")} above it, a title ({string.Join(", ", title)}), left out");
    }

    /// <summary>
    /// Whether the record reads as a note below a table of <paramref name="width"/> columns: words in its first field
    /// (<see cref="ReportLines.IsNote"/>), and nothing else, in one field or a row's worth.
    /// </summary>
    private static bool IsNote(CsvTokenizer tokenizer, int width)
    {
        if (width < 2 || (tokenizer.FieldCount != 1 && tokenizer.FieldCount != width) || !ReportLines.IsNote(tokenizer.Field(0))) return false;
        for (var i = 1; i < tokenizer.FieldCount; i++)
        {
            if (!tokenizer.Field(i).Trim().IsEmpty) return false;
        }
        return true;
    }

    private static void ThrowRagged(CsvTokenizer tokenizer, string[] names)
    {
        var found = tokenizer.FieldCount;
        var expected = names.Length;
        if (found < expected)
        {
            var first = CsvHeader.Display(names, found);
            throw new DataFormatException(tokenizer.File, tokenizer.RecordLine, first, null,
                $"the row has {found} field(s) but the header has {expected}; the first missing column is '{first}'",
                "Add the missing fields (an empty field is a missing value), or quote fields that contain the separator or a line break");
        }
        throw new DataFormatException(tokenizer.File, tokenizer.FieldLine(expected), null, tokenizer.Field(expected).ToString(),
            $"the row has {found} field(s) but the header has {expected}",
            "Remove the extra fields, or quote values that contain the separator");
    }
}
