using Pipelines.Errors;

namespace Pipelines.IO;

/// <summary>Reads and checks the header row, and resolves which columns the options keep.</summary>
internal static class CsvHeader
{
    /// <summary>
    /// The column names of the first record; an empty field gives an empty name, which <see cref="Select"/> leaves
    /// out and <see cref="CsvReader"/> allows only on a column with no values. With <paramref name="reportLines"/>, a
    /// report's header of two rows, groups above names (<see cref="ReportLines.JoinedNames"/>), gives the joined names,
    /// both rows consumed and <paramref name="notes"/> told.
    /// </summary>
    public static string[] Read(CsvTokenizer tokenizer, bool reportLines = false, ICollection<string>? notes = null)
    {
        var fields = Fields(tokenizer, reportLines, notes) ?? throw new DataFormatException(tokenizer.File, 0, null, null,
            "the file is empty; a header row with the column names is required",
            "Check that the right file was given, or add a header line such as 'x1,x2,label'");
        var names = new string[fields.Length];
        var seen = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = fields[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                names[i] = "";
                continue;
            }
            if (!seen.TryAdd(name, i))
            {
                throw new DataFormatException(tokenizer.File, tokenizer.FieldLine(i), name, null,
                    $"the header names '{name}' twice (fields {seen[name] + 1} and {i + 1}); column names must be unique",
                    "Rename one of the two columns");
            }
            names[i] = name;
        }
        return names;
    }

    /// <summary>The header's fields as <see cref="Read"/> takes them, unchecked, the header consumed; null for an empty file.</summary>
    public static string[]? Fields(CsvTokenizer tokenizer, bool reportLines, ICollection<string>? notes = null)
    {
        if (!tokenizer.ReadRecord()) return null;
        var line = tokenizer.RecordLine;
        var fields = Enumerable.Range(0, tokenizer.FieldCount).Select(i => tokenizer.Field(i).ToString()).ToArray();
        if (!reportLines || ReportLines.JoinedNames([.. fields.Select(f => f.Trim())], tokenizer.PeekLines(ReportLines.MaxTitleLines), tokenizer.Separator) is not { } joined)
            return fields;
        tokenizer.SkipLines(1);
        notes?.Add($"the table's header is lines {line} and {line + 1}, groups above names, read as {string.Join(", ", joined.Where(n => n.Length > 0).Select(n => $"'{n}'"))}");
        return joined;
    }

    /// <summary>Indices of the kept columns, in header order, after checking that every name the options mention exists.</summary>
    public static int[] Select(string[] names, CsvOptions options, string file)
    {
        var present = new HashSet<string>(names.Where(n => n.Length > 0), StringComparer.Ordinal);
        if (options.Label is { } label && !present.Contains(label))
            throw Missing(file, names, label, "label column", "Name one of the columns present as the label (--label on the command line, CsvOptions.Label in code)");
        if (options.ColumnKinds is { } kinds)
        {
            foreach (var name in kinds.Keys)
            {
                if (!present.Contains(name))
                    throw Missing(file, names, name, "column named in ColumnKinds", "Fix the name in CsvOptions.ColumnKinds");
            }
        }
        if (options.Columns is null) return [.. Enumerable.Range(0, names.Length).Where(i => names[i].Length > 0)];
        var wanted = new HashSet<string>(options.Columns, StringComparer.Ordinal);
        foreach (var name in wanted)
        {
            if (!present.Contains(name))
                throw Missing(file, names, name, "column named in Columns", "Fix the name in CsvOptions.Columns");
        }
        if (options.Label is not null) wanted.Add(options.Label);
        return [.. Enumerable.Range(0, names.Length).Where(i => wanted.Contains(names[i]))];
    }

    /// <summary>How errors name column <paramref name="index"/>: its name, or its position when the header leaves it unnamed.</summary>
    public static string Display(string[] names, int index) => names[index].Length > 0 ? names[index] : $"#{index + 1}";

    private static DataFormatException Missing(string file, string[] names, string name, string what, string fix)
    {
        names = [.. names.Where(n => n.Length > 0)];
        if (ColumnNameHints.Nearest(names, name) is { } near)
            fix = $"The header has '{near}' (names are matched exactly, case included): use that name";
        return new DataFormatException(file, 1, name, null, $"the header has no {what} '{name}'; columns present: {ColumnNameHints.List(names)}", fix);
    }
}
