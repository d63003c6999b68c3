using Pipelines.Trainers.Neural.Kernels;

namespace Pipelines.Bench.Neural;

/// <summary>
/// What the benches of our neural engine against PyTorch share: the thread counts they measure at (ours through
/// <see cref="Sgemm.DefaultThreads"/>, the only thread setting of the engine; the peer through torch.set_num_threads and
/// <see cref="PeerProcess.BlasEnvironment"/>), their command line and the peer's headings.
/// </summary>
internal static class EngineThreads
{
    public const string TorchInstallHint = "install it with bench/setup-python-reference.sh (python3-torch, libopenblas0-pthread)";

    /// <summary>
    /// Parses "[threads] [<paramref name="name"/>=N]": one thread count (else 1 and 2) and the named count (else
    /// <paramref name="value"/>).
    /// </summary>
    public static (int[] Threads, int Value) Parse(string[] args, string name, int value)
    {
        var positional = BenchOptions.Positional(args);
        int[] threads = positional.Length > 0 ? [BenchOptions.Int(positional, positional.Length - 1, "threads", 2)] : [1, 2];
        return (threads, BenchOptions.Parse(args).Int(name, value));
    }

    /// <summary>Runs <paramref name="body"/> once per count with <see cref="Sgemm.DefaultThreads"/> set to it, and puts the default back.</summary>
    public static void ForEach(IEnumerable<int> counts, Action<int> body)
    {
        var defaultThreads = Sgemm.DefaultThreads;
        try
        {
            foreach (var threads in counts)
            {
                Sgemm.DefaultThreads = threads;
                body(threads);
            }
        }
        finally
        {
            Sgemm.DefaultThreads = defaultThreads;
        }
    }

    /// <summary>The heading over the PyTorch peer's configuration lines at <paramref name="threads"/> threads.</summary>
    public static string PeerHeading(int threads) =>
        $"PyTorch peer, {threads} thread(s) (torch.set_num_threads; OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, MKL_NUM_THREADS):";
}
