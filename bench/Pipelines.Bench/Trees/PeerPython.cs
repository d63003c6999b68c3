using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Pipelines.Data;

namespace Pipelines.Bench.Trees;

/// <summary>Runs a script with Debian's /usr/bin/python3 (which has python3-xgboost and python3-sklearn) and writes frames for it.</summary>
internal static class PeerPython
{
    /// <summary>
    /// Runs <paramref name="script"/> with <paramref name="args"/> (<see cref="PeerProcess.RunCode"/>, so without our
    /// OpenBLAS settings); returns its stdout lines joined, throws with stderr's last line on failure.
    /// </summary>
    public static string Run(string script, params string[] args) => string.Join('\n', PeerProcess.RunCode(script, args));

    /// <summary>
    /// Runs <paramref name="script"/> with the paths of the feature matrix (float32, column after column) and the
    /// labels (float32), written to a temporary folder deleted afterwards, then <paramref name="args"/>; returns stdout.
    /// </summary>
    public static string RunOnMatrix(string script, float[][] columns, float[] labels, params string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "peer-matrix-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var xPath = Path.Combine(dir, "x.f32");
            var yPath = Path.Combine(dir, "y.f32");
            using (var file = File.Create(xPath))
            {
                foreach (var column in columns) file.Write(MemoryMarshal.AsBytes(column.AsSpan()));
            }
            File.WriteAllBytes(yPath, MemoryMarshal.AsBytes(labels.AsSpan()).ToArray());
            return Run(script, [xPath, yPath, .. args]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Numeric features then the class code of each row, comma-separated, no header; NaN as 'nan'.</summary>
    public static void WriteNumericCsv(string path, DataFrame data, IReadOnlyList<string> features, int[] classCodes)
    {
        var builder = new StringBuilder();
        var columns = features.Select(f => data.Numeric(f)).ToArray();
        for (var r = 0; r < data.RowCount; r++)
        {
            foreach (var c in columns) builder.Append(float.IsNaN(c[r]) ? "nan" : c[r].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            builder.Append(classCodes[r].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        File.WriteAllText(path, builder.ToString());
    }
}
