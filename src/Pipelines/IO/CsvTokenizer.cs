using System.Buffers;
using Pipelines.Errors;

namespace Pipelines.IO;

/// <summary>
/// Single-pass RFC 4180 tokenizer over a growable char window. A record's fields are spans into the window, valid
/// until the next <see cref="ReadRecord"/>, so no string is made for a field unless the caller asks for one.
/// </summary>
/// <remarks>
/// When a record runs past the end of the window, the unread tail is moved to the front (the window doubles only when
/// one record is larger than it), more text is read, and the record is parsed again from its start. Re-parsing a
/// partial record is cheaper than saving parser state at every character.
/// </remarks>
internal sealed class CsvTokenizer : IDisposable
{
    private const int InitialChars = 1 << 16;

    private readonly TextReader _reader;
    private readonly string _file;
    private readonly bool _trim;
    private char _separator = ',';
    private SearchValues<char> _fieldEnd = SearchValues.Create(",\r\n");
    private char[] _window = new char[InitialChars];
    private int _start;
    private int _end;
    private bool _eof;
    private long _line = 1;

    private int[] _fieldStart = new int[32];
    private int[] _fieldLength = new int[32];
    private bool[] _fieldQuoted = new bool[32];
    private bool[] _fieldEscaped = new bool[32];
    private long[] _fieldLine = new long[32];
    private char[] _scratch = new char[256];

    public CsvTokenizer(TextReader reader, string file, bool trim)
    {
        _reader = reader;
        _file = file;
        _trim = trim;
    }

    /// <summary>Column names for error messages, once the header is known.</summary>
    public IReadOnlyList<string>? Names { get; set; }

    public char Separator
    {
        get => _separator;
        set
        {
            _separator = value;
            _fieldEnd = SearchValues.Create([value, '\r', '\n']);
        }
    }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>1-based physical line on which the current record starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>1-based physical line just after the last record read (for end-of-input errors).</summary>
    public long CurrentLine => _line;

    public string File => _file;

    /// <summary>The text of field <paramref name="index"/>, unquoted and unescaped; valid until the next call.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var span = _window.AsSpan(_fieldStart[index], _fieldLength[index]);
        return _fieldEscaped[index] ? Unescape(span) : span;
    }

    /// <summary>Whether field <paramref name="index"/> was quoted.</summary>
    public bool IsQuoted(int index) => _fieldQuoted[index];

    /// <summary>Physical line on which field <paramref name="index"/> starts.</summary>
    public long FieldLine(int index) => _fieldLine[index];

    /// <summary>
    /// The first physical line of the input, without its line end, without consuming it; empty at end of input.
    /// Used to sniff the separator.
    /// </summary>
    public ReadOnlySpan<char> PeekFirstLine()
    {
        while (true)
        {
            var rest = _window.AsSpan(_start, _end - _start);
            var stop = rest.IndexOfAny('\r', '\n');
            if (stop >= 0) return rest[..stop];
            if (_eof) return rest;
            Fill();
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> physical lines of what is left (fewer at end of input), without their line
    /// ends and without consuming them.
    /// </summary>
    public List<string> PeekLines(int count)
    {
        while (true)
        {
            var rest = _window.AsSpan(_start, _end - _start);
            var lines = new List<string>(count);
            var at = 0;
            while (lines.Count < count && rest[at..].IndexOf('\n') is var stop and >= 0)
            {
                lines.Add(rest.Slice(at, stop).TrimEnd('\r').ToString());
                at += stop + 1;
            }
            if (lines.Count == count || _eof)
            {
                if (lines.Count < count && at < rest.Length) lines.Add(rest[at..].ToString());
                return lines;
            }
            Fill();
        }
    }

    /// <summary>Consumes the first <paramref name="count"/> physical lines, which <see cref="PeekLines"/> returned.</summary>
    public void SkipLines(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var stop = _window.AsSpan(_start, _end - _start).IndexOf('\n');
            _start = stop < 0 ? _end : _start + stop + 1;
            _line++;
        }
    }

    /// <summary>Reads the next record; false at end of input. Blank lines are skipped.</summary>
    public bool ReadRecord()
    {
        while (true)
        {
            switch (TryParseRecord())
            {
                case Outcome.Record:
                    return true;
                case Outcome.End:
                    return false;
                case Outcome.BlankLine:
                    continue;
                default:
                    Fill();
                    continue;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private enum Outcome { Record, BlankLine, NeedMore, End }

    private Outcome TryParseRecord()
    {
        var w = _window;
        var end = _end;
        var p = _start;
        var line = _line;
        if (p == end) return _eof ? Outcome.End : Outcome.NeedMore;
        if (w[p] is '\r' or '\n')
        {
            if (w[p] == '\r' && p + 1 == end && !_eof) return Outcome.NeedMore;
            p += w[p] == '\r' && p + 1 < end && w[p + 1] == '\n' ? 2 : 1;
            _start = p;
            _line = line + 1;
            return Outcome.BlankLine;
        }

        var n = 0;
        while (true)
        {
            var fieldLine = line;
            if (_trim) p = SkipBlanks(w, p, end);
            if (p == end && !_eof) return Outcome.NeedMore;
            int contentStart, contentLength;
            bool quoted = false, escaped = false;
            if (p < end && w[p] == '"')
            {
                quoted = true;
                contentStart = ++p;
                while (true)
                {
                    if (p == end)
                    {
                        if (!_eof) return Outcome.NeedMore;
                        throw new DataFormatException(_file, fieldLine, NameOf(n), null,
                            "a quoted field is never closed (its opening quote is on this line)",
                            "Close the quote, or double any quote character inside the field (\"\")");
                    }
                    var c = w[p];
                    if (c == '"')
                    {
                        if (p + 1 == end && !_eof) return Outcome.NeedMore;
                        if (p + 1 < end && w[p + 1] == '"')
                        {
                            escaped = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') line++;
                    else if (c == '\r')
                    {
                        if (p + 1 == end && !_eof) return Outcome.NeedMore;
                        if (p + 1 == end || w[p + 1] != '\n') line++;
                    }
                    p++;
                }
                contentLength = p - contentStart;
                p++;
                if (_trim) p = SkipBlanks(w, p, end);
                if (p == end && !_eof) return Outcome.NeedMore;
                if (p < end && w[p] != _separator && w[p] != '\r' && w[p] != '\n')
                {
                    throw new DataFormatException(_file, line, NameOf(n), new string(w, contentStart, Math.Min(contentLength, 40)),
                        $"unexpected character '{w[p]}' after the closing quote of a field",
                        "Quote the whole field and double any quote inside it (\"\"), or remove the stray quote");
                }
            }
            else
            {
                var stop = w.AsSpan(p, end - p).IndexOfAny(_fieldEnd);
                if (stop < 0)
                {
                    if (!_eof) return Outcome.NeedMore;
                    stop = end - p;
                }
                contentStart = p;
                p += stop;
                var last = p;
                if (_trim)
                {
                    while (last > contentStart && IsBlank(w[last - 1])) last--;
                }
                contentLength = last - contentStart;
            }

            if (n == _fieldStart.Length) GrowFields();
            _fieldStart[n] = contentStart;
            _fieldLength[n] = contentLength;
            _fieldQuoted[n] = quoted;
            _fieldEscaped[n] = escaped;
            _fieldLine[n] = fieldLine;
            n++;

            if (p == end) break; // end of input (the need-more case returned above)
            var d = w[p];
            if (d == _separator)
            {
                p++;
                continue;
            }
            if (d == '\r')
            {
                if (p + 1 == end && !_eof) return Outcome.NeedMore;
                p += p + 1 < end && w[p + 1] == '\n' ? 2 : 1;
            }
            else
            {
                p++;
            }
            line++;
            break;
        }

        FieldCount = n;
        RecordLine = _line;
        _start = p;
        _line = line;
        return Outcome.Record;
    }

    private int SkipBlanks(char[] w, int p, int end)
    {
        while (p < end && IsBlank(w[p])) p++;
        return p;
    }

    private bool IsBlank(char c) => (c == ' ' || c == '\t') && c != _separator;

    private string NameOf(int field) =>
        Names is { } names && field < names.Count ? names[field] : $"#{field + 1}";

    private ReadOnlySpan<char> Unescape(ReadOnlySpan<char> raw)
    {
        if (_scratch.Length < raw.Length) _scratch = new char[Math.Max(raw.Length, _scratch.Length * 2)];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            _scratch[n++] = raw[i];
            if (raw[i] == '"') i++; // the second quote of a doubled pair
        }
        return _scratch.AsSpan(0, n);
    }

    private void GrowFields()
    {
        var size = _fieldStart.Length * 2;
        Array.Resize(ref _fieldStart, size);
        Array.Resize(ref _fieldLength, size);
        Array.Resize(ref _fieldQuoted, size);
        Array.Resize(ref _fieldEscaped, size);
        Array.Resize(ref _fieldLine, size);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_window, _start, _window, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        else if (_end == _window.Length)
        {
            Array.Resize(ref _window, _window.Length * 2);
        }
        int read;
        try
        {
            read = _reader.Read(_window, _end, _window.Length - _end);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(_file, _line, null, null, e.Message,
                "Download or copy the file again; check it with 'gzip -t'");
        }
        if (read == 0) _eof = true;
        // Delimited text never holds NUL; finding one means a binary file (image, archive, spreadsheet) was passed.
        var nul = _window.AsSpan(_end, read).IndexOf('\0');
        if (nul >= 0)
        {
            var line = _line + _window.AsSpan(_start, _end + nul - _start).Count('\n');
            throw new DataFormatException(_file, line, null, null,
                "the file holds binary data (a NUL character), not delimited text",
                "Pass a CSV or TSV file, optionally gzip-compressed (.csv.gz), or an Excel workbook named .xlsx or .xls");
        }
        _end += read;
    }
}
