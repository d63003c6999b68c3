using System.Diagnostics;
using System.Globalization;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Kernels;

namespace Pipelines.Bench.Neural;

/// <summary>
/// GFLOP/s of our <see cref="Sgemm"/> (C = A B, square float32) next to numpy's float32 matmul (its BLAS) on the same
/// machine, at 1 and 2 threads (OPENBLAS_NUM_THREADS / OMP_NUM_THREADS set to match). Each figure is the best of
/// several repeats after a warm-up. FLOPs = 2 n^3.
/// </summary>
public sealed class SgemmBench : IBench
{
    private const string NumpyCode = """
        import time, numpy as np
        for n in SIZES:
            rng = np.random.default_rng(1)
            a = rng.standard_normal((n, n), dtype=np.float32); b = rng.standard_normal((n, n), dtype=np.float32)
            a @ b
            reps = max(2, int(2e9 / (2 * n ** 3)))
            best = 1e9
            for _ in range(3):
                t = time.perf_counter()
                for _ in range(reps): a @ b
                best = min(best, (time.perf_counter() - t) / reps)
            print(n, 2 * n ** 3 / best / 1e9)
        """;

    public string Name => "sgemm";

    public string Description => "SGEMM GFLOP/s for square 256..2048 at 1 and 2 threads vs numpy float32 matmul (args: [sizes...])";

    public int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [256, 512, 1024, 2048];
        Console.WriteLine($"kernel {Sgemm.DefaultKernel}, {Environment.ProcessorCount} processors, numpy via /usr/bin/python3 with " +
            (PythonPeer.BlasDirectory is { } dir ? $"the libblas.so.3 in {dir}" : "the system's libblas.so.3"));
        Console.WriteLine("| n | threads | ours GFLOP/s | numpy GFLOP/s | ours / numpy |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var threads in new[] { 1, 2 })
        {
            var numpy = Numpy(sizes, threads);
            foreach (var n in sizes)
            {
                var ours = Ours(n, threads);
                var peer = numpy.TryGetValue(n, out var p) ? p : double.NaN;
                var peerText = double.IsNaN(peer) ? "numpy unavailable" : peer.ToString("F1", CultureInfo.InvariantCulture);
                var ratio = double.IsNaN(peer) ? "-" : (ours / peer).ToString("P0", CultureInfo.InvariantCulture);
                Console.WriteLine($"| {n} | {threads} | {ours.ToString("F1", CultureInfo.InvariantCulture)} | {peerText} | {ratio} |");
            }
        }
        return 0;
    }

    private static double Ours(int n, int threads)
    {
        var g = new Generator(1);
        var a = Torch.Randn(g, n, n).Data;
        var b = Torch.Randn(g, n, n).Data;
        var c = new float[n * n];
        Sgemm.Multiply(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n, threads);
        var reps = Math.Max(2, (int)(2e9 / (2.0 * n * n * n)));
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var r = 0; r < reps; r++) Sgemm.Multiply(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n, threads);
            best = Math.Min(best, watch.Elapsed.TotalSeconds / reps);
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    private static Dictionary<int, double> Numpy(int[] sizes, int threads)
    {
        var lines = PythonPeer.Run(NumpyCode.Replace("SIZES", "[" + string.Join(", ", sizes) + "]", StringComparison.Ordinal), PythonPeer.Threads(threads));
        var result = new Dictionary<int, double>();
        foreach (var line in lines ?? [])
        {
            var parts = line.Split(' ');
            result[int.Parse(parts[0], CultureInfo.InvariantCulture)] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return result;
    }
}
