using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipelines.Bench.Neural;
using Pipelines.Data;
using Pipelines.Trainers.Gan;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.Gan.Transform;
using Pipelines.Trainers.Neural.Kernels;

namespace Pipelines.Bench.Gan;

/// <summary>
/// CTGAN training throughput in steady state: steps per second, one step being one critic update and one generator
/// update of <see cref="CtganTrainer"/> at the default <see cref="GanOptions"/>, on data/messy_churn.csv cleaned as
/// <see cref="GanRebalanceBench"/> does (all its rows). Ours times <see cref="CtganTrainer.Fit(DataFrame, GanOptions, IProgress{GanProgress}?)"/>
/// between its per-epoch progress reports: a run is the epochs that make at least the asked-for steps; the first run
/// (the data transformer's fitting and encoding, JIT, warm-up) is untimed, then the best of <see cref="SteadyState.Runs"/>.
/// The peer, bench/scripts/ctgan_step.py (PyTorch through <see cref="PeerProcess"/>), builds the same networks and step
/// on random rows of the same span layout (passed as JSON) and times the same number of steps per run the same way.
/// Both at 1 and 2 threads (<see cref="Sgemm.DefaultThreads"/>; torch.set_num_threads).
/// </summary>
public sealed class GanStepBench : IBench
{
    private const int DefaultSteps = 100;

    public string Name => "gan-step";

    public string Description =>
        "CTGAN training steps/s (critic + generator update, default GanOptions) on messy_churn vs PyTorch (args: [threads], default 1 and 2; [steps=100] per timed run, fewer only to check it runs)";

    public int Run(string[] args)
    {
        var (threadCounts, steps) = EngineThreads.Parse(args, "steps", DefaultSteps);
        if (steps < 1)
        {
            Console.Error.WriteLine($"steps must be at least 1, got {steps}.");
            return 2;
        }

        var table = GanRebalanceBench.CleanChurn(Trees.GbdtQualityBench.FindDataDirectory());
        var options = new GanOptions { Seed = 0 };
        var transformer = TabularTransformer.Fit(table, options.MaxModes);
        var batch = options.EffectiveBatch(table.RowCount);
        var stepsPerEpoch = Math.Max(1, table.RowCount / batch); // as CtganTrainer
        var epochsPerRun = (steps + stepsPerEpoch - 1) / stepsPerEpoch;
        var stepsPerRun = epochsPerRun * stepsPerEpoch;
        PrintShapes(transformer, options, batch);
        Console.WriteLine($"ours: Sgemm kernel {Sgemm.DefaultKernel}, {Environment.ProcessorCount} processors; runs of {stepsPerRun} steps " +
            $"({epochsPerRun} epochs of {stepsPerEpoch}), best of {SteadyState.Runs} after an untimed run, on both sides");
        var layout = Layout(table.RowCount, transformer, options, batch);
        Console.WriteLine($"peer layout: {layout}");

        var missing = PeerProcess.Unavailable("torch", EngineThreads.TorchInstallHint);
        if (missing is not null) Console.WriteLine($"PyTorch peer skipped: {missing}");
        EngineThreads.ForEach(threadCounts, threads =>
        {
            var ours = Ours(table, options, epochsPerRun, stepsPerRun);
            Console.WriteLine($"ours ({threads} threads): {F1(ours)} steps/s ({F1(1000 / ours)} ms/step)");
            if (missing is not null || Peer(layout, threads, stepsPerRun) is not { } peer) return;
            Console.WriteLine($"pytorch ({threads} threads): {F1(peer)} steps/s ({F1(1000 / peer)} ms/step)");
            Console.WriteLine($"ratio ({threads} threads): ours takes {(peer / ours).ToString("F2", CultureInfo.InvariantCulture)}x PyTorch's time per step (goal: at most 1.5x)");
        });
        return 0;
    }

    private static string F1(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static void PrintShapes(TabularTransformer transformer, GanOptions options, int batch)
    {
        var tanh = transformer.Spans.Count(s => s.Activation == SpanActivation.Tanh);
        var softmax = transformer.Spans.Where(s => s.Activation == SpanActivation.Softmax).Select(s => s.Width).ToList();
        var dim = transformer.Dimension;
        var condDim = transformer.ConditionDimension;
        var generatorIn = options.NoiseDim + condDim;
        var generatorOut = generatorIn + options.GeneratorDims.Sum();
        Console.WriteLine($"encoded width {dim} ({tanh} tanh spans, {softmax.Count} one-hot spans of widths {string.Join(" ", softmax)}), " +
            $"condition width {condDim} ({transformer.Discrete.Count} discrete columns), batch {batch} ({batch / options.Pac} packs of {options.Pac})");
        Console.WriteLine($"generator {generatorIn} -> residual {string.Join(", ", options.GeneratorDims)} -> Linear {generatorOut}x{dim}; " +
            $"critic {(dim + condDim) * options.Pac} (pac {options.Pac}) -> {string.Join(" -> ", options.CriticDims)} -> 1, dropout {options.CriticDropout}; " +
            $"noise {options.NoiseDim}, GP lambda {options.GradientPenalty}, Adam {options.GeneratorLearningRate}/{options.CriticLearningRate} betas {options.Beta1}/{options.Beta2} " +
            $"wd {options.WeightDecay}, tau {options.Tau}, critic steps {options.CriticSteps}");
    }

    /// <summary>The peer's --layout: the span layout and every option of the step (see bench/scripts/ctgan_step.py).</summary>
    private static string Layout(int rows, TabularTransformer transformer, GanOptions options, int batch) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["rows"] = rows,
            ["data_dim"] = transformer.Dimension,
            ["cond_dim"] = transformer.ConditionDimension,
            ["spans"] = transformer.Spans.Select(s => new object[] { s.Start, s.Width, s.Activation == SpanActivation.Tanh ? "tanh" : "softmax" }),
            ["discrete"] = transformer.Discrete.Select(d => new[] { d.Span.Start, d.Span.Width, d.CondOffset }),
            ["noise"] = options.NoiseDim,
            ["generator"] = options.GeneratorDims,
            ["critic"] = options.CriticDims,
            ["pac"] = options.Pac,
            ["dropout"] = options.CriticDropout,
            ["batch"] = batch,
            ["lambda"] = options.GradientPenalty,
            ["lr_generator"] = options.GeneratorLearningRate,
            ["lr_critic"] = options.CriticLearningRate,
            ["betas"] = new[] { options.Beta1, options.Beta2 },
            ["weight_decay"] = options.WeightDecay,
            ["tau"] = options.Tau,
        });

    /// <summary>Steps per second of ours: the best of <see cref="SteadyState.Runs"/> runs of <paramref name="epochsPerRun"/> epochs after an untimed one.</summary>
    private static double Ours(DataFrame table, GanOptions options, int epochsPerRun, int stepsPerRun)
    {
        if (options.CriticSteps != 1) throw new InvalidOperationException("gan-step counts one critic update per step, as the peer does.");
        var clock = new RunClock(epochsPerRun);
        CtganTrainer.Fit(table, options with { Epochs = (1 + SteadyState.Runs) * epochsPerRun }, clock);
        return stepsPerRun / clock.BestSeconds;
    }

    /// <summary>Steps per second of the PyTorch peer, after printing its configuration; null (and a line saying why) when it fails.</summary>
    private static double? Peer(string layout, int threads, int stepsPerRun)
    {
        Console.WriteLine(EngineThreads.PeerHeading(threads));
        try
        {
            string[] arguments =
            [
                "--layout", layout, "--threads", threads.ToString(CultureInfo.InvariantCulture),
                "--steps", stepsPerRun.ToString(CultureInfo.InvariantCulture), "--runs", SteadyState.Runs.ToString(CultureInfo.InvariantCulture),
                "--report-code", PeerProcess.TorchReportCode + "\n" + PeerProcess.BlasReportCode,
            ];
            var lines = PeerProcess.RunScript(BenchPaths.Script("ctgan_step.py"), arguments, PeerProcess.BlasEnvironment(threads));
            foreach (var line in lines[..^1]) Console.WriteLine(line);
            using var result = JsonDocument.Parse(lines[^1]);
            return result.RootElement.GetProperty("steps_per_second").GetDouble();
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or KeyNotFoundException or IndexOutOfRangeException)
        {
            Console.WriteLine($"pytorch ({threads} threads) failed: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The time at the end of every run of <paramref name="epochsPerRun"/> epochs, from the trainer's per-epoch progress
    /// (reported synchronously on the training thread); the first run, which also holds the transformer's fitting, is not timed.
    /// </summary>
    private sealed class RunClock(int epochsPerRun) : IProgress<GanProgress>
    {
        private readonly List<long> ends = [];

        public double BestSeconds => ends.Zip(ends.Skip(1), (start, end) => Stopwatch.GetElapsedTime(start, end).TotalSeconds).Min();

        public void Report(GanProgress value)
        {
            if (value.Epoch % epochsPerRun == 0) ends.Add(Stopwatch.GetTimestamp());
        }
    }
}
