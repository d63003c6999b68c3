using System.Text;

namespace Pipelines.IO;

/// <summary>
/// Finds the lines a spreadsheet report puts around its table (<see cref="CsvOptions.SkipReportLines"/>). Above it, a
/// title (<c>Sales report 2024</c>, a date, a blank line), so that the header is the table's first row: lines before the
/// header are a title only where read as the header they would make the file fail to read: each holds at most its first
/// field, while the header holds two or more names, none a number, and the row after it has as many fields. Below it,
/// notes (<c>Source: Destatis</c>): lines up to the end of the file whose first field holds words and whose other fields,
/// if any, are empty, as a spreadsheet exports a note in its first column. And a header of two rows, groups above
/// names (<see cref="JoinedNames"/>).
/// </summary>
internal static class ReportLines
{
    /// <summary>The most lines looked at for a title and the header after it.</summary>
    public const int MaxTitleLines = 12;

    /// <summary>The most lines of notes looked for below a table.</summary>
    public const int MaxNoteLines = 24;

    /// <summary>
    /// How many of <paramref name="lines"/> (the first physical lines of a file) come before its header: 0 where the
    /// first line is the header. <paramref name="separator"/> is the file's separator where given, else sniffed from each
    /// candidate header as the reader sniffs it, <paramref name="named"/> the one the file's name implies.
    /// </summary>
    public static int TitleCount(IReadOnlyList<string> lines, char? separator, char named)
    {
        var titles = 0;
        for (var i = 0; i < lines.Count - 1; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (LeavesQuoteOpen(lines[i])) return 0;
            if (titles > 0 && IsHeader(lines, i, separator ?? SeparatorSniffer.Sniff(lines[i], named))) return i;
            // A title line has at most one field whatever the separator, its first.
            if (Fields(lines[i], separator is { } given ? [given] : Candidates).Skip(1).Any(f => f.Trim().Length > 0)) return 0;
            titles++;
        }
        return 0;
    }

    /// <summary>
    /// The names of a header of two rows as a report's pivot table writes one (<c>region,Q1,,Q2,</c> above
    /// <c>,sales,units,sales,units</c>, a group's merged cell empty after its first column): each name under a group
    /// joined to it (<c>Q1 sales</c>, <c>Q1 units</c>), a name with nothing under it kept (<c>region</c>). Null unless
    /// <paramref name="header"/> (the first row's fields) and the next of <paramref name="following"/> (the physical lines
    /// after it) read that way: the second row, of as many fields, none a number, names a column the first leaves empty
    /// and one under a group, every column named by one of the two, and the row after them has a number under a name of
    /// the second (a row of words there would be a row of the table).
    /// </summary>
    public static string[]? JoinedNames(IReadOnlyList<string> header, IReadOnlyList<string> following, char separator)
    {
        if (header.Count < 2 || following.Count < 2 || LeavesQuoteOpen(following[0])) return null;
        var below = Fields(following[0], [separator]).Select(f => f.Trim()).ToList();
        var row = following.Skip(1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (below.Count != header.Count || row is null || LeavesQuoteOpen(row)) return null;
        var values = Fields(row, [separator]);
        var named = Enumerable.Range(0, header.Count).Where(i => below[i].Length > 0).ToArray();
        if (values.Count != header.Count || named.Any(i => CsvNumber.TryParse(below[i], out _))
            || Enumerable.Range(0, header.Count).Any(i => header[i].Length == 0 && below[i].Length == 0)
            || !named.Any(i => header[i].Length == 0) || !named.Any(i => header[i].Length > 0)
            || !named.Any(i => CsvNumber.TryParse(values[i].Trim(), out _))) return null;
        var names = new string[header.Count];
        string? group = null;
        for (var i = 0; i < names.Length; i++)
        {
            if (header[i].Length > 0) group = below[i].Length > 0 ? header[i] : null;
            names[i] = below[i].Length == 0 ? header[i] : group is null ? below[i] : $"{group} {below[i]}";
        }
        return names;
    }

    /// <summary>
    /// The notes of <paramref name="following"/> (the lines after a record that reads as a note, to the end of the file
    /// as <see cref="CsvTokenizer.PeekLines"/> returned them) where each is blank or reads as a note too, else null: a
    /// row of the table follows (<paramref name="row"/> is its index in <paramref name="following"/>, before which no
    /// notes can end the file), or more lines than <see cref="MaxNoteLines"/> (<paramref name="row"/> is -1).
    /// </summary>
    public static List<string>? NotesToEnd(IReadOnlyList<string> following, char separator, out int row)
    {
        row = -1;
        var notes = new List<string>();
        for (var i = 0; i < following.Count; i++)
        {
            var line = following[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = LeavesQuoteOpen(line) ? null : Fields(line, [separator]);
            if (fields is null || !IsNote(fields[0]) || fields.Skip(1).Any(f => f.Trim().Length > 0))
            {
                row = i;
                return null;
            }
            notes.Add(fields[0].Trim());
        }
        return following.Count > MaxNoteLines ? null : notes;
    }

    /// <summary>Whether a note's text reads as one (words: <c>Source: Destatis</c>) rather than a value of a row.</summary>
    public static bool IsNote(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny(' ', '\t')) return false;
        foreach (var c in text)
        {
            if (char.IsLetter(c)) return true;
        }
        return false;
    }

    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>
    /// Whether line <paramref name="at"/> is a header of two or more names above a row of as many fields. A line with a
    /// number among its names is a row of the table, unless it is the group row of a two-row header (years above
    /// measures, <see cref="JoinedNames"/>).
    /// </summary>
    private static bool IsHeader(IReadOnlyList<string> lines, int at, char separator)
    {
        var names = Fields(lines[at], [separator]);
        if (names.Count(n => n.Trim().Length > 0) < 2) return false;
        var next = lines.Skip(at + 1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (next is null || LeavesQuoteOpen(next) || Fields(next, [separator]).Count != names.Count) return false;
        return !names.Any(n => CsvNumber.TryParse(n.Trim(), out _)) || JoinedNames([.. names.Select(n => n.Trim())], [.. lines.Skip(at + 1)], separator) is not null;
    }

    /// <summary>Whether a quote is left open on <paramref name="line"/>: its field runs into the next line, so lines are no rows there.</summary>
    private static bool LeavesQuoteOpen(string line) => line.Count(c => c == '"') % 2 != 0;

    /// <summary>A line's fields, split at any of <paramref name="separators"/> outside quotes, the quotes dropped.</summary>
    private static List<string> Fields(string line, char[] separators)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(separators, c) >= 0)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
