using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pipelines.IO;

namespace Pipelines.Bench.Csv;

/// <summary>
/// Reads a generated 1,000,000 x 20 numeric CSV with our <see cref="CsvReader"/> and with a plain
/// File.ReadLines + string.Split + float.Parse baseline. Each read runs in its own child process so that the
/// peak working set of one cannot hide in, or inflate, the other's.
/// </summary>
public sealed class CsvBench : IBench
{
    private const string ChildFlag = "--child";
    private const int Columns = 20;

    public string Name => "csv";

    public string Description => "CSV reader vs File.ReadLines+Split+float.Parse: MB/s and peak memory (args: [rows] [repeats])";

    public int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildFlag) return Child(args[1], args[2]);
        var rows = BenchOptions.Int(args, 0, "rows", 1_000_000);
        var repeats = BenchOptions.Int(args, 1, "repeats", 2);

        var dir = Path.Combine(Path.GetTempPath(), "pipelines-csv-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "numeric.csv");
            var generate = Stopwatch.StartNew();
            Generate(path, rows, seed: 42);
            var megabytes = new FileInfo(path).Length / 1e6;
            Console.WriteLine($"generated {rows:N0} rows x {Columns} numeric columns: {megabytes:F1} MB in {generate.Elapsed.TotalSeconds:F1} s");

            var idle = RunChild("idle", path);
            var results = new Dictionary<string, List<ChildResult>> { ["ours"] = [], ["baseline"] = [] };
            for (var r = 0; r < repeats; r++)
            {
                // Alternate so that drift on a shared machine hits both alike.
                foreach (var phase in r % 2 == 0 ? new[] { "baseline", "ours" } : ["ours", "baseline"]) results[phase].Add(RunChild(phase, path));
            }
            var ours = Best(results["ours"]);
            var baseline = Best(results["baseline"]);
            if (ours.Checksum != baseline.Checksum)
            {
                Console.Error.WriteLine($"checksums differ: ours {ours.Checksum} vs baseline {baseline.Checksum}");
                return 1;
            }

            Console.WriteLine();
            Console.WriteLine($"| reader | best of {repeats} (s) | MB/s | peak working set (MB) | peak above idle runtime (MB) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            Print("CsvReader (ours)", ours, megabytes, idle);
            Print("ReadLines+Split+float.Parse", baseline, megabytes, idle);
            Console.WriteLine();
            Console.WriteLine($"speed: ours is {baseline.Seconds / ours.Seconds:F2}x the baseline; peak memory above idle: ours {(ours.PeakBytes - idle.PeakBytes) / (double)(baseline.PeakBytes - idle.PeakBytes):F2}x the baseline");
            Console.WriteLine($"final float arrays alone: {rows * (double)Columns * sizeof(float) / 1e6:F0} MB; idle runtime peak: {idle.PeakBytes / 1e6:F0} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ChildResult Best(List<ChildResult> runs) =>
        runs.OrderBy(r => r.Seconds).First() with { PeakBytes = runs.Max(r => r.PeakBytes) };

    private static void Print(string name, ChildResult r, double megabytes, ChildResult idle) =>
        Console.WriteLine($"| {name} | {r.Seconds:F2} | {megabytes / r.Seconds:F0} | {r.PeakBytes / 1e6:F0} | {(r.PeakBytes - idle.PeakBytes) / 1e6:F0} |");

    private static void Generate(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        for (var c = 0; c < Columns; c++) writer.Write(c == 0 ? "x0" : $",x{c}");
        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                if (c > 0) writer.Write(',');
                // A mix of magnitudes and precisions, as real exports have.
                var value = (random.NextDouble() - 0.5) * Math.Pow(10, c % 5);
                value.TryFormat(buffer, out var n, c % 3 == 0 ? "F4" : "F6", CultureInfo.InvariantCulture);
                writer.Write(buffer[..n]);
            }
            writer.Write('\n');
        }
    }

    private sealed record ChildResult(double Seconds, long PeakBytes, double Checksum);

    private static ChildResult RunChild(string phase, string path)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the bench executable");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(CsvBench).Assembly.Location);
        foreach (var a in new[] { "csv", ChildFlag, phase, path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the child process");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null) throw new InvalidOperationException($"child '{phase}' failed ({process.ExitCode}): {output}");
        var parts = line.Split(' ');
        return new ChildResult(
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static int Child(string phase, string path)
    {
        var watch = Stopwatch.StartNew();
        double seconds;
        double checksum = 0;
        object alive;
        if (phase == "ours")
        {
            var frame = CsvReader.Read(path);
            seconds = watch.Elapsed.TotalSeconds;
            foreach (var column in frame.Columns) foreach (var v in ((Pipelines.Data.NumericColumn)column).Values) checksum += v;
            alive = frame;
        }
        else if (phase == "baseline")
        {
            var columns = Baseline(path);
            seconds = watch.Elapsed.TotalSeconds;
            foreach (var column in columns) foreach (var v in column) checksum += v;
            alive = columns;
        }
        else
        {
            seconds = watch.Elapsed.TotalSeconds;
            alive = phase;
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(FormattableString.Invariant($"RESULT {seconds:R} {peak} {checksum:R}"));
        GC.KeepAlive(alive);
        return 0;
    }

    private static float[][] Baseline(string path)
    {
        List<float>[]? lists = null;
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(',');
            if (lists is null)
            {
                lists = [.. fields.Select(_ => new List<float>())];
                continue; // header
            }
            for (var c = 0; c < fields.Length; c++) lists[c].Add(float.Parse(fields[c], CultureInfo.InvariantCulture));
        }
        return [.. (lists ?? []).Select(l => l.ToArray())];
    }
}
