using System.Text;

namespace Pipelines.IO;

/// <summary>Turns a byte stream into the text the tokenizer reads: gzip detected and undone, BOM dropped, UTF-8 decoded.</summary>
internal static class CsvInput
{
    private const int BufferBytes = 1 << 16;

    // Invalid bytes become U+FFFD (no exception): see CsvOptions remarks for why.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static TextReader Open(Stream stream, string displayName)
    {
        var head = new byte[2];
        var got = 0;
        while (got < head.Length)
        {
            var n = stream.Read(head, got, head.Length - got);
            if (n == 0) break;
            got += n;
        }
        Stream bytes = new ReplayStream(head, got, stream);
        if (GzipInputStream.HasMagic(head.AsSpan(0, got)) || displayName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            bytes = new GzipInputStream(bytes);
        return new StreamReader(bytes, Utf8, detectEncodingFromByteOrderMarks: true, BufferBytes, leaveOpen: false);
    }
}
