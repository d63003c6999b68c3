using System.Globalization;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Losses;
using Pipelines.Trainers.Neural.Modules;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Bench.Neural;

/// <summary>
/// Training throughput (samples/second) of a 64-256-256-2 ReLU MLP with Adam (lr 1e-3), batch 256, cross-entropy,
/// on 16,384 synthetic rows: ours, then PyTorch CPU on the same machine when /usr/bin/python3 can import torch.
/// </summary>
public sealed class MlpTrainBench : IBench
{
    private const int Rows = 16_384;
    private const int Batch = 256;

    private const string TorchCode = """
        import time, torch
        torch.manual_seed(0)
        x = torch.randn(16384, 64); y = (x[:, 0] + x[:, 1] > 0).long()
        net = torch.nn.Sequential(torch.nn.Linear(64, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, 2))
        opt = torch.optim.Adam(net.parameters(), lr=1e-3); loss_fn = torch.nn.CrossEntropyLoss()
        def epoch():
            perm = torch.randperm(16384)
            for s in range(0, 16384, 256):
                idx = perm[s:s + 256]; opt.zero_grad(); loss_fn(net(x[idx]), y[idx]).backward(); opt.step()
        epoch()
        best = 1e9
        for _ in range(3):
            t = time.perf_counter(); epoch(); best = min(best, time.perf_counter() - t)
        print(16384 / best)
        """;

    public string Name => "mlp-train";

    public string Description => "MLP 64-256-256-2 training samples/s, Adam, batch 256 (args: [threads=2])";

    public int Run(string[] args)
    {
        var threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        Pipelines.Trainers.Neural.Kernels.Sgemm.DefaultThreads = threads;
        var ours = Ours();
        Console.WriteLine($"ours ({threads} threads): {ours.ToString("N0", CultureInfo.InvariantCulture)} samples/s");
        var probe = PythonPeer.Run("import torch; print(torch.__version__)", PythonPeer.Threads(threads));
        if (probe is null)
        {
            Console.WriteLine("torch not installed");
            return 0;
        }
        var torch = PythonPeer.Run(TorchCode.Replace("import time, torch", $"import time, torch\ntorch.set_num_threads({threads})", StringComparison.Ordinal), PythonPeer.Threads(threads));
        var peer = torch is { Count: > 0 } ? double.Parse(torch[^1], CultureInfo.InvariantCulture) : double.NaN;
        Console.WriteLine($"PyTorch {probe[0]} CPU ({threads} threads): {peer.ToString("N0", CultureInfo.InvariantCulture)} samples/s; ours / torch = {(ours / peer).ToString("P0", CultureInfo.InvariantCulture)}");
        return 0;
    }

    private static double Ours()
    {
        var g = new Generator(0);
        var x = Torch.Randn(g, Rows, 64);
        var y = new int[Rows];
        for (var i = 0; i < Rows; i++) y[i] = x.Data[i * 64] + x.Data[i * 64 + 1] > 0 ? 1 : 0;
        var net = new Sequential(new Linear(64, 256, g), new ReLU(), new Linear(256, 256, g), new ReLU(), new Linear(256, 2, g));
        var optimizer = new Adam(net.Parameters(), 1e-3f);
        var loss = new CrossEntropyLoss();
        var order = Enumerable.Range(0, Rows).ToArray();
        void Epoch()
        {
            g.Shuffle(order);
            for (var s = 0; s < Rows; s += Batch)
            {
                var rows = order[s..(s + Batch)];
                var targets = rows.Select(r => y[r]).ToArray();
                optimizer.ZeroGrad();
                loss.Forward(net.Forward(x.IndexRows(rows)), targets).Backward();
                optimizer.Step();
            }
        }
        return Rows / SteadyState.BestSeconds(Epoch);
    }
}
