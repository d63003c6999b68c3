using System.IO.Compression;
using System.Text;
using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

/// <summary>Helpers that read inline CSV text as if it were a file.</summary>
internal static class CsvText
{
    public static DataFrame Read(string text, CsvOptions? options = null, string name = "t.csv") =>
        CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, options);

    public static DataFrame ReadBytes(byte[] bytes, CsvOptions? options = null, string name = "t.csv") =>
        CsvReader.Read(new MemoryStream(bytes), name, options);

    public static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(bytes);
        return output.ToArray();
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipelines-csv-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
