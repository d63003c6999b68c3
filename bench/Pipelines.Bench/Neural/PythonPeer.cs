using System.Diagnostics;

namespace Pipelines.Bench.Neural;

/// <summary>Runs a Python snippet with /usr/bin/python3 under given environment variables and returns its stdout lines.</summary>
internal static class PythonPeer
{
    public static IReadOnlyList<string>? Run(string code, IReadOnlyDictionary<string, string> environment)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) return null;
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(code);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries) : null;
    }

    /// <summary>
    /// Thread-count variables for the child, and LD_LIBRARY_PATH = $PIPELINES_BENCH_BLAS_DIR when set, so numpy can be
    /// pointed at another libblas.so.3 (OpenBLAS unpacked from its .deb) without changing the system's alternatives.
    /// </summary>
    public static Dictionary<string, string> Threads(int threads)
    {
        var text = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = text, ["OMP_NUM_THREADS"] = text, ["MKL_NUM_THREADS"] = text };
        if (BlasDirectory is { } dir) environment["LD_LIBRARY_PATH"] = dir;
        return environment;
    }

    /// <summary>The folder named by PIPELINES_BENCH_BLAS_DIR, if any.</summary>
    public static string? BlasDirectory => Environment.GetEnvironmentVariable("PIPELINES_BENCH_BLAS_DIR") is { Length: > 0 } dir ? dir : null;
}
