using System.Globalization;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Kernels;
using Pipelines.Trainers.Neural.Losses;
using Pipelines.Trainers.Neural.Modules;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Bench.Neural;

/// <summary>
/// Training throughput (samples/second) of two ReLU MLPs with two hidden layers, Adam (lr 1e-3), cross-entropy, on
/// synthetic rows (label: x0 + x1 > 0): 64-256-256-2 at batch 256, where the products dominate, and the tabular-sized
/// 30-64-64-2 at batch 64, where per-op overhead does. Ours, then PyTorch CPU (through <see cref="PeerProcess"/>) with
/// the same network, optimizer, loss, batch and rows, at 1 and 2 threads. Epochs of 102,400 rows (the peer's figure from
/// 64-batch epochs was mostly warm-up); each figure is the best of <see cref="SteadyState.Runs"/> epochs after an
/// untimed one, on both sides. Our steps run in a <see cref="TensorArena"/>, as the MLP trainers' do. The peer's
/// version, threads and BLAS are printed first.
/// </summary>
public sealed class MlpTrainBench : IBench
{
    private const int DefaultRows = 102_400;

    // argv: threads. Sets them, then prints the peer's version, threads and BLAS (PeerProcess.TorchReportCode, BlasReportCode).
    private const string TorchConfigCode = """
        import sys, torch
        torch.set_num_threads(int(sys.argv[1]))
        """ + "\n" + PeerProcess.TorchReportCode + "\n" + PeerProcess.BlasReportCode;

    // argv: inputs hidden batch rows threads; prints samples/s. Defines best_seconds first (SteadyState.PythonCode).
    private const string TorchCode = """
        import sys, torch
        inputs, hidden, batch, rows, threads = map(int, sys.argv[1:])
        torch.set_num_threads(threads)
        torch.manual_seed(0)
        x = torch.randn(rows, inputs); y = (x[:, 0] + x[:, 1] > 0).long()
        net = torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 2))
        opt = torch.optim.Adam(net.parameters(), lr=1e-3); loss_fn = torch.nn.CrossEntropyLoss()
        def epoch():
            perm = torch.randperm(rows)
            for s in range(0, rows, batch):
                idx = perm[s:s + batch]; opt.zero_grad(); loss_fn(net(x[idx]), y[idx]).backward(); opt.step()
        print(rows / best_seconds(epoch))
        """;

    private sealed record Case(int Inputs, int Hidden, int Batch)
    {
        public string Name => $"{Inputs}-{Hidden}-{Hidden}-2 batch {Batch}";
    }

    private static readonly Case[] Cases = [new(64, 256, 256), new(30, 64, 64)];

    public string Name => "mlp-train";

    public string Description =>
        "MLP training samples/s vs PyTorch, 64-256-256-2 batch 256 and 30-64-64-2 batch 64, Adam (args: [threads], default 1 and 2; [rows=102400], smaller only to check it runs)";

    public int Run(string[] args)
    {
        var (threadCounts, rows) = EngineThreads.Parse(args, "rows", DefaultRows);
        // Whole batches only, so both sides run the same steps.
        if (rows <= 0 || Cases.Any(c => rows % c.Batch != 0))
        {
            Console.Error.WriteLine($"rows must be a positive multiple of every batch ({string.Join(", ", Cases.Select(c => c.Batch))}), got {rows}.");
            return 2;
        }

        Console.WriteLine($"ours: Sgemm kernel {Sgemm.DefaultKernel}, {Environment.ProcessorCount} processors; epochs of {N0(rows)} rows, " +
            $"best of {SteadyState.Runs} after an untimed epoch, on both sides");
        var missing = PeerProcess.Unavailable("torch", EngineThreads.TorchInstallHint);
        if (missing is not null) Console.WriteLine($"PyTorch peer skipped: {missing}");
        EngineThreads.ForEach(threadCounts, threads =>
        {
            var peerReady = missing is null && PrintPeerConfig(threads);
            foreach (var c in Cases)
            {
                var ours = Ours(c, rows);
                Console.WriteLine($"{c.Name}, ours ({threads} threads): {N0(ours)} samples/s");
                if (!peerReady) continue;
                try
                {
                    var lines = PeerProcess.RunCode(SteadyState.PythonCode + "\n" + TorchCode,
                        [.. new[] { c.Inputs, c.Hidden, c.Batch, rows, threads }.Select(v => v.ToString(CultureInfo.InvariantCulture))],
                        PeerProcess.BlasEnvironment(threads));
                    var peer = double.Parse(lines[^1], CultureInfo.InvariantCulture);
                    Console.WriteLine($"{c.Name}, PyTorch ({threads} threads): {N0(peer)} samples/s; ours / PyTorch = {(ours / peer).ToString("P0", CultureInfo.InvariantCulture)}");
                }
                catch (InvalidOperationException e)
                {
                    Console.WriteLine($"{c.Name}, PyTorch ({threads} threads) failed: {e.Message}");
                }
            }
        });
        return 0;
    }

    private static string N0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Prints PyTorch's version, threads and BLAS as the peer at <paramref name="threads"/> threads sees them; false when it fails.</summary>
    private static bool PrintPeerConfig(int threads)
    {
        Console.WriteLine(EngineThreads.PeerHeading(threads));
        try
        {
            foreach (var line in PeerProcess.RunCode(TorchConfigCode, [threads.ToString(CultureInfo.InvariantCulture)], PeerProcess.BlasEnvironment(threads))) Console.WriteLine(line);
            return true;
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  PyTorch peer failed: {e.Message}");
            return false;
        }
    }

    private static double Ours(Case c, int rows)
    {
        var g = new Generator(0);
        var x = Torch.Randn(g, rows, c.Inputs);
        var y = new int[rows];
        for (var i = 0; i < rows; i++) y[i] = x.Data[i * c.Inputs] + x.Data[i * c.Inputs + 1] > 0 ? 1 : 0;
        var net = new Sequential(new Linear(c.Inputs, c.Hidden, g), new ReLU(), new Linear(c.Hidden, c.Hidden, g), new ReLU(), new Linear(c.Hidden, 2, g));
        var optimizer = new Adam(net.Parameters(), 1e-3f);
        var loss = new CrossEntropyLoss();
        var order = Enumerable.Range(0, rows).ToArray();
        // Steps reuse their arrays as the MLP trainers' do (PyTorch's caching allocator does the same for the peer).
        using var arena = new TensorArena();
        void Epoch()
        {
            g.Shuffle(order);
            for (var s = 0; s < rows; s += c.Batch)
            {
                var batch = order[s..(s + c.Batch)];
                var targets = batch.Select(r => y[r]).ToArray();
                using var step = arena.Step();
                optimizer.ZeroGrad();
                loss.Forward(net.Forward(x.IndexRows(batch)), targets).Backward();
                optimizer.Step();
            }
        }
        return rows / SteadyState.BestSeconds(Epoch);
    }
}
