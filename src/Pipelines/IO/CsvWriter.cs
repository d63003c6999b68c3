using System.Globalization;
using System.IO.Compression;
using System.Text;
using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// Writes a <see cref="DataFrame"/> as delimited text that <see cref="CsvReader"/> reads back to an equal frame
/// (given <see cref="CsvOptions.WithSchema"/>, since inference alone may choose other kinds).
/// </summary>
/// <remarks>
/// UTF-8 without BOM, LF line ends, a header row, floats in shortest round-trip form ("R", invariant culture; infinities
/// as <c>Infinity</c>/<c>-Infinity</c>), missing values as empty fields (<c>""</c> in a one-column frame, where an empty
/// line would be skipped). A field is quoted when it contains the separator, a quote, CR or LF, starts or ends with a
/// space or tab, is empty, or equals a missing token; quotes inside are doubled. An empty (non-missing) text therefore
/// reads back as missing.
/// </remarks>
public static class CsvWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes <paramref name="frame"/> to <paramref name="path"/> atomically (a temporary file renamed when complete).
    /// A name ending in <c>.gz</c> is gzip-compressed; <c>.tsv</c> is tab-separated unless a separator is set.
    /// </summary>
    public static void Write(DataFrame frame, string path, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CsvOptions.Default;
        options.Validate();
        var separator = options.SeparatorFor(path);
        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, file =>
        {
            if (!gzip)
            {
                WriteCore(frame, file, separator, options);
                return;
            }
            using var compressed = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
            WriteCore(frame, compressed, separator, options);
        });
    }

    /// <summary>Writes <paramref name="frame"/> to <paramref name="stream"/> (left open) with the separator of the options, or comma.</summary>
    public static void Write(DataFrame frame, Stream stream, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(stream);
        options ??= CsvOptions.Default;
        options.Validate();
        WriteCore(frame, stream, options.Separator ?? ',', options);
    }

    private static void WriteCore(DataFrame frame, Stream stream, char separator, CsvOptions options)
    {
        var missing = new MissingTokens(options.MissingTokens);
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var columns = frame.Columns;
        for (var j = 0; j < columns.Count; j++)
        {
            if (j > 0) writer.Write(separator);
            WriteText(writer, columns[j].Name, separator, missing);
        }
        writer.Write('\n');
        Span<char> number = stackalloc char[32];
        var lonely = columns.Count == 1;
        for (var row = 0; row < frame.RowCount; row++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                if (j > 0) writer.Write(separator);
                switch (columns[j])
                {
                    case NumericColumn n:
                        var v = n[row];
                        if (float.IsNaN(v))
                        {
                            if (lonely) writer.Write("\"\"");
                        }
                        else if (v.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture))
                        {
                            writer.Write(number[..written]);
                        }
                        else
                        {
                            writer.Write(v.ToString("R", CultureInfo.InvariantCulture));
                        }
                        break;
                    default:
                        var text = columns[j].FormatValue(row);
                        if (text is not null) WriteText(writer, text, separator, missing);
                        else if (lonely) writer.Write("\"\"");
                        break;
                }
            }
            writer.Write('\n');
        }
    }

    private static void WriteText(StreamWriter writer, string text, char separator, MissingTokens missing)
    {
        if (!NeedsQuotes(text, separator, missing))
        {
            writer.Write(text);
            return;
        }
        writer.Write('"');
        var rest = text.AsSpan();
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            writer.Write(rest[..(quote + 1)]);
            writer.Write('"');
            rest = rest[(quote + 1)..];
        }
        writer.Write(rest);
        writer.Write('"');
    }

    private static bool NeedsQuotes(string text, char separator, MissingTokens missing) =>
        text.Length == 0
        || text.AsSpan().IndexOfAny(separator, '"', '\n') >= 0
        || text.Contains('\r', StringComparison.Ordinal)
        || text[0] is ' ' or '\t'
        || text[^1] is ' ' or '\t'
        || missing.Matches(text);
}
