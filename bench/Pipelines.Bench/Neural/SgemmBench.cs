using System.Globalization;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Kernels;

namespace Pipelines.Bench.Neural;

/// <summary>
/// GFLOP/s of our <see cref="Sgemm"/> (C = A B, square float32) next to numpy's float32 matmul into a preallocated C
/// (its BLAS) on the same machine, at 1 and 2 threads (the peer through <see cref="PeerProcess"/>, OpenBLAS / OpenMP /
/// MKL thread variables set to match). A round is the same number of products on both sides; each figure is the best of
/// <see cref="SteadyState.Runs"/> rounds after an untimed one. FLOPs = 2 n^3. The peer's BLAS is printed first.
/// </summary>
public sealed class SgemmBench : IBench
{
    // About 4 GFLOP a round (at least 2 products): 50 ms or more even at 80 GFLOP/s, so timer and scheduler noise stay small.
    private const double FlopsPerRound = 4e9;

    private const string InstallHint = "install it with bench/setup-python-reference.sh (python3-numpy, python3-threadpoolctl, libopenblas0-pthread)";

    private const string NumpyConfigCode = """
        import numpy
        print(f"  numpy {numpy.__version__}")
        """;

    // argv: n:products pairs. Defines best_seconds first (SteadyState.PythonCode).
    private const string NumpyCode = """
        import sys, numpy as np
        for arg in sys.argv[1:]:
            n, products = map(int, arg.split(":"))
            rng = np.random.default_rng(1)
            a = rng.standard_normal((n, n), dtype=np.float32); b = rng.standard_normal((n, n), dtype=np.float32)
            c = np.empty((n, n), dtype=np.float32)
            def round_of_products():
                for _ in range(products): np.matmul(a, b, out=c)
            print(n, 2 * n ** 3 * products / best_seconds(round_of_products) / 1e9)
        """;

    private static readonly int[] ThreadCounts = [1, 2];

    public string Name => "sgemm";

    public string Description => "SGEMM GFLOP/s for square 256..2048 at 1 and 2 threads vs numpy float32 matmul (args: [sizes...])";

    public int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? [.. args.Select((_, i) => BenchOptions.Int(args, i, "size", 256))] : [256, 512, 1024, 2048];
        Console.WriteLine($"ours: Sgemm kernel {Sgemm.DefaultKernel}, {Environment.ProcessorCount} processors; " +
            $"rounds of {string.Join(", ", sizes.Select(n => $"{Products(n)} products at n = {n}"))}, best of {SteadyState.Runs} after a warm-up round");
        var missing = PeerProcess.Unavailable("numpy", InstallHint);
        var numpy = new Dictionary<int, IReadOnlyDictionary<int, double>>();
        if (missing is not null) Console.WriteLine($"numpy peer skipped: {missing}");
        foreach (var threads in missing is null ? ThreadCounts : [])
        {
            // The configuration and the figures come from children with the same environment, so the report is what ran.
            Console.WriteLine($"numpy peer, {threads} thread(s) requested (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, MKL_NUM_THREADS):");
            try
            {
                foreach (var line in PeerProcess.RunCode(NumpyConfigCode + "\n" + PeerProcess.BlasReportCode, [], PeerProcess.BlasEnvironment(threads))) Console.WriteLine(line);
                numpy[threads] = Numpy(sizes, threads);
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine($"  numpy peer failed: {e.Message}");
            }
        }
        Console.WriteLine();
        Console.WriteLine("| n | threads | ours GFLOP/s | numpy GFLOP/s | ours / numpy |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var threads in ThreadCounts)
        {
            foreach (var n in sizes)
            {
                var ours = Ours(n, threads);
                var peer = numpy.GetValueOrDefault(threads)?.GetValueOrDefault(n, double.NaN) ?? double.NaN;
                var peerText = double.IsNaN(peer) ? "numpy unavailable" : peer.ToString("F1", CultureInfo.InvariantCulture);
                var ratio = double.IsNaN(peer) ? "-" : (ours / peer).ToString("P0", CultureInfo.InvariantCulture);
                Console.WriteLine($"| {n} | {threads} | {ours.ToString("F1", CultureInfo.InvariantCulture)} | {peerText} | {ratio} |");
            }
        }
        return 0;
    }

    private static int Products(int n) => Math.Max(2, (int)(FlopsPerRound / (2.0 * n * n * n)));

    private static double Ours(int n, int threads)
    {
        var g = new Generator(1);
        var a = Torch.Randn(g, n, n).Data;
        var b = Torch.Randn(g, n, n).Data;
        var c = new float[n * n];
        var products = Products(n);
        var seconds = SteadyState.BestSeconds(() =>
        {
            for (var r = 0; r < products; r++) Sgemm.Multiply(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n, threads);
        });
        return 2.0 * n * n * n * products / seconds / 1e9;
    }

    private static Dictionary<int, double> Numpy(int[] sizes, int threads)
    {
        var lines = PeerProcess.RunCode(SteadyState.PythonCode + "\n" + NumpyCode, sizes.Select(n => $"{n}:{Products(n)}"), PeerProcess.BlasEnvironment(threads));
        var result = new Dictionary<int, double>();
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            result[int.Parse(parts[0], CultureInfo.InvariantCulture)] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return result;
    }
}
