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
/// <see cref="GanRebalanceBench"/> does (all its rows). Ours times <see cref="CtganTrainer"/>'s Fit between its
/// per-epoch progress reports: a run is the epochs that make at least the asked-for steps; the first run
/// (the data transformer's fitting and encoding, JIT, warm-up) is untimed, then the best of <see cref="SteadyState.Runs"/>.
/// The peer, bench/scripts/ctgan_step.py (PyTorch through <see cref="PeerProcess"/>), builds the same networks and step
/// on random rows of the same span layout (passed as JSON) and times the same number of steps per run the same way.
/// Both at 1 and 2 threads (<see cref="Sgemm.DefaultThreads"/>; torch.set_num_threads).
/// <para>
/// Ours runs through the internal Fit with a <see cref="StepClock"/>, which charges each phase of each step (a few
/// timestamps a step, nothing the trainer computes changes); the bench prints the best run's phases per step, with the
/// bytes allocated, the garbage collections and the collector's pauses per step, as a profile of where our time goes.
/// </para>
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
            var ours = Ours(table, options, epochsPerRun);
            Console.WriteLine($"ours ({threads} threads): {F1(stepsPerRun / ours.Seconds)} steps/s ({F1(1000 * ours.Seconds / stepsPerRun)} ms/step)");
            PrintProfile(ours, stepsPerRun, threads);
            if (missing is not null || Peer(layout, threads, stepsPerRun) is not { } peer) return;
            Console.WriteLine($"pytorch ({threads} threads): {F1(peer)} steps/s ({F1(1000 / peer)} ms/step)");
            Console.WriteLine($"ratio ({threads} threads): ours takes {(peer * ours.Seconds / stepsPerRun).ToString("F2", CultureInfo.InvariantCulture)}x PyTorch's time per step (goal: at most 1.5x)");
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

    /// <summary>Our best of <see cref="SteadyState.Runs"/> runs of <paramref name="epochsPerRun"/> epochs after an untimed one.</summary>
    private static RunMark Ours(DataFrame table, GanOptions options, int epochsPerRun)
    {
        if (options.CriticSteps != 1) throw new InvalidOperationException("gan-step counts one critic update per step, as the peer does.");
        var phases = new StepClock();
        var clock = new RunClock(epochsPerRun, phases);
        var epochs = (1 + SteadyState.Runs) * epochsPerRun;
        CtganTrainer.Fit(table, options with { Epochs = epochs }, clock, epochs, phases);
        return clock.Best;
    }

    /// <summary>The best run's time per phase (a markdown table), then its allocations and collections per step.</summary>
    private static void PrintProfile(RunMark run, int steps, int threads)
    {
        Console.WriteLine($"ours ({threads} threads), where the best run's time went:");
        Console.WriteLine("| phase | ms/step | share |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var phase in Enum.GetValues<StepPhase>())
        {
            var seconds = run.Phases[(int)phase];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {1000 * seconds / steps:F2} | {seconds / run.Seconds:P1} |"));
        }
        var between = run.Seconds - run.Phases.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| (between steps) | {1000 * between / steps:F2} | {between / run.Seconds:P1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {run.Bytes / (1024.0 * 1024) / steps:F1} MiB/step; collections per step: gen0 {(double)run.Collections[0] / steps:F2}, " +
            $"gen1 {(double)run.Collections[1] / steps:F2}, gen2 {(double)run.Collections[2] / steps:F2}; " +
            $"collector pauses {1000 * run.Paused / steps:F2} ms/step ({run.Paused / run.Seconds:P1}, spread over the phases above)"));
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
    /// One run, or (in <see cref="RunClock"/>) the totals at its end: seconds, seconds per <see cref="StepPhase"/>, bytes
    /// allocated, collections of generations 0-2 and seconds the collector paused the process (within the phases' times).
    /// </summary>
    private sealed record RunMark(double Seconds, double[] Phases, long Bytes, int[] Collections, double Paused)
    {
        public static RunMark Now(StepClock phases) => new(
            Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency,
            [.. Enum.GetValues<StepPhase>().Select(phases.Seconds)],
            GC.GetTotalAllocatedBytes(),
            [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
            GC.GetTotalPauseDuration().TotalSeconds);

        public RunMark Since(RunMark start) => new(
            Seconds - start.Seconds,
            [.. Phases.Zip(start.Phases, (end, begin) => end - begin)],
            Bytes - start.Bytes,
            [.. Collections.Zip(start.Collections, (end, begin) => end - begin)],
            Paused - start.Paused);
    }

    /// <summary>
    /// The totals at the end of every run of <paramref name="epochsPerRun"/> epochs, from the trainer's per-epoch
    /// progress (reported synchronously on the training thread); the first run, which also holds the transformer's
    /// fitting, is not timed.
    /// </summary>
    private sealed class RunClock(int epochsPerRun, StepClock phases) : IProgress<GanProgress>
    {
        private readonly List<RunMark> ends = [];

        /// <summary>The fastest timed run.</summary>
        public RunMark Best => ends.Zip(ends.Skip(1), (start, end) => end.Since(start)).MinBy(run => run.Seconds)!;

        public void Report(GanProgress value)
        {
            if (value.Epoch % epochsPerRun == 0) ends.Add(RunMark.Now(phases));
        }
    }
}
