using System.Text;

namespace Pipelines.IO;

/// <summary>
/// Finds the lines a spreadsheet report puts around its table (<see cref="CsvOptions.SkipReportLines"/>). Above it, a
/// title (<c>Sales report 2024</c>, a date, a blank line), so that the header is the table's first row: lines before the
/// header are a title only where read as the header they would make the file fail to read: each holds at most its first
/// field, while the header holds two or more names, none a number, and the row after it has as many fields. Below it,
/// notes (<c>Source: Destatis</c>): lines up to the end of the file whose first field holds words and whose other fields,
/// if any, are empty, as a spreadsheet exports a note in its first column.
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
            // A quote left open runs the field into the next line: lines are no rows there.
            if (lines[i].Count(c => c == '"') % 2 != 0) return 0;
            if (titles > 0 && IsHeader(lines, i, separator ?? SeparatorSniffer.Sniff(lines[i], named))) return i;
            // A title line has at most one field whatever the separator, its first.
            if (Fields(lines[i], separator is { } given ? [given] : Candidates).Skip(1).Any(f => f.Trim().Length > 0)) return 0;
            titles++;
        }
        return 0;
    }

    /// <summary>
    /// The notes of <paramref name="following"/> (the lines after a record that reads as a note, to the end of the file
    /// as <see cref="CsvTokenizer.PeekLines"/> returned them) where each is blank or reads as a note too, else null: a
    /// row of the table follows, or more lines than <see cref="MaxNoteLines"/>.
    /// </summary>
    public static List<string>? NotesToEnd(IReadOnlyList<string> following, char separator)
    {
        if (following.Count > MaxNoteLines) return null;
        var notes = new List<string>();
        foreach (var line in following)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.Count(c => c == '"') % 2 != 0) return null;
            var fields = Fields(line, [separator]);
            if (!IsNote(fields[0]) || fields.Skip(1).Any(f => f.Trim().Length > 0)) return null;
            notes.Add(fields[0].Trim());
        }
        return notes;
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

    /// <summary>Whether line <paramref name="at"/> is a header of two or more names above a row of as many fields.</summary>
    private static bool IsHeader(IReadOnlyList<string> lines, int at, char separator)
    {
        var names = Fields(lines[at], [separator]);
        if (names.Count(n => n.Trim().Length > 0) < 2 || names.Any(n => CsvNumber.TryParse(n.Trim(), out _))) return false;
        var next = lines.Skip(at + 1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return next is not null && next.Count(c => c == '"') % 2 == 0 && Fields(next, [separator]).Count == names.Count;
    }

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
