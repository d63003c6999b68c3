using System.Diagnostics;
using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps.Workers;

namespace Pipelines.Bench.Sweeps;

/// <summary>
/// Sweep throughput with 1 worker and with N worker processes sharing one trial store (SQLite by default, or a
/// PostgreSQL URL): the same grid of GBDT trials on breast_cancer.csv is created twice and run to completion, each worker a child
/// process of this bench training on one thread, and trials per second of wall time are printed for both, with a
/// check that both runs recorded the same trials with the same scores. Then the queue alone: clients (threads, each
/// with its own connection) claiming and finishing 400 empty trials, to show what the store itself costs per trial.
/// </summary>
public sealed class SweepWorkersBench : IBench
{
    private const string WorkerFlag = "--worker";

    /// <summary>24 grid points; a trial fits 3 folds of 50-300 boosting rounds on 569 rows x 30 features.</summary>
    private const string Space = """{"rounds": {"choice": [50, 100, 150, 200, 250, 300]}, "num_leaves": {"choice": [4, 16]}, "learning_rate": {"choice": [0.1, 0.3]}}""";

    public string Name => "sweep-workers";

    public string Description => "sweep throughput, 1 vs N worker processes on one store (args: [sqlite|postgresql://...] [workers=4])";

    public int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == WorkerFlag) return Worker(args[1], args[2], args[3]);
        var folder = Path.Combine(Path.GetTempPath(), "pipelines-sweep-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var storage = args.Length > 0 && args[0] != "sqlite" ? args[0] : "sqlite:" + Path.Combine(folder, "trials.db");
            var workers = BenchOptions.Int(args, 1, "workers", 4);
            using var store = TrialStores.OpenShared(storage);
            Console.WriteLine($"store {store}, {Environment.ProcessorCount} cores, workers train on 1 thread each");
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var runs = new[] { 1, workers }.Select(n => (Workers: n, Study: $"bench-{n}w-{suffix}")).ToArray();
            foreach (var (_, study) in runs) Create(store, study);

            Console.WriteLine();
            Console.WriteLine("| workers | trials | wall s | trials/s | mean trial s | speed-up |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
            double? single = null;
            foreach (var (n, study) in runs)
            {
                var clock = Stopwatch.StartNew();
                var children = Enumerable.Range(0, n).Select(w => StartWorker(storage, study, $"bench-w{w}")).ToList();
                foreach (var child in children) Finish(child);
                var seconds = clock.Elapsed.TotalSeconds;
                var trials = store.Trials(study);
                var rate = trials.Count / seconds;
                single ??= rate;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {trials.Count} | {seconds:F1} | {rate:F2} | {trials.Average(t => t.Seconds):F2} | {rate / single.Value:F2}x |"));
            }
            string Summary(TrialEntry t) => $"{t.Id} {t.Parameters.ToJsonString()} {t.Status} {t.Score:R}";
            var same = store.Trials(runs[0].Study).Select(Summary).SequenceEqual(store.Trials(runs[1].Study).Select(Summary));
            Console.WriteLine();
            Console.WriteLine(same ? "both runs recorded the same trials with the same scores" : "the runs recorded DIFFERENT trials");

            Console.WriteLine();
            Console.WriteLine("| queue clients | empty trials | claim+heartbeat+finish per s |");
            Console.WriteLine("| ---: | ---: | ---: |");
            foreach (var clients in new[] { 1, workers }) QueueOnly(store, storage, clients, $"queue-{clients}c-{suffix}");
            return same ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Create(ISharedTrialStore store, string study)
    {
        var data = Path.Combine(Trees.GbdtQualityBench.FindDataDirectory(), "breast_cancer.csv");
        SweepStudies.Create(store, study, new SweepStudyOptions
        {
            SpaceJson = Space, Learner = "gbdt", DataPath = data, Label = "diagnosis", Tuner = TunerKind.Grid, Folds = 3, Grace = TimeSpan.FromSeconds(30),
        });
    }

    /// <summary>Claims, heart-beats and finishes empty trials from <paramref name="clients"/> threads with their own store each.</summary>
    private static void QueueOnly(ISharedTrialStore store, string storage, int clients, string study)
    {
        const int trials = 400;
        var now = DateTimeOffset.UtcNow;
        var planned = Enumerable.Range(0, trials).Select(i => new TrialEntry(i, null, new() { ["x"] = i }, null, TrialStatus.Queued, null, [], 0, null, 0, null, now, null)).ToList();
        store.CreateStudy(new StudySpec(study, "bench", "Accuracy", true, study, "{}"), planned);
        var policy = new RequeuePolicy(TimeSpan.FromMinutes(1), 3);
        var clock = Stopwatch.StartNew();
        Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, c =>
        {
            using var own = TrialStores.OpenShared(storage);
            while (own.Claim(study, $"client{c}", policy).Claim is { } claim)
            {
                own.Heartbeat(claim);
                own.Finish(claim, claim.Trial with { Status = TrialStatus.Succeeded, Score = 1, FinishedAt = DateTimeOffset.UtcNow });
            }
        });
        var finished = store.Trials(study).Count(t => t.Status == TrialStatus.Succeeded);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {clients} | {finished} | {finished / clock.Elapsed.TotalSeconds:F0} |"));
    }

    private static Process StartWorker(string storage, string study, string id)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the bench executable");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(SweepWorkersBench).Assembly.Location);
        foreach (var a in new[] { "sweep-workers", WorkerFlag, storage, study, id }) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start a worker process");
    }

    private static void Finish(Process child)
    {
        using (child)
        {
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0) throw new InvalidOperationException($"a worker failed ({child.ExitCode}): {output}");
        }
    }

    private static int Worker(string storage, string study, string id)
    {
        using var store = TrialStores.OpenShared(storage);
        var summary = new SweepWorker(store, study, new SweepWorkerOptions { WorkerId = id, Threads = 1 }).Run();
        Console.WriteLine($"RESULT {summary.Finished} {summary.Stop}");
        return summary.Stop == WorkerStop.StudyComplete ? 0 : 1;
    }
}
