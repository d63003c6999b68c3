namespace Pipelines.IO;

/// <summary>
/// Finds the title a spreadsheet report puts above its table (<c>Sales report 2024</c>, a date, a blank line) so that
/// the header is the table's first row. Lines before the header are a title only where read as the header they would
/// make the file fail to read: each holds at most its first field, while the header holds two or more names, none a
/// number, and the row after it has as many fields.
/// </summary>
internal static class TitleLines
{
    /// <summary>The most lines looked at for a title and the header after it.</summary>
    public const int MaxLines = 12;

    /// <summary>
    /// How many of <paramref name="lines"/> (the first physical lines of a file) come before its header: 0 where the
    /// first line is the header. <paramref name="separator"/> is the file's separator where given, else sniffed from each
    /// candidate header as the reader sniffs it, <paramref name="named"/> the one the file's name implies.
    /// </summary>
    public static int Count(IReadOnlyList<string> lines, char? separator, char named)
    {
        var titles = 0;
        for (var i = 0; i < lines.Count - 1; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (titles > 0 && IsHeader(lines, i, separator ?? SeparatorSniffer.Sniff(lines[i], named))) return i;
            // A title line has at most one field whatever the separator, its first.
            if (Fields(lines[i], separator).Skip(1).Any(f => f.Trim().Length > 0) || lines[i].Contains('"')) return 0;
            titles++;
        }
        return 0;
    }

    /// <summary>Whether line <paramref name="at"/> is a header of two or more names above a row of as many fields.</summary>
    private static bool IsHeader(IReadOnlyList<string> lines, int at, char separator)
    {
        var names = lines[at].Split(separator);
        if (names.Count(n => n.Trim().Length > 0) < 2 || names.Any(n => CsvNumber.TryParse(n.Trim(), out _)) || lines[at].Contains('"')) return false;
        var next = lines.Skip(at + 1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return next is not null && !next.Contains('"') && next.Split(separator).Length == names.Length;
    }

    /// <summary>A line's fields split at <paramref name="separator"/>, or at any candidate separator where none is given.</summary>
    private static string[] Fields(string line, char? separator) =>
        separator is { } given ? line.Split(given) : line.Split([',', '\t', ';', '|']);
}
