using System.Diagnostics;
using System.Globalization;

namespace Pipelines.Bench;

/// <summary>
/// Runs a peer's script with Debian's /usr/bin/python3 (where python3-sklearn, -xgboost, -optuna, -torch install), with
/// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment: set on some machines for our own builds, they
/// make OpenBLAS run kernels meant for another CPU, and the peer is measured at its best.
/// </summary>
internal static class PeerProcess
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>
    /// Python that prints, indented, the BLAS and OpenMP pools threadpoolctl finds and the BLAS/LAPACK libraries the
    /// process has mapped; append it to code that has imported numpy or torch (threadpoolctl only sees loaded libraries).
    /// The mapped paths are what tell Debian's reference BLAS (folder blas/, single-threaded) from OpenBLAS.
    /// </summary>
    public const string BlasReportCode = """
        import os
        try:
            import threadpoolctl
            pools = threadpoolctl.threadpool_info()
        except ImportError:
            pools = None
            print("  threadpoolctl not installed (bench/setup-python-reference.sh installs python3-threadpoolctl)")
        for p in pools or []:
            print(f"  threadpoolctl: {p.get('internal_api')} {p.get('version')}, num_threads {p.get('num_threads')}, "
                  f"architecture {p.get('architecture', '-')}, {p.get('filepath')}")
        if pools == []:
            print("  threadpoolctl: no BLAS or OpenMP thread pool found")
        mapped = sorted({l.split()[-1] for l in open("/proc/self/maps")
                         if len(l.split()) >= 6 and ("blas" in os.path.basename(l.split()[-1]) or "lapack" in os.path.basename(l.split()[-1]))})
        for path in mapped:
            print("  loaded " + path)
        if any("/blas/" in p for p in mapped):
            print("  (Debian's reference BLAS: unoptimized and single-threaded; bench/setup-python-reference.sh installs libopenblas0-pthread)")
        """;

    /// <summary>
    /// Python that prints, indented, PyTorch's version and thread count, the BLAS, LAPACK, MKL, OpenMP and CPU-capability
    /// lines of <c>torch.__config__.show()</c> and the thread lines of <c>torch.__config__.parallel_info()</c>; run it with
    /// torch imported and its threads set, followed by <see cref="BlasReportCode"/>.
    /// </summary>
    public const string TorchReportCode = """
        print(f"  PyTorch {torch.__version__}, torch.get_num_threads() {torch.get_num_threads()}")
        for line in torch.__config__.show().splitlines():
            line = line.strip().lstrip("- ")
            if line.startswith("Build settings:"):
                keep = [s.strip() for s in line.split(":", 1)[1].split(",") if s.strip().startswith(("BLAS_INFO=", "LAPACK_INFO=", "USE_MKL", "USE_OPENMP"))]
                line = "Build settings: " + ", ".join(keep)
            if any(k in line for k in ("BLAS", "LAPACK", "MKL", "OpenMP", "CPU capability")):
                print("  " + line)
        parallel = [l.strip() for l in torch.__config__.parallel_info().splitlines() if "threads" in l.lower() or "backend" in l]
        print("  parallel_info: " + "; ".join(parallel))
        """;

    /// <summary>The folder named by PIPELINES_BENCH_BLAS_DIR, if any: a libblas.so.3 for the peers without changing the system's alternatives.</summary>
    public static string? BlasDirectory => Environment.GetEnvironmentVariable("PIPELINES_BENCH_BLAS_DIR") is { Length: > 0 } dir ? dir : null;

    /// <summary>Null when the interpreter imports <paramref name="modules"/>; otherwise what is missing and how to install it.</summary>
    public static string? Unavailable(string modules, string installHint)
    {
        if (!File.Exists(Interpreter)) return $"{Interpreter} not found; the peers need Debian's python3.";
        var (exit, _, error) = Run(["-c", $"import {modules}"]);
        return exit == 0 ? null : $"{Interpreter} cannot import {modules} ({error.Trim().Split('\n')[^1]}); {installHint}";
    }

    /// <summary>
    /// Environment for a BLAS-bound peer on <paramref name="threads"/> threads: the thread-count variables of OpenBLAS,
    /// OpenMP and MKL, and LD_LIBRARY_PATH led by <see cref="BlasDirectory"/> when it is set.
    /// </summary>
    public static Dictionary<string, string> BlasEnvironment(int threads)
    {
        var text = threads.ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = text, ["OMP_NUM_THREADS"] = text, ["MKL_NUM_THREADS"] = text };
        if (BlasDirectory is { } dir)
        {
            var inherited = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            environment["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(inherited) ? dir : $"{dir}:{inherited}";
        }
        return environment;
    }

    /// <summary>Runs the interpreter with <paramref name="arguments"/>; returns its exit code, stdout and stderr.</summary>
    public static (int Exit, string Output, string Error) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        RunProgram(Interpreter, arguments, variables =>
        {
            variables.Remove("OPENBLAS_CORETYPE");
            variables.Remove("OPENBLAS_L2_SIZE");
            foreach (var (key, value) in environment ?? new Dictionary<string, string>()) variables[key] = value;
        });

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/>, its environment this process's as
    /// <paramref name="environment"/> edits it; returns its exit code, stdout and stderr.
    /// </summary>
    public static (int Exit, string Output, string Error) RunProgram(string program, IEnumerable<string> arguments, Action<IDictionary<string, string?>>? environment = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        environment?.Invoke(info.Environment);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>
    /// Runs Python <paramref name="code"/> (<c>python3 -c</c>) with <paramref name="arguments"/> as sys.argv[1:]; returns
    /// its stdout lines, or throws with the last line of stderr so a failing peer is reported, not read as a figure.
    /// </summary>
    public static string[] RunCode(string code, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Lines(["-c", code, .. arguments], environment);

    /// <summary>As <see cref="RunCode"/> for the script at <paramref name="path"/> (one of bench/scripts: <see cref="BenchPaths.Script"/>).</summary>
    public static string[] RunScript(string path, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Lines([path, .. arguments], environment);

    private static string[] Lines(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var (exit, output, error) = Run(arguments, environment);
        if (exit != 0) throw new InvalidOperationException($"{Interpreter} exited with {exit}: {error.Trim().Split('\n')[^1]}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
